# -*- coding: utf-8 -*-
import datetime
import logging

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

_logger = logging.getLogger(__name__)


class ResPartner(models.Model):
    _inherit = 'res.partner'

    # ------------------------------------------------------------------ fields
    pool_id = fields.Many2one('crm.pool', string='Public Pool', index=True, copy=False,
                              readonly=True, ondelete='restrict',
                              help='Set while the customer waits in a public pool (it has '
                                   'no owner then).')
    crm_pool_id = fields.Many2one(
        'crm.pool', string='Pool (Customer)', compute='_compute_crm_pool_id', store=True,
        index=True, readonly=True,
        help='For a customer its pool, for a contact the pool of its customer. Used by the '
             'visibility rule and to hide contact data.')
    pool_entered_at = fields.Datetime('Entered Pool At', readonly=True, copy=False)
    pool_previous_user_id = fields.Many2one('res.users', string='Previous Owner',
                                            readonly=True, copy=False)
    pool_release_reason = fields.Char('Release Reason', readonly=True, copy=False)
    pool_protected_user_id = fields.Many2one(
        'res.users', string='Protected Against', readonly=True, copy=False,
        help='The salesperson who may not claim the customer back before the end of the '
             'protection period.')
    pool_protected_until = fields.Datetime('Protected Until', readonly=True, copy=False)
    pool_locked = fields.Boolean('Locked', readonly=True, copy=False, index=True,
                                 help='A locked customer is never released automatically.')
    pool_locked_at = fields.Datetime('Locked At', readonly=True, copy=False)
    pool_locked_by = fields.Many2one('res.users', string='Locked By', readonly=True,
                                     copy=False)
    pool_reminder_sent_at = fields.Datetime('Release Reminder Sent At', readonly=True,
                                            copy=False)
    pool_days_in_pool = fields.Integer('Days in Pool', compute='_compute_pool_days')
    pool_release_date = fields.Datetime('Release Date', compute='_compute_pool_release')
    pool_release_days = fields.Integer('Days Before Release', compute='_compute_pool_release')
    pool_release_rule_id = fields.Many2one('crm.pool.rule', string='Release Rule',
                                           compute='_compute_pool_release')
    pool_log_ids = fields.One2many('crm.pool.log', 'partner_id', string='Pool History')
    pool_can_claim = fields.Boolean(compute='_compute_pool_can_claim')

    def _crm_action_fields(self):
        return super(ResPartner, self)._crm_action_fields() + (
            'pool_id', 'crm_pool_id', 'pool_entered_at', 'pool_previous_user_id',
            'pool_release_reason', 'pool_protected_user_id', 'pool_protected_until',
            'pool_locked', 'pool_locked_at', 'pool_locked_by', 'pool_reminder_sent_at')

    @api.depends('pool_id', 'commercial_partner_id', 'commercial_partner_id.pool_id')
    def _compute_crm_pool_id(self):
        for partner in self:
            commercial = partner.commercial_partner_id or partner
            partner.crm_pool_id = commercial.pool_id if commercial != partner else partner.pool_id

    @api.depends('pool_entered_at')
    def _compute_pool_days(self):
        today = self.env['crm.clock'].today()
        for partner in self:
            if partner.pool_id and partner.pool_entered_at:
                entered = fields.Datetime.context_timestamp(
                    partner, fields.Datetime.from_string(partner.pool_entered_at)).date()
                partner.pool_days_in_pool = (today - entered).days
            else:
                partner.pool_days_in_pool = 0

    def _compute_pool_release(self):
        owned = self.filtered(lambda p: p.id and p.user_id and p.is_crm_customer)
        dates = self.env['crm.pool.rule'].sudo()._compute_release_dates(owned.ids)
        now = self.env['crm.clock'].now()
        for partner in self:
            due, rule = dates.get(partner.id, (False, False))
            partner.pool_release_date = due and fields.Datetime.to_string(due)
            partner.pool_release_rule_id = rule and rule.id
            partner.pool_release_days = due and max(0, (due - now).days + (
                1 if (due - now).seconds or (due - now).microseconds else 0)) or 0

    def _compute_pool_can_claim(self):
        for partner in self:
            partner.pool_can_claim = bool(partner.pool_id) and not partner.user_id

    @api.multi
    def write(self, vals):
        """Giving customers to someone by editing the owner directly respects that user's
        customer limit too, and takes the customers out of the pool."""
        if vals.get('user_id') and not self.env.context.get('crm_pool_skip_transfer_check'):
            new_user = self.env['res.users'].sudo().browse(vals['user_id'])
            customers = self.sudo().filtered(
                lambda p: p.is_crm_customer and p.user_id != new_user)
            if customers:
                self._pool_lock_user(new_user)
                self.env['crm.customer.limit']._check_user_limit(new_user, 'owned', customers)
                if 'pool_id' not in vals and customers.filtered('pool_id'):
                    vals = dict(vals, pool_id=False, pool_entered_at=False,
                                pool_protected_user_id=False, pool_protected_until=False)
        return super(ResPartner, self).write(vals)

    # ------------------------------------------------------------------ helpers
    @api.model
    def _pool_now(self):
        return self.env['crm.clock'].now()

    @api.model
    def _pool_is_leader(self, user=None):
        user = user or self.env.user
        return user._is_superuser() or user.has_group('crm_sales.group_crm_leader')

    @api.model
    def _pool_is_manager(self, user=None):
        user = user or self.env.user
        return user._is_superuser() or user.has_group('crm_sales.group_crm_manager')

    @api.multi
    def _pool_check_customers(self):
        for partner in self.sudo():
            if not partner.is_crm_customer:
                raise UserError(_('"%s" is not a customer: only customers (companies) go '
                                  'through the public pool.') % partner.display_name)

    @api.model
    def _pool_lock_user(self, user):
        """Serialize the operations adding customers to ``user`` (claim, assign, transfer,
        lock) so that the limit check counts committed data: the UPDATE takes the row lock
        of the user; a concurrent transaction doing the same waits, then (REPEATABLE READ)
        fails with a serialization error and Odoo retries the whole call on a fresh
        snapshot, where the count includes the first transaction's customers."""
        # a concurrency failure here is expected and retried by Odoo: do not log it as an error
        self.env.cr.execute(
            'UPDATE res_users SET crm_pool_op_seq = COALESCE(crm_pool_op_seq, 0) + 1 '
            'WHERE id = %s', (user.id,), log_exceptions=False)

    @api.multi
    def _pool_leads_team_of(self, user):
        """True if ``user`` leads the team of this customer or of its owner."""
        self.ensure_one()
        partner = self.sudo()
        teams = partner.team_id | partner.user_id.sale_team_id
        return bool(teams.filtered(lambda t: t.user_id == user))

    @api.multi
    def _pool_contacts(self):
        return self.sudo().with_context(active_test=False).search([
            ('commercial_partner_id', 'in', self.ids), ('id', 'not in', self.ids)])

    # ------------------------------------------------------------------ take from the pool
    @api.multi
    def _pool_take(self, user, action, reason=None):
        """Give pool customers in ``self`` to ``user`` (claim or assign), safely under
        concurrency: row lock of the user (limit check), then a conditional UPDATE of the
        customer row that only succeeds while it has no owner."""
        now = self._pool_now()
        now_str = fields.Datetime.to_string(now)
        self._pool_lock_user(user)
        for partner in self.sudo():
            if partner.user_id or not partner.pool_id:
                raise UserError(_('Customer "%s" has already been claimed by %s.') % (
                    partner.name, partner.user_id.name or _('someone else')))
        self.env['crm.customer.limit']._check_user_limit(user, 'owned', self.sudo())
        for partner in self.sudo():
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
            vals = {
                'user_id': user.id, 'pool_id': False, 'pool_entered_at': False,
                'pool_protected_user_id': False, 'pool_protected_until': False,
                'pool_reminder_sent_at': False, 'pool_locked': False,
                'owner_assigned_at': now_str,
            }
            if user.sale_team_id:
                vals['team_id'] = user.sale_team_id.id
            partner.write(vals)
            partner._pool_contacts().write({'user_id': user.id})
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
            if partner.pool_id not in visible and not self._pool_is_leader(user):
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
        return True

    @api.multi
    def action_pool_assign(self, user_id):
        """Give these pool customers to salesperson ``user_id`` (leaders and managers)."""
        self._pool_check_customers()
        caller = self.env.user
        if not self._pool_is_leader(caller):
            raise AccessError(_('Only team leaders and sales managers may assign pool '
                                'customers.'))
        user = self.env['crm.guard']._arg_record('res.users', user_id, _('the salesperson'))
        if not user.active:
            raise UserError(_('Choose an active salesperson to assign the customers to.'))
        if not user.has_group('crm_sales.group_crm_salesman'):
            raise UserError(_('%s is not a salesperson.') % user.name)
        if not self._pool_is_manager(caller) and user != caller and \
                user.sale_team_id.user_id != caller:
            raise AccessError(_('A team leader may only assign customers to the members of '
                                'the teams they lead.'))
        self._pool_take(user, 'assign')
        return True

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
            previous = partner.user_id
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
        self.env['crm.pool.log']._log_bulk(
            action, ids, now, from_user_ids=[previous.get(i) for i in ids], pool=pool,
            rule=rule, reason=reason, user_id=user_id or self.env.uid)

    @api.multi
    def action_pool_release(self, reason):
        """The owner puts these customers back into the pool, with a reason."""
        self._pool_check_customers()
        self.env.user._crm_check_can_act()
        if not (reason or '').strip() if isinstance(reason, str) else not reason:
            raise UserError(_('Give a reason to release a customer into the public pool.'))
        reason = self.env['crm.guard']._arg_text(reason, _('the reason'))
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
        return True

    @api.multi
    def action_pool_recycle(self, reason):
        """A leader or manager takes subordinates' customers back to the pool."""
        self._pool_check_customers()
        self.env.user._crm_check_can_act()
        if not (reason or '').strip() if isinstance(reason, str) else not reason:
            raise UserError(_('Give a reason to recycle a customer into the public pool.'))
        reason = self.env['crm.guard']._arg_text(reason, _('the reason'))
        caller = self.env.user
        if not self._pool_is_leader(caller):
            raise AccessError(_('Only team leaders and sales managers may recycle customers.'))
        for partner in self.sudo():
            if not partner.user_id:
                raise UserError(_('Customer "%s" has no owner: it is already in the pool.')
                                % partner.name)
            if not self._pool_is_manager(caller) and not partner._pool_leads_team_of(caller):
                raise AccessError(_('You may only recycle customers of the teams you lead '
                                    '("%s").') % partner.name)
        self._pool_put('recycle', reason)
        return True

    # ------------------------------------------------------------------ lock
    @api.multi
    def _pool_check_owner_or_leader(self):
        caller = self.env.user
        for partner in self.sudo():
            if not partner.user_id:
                raise UserError(_('Customer "%s" has no owner.') % partner.name)
            if partner.user_id == caller or self._pool_is_manager(caller):
                continue
            if self._pool_is_leader(caller) and partner._pool_leads_team_of(caller):
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
        return True

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
        return True

    # ------------------------------------------------------------------ wizards (buttons)
    @api.multi
    def _pool_wizard_action(self, xmlid, mode=None):
        action = self.env.ref(xmlid).read()[0]
        ctx = dict(self.env.context, active_ids=self.ids, active_id=self.ids[:1] and self.ids[0],
                   active_model='res.partner')
        if mode:
            ctx['default_mode'] = mode
        action['context'] = ctx
        return action

    @api.multi
    def action_pool_release_wizard(self):
        return self._pool_wizard_action('crm_pool.crm_pool_release_wizard_action', 'release')

    @api.multi
    def action_pool_recycle_wizard(self):
        return self._pool_wizard_action('crm_pool.crm_pool_release_wizard_action', 'recycle')

    @api.multi
    def action_pool_assign_wizard(self):
        return self._pool_wizard_action('crm_pool.crm_pool_assign_wizard_action')

    @api.model
    def action_pool_about_to_release(self):
        """Window action: my customers about to be released (all visible ones for leaders
        and managers), with the date each one will go."""
        user_ids = None if self._pool_is_leader() else [self.env.uid]
        ids = list(self.env['crm.pool.rule']._get_about_to_release(user_ids=user_ids))
        action = self.env.ref('crm_pool.res_partner_action_about_to_release').read()[0]
        action['domain'] = [('id', 'in', ids)]
        return action

    # ------------------------------------------------------------------ reminders (cron)
    @api.model
    def _pool_reminder_texts(self, rule):
        """Summary and note of the reminder activity, in this environment's language."""
        summary = _('Follow up before release to the public pool')
        note = _('<p>This customer will be released to the public pool "%s" by rule "%s" '
                 'unless it is followed up.</p>') % (rule.pool_id.name, rule.name)
        return summary, note

    @api.model
    def _pool_remind_sql(self, rows, rule, now):
        """rows: (partner_id, user_id, due_at). One to-do activity for the owner, due on the
        release date, written in the owner's language, and the reminder mark, in the same
        transaction."""
        cr = self.env.cr
        model_id = self.env['ir.model']._get('res.partner').id
        activity_type = self.env.ref('mail.mail_activity_data_todo', raise_if_not_found=False)
        ids = [r[0] for r in rows]
        cr.execute("""SELECT u.id, p.lang FROM res_users u JOIN res_partner p ON p.id = u.partner_id
                       WHERE u.id = ANY(%s)""", (list({r[1] for r in rows}),))
        lang_of = dict(cr.fetchall())
        by_lang = {}
        for row in rows:
            by_lang.setdefault(lang_of.get(row[1]) or 'en_US', []).append(row)
        for lang, lang_rows in by_lang.items():
            summary, note = self.with_context(lang=lang)._pool_reminder_texts(rule)
            cr.execute("""
                INSERT INTO mail_activity (res_id, res_model_id, res_model, res_name,
                                           activity_type_id, summary, note, date_deadline,
                                           user_id, create_uid, create_date, write_uid, write_date)
                SELECT t.pid, %s, 'res.partner', p.name, %s, %s, %s, t.due::date, t.uid,
                       %s, now() at time zone 'UTC', %s, now() at time zone 'UTC'
                  FROM unnest(%s::int[], %s::int[], %s::text[]) AS t(pid, uid, due)
                  JOIN res_partner p ON p.id = t.pid
            """, (model_id, activity_type.id if activity_type else None, summary, note,
                  self.env.uid, self.env.uid, [r[0] for r in lang_rows], [r[1] for r in lang_rows],
                  [fields.Date.to_string(r[2]) for r in lang_rows]))
        cr.execute('UPDATE res_partner SET pool_reminder_sent_at = %s WHERE id = ANY(%s)',
                   (fields.Datetime.to_string(now), ids))
        self.invalidate_cache(['pool_reminder_sent_at', 'activity_ids'], ids)
        self.env['mail.activity'].invalidate_cache()

    # ------------------------------------------------------------------ offboarding
    @api.model
    def _pool_offboard(self, users, target=None, reason=None, strict=True):
        """Customers of leaving ``users`` go to their pools, or to colleague ``target``.
        ``strict`` False (archiving a user directly): customers for which no pool is
        configured stay with the archived user instead of blocking the archiving."""
        now = self._pool_now()
        customers = self.sudo().search([('is_crm_customer', '=', True),
                                        ('user_id', 'in', users.ids)])
        if not customers:
            return True
        reason = reason or _('Offboarding')
        if target:
            if target in users or not target.active:
                raise UserError(_('Choose an active colleague who is not leaving.'))
            self._pool_lock_user(target)
            self.env['crm.customer.limit']._check_user_limit(target, 'owned', customers)
            for user in users:
                mine = customers.filtered(lambda p: p.user_id == user)
                if not mine:
                    continue
                vals = {'user_id': target.id,
                        'owner_assigned_at': fields.Datetime.to_string(now),
                        'pool_reminder_sent_at': False}
                if target.sale_team_id:
                    vals['team_id'] = target.sale_team_id.id
                mine.with_context(crm_pool_skip_transfer_check=True).write(vals)
                options = {'with_contacts': True, 'with_opportunities': True,
                           'keep_old_owner': 'none', 'old_user_id': user.id,
                           'author_id': self.env.user.partner_id.id}
                for partner in mine.with_context(crm_pool_skip_transfer_check=True):
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
            self._pool_release_sql(ids, pool, 'offboard', now, reason=reason,
                                   user_id=self.env.uid)
        return True

    # ------------------------------------------------------------------ transfer (crm_sales)
    @api.multi
    def action_transfer(self, user_id, with_contacts=True, with_opportunities=True,
                        keep_old_owner='none'):
        # remember who transfers: crm_sales calls the hook in sudo
        return super(ResPartner, self.with_context(crm_pool_transfer_uid=self.env.uid)).action_transfer(
            user_id, with_contacts=with_contacts, with_opportunities=with_opportunities,
            keep_old_owner=keep_old_owner)

    @api.multi
    def _crm_transfer_related(self, new_user, options):
        """Transfer wizard of crm_sales (called once per customer, after its owner changed):
        respect the customer limit of the new owner (its row lock serializes concurrent
        transfers and claims), take the customer out of the pool and log the transfer."""
        if not self.env.context.get('crm_pool_skip_transfer_check') and new_user:
            customers = self.sudo().filtered('is_crm_customer')
            if customers:
                self._pool_lock_user(new_user)
                self.env['crm.customer.limit']._check_user_limit(new_user, 'owned', customers)
                in_pool = customers.filtered('pool_id')
                if in_pool:
                    in_pool.write({'pool_id': False, 'pool_entered_at': False,
                                   'pool_protected_user_id': False,
                                   'pool_protected_until': False})
                customers.write({'pool_reminder_sent_at': False})
                self.env['crm.pool.log']._log_bulk(
                    'transfer', customers.ids, self._pool_now(),
                    from_user_ids=(options or {}).get('old_user_id') or None,
                    to_user_id=new_user.id,
                    user_id=self.env.context.get('crm_pool_transfer_uid') or self.env.uid)
        return super(ResPartner, self)._crm_transfer_related(new_user, options)
