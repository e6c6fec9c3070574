# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.res_partner import normalize_name


class CrmLeadConvert(models.TransientModel):
    """Convert a lead: customer (new or existing), contact person, optional opportunity."""
    _name = 'crm.lead.convert'
    _description = 'Convert Lead'

    lead_id = fields.Many2one('crm.lead', 'Lead', required=True, ondelete='cascade')
    action = fields.Selection([('create', 'Create a new customer'),
                               ('exist', 'Link to an existing customer')],
                              'Customer', required=True, default='create')
    partner_name = fields.Char('New Customer Name')
    partner_id = fields.Many2one('res.partner', 'Existing Customer',
                                 domain=[('is_company', '=', True), ('customer', '=', True)])
    contact_name = fields.Char('Contact Person')
    create_opportunity = fields.Boolean('Also create an opportunity', default=False)
    opportunity_name = fields.Char('Opportunity Name')
    user_id = fields.Many2one('res.users', 'Owner')
    duplicate_warning = fields.Text(related='lead_id.duplicate_warning', readonly=True)

    @api.model
    def default_get(self, fields_list):
        res = super(CrmLeadConvert, self).default_get(fields_list)
        lead = self.env['crm.lead'].browse(self.env.context.get('active_id'))
        if not lead or self.env.context.get('active_model') != 'crm.lead':
            return res
        res['lead_id'] = lead.id
        res['partner_name'] = lead.partner_name or False
        res['contact_name'] = lead.contact_name or False
        res['opportunity_name'] = lead.name
        res['user_id'] = (lead.user_id or self.env.user).id
        # a customer with the same name the user can see: propose to link it
        if lead.partner_name:
            same = self.env['res.partner'].search(
                [('name_normalized', '=', normalize_name(lead.partner_name)),
                 ('is_crm_customer', '=', True)], limit=1)
            if same:
                res['action'] = 'exist'
                res['partner_id'] = same.id
        if 'partner_id' not in res and lead.partner_id.commercial_partner_id.is_company:
            res['action'] = 'exist'
            res['partner_id'] = lead.partner_id.commercial_partner_id.id
        return res

    @api.multi
    def action_apply(self):
        self.ensure_one()
        if self.action == 'exist' and not self.partner_id:
            raise UserError(_('Choose the existing customer to link the lead to.'))
        result = self.lead_id.action_convert(
            partner_id=self.partner_id.id if self.action == 'exist' else False,
            create_opportunity=self.create_opportunity,
            opportunity_name=self.opportunity_name,
            user_id=self.user_id.id,
            contact_name=self.contact_name,
            partner_name=self.partner_name if self.action == 'create' else False)
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'res.partner',
            'view_mode': 'form',
            'res_id': result['partner_id'],
            'views': [(self.env.ref('crm_sales.res_partner_view_form_customer').id, 'form')],
            'target': 'current',
        }
