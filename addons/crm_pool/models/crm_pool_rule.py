# -*- coding: utf-8 -*-
import datetime
import logging
import time

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools.safe_eval import safe_eval

_logger = logging.getLogger(__name__)

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
    def _about_to_release_queries(self, user_ids=None, now=None):
        """[(rule, sql, params)]: per active rule, the customers (of ``user_ids`` if
        given) it will release within the reminder delay of its pool (or that are due)."""
        now = now or self.env['crm.clock'].now()
        rules = self._active_rules()
        queries = []
        for rule in rules:
            horizon = now + datetime.timedelta(days=rule.pool_id.remind_days)
            where = '%s <= %%s' % rule._due_sql()
            params = [fields.Datetime.to_string(horizon)]
            if user_ids is not None:
                where += ' AND "res_partner".user_id IN %s'
                params.append(tuple(user_ids) or (0,))
            sql, params = rule._select_sql(rules, where=where, params=params, order=False)
            queries.append((rule, sql, params))
        return queries

    @api.model
    def _get_about_to_release(self, user_ids=None, now=None):
        """{partner_id: (due_at, rule)} of owned customers (of ``user_ids`` if given) that
        will be released within the reminder delay of the rule's pool (or are due)."""
        result = {}
        for rule, sql, params in self._about_to_release_queries(user_ids, now):
            for pid, _user, due in self._fetch_rows(sql, params):
                if pid not in result or due < result[pid][0]:
                    result[pid] = (due, rule)
        return result

    @api.model
    def _count_about_to_release(self, user_ids=None, now=None):
        """How many customers ``_get_about_to_release`` would return, counted in SQL
        (a dashboard figure over 100,000 customers must not fetch them all)."""
        queries = self._about_to_release_queries(user_ids, now)
        if not queries:
            return 0
        union = ' UNION '.join('SELECT q.id FROM (%s) q' % sql for _rule, sql, _p in queries)
        params = [param for _rule, _sql, query_params in queries for param in query_params]
        self.env.cr.execute('SELECT count(*) FROM (%s) u' % union, params)
        return self.env.cr.fetchone()[0]

    @api.model
    def _about_to_release_first(self, user_ids=None, limit=None, now=None):
        """(count, ids): how many customers ``_get_about_to_release`` returns and the ids of
        the soonest due, at most ``limit``, in one SQL query (my to-do shows the count and
        the first few of what may be thousands)."""
        queries = self._about_to_release_queries(user_ids, now)
        if not queries:
            return 0, []
        union = ' UNION ALL '.join('SELECT q.id, q.due_at FROM (%s) q' % sql
                                   for _rule, sql, _p in queries)
        params = [param for _rule, _sql, query_params in queries for param in query_params]
        self.env.cr.execute('SELECT id, count(*) OVER () FROM (%s) u GROUP BY id '
                            'ORDER BY min(due_at), id LIMIT %%s' % union, params + [limit])
        rows = self.env.cr.fetchall()
        return (rows[0][1] if rows else 0), [r[0] for r in rows]

    @api.multi
    def action_preview(self):
        self.ensure_one()
        wizard = self.env['crm.pool.preview.wizard'].create({
            'rule_id': self.id,
            'pool_id': self.pool_id.id,
            'date': self.env['crm.clock'].today_str(),
        })
        return wizard.action_compute()
