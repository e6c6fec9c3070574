# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmLead(models.Model):
    """The tasks of an opportunity: a smart button on its form."""
    _inherit = 'crm.lead'

    crm_task_count = fields.Integer('Tasks', compute='_compute_crm_task_count')

    def _compute_crm_task_count(self):
        Task = self.env['crm.task']
        counts = {}
        if self.ids and Task.check_access_rights('read', raise_exception=False):
            data = Task.read_group([('lead_id', 'in', self.ids)], ['lead_id'], ['lead_id'])
            counts = {d['lead_id'][0]: d['lead_id_count'] for d in data}
        for lead in self:
            lead.crm_task_count = counts.get(lead.id, 0)

    @api.multi
    def action_view_crm_tasks(self):
        self.ensure_one()
        context = {'default_lead_id': self.id}
        if self.partner_id:
            context['default_partner_id'] = self.partner_id.id
        return self.env['crm.task']._crm_task_list_action([('lead_id', '=', self.id)], context)
