# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmQuotation(models.Model):
    """An accepted quote becomes a draft contract in one click (customer, contact as the
    customer's signer, opportunity, lines, extra discount); the opportunity moves to its
    contract stage; the quote links to its contract."""
    _inherit = 'crm.quotation'

    contract_id = fields.Many2one('crm.contract', 'Contract', readonly=True, copy=False,
                                  index=True, ondelete='set null')

    @api.multi
    def action_create_contract(self):
        """Create the contract of this accepted quote; returns the contract's form."""
        self.ensure_one()
        self._crm_start_action(('accepted',), _('"%s" is not accepted by the customer: only '
                                                'an accepted quotation becomes a contract.'))
        if self.contract_id:
            raise UserError(_('"%s" already has its contract %s.') % (
                self.display_name, self.contract_id.sudo().display_name))
        contract = self.env['crm.contract'].create(self._crm_contract_vals())
        self._crm_action_write({'contract_id': contract.id})
        self._crm_post(_('Contract %s created by %s.') % (contract.display_name,
                                                           self.env.user.name))
        contract.sudo().message_post(
            body=_('Created from the quotation %s.') % self.display_name,
            author_id=self.env.user.partner_id.id, subtype='mail.mt_note')
        if self.lead_id:
            self._crm_lead_to_contract_stage()
        return contract._crm_form_action()

    def _crm_contract_vals(self):
        self.ensure_one()
        return {
            'name': self.title or self.lead_id.name or self.reference,
            'partner_id': self.partner_id.id,
            'lead_id': self.lead_id.id or False,
            'user_id': self.user_id.id,
            'team_id': self.team_id.id,
            'customer_signer_id': self.contact_id.id or False,
            'sign_date': self.env['crm.clock'].today_str(),
            'discount': self.discount,
            'note': self.note or False,
            'line_ids': [(0, 0, {'product_id': line.product_id.id,
                                 'list_price': line.list_price,
                                 'price_unit': line.price_unit,
                                 'quantity': line.quantity,
                                 'sequence': line.sequence})
                         for line in self.line_ids],
        }

    def _crm_lead_to_contract_stage(self):
        """The opportunity goes to the contract stage of its status group: the last
        open stage (not folded, below 100 %), never backwards, and only when the user
        may move it."""
        lead = self.lead_id
        stage = lead.sudo()._crm_quote_contract_stage()
        if not stage or lead.sudo().end_status or \
                stage.sequence <= lead.sudo().stage_id.sequence:
            return False
        try:
            lead.check_access_rule('write')
        except Exception:   # the quote's user may not move a colleague's opportunity
            return False
        lead.write({'stage_id': stage.id})
        return True
