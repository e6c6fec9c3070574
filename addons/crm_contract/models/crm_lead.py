# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    """A won opportunity becomes a contract in one click (customer, products, discount
    and amount carried over); the opportunity lists its contracts."""
    _inherit = 'crm.lead'

    contract_ids = fields.One2many('crm.contract', 'lead_id', 'Contracts')
    contract_count = fields.Integer('Contracts', compute='_compute_contract_count')

    def _compute_contract_count(self):
        for lead in self:
            lead.contract_count = len(lead.contract_ids)

    @api.multi
    def action_create_contract(self):
        """Create a draft contract from this won opportunity; returns its form."""
        self.env.user._crm_check_can_act()
        self.ensure_one()
        self.check_access_rule('write')
        if self.type != 'opportunity' or self.end_status != 'won':
            raise UserError(_('Only a won opportunity becomes a contract: "%s" is not won.')
                            % self.name)
        partner = self.partner_id.commercial_partner_id
        if not partner or not partner.is_crm_customer:
            raise UserError(_('"%s" has no customer: set its customer first.') % self.name)
        contract = self.env['crm.contract'].create(self._crm_contract_vals(partner))
        self.message_post(body=_('Contract %s created by %s.') % (
            contract.display_name, self.env.user.name), subtype='mail.mt_note')
        return contract._crm_form_action()

    def _crm_contract_vals(self, partner):
        contact = self.partner_id if self.partner_id.parent_id == partner else partner.primary_contact_id
        return {
            'name': self.name,
            'partner_id': partner.id,
            'lead_id': self.id,
            'user_id': (self.user_id or self.env.user).id,
            'team_id': self.team_id.id or self.user_id.sale_team_id.id,
            'customer_signer_id': contact.id or False,
            'sign_date': self.env['crm.clock'].today_str(),
            'discount': self.discount,
            'amount_total': self.amount_total or self.planned_revenue,
            'line_ids': [(0, 0, {'product_id': line.product_id.id,
                                 'list_price': line.list_price,
                                 'price_unit': line.offer_price,
                                 'quantity': line.quantity,
                                 'sequence': line.sequence})
                         for line in self.product_line_ids],
        }

    @api.multi
    def action_view_contracts(self):
        self.ensure_one()
        action = self.env.ref('crm_contract.crm_contract_action').read()[0]
        action.update({'domain': [('lead_id', '=', self.id)], 'context': {'create': False}})
        return action
