# -*- coding: utf-8 -*-
from odoo import api, fields, models

from .crm_report_sql import DATE_INDEXES, local_date

FUNNEL_STEPS = [
    ('1_lead', 'Leads'),
    ('2_customer', 'Customers'),
    ('3_opportunity', 'Opportunities'),
    ('4_won', 'Won'),
    ('5_contract', 'Contracts'),
    ('6_payment', 'Payments'),
]
# what makes a contract count in the reports: approved (or since expired); superseded
# versions are replaced by the approved one, drafts, reviews and cancelled ones do not count
EFFECTIVE_CONTRACT_SQL = "('approved', 'expired')"
# the count of each step as a column of its own (1 on that step's rows)
STEP_COUNTS = [('1_lead', 'lead_count'), ('2_customer', 'customer_count'),
               ('3_opportunity', 'opportunity_count'), ('4_won', 'won_count'),
               ('5_contract', 'contract_count'), ('6_payment', 'payment_count')]
# Cohort columns: on the rows of one step, 1 when that record went on to a later step
# (whenever it did). {column: (step of its rows, label)}.
COHORT_COUNTS = [
    ('lead_customer_count', '1_lead', 'Leads Converted to Customers'),
    ('lead_opportunity_count', '1_lead', 'Leads Converted to Opportunities'),
    ('lead_won_count', '1_lead', 'Leads Won'),
    ('lead_contract_count', '1_lead', 'Leads Signed'),
    ('lead_payment_count', '1_lead', 'Leads Paid'),
    ('customer_opportunity_count', '2_customer', 'Customers with an Opportunity'),
    ('opportunity_won_count', '3_opportunity', 'Opportunities Won'),
    ('won_contract_count', '4_won', 'Won with a Contract'),
    ('contract_paid_count', '5_contract', 'Contracts with a Payment'),
]
# Conversion rates are cohort rates: rate -> (cohort column, the step count it is
# against), both on the rows of the same records (those that entered the earlier step in
# the period, for their salesperson and team), so a rate never exceeds 100 % in any
# group. E.g. contract_rate: of the opportunities won in the period, the share with an
# effective contract signed on them (crm.contract.lead_id), whenever it was signed.
CONVERSION_RATES = {
    'customer_rate': ('lead_customer_count', 'lead_count'),
    'opportunity_rate': ('customer_opportunity_count', 'customer_count'),
    'won_rate': ('opportunity_won_count', 'opportunity_count'),
    'contract_rate': ('won_contract_count', 'won_count'),
    'payment_rate': ('contract_paid_count', 'contract_count'),
    'opportunity_lead_rate': ('lead_opportunity_count', 'lead_count'),
    'won_lead_rate': ('lead_won_count', 'lead_count'),
    'contract_lead_rate': ('lead_contract_count', 'lead_count'),
    'payment_lead_rate': ('lead_payment_count', 'lead_count'),
}
# the rate shown for each step against the step before (dashboard, Excel)
STEP_RATES = {'2_customer': 'customer_rate', '3_opportunity': 'opportunity_rate',
              '4_won': 'won_rate', '5_contract': 'contract_rate', '6_payment': 'payment_rate'}
# SQL: an effective contract signed on opportunity {o}; an approved payment of contract {c}
# ({per_row}: see _query)
_SIGNED_SQL = ("EXISTS (SELECT 1 FROM crm_contract sc WHERE sc.lead_id = {o} "
               "AND sc.state IN %s{per_row})" % EFFECTIVE_CONTRACT_SQL)
_PAID_SQL = ("EXISTS (SELECT 1 FROM crm_receivable pr WHERE pr.contract_id = {c} "
             "AND pr.state = 'approved'{per_row})")
_SIGNED_PAID_SQL = ("EXISTS (SELECT 1 FROM crm_contract sc JOIN crm_receivable pr "
                    "ON pr.contract_id = sc.id AND pr.state = 'approved' "
                    "WHERE sc.lead_id = {o} AND sc.state IN %s{per_row})" % EFFECTIVE_CONTRACT_SQL)
