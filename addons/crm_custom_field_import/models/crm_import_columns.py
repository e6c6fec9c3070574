# -*- coding: utf-8 -*-
from odoo import api, models

# import kind -> (custom field target, model of the column: None for the row's own record,
# 'res.partner' for the customer row's primary contact)
KIND_TARGETS = {
    'customer': (('customer', None), ('contact', 'res.partner')),
    'contact': (('contact', None),),
    'lead': (('lead', None),),
}


class CrmImportColumns(models.AbstractModel):
    """The active custom fields of what a template imports are columns of it, headed by
    their label: in the downloaded template, matched in a file's header, converted and
    checked like the other columns (a choice by its label)."""
    _inherit = 'crm.import.columns'

    @api.model
    def _columns(self, kind):
        columns = super(CrmImportColumns, self)._columns(kind)
        Field = self.env['crm.custom.field'].sudo()
        for target, model in KIND_TARGETS.get(kind, ()):
            for custom in Field.search([('target', '=', target), ('field_name', '!=', False)]):
                if custom.field_name not in self.env[model or self._kind_model(kind)]._fields:
                    continue
                key = custom.field_name if model is None else 'contact_' + custom.field_name
                columns.append({'key': key, 'field': custom.field_name, 'required': False,
                                'label': None, 'model': model})
        return columns
