# -*- coding: utf-8 -*-
from odoo import api, fields, models

from ..models.crm_lead_opportunity import END_STATUSES


class CrmOpportunityEnd(models.TransientModel):
    """Close an opportunity: won, lost or invalid (lost/invalid with a reason)."""
    _name = 'crm.opportunity.end'
    _description = 'Close Opportunity'

    lead_id = fields.Many2one('crm.lead', string='Opportunity', required=True)
    end_status = fields.Selection(END_STATUSES, string='End Status', required=True,
                                  default='won')
    reason_id = fields.Many2one('crm.lost.reason', string='Reason')
    note = fields.Text('Note')

    @api.multi
    def action_apply(self):
        self.ensure_one()
        self.lead_id.action_set_end_status(self.end_status, reason_id=self.reason_id.id,
                                           note=self.note)
        return {'type': 'ir.actions.act_window_close'}
