# -*- coding: utf-8 -*-
import datetime

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError

from .crm_report_funnel import EFFECTIVE_CONTRACT_SQL
from .crm_report_sql import TODAY_SQL, local_date, selection_of

CHURN_DAYS_PARAM = 'crm_reports.churn_days'
DEFAULT_CHURN_DAYS = 180
# the per-customer sums over the source tables, refreshed by a cron (see _facts_query)
FACTS_VIEW = 'crm_report_customer_facts'
REFRESHED_PARAM = 'crm_reports.customer_facts_refreshed_at'

RFM_SEGMENTS = [
    ('champion', 'Champions'),
    ('loyal', 'Loyal'),
    ('promising', 'New and Promising'),
    ('at_risk', 'At Risk'),
    ('hibernating', 'Hibernating'),
    ('potential', 'Needs Attention'),
    ('none', 'No Deal Yet'),
]
# RFM scores (1-5; 0 = no deal): recency = days since the last contract or payment,
# frequency = effective contracts, monetary = approved payments.
RECENCY_DAYS = (30, 90, 180, 365)            # at most 30 days: 5 ... above 365: 1
FREQUENCY_COUNTS = (5, 4, 3, 2, 1)           # 5 contracts or more: 5 ... 1: 1
MONETARY_AMOUNTS = (1000000, 500000, 100000, 10000, 0.01)   # 1,000,000 or more: 5 ...


def rfm_scores(recency_days, contract_count, payment_amount):
    """Python twin of the SQL below (documentation and tests)."""
    if recency_days is None:
        recency = 0
    else:
        recency = next((5 - i for i, days in enumerate(RECENCY_DAYS) if recency_days <= days), 1)
    frequency = next((5 - i for i, n in enumerate(FREQUENCY_COUNTS) if contract_count >= n), 0)
    monetary = next((5 - i for i, a in enumerate(MONETARY_AMOUNTS) if payment_amount >= a), 0)
    return recency, frequency, monetary


def rfm_segment(recency, frequency, monetary):
    if not frequency:
        return 'none'
    if recency >= 4 and frequency >= 3 and monetary >= 3:
        return 'champion'
    if recency >= 3 and frequency >= 3:
        return 'loyal'
    if recency >= 4:
        return 'promising'
    if recency <= 2 and (frequency >= 3 or monetary >= 3):
        return 'at_risk'
    if recency <= 2:
        return 'hibernating'
    return 'potential'


