# -*- coding: utf-8 -*-
"""The Odoo field behind a custom field: what it applies to (``_crm_targets``, the one
extension point), and the ``ir.model.fields`` record (state ``manual``) this model
creates, updates and drops itself. Every value of that record is built here: the name
is ``x_crm_<id>``, the model comes from the target, the label and options are the
checked ones; a client's ``vals`` never reach ``ir.model.fields``."""
import json
from collections import OrderedDict

from odoo import _, api, models
from odoo.exceptions import UserError

CHAR_SIZE = 255


class CrmCustomField(models.Model):
    _inherit = 'crm.custom.field'

    @api.model
    def _crm_targets(self):
        """{key: spec} of what custom fields may be added to, in menu order. A spec:
        ``label``; ``model``; ``form`` / ``tree`` / ``search``: the xml ids of the
        screens showing them; ``hide``: the domain hiding them on a form shared with
        other records (customers and contacts share one form). A module adds its own
        target by extending this method; a target whose model or screens are not
        installed is not offered (contracts need crm_contract)."""
        targets = OrderedDict()
        targets['customer'] = {
            'label': _('Customers'), 'model': 'res.partner',
            'form': 'crm_sales.res_partner_view_form_customer',
            'tree': 'crm_sales.res_partner_view_tree_customer',
            'search': 'crm_sales.res_partner_view_search_customer',
            'hide': [('is_company', '=', False)],
        }
        targets['contact'] = {
            'label': _('Contacts'), 'model': 'res.partner',
            'form': 'crm_sales.res_partner_view_form_customer',
            'tree': 'crm_sales.res_partner_view_tree_contact',
            'search': 'crm_sales.res_partner_view_search_contact',
            'hide': [('is_company', '=', True)],
        }
        targets['lead'] = {
            'label': _('Leads'), 'model': 'crm.lead',
            'form': 'crm.crm_case_form_view_leads',
            'tree': 'crm_sales.crm_lead_view_tree_crm_sales',
            'search': 'crm_sales.crm_lead_view_search_crm_sales',
        }
        targets['opportunity'] = {
            'label': _('Opportunities'), 'model': 'crm.lead',
            'form': 'crm.crm_case_form_view_oppor',
            'tree': 'crm.crm_case_tree_view_oppor',
            'search': 'crm.view_crm_case_opportunities_filter',
        }
        targets['contract'] = {
            'label': _('Contracts'), 'model': 'crm.contract',
            'form': 'crm_contract.crm_contract_view_form',
            'tree': 'crm_contract.crm_contract_view_tree',
            'search': 'crm_contract.crm_contract_view_search',
        }
        return OrderedDict(
            (key, spec) for key, spec in targets.items()
            if spec['model'] in self.env.registry and
            self.env.ref(spec['form'], raise_if_not_found=False))

    @api.multi
    def _crm_field_vals(self, pairs):
        """The values of the ``ir.model.fields`` record, built from checked data only."""
        self.ensure_one()
        spec = self._crm_targets()[self.target]
        vals = {
            'name': 'x_crm_%d' % self.id,
            'model_id': self.env['ir.model']._get(spec['model']).id,
            'field_description': self.name,
            'ttype': self.field_type,
            'state': 'manual',
            'store': True,
            'index': False,
            'copy': False,
            'required': False,
            'readonly': False,
        }
        if self.field_type == 'char':
            vals['size'] = CHAR_SIZE
        if self.field_type == 'selection':
            vals['selection'] = repr([(str(k), str(v)) for k, v in pairs])
        return vals

    @api.multi
    def _crm_create_schema(self):
        """Create the Odoo field and its screens (as superuser, after the caller's
        checks in ``create``)."""
        self.ensure_one()
        pairs = self._crm_next_option_pairs() if self.field_type == 'selection' else []
        vals = self._crm_field_vals(pairs)
        IrFields = self.env['ir.model.fields']
        if IrFields._get(self._crm_targets()[self.target]['model'], vals['name']):
            raise UserError(_('The custom field could not be added: its technical name is '
                              'taken. Ask the system administrator.'))
        ir_field = IrFields.create(vals)
        self._crm_translate_label(ir_field)
        self.write({'field_name': ir_field.name, 'ir_field_id': ir_field.id,
                    'option_keys': json.dumps(pairs, ensure_ascii=False)})
        self._crm_create_views()

    @api.multi
    def _crm_translate_label(self, ir_field):
        """The label in every installed language (users read it as typed)."""
        Translation = self.env['ir.translation']
        for lang, _name in self.env['res.lang'].get_installed():
            if lang != 'en_US':
                Translation._set_ids('ir.model.fields,field_description', 'model', lang,
                                     ir_field.ids, self.name, self.name)

    @api.multi
    def _crm_update_schema(self, vals):
        """After a write: the label, the options, and the screens follow."""
        self.ensure_one()
        if not self.ir_field_id:
            return
        field_vals = {}
        if 'name' in vals and self.ir_field_id.field_description != self.name:
            field_vals['field_description'] = self.name
        if 'options' in vals and self.field_type == 'selection':
            pairs = self._crm_next_option_pairs()
            if pairs != self._crm_option_pairs():
                field_vals['selection'] = repr([(str(k), str(v)) for k, v in pairs])
                self.write({'option_keys': json.dumps(pairs, ensure_ascii=False)})
        if field_vals:
            self.ir_field_id.with_context(lang=None).write(field_vals)
            if 'field_description' in field_vals:
                self._crm_translate_label(self.ir_field_id)
        self._crm_update_views()

    @api.multi
    def _crm_drop_schema(self):
        """Remove the screens, then the Odoo field and its column (only for a field with
        no value: ``unlink`` checked it)."""
        self.ensure_one()
        self._crm_drop_views()
        if self.ir_field_id:
            self.ir_field_id.unlink()
