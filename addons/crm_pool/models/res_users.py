# -*- coding: utf-8 -*-
from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    crm_pool_visible_ids = fields.Many2many(
        'crm.pool', string='Visible Pools', compute='_compute_crm_pool_visible_ids',
        help='Pools whose customers this user sees and may claim as a salesperson.')
    # Bumped (row lock) by every operation adding customers to the user, to serialize the
    # limit checks across workers. See res.partner._pool_lock_user.
    crm_pool_op_seq = fields.Integer(readonly=True, copy=False, groups='base.group_system')

    @api.multi
    def _crm_partner_rule_domain(self, mode='read'):
        """crm_sales' data scope on res.partner, plus (for reading) the customers waiting
        in a pool: those of the pools serving the user's team for a salesperson, every
        pool customer for a leader. Writing pool customers only happens through the pool
        operations (claim, assign), which check their own rights."""
        domain = super(ResUsers, self)._crm_partner_rule_domain(mode)
        if mode != 'read' or domain == [(1, '=', 1)]:
            return domain
        if self.has_group('crm_sales.group_crm_leader'):
            pool_domain = [('crm_pool_id', '!=', False)]
        else:
            pool_domain = [('crm_pool_id', 'in', self.crm_pool_visible_ids.ids)]
        return ['|'] + pool_domain + list(domain)

    def _compute_crm_pool_visible_ids(self):
        Pool = self.env['crm.pool']
        for user in self:
            user.crm_pool_visible_ids = Pool._get_visible_for_user(user.sudo())

    @api.multi
    def write(self, vals):
        if 'active' in vals and not vals['active'] and \
                not self.env.context.get('crm_pool_skip_offboard'):
            leaving = self.filtered('active')
            if leaving:
                # offboarding: their customers go to the pools (the wizard lets a manager
                # choose a colleague instead, and archives with crm_pool_skip_offboard)
                self.env['res.partner']._pool_offboard(leaving, strict=False)
        res = super(ResUsers, self).write(vals)
        if 'sale_team_id' in vals:
            self.env['ir.rule'].clear_caches()
        return res

    @api.multi
    def action_pool_offboard_wizard(self):
        action = self.env.ref('crm_pool.crm_pool_offboard_wizard_action').read()[0]
        action['context'] = dict(self.env.context, active_ids=self.ids,
                                 active_model='res.users')
        return action
