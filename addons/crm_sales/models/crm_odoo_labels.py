# -*- coding: utf-8 -*-
"""The CRM's words for Odoo's own fields.

Odoo's zh_CN names a partner's industry 工业, its tags 摘要, its province 州/省...; a
Chinese B2B sales team says 行业, 标签, 省份. ``ODOO_FIELD_LABELS`` lists, per model,
the fields of Odoo's modules the CRM labels differently, with the CRM's English label;
``ODOO_SELECTION_LABELS`` the values the CRM adds to a selection of Odoo's
(``selection_add``: Odoo extracts their terms for the field's own module, so no .po of
the CRM would carry them). Their translation is crm_sales' own (code terms in
i18n/zh_CN.po). After every load of module terms
(``ir.module.module._update_translations``) they are written as the fields' and the
selections' translations, so every screen (forms, lists, filters, export, import) says
the CRM's word whichever module loaded its terms last. Other modules extend the tables
by overriding ``ir.module.module._crm_odoo_field_labels`` /
``_crm_odoo_selection_labels``."""
from odoo import _

# evaluated at import time: ``_`` returns the English source here; it marks the terms
# for extraction into the .pot
ODOO_FIELD_LABELS = {
    'res.partner': {
        'industry_id': _('Industry'),
        'category_id': _('Tags'),
        'state_id': _('Province'),
        'city': _('City'),
        'street2': _('District'),
        'street': _('Detailed Address'),
        'zip': _('Postcode'),
        'country_id': _('Country'),
        'vat': _('Unified Social Credit Code'),
        'mobile': _('Mobile'),
        'phone': _('Phone'),
        'function': _('Job Title'),
        'website': _('Website'),
        'comment': _('Notes'),
    },
    'crm.lead': {
        'state_id': _('Province'),
        'city': _('City'),
        'street2': _('District'),
        'street': _('Detailed Address'),
        'zip': _('Postcode'),
        'mobile': _('Mobile'),
        'phone': _('Phone'),
        'tag_ids': _('Tags'),
    },
}

# {model: {field: [English labels of the values the CRM adds]}}
ODOO_SELECTION_LABELS = {
    'res.partner': {
        'type': [_('Registered address'), _('Office address')],
    },
}
