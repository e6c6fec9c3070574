# -*- coding: utf-8 -*-
from odoo import api, fields, models

from odoo.addons.crm_sales.models.crm_todo import LIST_LIMIT


class CrmTodo(models.TransientModel):
    _inherit = 'crm.todo'

    pool_about_to_release_count = fields.Integer(
        'My Customers About to Be Released', compute='_compute_pool_about_to_release_count')

    pool_about_to_release_ids = fields.Many2many(
        'res.partner', string='My Customers About to Be Released',
        compute='_compute_pool_about_to_release_count',
        help='Your customers that the public pool rules will release soon unless you follow '
             'them up or win a deal appear here.')

    @api.multi
    def _compute_pool_about_to_release_count(self):
        # counted and listed in SQL: a salesperson may have thousands about to go
        count, ids = self.env['crm.pool.rule'].sudo()._about_to_release_first(
            user_ids=[self.env.uid], limit=LIST_LIMIT)
        customers = self.env['res.partner'].browse(ids)
        for todo in self:
            todo.pool_about_to_release_count = count
            todo.pool_about_to_release_ids = customers

    @api.multi
    def action_open_pool_about_to_release(self):
        ids = list(self.env['crm.pool.rule'].sudo()._get_about_to_release(
            user_ids=[self.env.uid]))
        action = self.env.ref('crm_pool.res_partner_action_about_to_release').read()[0]
        action['domain'] = [('id', 'in', ids)]
        return action
