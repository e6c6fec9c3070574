# -*- coding: utf-8 -*-
from odoo import fields, models


class ResPartner(models.Model):
    """The customer card's activity counts the service tickets the customer opened in the
    last 90 days: a ticket makes a customer at least "quiet"."""
    _inherit = 'res.partner'

    activity_ticket_count = fields.Integer('Service Tickets (90 days)',
                                           compute='_compute_lifecycle_activity')

    def _crm_activity_contacts(self, partner, since):
        contacts = super(ResPartner, self)._crm_activity_contacts(partner, since)
        contacts['activity_ticket_count'] = partner and self._crm_count_readable(
            'crm.service.ticket', [('partner_id', '=', partner.id),
                                   ('create_date', '>=', since)]) or 0
        return contacts
