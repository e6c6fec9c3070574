# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    service_ticket_ids = fields.One2many('crm.service.ticket', 'partner_id', string='Service Tickets')
    service_ticket_count = fields.Integer('Tickets', compute='_compute_service_ticket_count')
    service_plan_ids = fields.One2many('crm.service.plan', 'partner_id', string='Service Plans')

    def _compute_service_ticket_count(self):
        counts = self.env['crm.service.ticket']._counts_by('partner_id', self.ids)
        for partner in self:
            partner.service_ticket_count = counts.get(partner.id, 0)

    @api.multi
    def action_view_service_tickets(self):
        self.ensure_one()
        action = self.env.ref('crm_service.crm_service_ticket_action').read()[0]
        action.update({'domain': [('partner_id', '=', self.commercial_partner_id.id)],
                       'context': {'default_partner_id': self.commercial_partner_id.id},
                       'name': _('Tickets of %s') % self.commercial_partner_id.name})
        return action

    @api.multi
    def action_new_service_ticket(self):
        """Open a new ticket for this customer (or contact) in the ticket form."""
        self.ensure_one()
        customer = self.commercial_partner_id
        contact = self if self != customer else customer.primary_contact_id
        return {
            'type': 'ir.actions.act_window', 'res_model': 'crm.service.ticket', 'view_mode': 'form',
            'name': _('New Ticket'), 'target': 'current',
            'context': {'default_partner_id': customer.id, 'default_contact_id': contact.id,
                        'default_channel': 'phone'},
        }


class CrmFollowUp(models.Model):
    _inherit = 'crm.follow.up'

    @api.multi
    def action_new_service_ticket(self):
        """A ticket from a follow-up: the customer, the first contact and the content."""
        self.ensure_one()
        action = self.partner_id.action_new_service_ticket()
        channel = {'call': 'phone', 'visit': 'visit', 'email': 'email', 'wechat': 'wechat'}
        action['context'].update({
            'default_contact_id': self.contact_ids[:1].id or action['context']['default_contact_id'],
            'default_description': self.content or '',
            'default_channel': channel.get(self.follow_up_type, 'phone'),
        })
        return action