# cohort column -> its SQL on the rows of its step (aliases: l lead, lo the opportunity
# it was converted to, p customer, o opportunity, c contract)
COHORT_SQL = {
    'lead_customer_count': '(l.converted_partner_id IS NOT NULL)',
    'lead_opportunity_count': '(lo.id IS NOT NULL)',
    'lead_won_count': "(lo.end_status IS NOT DISTINCT FROM 'won')",
    'lead_contract_count': "(lo.end_status IS NOT DISTINCT FROM 'won' AND %s)"
                           % _SIGNED_SQL.replace('{o}', 'lo.id'),
    'lead_payment_count': "(lo.end_status IS NOT DISTINCT FROM 'won' AND %s)"
                          % _SIGNED_PAID_SQL.replace('{o}', 'lo.id'),
    'customer_opportunity_count': (
        "EXISTS (SELECT 1 FROM crm_lead co JOIN res_partner cp ON cp.id = co.partner_id "
        "WHERE co.type = 'opportunity' AND co.active AND cp.commercial_partner_id = p.id"
        "{per_row})"),
    'opportunity_won_count': "(o.end_status IS NOT DISTINCT FROM 'won')",
    'won_contract_count': _SIGNED_SQL.replace('{o}', 'o.id'),
    'contract_paid_count': _PAID_SQL.replace('{c}', 'c.id'),
}


