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


class CrmReportFunnel(models.Model):
    """Sales funnel (销售漏斗): one row per lead, customer, opportunity, won opportunity,
    effective contract and approved payment, dated when it entered that step."""
    _name = 'crm.report.funnel'
    _inherit = 'crm.report.sql'
    _description = 'Sales Funnel'
    _auto = False
    _order = 'date desc, step'

    step = fields.Selection(FUNNEL_STEPS, 'Step', readonly=True)
    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    nbr = fields.Integer('Count', readonly=True)
    amount = fields.Float('Amount', digits=(16, 2), readonly=True)

    def _query(self):
        return """
            SELECT l.id * 10 + 1 AS id, '1_lead' AS step, {lead_date} AS date,
                   l.user_id, l.team_id, l.partner_id, 1 AS nbr, 0.0 AS amount
              FROM crm_lead l WHERE l.type = 'lead' AND l.active
            UNION ALL
            SELECT p.id * 10 + 2, '2_customer', {partner_date},
                   p.user_id, p.team_id, p.id, 1, 0.0
              FROM res_partner p WHERE p.is_crm_customer AND p.active
            UNION ALL
            SELECT o.id * 10 + 3, '3_opportunity', {lead_date_o},
                   o.user_id, o.team_id, o.partner_id, 1, COALESCE(o.planned_revenue, 0)
              FROM crm_lead o WHERE o.type = 'opportunity' AND o.active
            UNION ALL
            SELECT o.id * 10 + 4, '4_won', {won_date},
                   o.user_id, o.team_id, o.partner_id, 1, COALESCE(o.planned_revenue, 0)
              FROM crm_lead o WHERE o.type = 'opportunity' AND o.active AND o.end_status = 'won'
            UNION ALL
            SELECT c.id * 10 + 5, '5_contract', COALESCE(c.sign_date, {contract_date}),
                   c.user_id, c.team_id, c.partner_id, 1, COALESCE(c.amount_total, 0)
              FROM crm_contract c WHERE c.state IN {effective}
            UNION ALL
            SELECT r.id * 10 + 6, '6_payment', r.date,
                   r.user_id, r.team_id, r.partner_id, 1, r.amount
              FROM crm_receivable r WHERE r.state = 'approved'
        """.format(lead_date=local_date('l.create_date'), partner_date=local_date('p.create_date'),
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
