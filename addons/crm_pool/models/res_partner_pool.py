# -*- coding: utf-8 -*-
"""Pool operations on customers: claim, assign, release, recycle, lock, and the buttons
opening their wizards. Each checks who acts first, then writes (SQL where concurrency or
volume needs it)."""
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_sales.grant import acting, grant


class ResPartner(models.Model):
    _inherit = 'res.partner'

    # ------------------------------------------------------------------ take from the pool
    @api.multi
    def _pool_take(self, user, action, reason=None):
        """Give pool customers in ``self`` to ``user`` (claim or assign), safely under
        concurrency: row lock of the user (limit check), then a conditional UPDATE of the
        customer row that only succeeds while it has no owner."""
        now = self._pool_now()
        self._pool_lock_user(user)
        for partner in self.sudo():
            if partner.user_id or not partner.pool_id:
                raise UserError(_('Customer "%s" has already been claimed by %s.') % (
                    partner.name, partner.user_id.name or _('someone else')))
        self.env['crm.customer.limit']._check_user_limit(user, 'owned', self.sudo())
        for partner in acting(self).sudo():
            pool = partner.pool_id
            previous = partner.pool_previous_user_id.id
            self.env.cr.execute(
                'UPDATE res_partner SET user_id = %s WHERE id = %s AND user_id IS NULL '
                'AND pool_id IS NOT NULL RETURNING id', (user.id, partner.id),
                log_exceptions=False)
            if not self.env.cr.fetchone():
                raise UserError(_('Customer "%s" has already been claimed by someone else.')
                                % partner.name)
            partner.invalidate_cache(['user_id'], [partner.id])
            partner._crm_set_owner(user, action, {
                'old_by_id': {partner.id: None},
                'vals': {'pool_id': False, 'pool_entered_at': False,
                         'pool_protected_user_id': False, 'pool_protected_until': False,
                         'pool_reminder_sent_at': False, 'pool_locked': False},
                'log': False})  # logged below, with the pool
            # its open opportunities (and, with crm_contract, its contracts) follow the
            # customer to its new owner, as on a transfer; closed ones keep their owner
            grant(partner, 'pool_skip_transfer_check')._crm_transfer_related(user, {
                'with_contacts': True, 'with_opportunities': True, 'keep_old_owner': 'none',
                'old_user_id': previous, 'author_id': self.env.user.partner_id.id})
            self.env['crm.pool.log']._log_bulk(
                action, [partner.id], now, from_user_ids=previous, to_user_id=user.id,
                pool=pool, reason=reason)
        return True

    @api.multi
    def action_pool_claim(self):
        """Claim these pool customers for the current user."""
        self.env.user._crm_check_can_act()
        self._pool_check_customers()
        user = self.env.user
        now = self._pool_now()
        visible = self.env['crm.pool']._get_visible_for_user(user)
        for partner in self.sudo():
            if partner.user_id or not partner.pool_id:
                raise UserError(_('Customer "%s" has already been claimed by %s.') % (
                    partner.name, partner.user_id.name or _('someone else')))
            if partner.pool_id not in visible and not user._crm_is_leader():
                raise AccessError(_('Customer "%s" is in pool "%s", which does not serve '
                                    'your team.') % (partner.name, partner.pool_id.name))
            if (partner.pool_protected_user_id == user and partner.pool_protected_until
                    and fields.Datetime.from_string(partner.pool_protected_until) > now):
                until = fields.Datetime.context_timestamp(
                    self, fields.Datetime.from_string(partner.pool_protected_until))
                raise UserError(_('You released customer "%s": you cannot claim it back '
                                  'before %s (protection period).') % (
                                      partner.name, until.strftime('%Y-%m-%d %H:%M')))
        self._pool_take(user, 'claim')
        return self._pool_done(_('Claimed: %s. They are now your customers.'))

    @api.multi
    def action_pool_assign(self, user_id):
        """Give these pool customers to salesperson ``user_id`` (leaders and managers)."""
        self._pool_check_customers()
        caller = self.env.user
        if not caller._crm_is_leader():
            raise AccessError(_('Only team leaders and sales managers may assign pool '
                                'customers.'))
        user = self.env['crm.guard']._arg_record('res.users', user_id, _('the salesperson'))
        if not user.active:
            raise UserError(_('Choose an active salesperson to assign the customers to.'))
        if not user._crm_is_salesperson():
            raise UserError(_('%s is not a salesperson.') % user.name)
        if not caller._crm_is_manager() and user != caller and \
                not caller._crm_leads_team(user.sale_team_id):
            raise AccessError(_('A team leader may only assign customers to the members of '
                                'the teams they lead.'))
        self._pool_take(user, 'assign')
        return self._pool_done(_('Assigned to %s: %%s.') % user.name)

    # ------------------------------------------------------------------ put into the pool
    @api.multi
    def _pool_put(self, action, reason, pool=None, rule=None):
        """Put owned customers into their pool (ORM path for interactive operations)."""
        now = self._pool_now()
        Pool = self.env['crm.pool']
        uid = self.env.uid
        for partner in self.sudo():
            target = pool or Pool._get_for_team(partner.team_id or partner.user_id.sale_team_id)
            if not target:
                raise UserError(_('No public pool is configured for customer "%s": ask a CRM '
                                  'administrator to create one.') % partner.name)
            partner._pool_release_sql([partner.id], target, action, now, reason=reason,
                                      rule=rule, user_id=uid)
        return True

    @api.model
    def _pool_release_sql(self, partner_ids, pool, action, now, reason=None, rule=None,
                          user_id=None):
        """Release customers into ``pool`` with a few SQL statements (no per-record ORM):
        customer and contacts lose their owner, the customer gets the pool fields and the
        protection period of its previous owner, and one log line each."""
        if not partner_ids:
            return
        cr = self.env.cr
        now_str = fields.Datetime.to_string(now)
        until = fields.Datetime.to_string(now + datetime.timedelta(days=pool.protection_days))
        ids = list(partner_ids)
        cr.execute('SELECT id, user_id FROM res_partner WHERE id = ANY(%s) ORDER BY id', (ids,))
        previous = dict(cr.fetchall())
        has_owner_cols = 'crm_owner_id' in self._fields and self._fields['crm_owner_id'].store
        owner_sql = ', crm_owner_id = NULL' if has_owner_cols else ''
        cr.execute("""
            UPDATE res_partner
               SET pool_previous_user_id = user_id,
                   pool_protected_user_id = user_id,
                   user_id = NULL, pool_id = %s, crm_pool_id = %s,
                   pool_entered_at = %s, pool_release_reason = %s,
                   pool_protected_until = %s, pool_reminder_sent_at = NULL,
                   pool_locked = false, pool_locked_at = NULL, pool_locked_by = NULL,
                   write_uid = %s, write_date = now() at time zone 'UTC' {owner}
             WHERE id = ANY(%s)
        """.format(owner=owner_sql), (pool.id, pool.id, now_str, reason or None, until,
                                      self.env.uid, ids))
        # contacts (and addresses) follow their customer
        cr.execute("""
            UPDATE res_partner
               SET user_id = NULL, crm_pool_id = %s {owner}
             WHERE commercial_partner_id = ANY(%s) AND id != ALL(%s)
        """.format(owner=owner_sql), (pool.id, ids, ids))
        self.invalidate_cache()
        self.browse(ids)._crm_owner_changed(previous, {'reason': action, 'sql': True})
        self.env['crm.pool.log']._log_bulk(
            action, ids, now, from_user_ids=[previous.get(i) for i in ids], pool=pool,
            rule=rule, reason=reason, user_id=user_id or self.env.uid)

    @api.multi
    def _pool_check_put(self, missing_reason, reason):
        """Checks shared by release and recycle; returns the cleaned reason."""
        self._pool_check_customers()
        self.env.user._crm_check_can_act()
        if not (reason or '').strip() if isinstance(reason, str) else not reason:
            raise UserError(missing_reason)
        return self.env['crm.guard']._arg_text(reason, _('the reason'))

    @api.multi
    def action_pool_release(self, reason):
        """The owner puts these customers back into the pool, with a reason."""
        reason = self._pool_check_put(_('Give a reason to release a customer into the public pool.'),
                                      reason)
        user = self.env.user
        for partner in self.sudo():
            if partner.user_id != user:
                raise AccessError(_('You can only release your own customers ("%s" belongs '
                                    'to %s).') % (partner.name,
                                                  partner.user_id.name or _('nobody')))
            if partner.pool_locked:
                raise UserError(_('Customer "%s" is locked: unlock it before releasing it.')
                                % partner.name)
        self._pool_put('release', reason)
        return self._pool_done(_('Released to the public pool: %s.'))

    @api.multi
    def action_pool_recycle(self, reason):
        """A leader or manager takes subordinates' customers back to the pool."""
        reason = self._pool_check_put(_('Give a reason to recycle a customer into the public pool.'),
                                      reason)
        caller = self.env.user
        if not caller._crm_is_leader():
            raise AccessError(_('Only team leaders and sales managers may recycle customers.'))
        for partner in self.sudo():
            if not partner.user_id:
                raise UserError(_('Customer "%s" has no owner: it is already in the pool.')
                                % partner.name)
            if not caller._crm_is_manager() and not partner._pool_leads_team_of(caller):
                raise AccessError(_('You may only recycle customers of the teams you lead '
                                    '("%s").') % partner.name)
        self._pool_put('recycle', reason)
        return self._pool_done(_('Recycled to the public pool: %s.'))

    # ------------------------------------------------------------------ lock
    @api.multi
    def _pool_check_owner_or_leader(self):
        caller = self.env.user
        for partner in self.sudo():
            if not partner.user_id:
                raise UserError(_('Customer "%s" has no owner.') % partner.name)
            if partner.user_id == caller or caller._crm_is_manager():
                continue
            if caller._crm_is_leader() and partner._pool_leads_team_of(caller):
                continue
            raise AccessError(_('Only the owner of customer "%s" or their leader may do '
                                'this.') % partner.name)

    @api.multi
    def action_pool_lock(self):
        """Lock customers: a locked customer is never released automatically."""
        self.env.user._crm_check_can_act()
        self._pool_check_customers()
        self._pool_check_owner_or_leader()
        now = self._pool_now()
        to_lock = self.sudo().filtered(lambda p: not p.pool_locked)
        for owner in to_lock.mapped('user_id'):
            mine = to_lock.filtered(lambda p: p.user_id == owner)
            self._pool_lock_user(owner)
            self.env['crm.customer.limit']._check_user_limit(owner, 'locked', mine)
            mine.write({'pool_locked': True, 'pool_locked_at': fields.Datetime.to_string(now),
                        'pool_locked_by': self.env.uid})
            self.env['crm.pool.log']._log_bulk('lock', mine.ids, now, from_user_ids=owner.id,
                                               to_user_id=owner.id)
        return self._pool_done(_('Locked: %s. They will not be released automatically.'))

    @api.multi
    def action_pool_unlock(self):
        self.env.user._crm_check_can_act()
        self._pool_check_customers()
        self._pool_check_owner_or_leader()
        now = self._pool_now()
        locked = self.sudo().filtered('pool_locked')
        for owner in locked.mapped('user_id'):
            mine = locked.filtered(lambda p: p.user_id == owner)
            mine.write({'pool_locked': False, 'pool_locked_at': False, 'pool_locked_by': False})
            self.env['crm.pool.log']._log_bulk('unlock', mine.ids, now, from_user_ids=owner.id,
                                               to_user_id=owner.id)
        return self._pool_done(_('Unlocked: %s.'))

    # ------------------------------------------------------------------ feedback
    @api.multi
    def _pool_done(self, message):
        """What a button says when it is done (``message`` has one %s: the customers);
        True over XML-RPC (see crm.notify)."""
        names = self.sudo().mapped('name')
        shown = _(', ').join(names[:3])
        if len(names) > 3:
            shown = _('%s and %d more') % (shown, len(names) - 3)
        return self.env['crm.notify'].done(message % shown)

    # ------------------------------------------------------------------ wizards (buttons)
    @api.multi
    def _pool_wizard_action(self, xmlid, mode=None, name=None):
        action = self.env.ref(xmlid).read()[0]
        ctx = dict(self.env.context, active_ids=self.ids, active_id=self.ids[:1] and self.ids[0],
                   active_model='res.partner', crm_notify=True)
        if mode:
            ctx['default_mode'] = mode
        action['context'] = ctx
        if name:
            action['name'] = name
        return action

    @api.multi
    def action_pool_release_wizard(self):
        return self._pool_wizard_action('crm_pool.crm_pool_release_wizard_action', 'release')

    @api.multi
    def action_pool_recycle_wizard(self):
        return self._pool_wizard_action('crm_pool.crm_pool_release_wizard_action', 'recycle',
                                        name=_('Force Recycle to the Public Pool'))

    @api.multi
    def action_pool_assign_wizard(self):
        return self._pool_wizard_action('crm_pool.crm_pool_assign_wizard_action')

    @api.model
    def action_pool_about_to_release(self):
        """Window action: my customers about to be released (all visible ones for leaders
        and managers), with the date each one will go."""
        user_ids = None if self.env.user._crm_is_leader() else [self.env.uid]
        ids = list(self.env['crm.pool.rule']._get_about_to_release(user_ids=user_ids))
        action = self.env.ref('crm_pool.res_partner_action_about_to_release').read()[0]
        action['domain'] = [('id', 'in', ids)]
        return action
