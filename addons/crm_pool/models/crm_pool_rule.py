# -*- coding: utf-8 -*-
import datetime
import json
import logging
import threading
import time

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools.safe_eval import safe_eval

_logger = logging.getLogger(__name__)

LAST_RUN_PARAM = 'crm_pool.last_run'
RETRY_DELAY = 2  # seconds between the run and its retry of locked customers

RULE_KINDS = [
    ('no_follow_up', 'No follow-up for N days'),
    ('no_deal', 'No deal N days after assigned or claimed'),
]


class CrmPoolRule(models.Model):
    """A release rule of a pool.

    For each kind, the rules are tried by priority (highest first, all pools together):
    the first rule whose filters match a customer governs that customer for that kind, so
    a specific rule (e.g. level A: 30 days) overrides a general one (everyone: 15 days).
    A customer is released at the earliest deadline of the rules governing it:

    * ``no_follow_up``: latest of (last follow-up, assignment) + N days;
    * ``no_deal``: assignment (or claim) + N days, while the customer has no deal.

    Everything is expressed as one SQL query per rule (Odoo domain compiled by
    ``_where_calc`` plus the deadline expression), so the daily cron, the reminders, the
    "about to be released" list and the preview share the same logic and scale.
    """
    _name = 'crm.pool.rule'
    _description = 'Public Pool Release Rule'
    _order = 'priority desc, id'

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    pool_id = fields.Many2one('crm.pool', string='Pool', required=True, ondelete='cascade',
                              index=True)
    company_id = fields.Many2one(related='pool_id.company_id', store=True, readonly=True)
    priority = fields.Integer(default=10, help='Rules with a higher priority are tried first.')
    kind = fields.Selection(RULE_KINDS, string='Condition', required=True,
                            default='no_follow_up')
    days = fields.Integer('Days', required=True, default=30)
    level_ids = fields.Many2many('crm.customer.level', 'crm_pool_rule_level_rel', 'rule_id',
                                 'level_id', string='Customer Levels',
                                 help='Only customers of these levels (empty: all).')
    source_ids = fields.Many2many('crm.customer.source', 'crm_pool_rule_source_rel', 'rule_id',
                                  'source_id', string='Customer Sources',
                                  help='Only customers from these sources (empty: all).')
    team_ids = fields.Many2many('crm.team', 'crm_pool_rule_team_rel', 'rule_id', 'team_id',
                                string='Teams',
                                help='Only customers of these teams (empty: every team the '
                                     'pool serves).')
    model_name = fields.Char(default='res.partner', readonly=True)
    domain = fields.Char('Other Conditions', default='[]',
                         help='Any condition on the customer, edited with the domain editor.')
    exempt_locked = fields.Boolean('Exempt Locked Customers', default=True)
    exempt_deal = fields.Boolean('Exempt Customers with a Deal', default=True)
    description = fields.Text(compute='_compute_description')

    @api.depends('kind', 'days')
    def _compute_description(self):
        for rule in self:
            if rule.kind == 'no_deal':
                rule.description = _('Released when there is no deal %d days after the '
                                     'customer was assigned or claimed.') % rule.days
            else:
                rule.description = _('Released after %d days without a follow-up.') % rule.days

    # ------------------------------------------------------------------ validation
    @api.model
    def _parse_domain(self, domain_str):
        """Domain string (as stored by the domain widget) -> list; raises ValidationError
        if it is not a valid domain on res.partner."""
        try:
            domain = safe_eval(domain_str or '[]', {
                'uid': self.env.uid, 'user': self.env.user, 'time': time,
                'datetime': datetime, 'context_today': self.env['crm.clock'].today})
            if not isinstance(domain, (list, tuple)):
                raise ValueError('not a list')
            domain = list(domain)
            # compiles the domain to SQL: unknown fields, bad operators raise here
            self.env['res.partner'].sudo()._where_calc(domain).get_sql()
        except Exception as e:
            raise ValidationError(_('Invalid domain in the release rule: %s (%s)')
                                  % (domain_str, e))
        return domain

    @api.model
    def _check_rule_vals(self, vals):
        if 'days' in vals and (vals['days'] is False or int(vals['days']) <= 0):
            raise ValidationError(_('The number of days of a release rule must be positive '
                                    '(got %s).') % vals['days'])
        if vals.get('domain'):
            self._parse_domain(vals['domain'])

    @api.constrains('days', 'domain')
    def _check_days_domain(self):
        for rule in self:
            if rule.days <= 0:
                raise ValidationError(_('The number of days of a release rule must be '
                                        'positive (got %s).') % rule.days)
            rule._parse_domain(rule.domain)

    @api.model
    def create(self, vals):
        # validated before anything is written: bad input changes nothing
        self._check_rule_vals(vals)
        return super(CrmPoolRule, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_rule_vals(vals)
        return super(CrmPoolRule, self).write(vals)

    # ------------------------------------------------------------------ engine
    @api.multi
    def _match_domain(self):
        """Filters of the rule itself (pool scope, teams, levels, sources, exemptions,
        custom domain), without the generic "owned customer" part."""
        self.ensure_one()
        parts = []
        if self.exempt_locked:
            parts.append([('pool_locked', '=', False)])
        if self.exempt_deal or self.kind == 'no_deal':
            parts.append([('is_deal', '=', False)])
        if self.pool_id.team_ids:
            parts.append([('team_id', 'in', self.pool_id.team_ids.ids)])
        if self.team_ids:
            parts.append([('team_id', 'in', self.team_ids.ids)])
        if self.level_ids:
            parts.append([('customer_level_id', 'in', self.level_ids.ids)])
        if self.source_ids:
            parts.append([('customer_source_id', 'in', self.source_ids.ids)])
        custom = self._parse_domain(self.domain)
        if custom:
            parts.append(custom)
        return expression.AND(parts) if parts else []

    @api.multi
    def _effective_domain(self, rules):
        """Customers governed by this rule among ``rules`` (ordered by priority): owned
        customers matching its filters and not matched by a higher rule of the same kind."""
        self.ensure_one()
        domain = expression.AND([
            [('is_crm_customer', '=', True), ('user_id', '!=', False)],
            self._match_domain(),
        ])
        for higher in rules:
            if higher == self:
                break
            if higher.kind != self.kind:
                continue
            match = higher._match_domain()
            if not match:
                return expression.FALSE_DOMAIN
            domain = expression.AND([domain, ['!'] + expression.normalize_domain(match)])
        return domain

    @api.multi
    def _reference_sql(self):
        """SQL expression of the moment the rule's countdown started."""
        self.ensure_one()
        if self.kind == 'no_deal':
            return ('COALESCE("res_partner"."owner_assigned_at", '
                    '"res_partner"."create_date")')
        # GREATEST ignores NULLs
        return ('COALESCE(GREATEST("res_partner"."last_follow_up_at", '
                '"res_partner"."owner_assigned_at"), "res_partner"."create_date")')

    @api.multi
    def _due_sql(self):
        self.ensure_one()
        return "(%s + interval '%d days')" % (self._reference_sql(), int(self.days))

    @api.multi
    def _select_sql(self, rules, where=None, params=None, partner_ids=None, order=True,
                    limit=None, lock=False):
        """(sql, params) selecting (id, user_id, due_at) of the customers this rule governs.
        ``where``: extra SQL conditions on "res_partner" (with %s placeholders)."""
        self.ensure_one()
        domain = self._effective_domain(rules)
        if partner_ids is not None:
            domain = expression.AND([domain, [('id', 'in', list(partner_ids))]])
        query = self.env['res.partner'].sudo().with_context(active_test=True)._where_calc(domain)
        from_clause, where_clause, where_params = query.get_sql()
        sql = 'SELECT "res_partner".id, "res_partner".user_id, %s AS due_at FROM %s WHERE %s' % (
            self._due_sql(), from_clause, where_clause or 'TRUE')
        all_params = list(where_params)
        if where:
            sql += ' AND (%s)' % where
            all_params += list(params or [])
        if order:
            sql += ' ORDER BY "res_partner".id'
        if limit:
            sql += ' LIMIT %d' % int(limit)
        if lock:
            sql += ' FOR UPDATE OF "res_partner" SKIP LOCKED'
        return sql, all_params

    @api.model
    def _fetch_rows(self, sql, params):
        """Run a _select_sql query: [(partner_id, user_id, due_at datetime)]. (Odoo 11's
        cursor returns timestamps as strings.)"""
        self.env.cr.execute(sql, params)
        to_dt = fields.Datetime.from_string
        return [(pid, uid, to_dt(due) if isinstance(due, str) else due)
                for pid, uid, due in self.env.cr.fetchall()]

    @api.model
    def _active_rules(self):
        return self.sudo().search([('pool_id.active', '=', True)])

    @api.model
    def _compute_release_dates(self, partner_ids, rules=None):
        """{partner_id: (due_at datetime, rule)} for the given owned customers: the earliest
        deadline among the rules governing each of them."""
        rules = rules if rules is not None else self._active_rules()
        result = {}
        if not partner_ids:
            return result
        for rule in rules:
            sql, params = rule._select_sql(rules, partner_ids=partner_ids, order=False)
            for pid, _user, due in self._fetch_rows(sql, params):
                if pid not in result or due < result[pid][0]:
                    result[pid] = (due, rule)
        return result

    @api.model
    def _get_about_to_release(self, user_ids=None, now=None):
        """{partner_id: (due_at, rule)} of owned customers (of ``user_ids`` if given) that
        will be released within the reminder delay of the rule's pool (or are due)."""
        now = now or self.env['crm.clock'].now()
        rules = self._active_rules()
        result = {}
        for rule in rules:
            horizon = now + datetime.timedelta(days=rule.pool_id.remind_days)
            where = '%s <= %%s' % rule._due_sql()
            params = [fields.Datetime.to_string(horizon)]
            if user_ids is not None:
                where += ' AND "res_partner".user_id IN %s'
                params.append(tuple(user_ids) or (0,))
            sql, params = rule._select_sql(rules, where=where, params=params, order=False)
            for pid, _user, due in self._fetch_rows(sql, params):
                if pid not in result or due < result[pid][0]:
                    result[pid] = (due, rule)
        return result

    # ------------------------------------------------------------------ cron
    def _pool_commit(self):
        """Commit the batch just processed.

        Justification (OCA asks for one): the cron may run over 100k customers and Odoo
        kills a cron at limit_time_real / limit_time_cpu without advancing nextcall. Each
        batch updates its customers, writes their log lines (or reminder activities and the
        reminder mark) in one transaction, and the selection of the next batch only depends
        on the state of the data: committing per batch keeps the work already done if the
        process dies, a crash loses at most the current (rolled back, unlogged) batch, and
        nothing is ever logged twice. Never in test mode (tests run in one transaction)."""
        if (self.env.context.get('crm_pool_no_commit')
                or getattr(threading.currentThread(), 'testing', False)
                or self.env.registry.in_test_mode()):
            return
        self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.model
    def _cron_pool_run(self, batch_size=1000):
        """Daily job: auto-release due customers into their pools, then send the advance
        reminders. Idempotent: a second run at the same clock time changes nothing."""
        released = self._run_auto_release(batch_size=batch_size)
        reminded = self._run_reminders(batch_size=batch_size)
        deferred = self._count_deferred()
        if deferred:
            # rows locked by another transaction (someone editing or claiming them) were
            # skipped: retry once the batches are done, then leave the rest to the next run
            self._pool_wait_before_retry()
            released += self._run_auto_release(batch_size=batch_size)
            reminded += self._run_reminders(batch_size=batch_size)
            deferred = self._count_deferred()
        summary = {'released': released, 'reminded': reminded, 'deferred': deferred,
                   'at': self.env['crm.clock'].now_str()}
        log = _logger.warning if deferred else _logger.info
        log('crm_pool cron: %d customers released, %d reminders, %d deferred to the next run '
            '(locked by another transaction)', released, reminded, deferred)
        self.env['ir.config_parameter'].sudo().set_param(LAST_RUN_PARAM, json.dumps(summary))
        return summary

    @api.model
    def _pool_wait_before_retry(self):
        if not self.env.registry.in_test_mode():
            time.sleep(RETRY_DELAY)

    @api.model
    def _count_deferred(self, now=None):
        """Customers due for release (or for a reminder) that are still waiting: after a
        run, those whose rows another transaction held locked (SKIP LOCKED)."""
        now = now or self.env['crm.clock'].now()
        now_str = fields.Datetime.to_string(now)
        rules = self._active_rules()
        due = set()
        for rule in rules:
            sql, params = rule._select_sql(rules, where='%s <= %%s' % rule._due_sql(),
                                           params=[now_str], order=False)
            due.update(r[0] for r in self._fetch_rows(sql, params))
        return len(due)

    @api.model
    def _run_auto_release(self, batch_size=1000, now=None):
        now = now or self.env['crm.clock'].now()
        now_str = fields.Datetime.to_string(now)
        Partner = self.env['res.partner'].sudo()
        rules = self._active_rules()
        total = 0
        for rule in rules:
            previous = set()  # guard against a loop, memory bounded by the batch size
            while True:
                sql, params = rule._select_sql(
                    rules, where='%s <= %%s' % rule._due_sql(), params=[now_str],
                    limit=batch_size, lock=True)
                rows = [r for r in self._fetch_rows(sql, params) if r[0] not in previous]
                if not rows:
                    break
                previous = {r[0] for r in rows}
                Partner._pool_release_sql(
                    [r[0] for r in rows], rule.pool_id, 'auto_release', now,
                    reason=rule.name, rule=rule)
                total += len(rows)
                self._pool_commit()
        return total

    @api.model
    def _run_reminders(self, batch_size=1000, now=None):
        now = now or self.env['crm.clock'].now()
        now_str = fields.Datetime.to_string(now)
        Partner = self.env['res.partner'].sudo()
        rules = self._active_rules()
        total = 0
        for rule in rules:
            if rule.pool_id.remind_days <= 0:
                continue
            horizon = fields.Datetime.to_string(
                now + datetime.timedelta(days=rule.pool_id.remind_days))
            # once per cycle: not reminded since the countdown of this rule (re)started
            where = ('{due} <= %s AND {due} > %s AND ("res_partner".pool_reminder_sent_at IS NULL'
                     ' OR "res_partner".pool_reminder_sent_at < {ref})').format(
                         due=rule._due_sql(), ref=rule._reference_sql())
            previous = set()
            while True:
                sql, params = rule._select_sql(rules, where=where, params=[horizon, now_str],
                                               limit=batch_size, lock=True)
                rows = [r for r in self._fetch_rows(sql, params) if r[0] not in previous]
                if not rows:
                    break
                previous = {r[0] for r in rows}
                Partner._pool_remind_sql(rows, rule, now)
                total += len(rows)
                self._pool_commit()
        return total

    @api.multi
    def action_preview(self):
        self.ensure_one()
        wizard = self.env['crm.pool.preview.wizard'].create({
            'rule_id': self.id,
            'pool_id': self.pool_id.id,
            'date': self.env['crm.clock'].today_str(),
        })
        return wizard.action_compute()
