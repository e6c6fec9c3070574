# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class CrmServiceProcessWizard(models.TransientModel):
    """"Mark as Processed" asks for the solution (prefilled with the one written on the
    ticket) instead of failing on an empty one."""
    _name = 'crm.service.process.wizard'
    _description = 'Mark a Service Ticket as Processed'

    ticket_id = fields.Many2one('crm.service.ticket', string='Ticket', required=True, ondelete='cascade')
    solution = fields.Text('Solution', required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_process(self.solution)
        return self.env['crm.notify'].done(_('Ticket %s is processed: the customer is asked for '
                                             'feedback.') % self.ticket_id.number)
