# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmLeadInvalid(models.TransientModel):
    """Mark one or more leads invalid with a reason."""
    _name = 'crm.lead.invalid'
    _description = 'Mark Leads Invalid'

    lead_ids = fields.Many2many('crm.lead', string='Leads',
                                default=lambda self: self.env.context.get('active_ids'))
    reason = fields.Text('Reason', required=True)

    @api.multi
    def action_apply(self):
        self.ensure_one()
        self.lead_ids.action_mark_invalid(self.reason)
        return {'type': 'ir.actions.act_window_close'}
