# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmPoolAssignWizard(models.TransientModel):
    """A leader or manager gives pool customers to a salesperson."""
    _name = 'crm.pool.assign.wizard'
    _description = 'Assign Pool Customers'

    partner_ids = fields.Many2many(
        'res.partner', string='Customers',
        default=lambda self: [(6, 0, self.env.context.get('active_ids') or [])])
    user_id = fields.Many2one(
        'res.users', string='Salesperson', required=True,
        domain=lambda self: [('groups_id', 'in', self.env.ref('crm_sales.group_crm_salesman').id)])

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        done = self.partner_ids.action_pool_assign(self.user_id.id)
        return done if isinstance(done, dict) else {'type': 'ir.actions.act_window_close'}
