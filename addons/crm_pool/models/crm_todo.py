# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmTodo(models.TransientModel):
    _inherit = 'crm.todo'

    pool_about_to_release_count = fields.Integer(
        'My Customers About to Be Released', compute='_compute_pool_about_to_release_count')

    @api.multi
    def _compute_pool_about_to_release_count(self):
        count = len(self.env['crm.pool.rule'].sudo()._get_about_to_release(
            user_ids=[self.env.uid]))
        for todo in self:
            todo.pool_about_to_release_count = count

    @api.multi
    def action_open_pool_about_to_release(self):
        ids = list(self.env['crm.pool.rule'].sudo()._get_about_to_release(
            user_ids=[self.env.uid]))
        action = self.env.ref('crm_pool.res_partner_action_about_to_release').read()[0]
        action['domain'] = [('id', 'in', ids)]
        return action
