# -*- coding: utf-8 -*-
from odoo import api, fields, models


class ResPartner(models.Model):
    """The tasks of a customer: a smart button on its form."""
    _inherit = 'res.partner'

    crm_task_count = fields.Integer('Tasks', compute='_compute_crm_task_count')

    def _compute_crm_task_count(self):
        Task = self.env['crm.task']
        counts = {}
        if self.ids and Task.check_access_rights('read', raise_exception=False):
            data = Task.read_group([('partner_id', 'in', self.ids)], ['partner_id'], ['partner_id'])
            counts = {d['partner_id'][0]: d['partner_id_count'] for d in data}
        for partner in self:
            partner.crm_task_count = counts.get(partner.id, 0)

    @api.multi
    def action_view_crm_tasks(self):
        self.ensure_one()
        return self.env['crm.task']._crm_task_list_action(
            [('partner_id', '=', self.id)], {'default_partner_id': self.id})
