# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmServiceTicket(models.Model):
    """Its tasks: a smart button on the form."""
    _inherit = 'crm.service.ticket'

    crm_task_count = fields.Integer('Tasks', compute='_compute_crm_task_count')

    def _compute_crm_task_count(self):
        Task = self.env['crm.task']
        counts = {}
        if self.ids and Task.check_access_rights('read', raise_exception=False):
            data = Task.read_group([('ticket_id', 'in', self.ids)], ['ticket_id'], ['ticket_id'])
            counts = {d['ticket_id'][0]: d['ticket_id_count'] for d in data}
        for rec in self:
            rec.crm_task_count = counts.get(rec.id, 0)

    @api.multi
    def action_view_crm_tasks(self):
        self.ensure_one()
        context = {'default_ticket_id': self.id}
        if self.partner_id:
            context['default_partner_id'] = self.partner_id.id
        return self.env['crm.task']._crm_task_list_action([('ticket_id', '=', self.id)], context)
