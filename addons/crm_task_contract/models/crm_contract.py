# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmContract(models.Model):
    """Its tasks: a smart button on the form."""
    _inherit = 'crm.contract'

    crm_task_count = fields.Integer('Tasks', compute='_compute_crm_task_count')

    def _compute_crm_task_count(self):
        Task = self.env['crm.task']
        counts = {}
        if self.ids and Task.check_access_rights('read', raise_exception=False):
            data = Task.read_group([('contract_id', 'in', self.ids)], ['contract_id'], ['contract_id'])
            counts = {d['contract_id'][0]: d['contract_id_count'] for d in data}
        for rec in self:
            rec.crm_task_count = counts.get(rec.id, 0)

    @api.multi
    def action_view_crm_tasks(self):
        self.ensure_one()
        context = {'default_contract_id': self.id}
        if self.partner_id:
            context['default_partner_id'] = self.partner_id.id
        return self.env['crm.task']._crm_task_list_action([('contract_id', '=', self.id)], context)
