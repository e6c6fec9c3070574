# -*- coding: utf-8 -*-
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.crm_sales.grant import acting, grant, granted

_logger = logging.getLogger(__name__)


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
        if self._crm_is_leader():
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
                not granted(self, 'pool_skip_offboard'):
            leaving = self.filtered('active')
            if leaving:
                # offboarding: their customers go to the pools (the wizard lets a manager
                # choose a colleague instead, and archives with crm_pool_skip_offboard)
                leaving._pool_offboard(strict=False)
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

    # ------------------------------------------------------------------ offboarding
    @api.multi
    def _pool_offboard(self, target=None, reason=None, strict=True):
        """Customers of the leaving users ``self`` go to their pools, or to colleague
        ``target``. ``strict`` False (archiving a user directly): customers for which no
        pool is configured stay with the archived user instead of blocking the archiving."""
        users = self
        Partner = self.env['res.partner']
        now = Partner._pool_now()
        customers = acting(Partner).sudo().search([('is_crm_customer', '=', True),
                                                   ('user_id', 'in', users.ids)])
        if not customers:
            return True
        reason = reason or _('Offboarding')
        if target:
            if target in users or not target.active:
                raise UserError(_('Choose an active colleague who is not leaving.'))
            Partner._pool_lock_user(target)
            self.env['crm.customer.limit']._check_user_limit(target, 'owned', customers)
            for user in users:
                mine = customers.filtered(lambda p: p.user_id == user)
                if not mine:
                    continue
                grant(mine, 'pool_skip_transfer_check')._crm_set_owner(
                    target, 'offboard', {'vals': {'pool_reminder_sent_at': False},
                                         'log': False})  # logged below, with the reason
                options = {'with_contacts': True, 'with_opportunities': True,
                           'keep_old_owner': 'none', 'old_user_id': user.id,
                           'author_id': self.env.user.partner_id.id}
                for partner in grant(mine, 'pool_skip_transfer_check'):
                    partner._crm_transfer_related(target, options)
                self.env['crm.pool.log']._log_bulk('offboard', mine.ids, now,
                                                   from_user_ids=user.id,
                                                   to_user_id=target.id, reason=reason)
            return True
        Pool = self.env['crm.pool']
        groups = {}
        for partner in customers:
            pool = Pool._get_for_team(partner.team_id or partner.user_id.sale_team_id)
            if not pool and not strict:
                _logger.warning('offboarding: no public pool for customer %s, left with %s',
                                partner.id, partner.user_id.login)
                continue
            if not pool:
                raise UserError(_('No public pool is configured for customer "%s": ask a CRM '
                                  'administrator to create one, or offboard to a colleague.')
                                % partner.name)
            groups.setdefault(pool, []).append(partner.id)
        for pool, ids in groups.items():
            Partner._pool_release_sql(ids, pool, 'offboard', now, reason=reason,
                                   user_id=self.env.uid)
        return True
