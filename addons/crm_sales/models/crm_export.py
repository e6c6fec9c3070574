# -*- coding: utf-8 -*-
import json

from lxml import etree

from odoo import api, models

# never offered in the export dialog of a CRM model: chatter, activities, images
TECHNICAL_PREFIXES = ('message_', 'activity_', 'website_message', '__')
TECHNICAL_TYPES = ('binary',)
TECHNICAL_NAMES = ('display_name',)


class CrmExport(models.AbstractModel):
    """Export (导出) of the CRM's models: the dialog lists the fields a user sees on the
    model's screens (its primary form and list views, as this user gets them), not
    Odoo's technical fields; the file is named after its records: a model may define
    ``_crm_export_name()`` on them (customers / contacts, leads / opportunities), else the
    model's name in the user's language."""
    _name = 'crm.export'
    _description = 'CRM Export'

    @api.model
    def _export_field_names(self, model):
        Model = self.env[model]
        views = self.env['ir.ui.view'].sudo().search([
            ('model', '=', model), ('type', 'in', ('form', 'tree')), ('mode', '=', 'primary')])
        names = set()
        for view in views:
            res = Model.fields_view_get(view_id=view.id, view_type=view.type)
            names |= self._visible_fields(etree.fromstring(res['arch']), res['fields'])
        return {n for n in names if self._is_user_field(Model, n)}

    @api.model
    def _visible_fields(self, arch, fields):
        """Names of the view's own fields (not of its embedded lists) not always hidden."""
        names = set()
        for node in arch.iter('field'):
            name = node.get('name')
            if name not in fields or any(a.tag == 'field' for a in node.iterancestors()):
                continue
            modifiers = json.loads(node.get('modifiers') or '{}')
            if modifiers.get('invisible') is not True and modifiers.get('column_invisible') is not True:
                names.add(name)
        return names

    @api.model
    def _is_user_field(self, Model, name):
        field = Model._fields.get(name)
        return bool(field) and not name.startswith(TECHNICAL_PREFIXES) and \
            name not in TECHNICAL_NAMES and field.type not in TECHNICAL_TYPES

    @api.model
    def _filter_export_fields(self, model, fields):
        """``fields`` (fields_get of ``model``) reduced to what the export dialog offers."""
        keep = self._export_field_names(model) | {'id'}
        return {name: desc for name, desc in fields.items() if name in keep}

    @api.model
    def _export_file_name(self, model, ids=None, domain=None):
        """The exported file's name (without extension) for these records: 客户, 商机..."""
        Model = self.env[model]
        records = Model.browse(ids) if ids else Model.search(domain or [], limit=1000)
        if hasattr(records, '_crm_export_name'):
            name = records._crm_export_name()
            if name:
                return name
        return self.env['ir.model']._get(model).name or model
