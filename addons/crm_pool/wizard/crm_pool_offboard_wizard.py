# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.crm_sales.grant import grant


class CrmPoolOffboardWizard(models.TransientModel):
    """Offboarding: archive users; their customers go to the pools or to a colleague."""
    _name = 'crm.pool.offboard.wizard'
    _description = 'Offboard Salespeople'

    user_ids = fields.Many2many(
        'res.users', string='Leaving Users', required=True,
        default=lambda self: [(6, 0, self.env.context.get('active_ids') or [])
                              if self.env.context.get('active_model') == 'res.users' else []])
    mode = fields.Selection([('pool', 'Release to the public pools'),
                             ('user', 'Give to a colleague')],
                            string='Their Customers', required=True, default='pool')
    target_user_id = fields.Many2one('res.users', string='Colleague')
    reason = fields.Char(default=lambda self: _('Offboarding'))
    customer_count = fields.Integer(compute='_compute_customer_count')

    @api.depends('user_ids')
    def _compute_customer_count(self):
        for wiz in self:
            wiz.customer_count = self.env['res.partner'].sudo().search_count([
                ('is_crm_customer', '=', True), ('user_id', 'in', wiz.user_ids.ids)])

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        if not self.env.user._crm_is_manager():
            raise UserError(_('Only sales managers may offboard salespeople.'))
        if self.mode == 'user' and not self.target_user_id:
            raise UserError(_('Choose the colleague who takes over the customers.'))
        self.user_ids._pool_offboard(
            target=self.target_user_id if self.mode == 'user' else None,
            reason=self.reason)
        grant(self.user_ids.sudo(), 'pool_skip_offboard').write({'active': False})
        return {'type': 'ir.actions.act_window_close'}
