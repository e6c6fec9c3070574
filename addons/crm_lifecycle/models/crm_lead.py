# -*- coding: utf-8 -*-
from odoo import api, models

WATCHED = ('partner_id', 'converted_partner_id', 'type')


class CrmLead(models.Model):
    """Leads and opportunities give their customer its lead and first opportunity dates
    and move its lifecycle stage."""
    _inherit = 'crm.lead'

    def _crm_lifecycle_partner_ids(self):
        leads = self.sudo()
        return (leads.mapped('partner_id') | leads.mapped('converted_partner_id')).ids

    @api.model
    def create(self, vals):
        lead = super(CrmLead, self).create(vals)
        if vals.get('partner_id') or vals.get('converted_partner_id'):
            self.env['res.partner']._crm_lifecycle_refresh(lead._crm_lifecycle_partner_ids())
        return lead

    @api.multi
    def write(self, vals):
        watched = any(name in vals for name in WATCHED)
        before = self._crm_lifecycle_partner_ids() if watched else []
        res = super(CrmLead, self).write(vals)
        if watched:
            self.env['res.partner']._crm_lifecycle_refresh(
                set(before) | set(self._crm_lifecycle_partner_ids()))
        return res
