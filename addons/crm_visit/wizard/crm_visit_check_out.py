# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmVisitCheckOut(models.TransientModel):
    """签退 dialog: the notes of the visit and the next contact time; the visit's own
    action (``crm.visit.action_check_out``) does every check."""
    _name = 'crm.visit.check.out'
    _description = 'Visit Check-out'

    visit_id = fields.Many2one('crm.visit', 'Visit', required=True, ondelete='cascade')
    note = fields.Text('Visit Notes', required=True,
                       help='What was discussed: it becomes the follow-up of the customer.')
    next_contact_at = fields.Datetime('Next Contact')

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        return self.visit_id.with_context(crm_notify=True).action_check_out(
            self.note, next_contact_at=self.next_contact_at or None)
