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
# the count of each step as a column of its own (1 on that step's rows), so that the
# conversion rates are ratios of two sums of the same group
STEP_COUNTS = [('1_lead', 'lead_count'), ('2_customer', 'customer_count'),
               ('3_opportunity', 'opportunity_count'), ('4_won', 'won_count'),
               ('5_contract', 'contract_count'), ('6_payment', 'payment_count')]
# conversion rate field -> (step count, the count it is against): each step against the
# step before, and each step from opportunities on against the leads
CONVERSION_RATES = {
    'customer_rate': ('customer_count', 'lead_count'),
    'opportunity_rate': ('opportunity_count', 'customer_count'),
    'won_rate': ('won_count', 'opportunity_count'),
    'contract_rate': ('contract_count', 'won_count'),
    'payment_rate': ('payment_count', 'contract_count'),
    'opportunity_lead_rate': ('opportunity_count', 'lead_count'),
    'won_lead_rate': ('won_count', 'lead_count'),
    'contract_lead_rate': ('contract_count', 'lead_count'),
    'payment_lead_rate': ('payment_count', 'lead_count'),
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
    # conversion rates (%), recomputed per group (see crm.report.sql._ratio_measures)
    customer_rate = fields.Float('Customers / Leads (%)', digits=(16, 2), readonly=True)
    opportunity_rate = fields.Float('Opportunities / Customers (%)', digits=(16, 2),
                                    readonly=True)
    won_rate = fields.Float('Won / Opportunities (%)', digits=(16, 2), readonly=True)
    contract_rate = fields.Float('Contracts / Won (%)', digits=(16, 2), readonly=True)
    payment_rate = fields.Float('Payments / Contracts (%)', digits=(16, 2), readonly=True)
    opportunity_lead_rate = fields.Float('Opportunities / Leads (%)', digits=(16, 2),
                                         readonly=True)
    won_lead_rate = fields.Float('Won / Leads (%)', digits=(16, 2), readonly=True)
    contract_lead_rate = fields.Float('Contracts / Leads (%)', digits=(16, 2), readonly=True)
    payment_lead_rate = fields.Float('Payments / Leads (%)', digits=(16, 2), readonly=True)

    _ratio_measures = CONVERSION_RATES
    _summary_keys = ('step', 'date', 'user_id', 'team_id')
    _summary_sums = ('nbr', 'amount') + tuple(name for _step, name in STEP_COUNTS)
    _count_measure = 'nbr'

    def _query(self):
        def cols(step):
            counts = ', '.join('%d AS %s' % (int(s == step), name) for s, name in STEP_COUNTS)
            rates = ', '.join('NULL::float AS %s' % name for name in sorted(CONVERSION_RATES))
            return '%s, %s' % (counts, rates)
        return """
            SELECT l.id * 10 + 1 AS id, '1_lead' AS step, {lead_date} AS date,
                   l.user_id, l.team_id, 1 AS nbr, 0.0 AS amount, {c_lead}
              FROM crm_lead l WHERE l.type = 'lead' AND l.active
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

    def _source_indexes(self):
        return [DATE_INDEXES[k] for k in ('lead', 'won', 'customer', 'contract')]

    @api.model
    def _funnel(self, domain=None):
        """The funnel the current user may see: [{step, label, count, amount, rate}] in
        step order; ``rate`` is the count against the previous step's (None for the
        first step or when the previous one is empty)."""
        rows = {r['step']: r for r in self._group_totals(domain or [], ['nbr', 'amount'], ['step'])}
        labels = dict(self._fields['step']._description_selection(self.env))
        result, previous = [], None
        for step, _label in FUNNEL_STEPS:
            row = rows.get(step, {})
            count = row.get('nbr') or 0
            rate = (float(count) / previous) if previous else None
            result.append({'step': step, 'label': labels[step], 'count': count,
                           'amount': row.get('amount') or 0.0, 'rate': rate})
            previous = count
        return result
