# -*- coding: utf-8 -*-
from odoo import fields, models


class ResPartner(models.Model):
    """The customer card's activity counts the visits done (checked out) in the last 90
    days: a visit makes a customer at least "quiet"."""
    _inherit = 'res.partner'

    activity_visit_count = fields.Integer('Visits (90 days)',
                                          compute='_compute_lifecycle_activity')

    def _crm_activity_contacts(self, partner, since):
        contacts = super(ResPartner, self)._crm_activity_contacts(partner, since)
        contacts['activity_visit_count'] = partner and self._crm_count_readable('crm.visit', [
            ('customer_id', '=', partner.id), ('visit_state', '=', 'done'),
            ('checkin_at', '>=', since)]) or 0
        return contacts
