# -*- coding: utf-8 -*-
from odoo import api, fields, models

SCORES = [('1', '1 - Very dissatisfied'), ('2', '2 - Dissatisfied'), ('3', '3 - Neutral'),
          ('4', '4 - Satisfied'), ('5', '5 - Very satisfied')]


class CrmServiceFeedbackWizard(models.TransientModel):
    """Staff record the customer's feedback on a processed ticket (phone call, visit)."""
    _name = 'crm.service.feedback.wizard'
    _description = 'Record Service Feedback'

    ticket_id = fields.Many2one('crm.service.ticket', string='Ticket', required=True, ondelete='cascade')
    satisfaction = fields.Selection(SCORES, string='Satisfaction', required=True)
    comment = fields.Text('Customer Feedback')

    @api.multi
    def action_confirm(self):
        for wizard in self:
            wizard.ticket_id.action_feedback(int(wizard.satisfaction), wizard.comment or False)
        return {'type': 'ir.actions.act_window_close'}