class CrmReportCustomer(models.Model):
    """Customers (客户分析): one row per CRM customer with its composition (level,
    source, industry, region), contribution (contracts, payments), activity, churn
    warning, deal cycle and RFM score."""
    _name = 'crm.report.customer'
    _inherit = 'crm.report.sql'
    _description = 'Customer Analysis'
    _auto = False
    _order = 'contract_amount desc, id'

    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    date = fields.Date(string='Created On')
    customer_level_id = fields.Many2one('crm.customer.level', 'Customer Level', readonly=True)
    customer_source_id = fields.Many2one('crm.customer.source', 'Customer Source', readonly=True)
    industry_id = fields.Many2one('res.partner.industry', 'Industry', readonly=True)
    region = fields.Selection(selection_of('res.partner', 'region'),
                              'Region', readonly=True)
    customer_status = fields.Selection(
        selection_of('res.partner', 'customer_status'),
        'Customer Status', readonly=True)
    is_deal = fields.Boolean('Deal Closed', readonly=True)
    in_pool = fields.Boolean('In the Public Pool', readonly=True)
    nbr = fields.Integer('Customers', readonly=True)
    contract_count = fields.Integer('Contracts', readonly=True)
    contract_amount = fields.Float('Contract Amount', digits=(16, 2), readonly=True)
    payment_amount = fields.Float('Payments', digits=(16, 2), readonly=True)
    follow_up_count = fields.Integer('Follow-ups', readonly=True)
    never_followed_up = fields.Boolean('Never Followed Up', readonly=True)
    open_opportunity_count = fields.Integer('Open Opportunities', readonly=True)
    last_activity_date = fields.Date('Last Contract, Payment or Follow-up', readonly=True,
                                     group_operator='max')
    days_inactive = fields.Integer('Days Without Activity', readonly=True, group_operator='avg')
    churn_warning = fields.Boolean('Churn Warning', readonly=True)
    lost_reason_id = fields.Many2one('crm.lost.reason', 'Last Lost Reason', readonly=True)
    first_contract_date = fields.Date('First Contract', readonly=True, group_operator='min')
    deal_days = fields.Integer('Days to First Contract', readonly=True, group_operator='avg')
    recency_score = fields.Integer('R (Recency)', readonly=True, group_operator='avg')
    frequency_score = fields.Integer('F (Frequency)', readonly=True, group_operator='avg')
    monetary_score = fields.Integer('M (Monetary)', readonly=True, group_operator='avg')
    rfm_score = fields.Integer('RFM Score', readonly=True, group_operator='avg',
                               help='R + F + M, from 0 (no deal) to 15.')
    rfm_segment = fields.Selection(RFM_SEGMENTS, 'RFM Segment', readonly=True)

    def _query(self):
        def step(expr, bounds, ge):
            op = '>=' if ge else '<='
            whens = ' '.join('WHEN %s %s %s THEN %d' % (expr, op, b, 5 - i)
                             for i, b in enumerate(bounds))
            return whens
        recency = "CASE WHEN x.last_deal_date IS NULL THEN 0 %s ELSE 1 END" % step(
            '(x.today - x.last_deal_date)', RECENCY_DAYS, False)
        frequency = "CASE %s ELSE 0 END" % step('x.contract_count', FREQUENCY_COUNTS, True)
        monetary = "CASE %s ELSE 0 END" % step('x.payment_amount', MONETARY_AMOUNTS, True)
        return """
            WITH params AS (
                SELECT {today} AS today,
                       COALESCE((SELECT CASE WHEN value ~ '^\\d{{1,5}}$' THEN value::int END
                                   FROM ir_config_parameter WHERE key = '{churn_param}'),
                                {churn_default}) AS churn_days),
            x AS (
                SELECT p.id, p.id AS partner_id, {p_date} AS date, p.user_id, p.team_id,
                       p.customer_level_id, p.customer_source_id, p.industry_id, p.region,
                       p.customer_status, COALESCE(p.is_deal, FALSE) AS is_deal,
                       (p.pool_id IS NOT NULL) AS in_pool, 1 AS nbr,
                       COALESCE(k.contract_count, 0) AS contract_count,
                       COALESCE(k.contract_amount, 0) AS contract_amount,
                       COALESCE(k.payment_amount, 0) AS payment_amount,
                       COALESCE(k.follow_up_count, 0) AS follow_up_count,
                       COALESCE(k.open_opportunity_count, 0) AS open_opportunity_count,
                       GREATEST(k.last_contract_date, k.last_payment_date,
                                k.last_follow_up_date) AS last_activity_date,
                       GREATEST(k.last_contract_date, k.last_payment_date) AS last_deal_date,
                       k.lost_reason_id,
                       k.first_contract_date,
                       k.first_contract_date - {p_date} AS deal_days,
                       params.today, params.churn_days
                  FROM res_partner p
                 CROSS JOIN params
                  LEFT JOIN {facts} k ON k.partner_id = p.id
                 WHERE p.is_crm_customer AND p.active),
            s AS (
                SELECT x.*, x.follow_up_count = 0 AS never_followed_up,
                       x.today - COALESCE(x.last_activity_date, x.date) AS days_inactive,
                       {recency} AS recency_score, {frequency} AS frequency_score,
                       {monetary} AS monetary_score
                  FROM x)
            SELECT s.id, s.partner_id, s.date, s.user_id, s.team_id, s.customer_level_id,
                   s.customer_source_id, s.industry_id, s.region, s.customer_status, s.is_deal,
                   s.in_pool, s.nbr, s.contract_count, s.contract_amount, s.payment_amount,
                   s.follow_up_count, s.never_followed_up, s.open_opportunity_count,
                   s.last_activity_date, s.days_inactive,
                   (s.days_inactive >= s.churn_days AND s.open_opportunity_count = 0
                    AND COALESCE(s.customer_status, '') != 'lost') AS churn_warning,
                   s.lost_reason_id, s.first_contract_date, s.deal_days,
                   s.recency_score, s.frequency_score, s.monetary_score,
                   s.recency_score + s.frequency_score + s.monetary_score AS rfm_score,
                   CASE WHEN s.frequency_score = 0 THEN 'none'
                        WHEN s.recency_score >= 4 AND s.frequency_score >= 3
                             AND s.monetary_score >= 3 THEN 'champion'
                        WHEN s.recency_score >= 3 AND s.frequency_score >= 3 THEN 'loyal'
                        WHEN s.recency_score >= 4 THEN 'promising'
                        WHEN s.recency_score <= 2 AND (s.frequency_score >= 3
                             OR s.monetary_score >= 3) THEN 'at_risk'
                        WHEN s.recency_score <= 2 THEN 'hibernating'
                        ELSE 'potential' END AS rfm_segment
              FROM s
        """.format(today=TODAY_SQL, churn_param=self._churn_days_param(),
                   churn_default=self._churn_days_default(),
                   facts=FACTS_VIEW, p_date=local_date('p.create_date'),
                   recency=recency, frequency=frequency, monetary=monetary)

    def _facts_query(self):
        """Per customer, what its contracts, payments, follow-ups and opportunities add up
        to: the heavy part of the report (a scan of every source table), kept in the
        materialized view FACTS_VIEW. What depends on the clock, the owner or the churn
        delay is computed live in the report's view on top of it."""
        return """
            WITH c AS (SELECT partner_id,
                         count(*) FILTER (WHERE state IN {effective}) AS contract_count,
                         sum(amount_total) FILTER (WHERE state IN {effective}) AS amount,
                         max(sign_date) FILTER (WHERE state IN {effective}) AS last_date,
                         min(COALESCE(sign_date, {c_date})) AS first_date
                    FROM crm_contract WHERE state IN ('approved', 'expired', 'superseded')
                    GROUP BY partner_id),
            r AS (SELECT partner_id, sum(amount) AS amount, max(date) AS last_date
                    FROM crm_receivable WHERE state = 'approved' GROUP BY partner_id),
            f AS (SELECT partner_id, count(*) AS nbr, {f_last} AS last_date
                    FROM crm_follow_up GROUP BY partner_id),
            o AS (SELECT partner_id, count(*) FILTER (WHERE end_status IS NULL) AS nbr,
                         (array_agg(end_reason_id ORDER BY end_date DESC NULLS LAST, id DESC)
                            FILTER (WHERE end_status = 'lost'))[1] AS lost_reason_id
                    FROM crm_lead
                   WHERE partner_id IS NOT NULL
                     AND ((type = 'opportunity' AND active AND end_status IS NULL)
                          OR end_status = 'lost')
                   GROUP BY partner_id)
            SELECT p.id AS partner_id,
                   c.contract_count, c.amount AS contract_amount,
                   c.last_date AS last_contract_date, c.first_date AS first_contract_date,
                   r.amount AS payment_amount, r.last_date AS last_payment_date,
                   f.nbr AS follow_up_count, f.last_date AS last_follow_up_date,
                   o.nbr AS open_opportunity_count, o.lost_reason_id
              FROM res_partner p
              LEFT JOIN c ON c.partner_id = p.id
              LEFT JOIN r ON r.partner_id = p.id
              LEFT JOIN f ON f.partner_id = p.id
              LEFT JOIN o ON o.partner_id = p.id
             WHERE p.is_crm_customer
               AND (c.partner_id IS NOT NULL OR r.partner_id IS NOT NULL
                    OR f.partner_id IS NOT NULL OR o.partner_id IS NOT NULL)
        """.format(effective=EFFECTIVE_CONTRACT_SQL, c_date=local_date('create_date'),
                   f_last=local_date('max(date)'))

    @api.model_cr
    def init(self):
        cr = self.env.cr
        tools.drop_view_if_exists(cr, self._table)
        cr.execute("DROP MATERIALIZED VIEW IF EXISTS %s" % FACTS_VIEW)
        cr.execute("CREATE MATERIALIZED VIEW %s AS %s" % (FACTS_VIEW, self._facts_query()))
        # a unique index lets REFRESH ... CONCURRENTLY leave the report readable meanwhile
        cr.execute("CREATE UNIQUE INDEX %s_partner_idx ON %s (partner_id)" % (FACTS_VIEW, FACTS_VIEW))
        self._set_refreshed_at()
        super(CrmReportCustomer, self).init()

    @api.model
    def _set_refreshed_at(self):
        self.env['ir.config_parameter'].sudo().set_param(
            REFRESHED_PARAM, fields.Datetime.to_string(datetime.datetime.utcnow()))

    @api.model
    def _refreshed_at(self):
        """When the customer figures were last recomputed (UTC, Odoo's datetime string)."""
        return self.env['ir.config_parameter'].sudo().get_param(REFRESHED_PARAM) or False

    @api.model
    def _refresh_facts(self):
        """Recompute the customer figures (contracts, payments, follow-ups, opportunities)
        now; the report stays readable meanwhile. False (nothing done) when another
        refresh is running."""
        if not self._try_refresh_lock('customer_facts'):
            return False
        self.env.cr.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY %s" % FACTS_VIEW)
        self._set_refreshed_at()
        self.invalidate_cache()
        return True

    @api.model
    def _cron_refresh_facts(self):
        """Hourly, recorded as a run of the job (``crm.cron.run``); a refresh that finds
        another one running is logged and counted as skipped on the run."""
        return self.env['crm.cron.run']._crm_refresh_run(
            'crm_reports.ir_cron_refresh_customer_facts', self._refresh_facts)

    @api.model
    def action_refresh_facts(self):
        """"Refresh now" (CRM managers): the figures include what was entered since."""
        if not self.env.user._crm_is_manager():
            raise AccessError(_('Only sales managers can refresh the customer analysis now; '
                                'it is refreshed automatically every hour.'))
        if not self.sudo()._refresh_facts():
            raise UserError(_('The customer analysis is being refreshed right now; '
                              'try again in a minute.'))
        return True

    @api.model
    def _churn_days_param(self):
        """The system parameter that holds the churn-warning delay in days. Extension
        point: a bridge returns another module's parameter so that one setting drives
        both (crm_reports_lifecycle: the churn worklist's "no follow-up for M days")."""
        return CHURN_DAYS_PARAM

    @api.model
    def _churn_days_default(self):
        """The delay while the parameter of ``_churn_days_param`` is not set."""
        return DEFAULT_CHURN_DAYS

    @api.model
    def _churn_days(self):
        value = self.env['ir.config_parameter'].sudo().get_param(self._churn_days_param())
        return int(value) if value and value.isdigit() else self._churn_days_default()

    @api.model
    def _set_churn_days(self, days):
        self.env['ir.config_parameter'].sudo().set_param(self._churn_days_param(), str(days))

    @api.model
    def _contribution(self, domain=None, top_n=10, measure='contract_amount'):
        """The top ``top_n`` customers by contract amount (or payments) with their share
        of the total the user may see: (rows, total), rows = [{partner, contract_amount,
        payment_amount, share}]."""
        domain = list(domain or [])
        total = self._totals(domain, [measure])[measure]
        rows = self.search(domain, order='%s desc, id' % measure, limit=top_n)
        return [{'partner': row.partner_id.display_name, 'user': row.user_id.name or '',
                 'contract_amount': row.contract_amount, 'payment_amount': row.payment_amount,
                 'share': (row[measure] / total) if total else None} for row in rows], total
