# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmContractLinkMixin(models.AbstractModel):
    """A contract of the record's own customer (optional)."""
    _name = 'crm.service.contract.link'
    _description = 'Link to a Contract of the Customer'

    contract_id = fields.Many2one('crm.contract', string='Contract', index=True,
                                  domain="[('partner_id', '=', partner_id)]")

    @api.constrains('contract_id', 'partner_id')
    def _check_contract_customer(self):
        for record in self.sudo():
            if record.contract_id and record.contract_id.partner_id != record.partner_id:
                raise ValidationError(_('Contract %s belongs to %s, not to %s.') % (
                    record.contract_id.number or record.contract_id.name,
                    record.contract_id.partner_id.name, record.partner_id.name))

    @api.onchange('partner_id')
    def _onchange_partner_contract(self):
        if self.contract_id and self.contract_id.partner_id != self.partner_id:
            self.contract_id = False


class CrmServiceTicket(models.Model):
    _name = 'crm.service.ticket'
    _inherit = ['crm.service.ticket', 'crm.service.contract.link']


class CrmServicePlan(models.Model):
    _name = 'crm.service.plan'
    _inherit = ['crm.service.plan', 'crm.service.contract.link']

    def _run(self, today):
        count = len(self.ticket_ids)
        super(CrmServicePlan, self)._run(today)
        new = self.ticket_ids[count:] if len(self.ticket_ids) > count else self.env['crm.service.ticket']
        if self.contract_id and new:
            new.write({'contract_id': self.contract_id.id})


class CrmContract(models.Model):
    _inherit = 'crm.contract'

    service_ticket_ids = fields.One2many('crm.service.ticket', 'contract_id', string='Service Tickets')
    service_ticket_count = fields.Integer('Tickets', compute='_compute_service_ticket_count')

    def _compute_service_ticket_count(self):
        counts = self.env['crm.service.ticket']._counts_by('contract_id', self.ids)
        for contract in self:
            contract.service_ticket_count = counts.get(contract.id, 0)

    @api.multi
    def action_view_service_tickets(self):
        self.ensure_one()
        action = self.env.ref('crm_service.crm_service_ticket_action').read()[0]
        action.update({'domain': [('contract_id', '=', self.id)],
                       'context': {'default_partner_id': self.partner_id.id, 'default_contract_id': self.id}})
        return action