class CrmReportFunnel(models.Model):
    """Sales funnel (销售漏斗): one row per lead, customer, opportunity, won opportunity,
    effective contract and approved payment, dated when it entered that step; the days
    before the last refresh as a daily summary (see crm_report_summary.py)."""
    _name = 'crm.report.funnel'
    _inherit = 'crm.report.sql'
    _description = 'Sales Funnel'
    _auto = False
    _order = 'date desc, step'

    step = fields.Selection(FUNNEL_STEPS, 'Step', readonly=True)
    nbr = fields.Integer('Count', readonly=True)
    amount = fields.Float('Amount', digits=(16, 2), readonly=True)
    lead_count = fields.Integer('Leads', readonly=True)
    customer_count = fields.Integer('Customers', readonly=True)
    opportunity_count = fields.Integer('Opportunities', readonly=True)
    won_count = fields.Integer('Won', readonly=True)
    contract_count = fields.Integer('Contracts', readonly=True)
    payment_count = fields.Integer('Payment Count', readonly=True)
    lead_customer_count = fields.Integer(COHORT_COUNTS[0][2], readonly=True)
    lead_opportunity_count = fields.Integer(COHORT_COUNTS[1][2], readonly=True)
    lead_won_count = fields.Integer(COHORT_COUNTS[2][2], readonly=True)
    lead_contract_count = fields.Integer(COHORT_COUNTS[3][2], readonly=True)
    lead_payment_count = fields.Integer(COHORT_COUNTS[4][2], readonly=True)
    customer_opportunity_count = fields.Integer(COHORT_COUNTS[5][2], readonly=True)
    opportunity_won_count = fields.Integer(COHORT_COUNTS[6][2], readonly=True)
    won_contract_count = fields.Integer(COHORT_COUNTS[7][2], readonly=True)
    contract_paid_count = fields.Integer(COHORT_COUNTS[8][2], readonly=True)
    # conversion rates (%), recomputed per group (see crm.report.sql._ratio_measures)
    customer_rate = fields.Float('Customers / Leads (%)', digits=(16, 2), readonly=True,
        help="Of the leads created in the period, the share converted to a customer (a new or an existing one).")
    opportunity_rate = fields.Float('Opportunities / Customers (%)', digits=(16, 2),
                                    readonly=True,
        help="Of the customers created in the period, the share with an opportunity.")
    won_rate = fields.Float('Won / Opportunities (%)', digits=(16, 2), readonly=True,
        help="Of the opportunities created in the period, the share won.")
    contract_rate = fields.Float('Contracts / Won (%)', digits=(16, 2), readonly=True,
        help="Of the opportunities won in the period, the share with an effective contract signed on them.")
    payment_rate = fields.Float('Payments / Contracts (%)', digits=(16, 2), readonly=True,
        help="Of the contracts signed in the period, the share with an approved payment.")
    opportunity_lead_rate = fields.Float('Opportunities / Leads (%)', digits=(16, 2),
                                         readonly=True,
        help="Of the leads created in the period, the share converted to an opportunity.")
    won_lead_rate = fields.Float('Won / Leads (%)', digits=(16, 2), readonly=True,
        help="Of the leads created in the period, the share whose opportunity was won.")
    contract_lead_rate = fields.Float('Contracts / Leads (%)', digits=(16, 2), readonly=True,
        help="Of the leads created in the period, the share whose won opportunity has an effective contract.")
    payment_lead_rate = fields.Float('Payments / Leads (%)', digits=(16, 2), readonly=True,
        help="Of the leads created in the period, the share whose contract has an approved payment.")

    _ratio_measures = CONVERSION_RATES
    _summary_keys = ('step', 'date', 'user_id', 'team_id')
    _summary_sums = ('nbr', 'amount') + tuple(name for _step, name in STEP_COUNTS) + tuple(
        name for name, _step, _label in COHORT_COUNTS)
    _count_measure = 'nbr'

    def _query(self, per_row=False):
        """``per_row``: each cohort's EXISTS looked up row by row (``OFFSET 0`` keeps
        PostgreSQL from hashing the whole contract, payment or opportunity table for it).
        That is what the live part of the report wants, a day's rows (see
        ``_query_live``); the summary, over every row, keeps the hashed form."""
        per_row_sql = ' OFFSET 0' if per_row else ''

        def cols(step):
            counts = ', '.join('%d AS %s' % (int(s == step), name) for s, name in STEP_COUNTS)
            cohorts = ', '.join(
                '%s AS %s' % (('(%s)::int' % COHORT_SQL[name].replace('{per_row}', per_row_sql))
                              if s == step else '0', name)
                for name, s, _label in COHORT_COUNTS)
            rates = ', '.join('NULL::float AS %s' % name for name in sorted(CONVERSION_RATES))
            return '%s, %s, %s' % (counts, cohorts, rates)
        return """
            SELECT l.id * 10 + 1 AS id, '1_lead' AS step, {lead_date} AS date,
                   l.user_id, l.team_id, 1 AS nbr, 0.0 AS amount, {c_lead}
              FROM crm_lead l
              LEFT JOIN crm_lead lo ON lo.id = l.converted_opportunity_id AND lo.active
                                   AND lo.type = 'opportunity'
             WHERE l.type = 'lead' AND l.active
            UNION ALL
            SELECT p.id * 10 + 2, '2_customer', {partner_date},
                   p.user_id, p.team_id, 1, 0.0, {c_customer}
              FROM res_partner p WHERE p.is_crm_customer AND p.active
            UNION ALL
            SELECT o.id * 10 + 3, '3_opportunity', {lead_date_o},
                   o.user_id, o.team_id, 1, COALESCE(o.planned_revenue, 0),
                   {c_opportunity}
              FROM crm_lead o WHERE o.type = 'opportunity' AND o.active
            UNION ALL
            SELECT o.id * 10 + 4, '4_won', {won_date},
                   o.user_id, o.team_id, 1, COALESCE(o.planned_revenue, 0),
                   {c_won}
              FROM crm_lead o WHERE o.type = 'opportunity' AND o.active AND o.end_status = 'won'
            UNION ALL
            SELECT c.id * 10 + 5, '5_contract', COALESCE(c.sign_date, {contract_date}),
                   c.user_id, c.team_id, 1, COALESCE(c.amount_total, 0),
                   {c_contract}
              FROM crm_contract c WHERE c.state IN {effective}
            UNION ALL
            SELECT r.id * 10 + 6, '6_payment', r.date,
                   r.user_id, r.team_id, 1, r.amount, {c_payment}
              FROM crm_receivable r WHERE r.state = 'approved'
        """.format(c_lead=cols('1_lead'), c_customer=cols('2_customer'),
                   c_opportunity=cols('3_opportunity'), c_won=cols('4_won'),
                   c_contract=cols('5_contract'), c_payment=cols('6_payment'),
                   lead_date=local_date('l.create_date'), partner_date=local_date('p.create_date'),
                   lead_date_o=local_date('o.create_date'),
                   won_date=local_date('COALESCE(o.end_date, o.write_date)'),
                   contract_date=local_date('c.create_date'), effective=EFFECTIVE_CONTRACT_SQL)

    def _query_live(self):
        return self._query(per_row=True)

    def _source_indexes(self):
        return [DATE_INDEXES[k] for k in ('lead', 'won', 'customer', 'contract')]

    @api.model
    def _funnel(self, domain=None):
        """The funnel the current user may see: [{step, label, count, amount, rate}] in
        step order; ``rate`` is the step's cohort conversion rate as a fraction (of the
        records that entered the step before in the period, the share that reached this
        one; see CONVERSION_RATES), None for the first step or when there is no base."""
        domain = domain or []
        rows = {r['step']: r for r in self._group_totals(domain, ['nbr', 'amount'], ['step'])}
        totals = self.read_group(domain, sorted(STEP_RATES.values()), [], lazy=False)
        rates = totals[0] if totals else {}
        labels = dict(self._fields['step']._description_selection(self.env))
        result = []
        for step, _label in FUNNEL_STEPS:
            row = rows.get(step, {})
            rate = rates.get(STEP_RATES.get(step), False)
            result.append({'step': step, 'label': labels[step], 'count': row.get('nbr') or 0,
                           'amount': row.get('amount') or 0.0,
                           'rate': None if rate is False or rate is None else rate / 100.0})
        return result
