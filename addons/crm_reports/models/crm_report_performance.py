# -*- coding: utf-8 -*-
import calendar
import datetime

from odoo import api, fields, models
from odoo.tools import pycompat

from .crm_report_funnel import EFFECTIVE_CONTRACT_SQL
from .crm_report_sql import DATE_INDEXES, local_date

# actual figure -> its target (None: no target, ranking only)
MEASURES = [
    ('contract_amount', 'target_contract_amount'),
    ('payment_amount', 'target_payment_amount'),
    ('new_customer_count', 'target_new_customer_count'),
    ('contract_count', None),
    ('product_amount', None),
    ('new_contact_count', None),
    ('follow_up_count', None),
]
# completion rate field (%) -> (actual, target): recomputed per group by read_group
COMPLETION_RATES = {
    'contract_completion': ('contract_amount', 'target_contract_amount'),
    'payment_completion': ('payment_amount', 'target_payment_amount'),
    'new_customer_completion': ('new_customer_count', 'target_new_customer_count'),
}
# growth field (%) -> (figure, months back): the group against the same group one month
# (MoM) or twelve months (YoY) earlier, recomputed by read_group
GROWTH_RATES = {
    'contract_mom': ('contract_amount', 1),
    'contract_yoy': ('contract_amount', 12),
    'payment_mom': ('payment_amount', 1),
    'payment_yoy': ('payment_amount', 12),
}
TARGET_LEVELS = [('user', 'Salesperson Targets'), ('team', 'Team Targets')]


def _rate(actual, base):
    return (float(actual) / base) if base else None


def _growth(actual, base):
    return (float(actual - base) / base) if base else None


def _shift_month(value, months):
    """'YYYY-MM' or 'YYYY-MM-DD' ``months`` earlier (a month's last day stays its last
    day, another day is kept or brought back to the month's end); other values as is."""
    if not isinstance(value, pycompat.string_types) or len(value) not in (7, 10):
        return value
    try:
        year, month = int(value[:4]), int(value[5:7])
        day = int(value[8:10]) if len(value) == 10 else None
    except ValueError:
        return value
    index = year * 12 + month - 1 - months
    new_year, new_month = divmod(index, 12)
    new_month += 1
    if day is None:
        return '%04d-%02d' % (new_year, new_month)
    last = calendar.monthrange(new_year, new_month)[1]
    if day == calendar.monthrange(year, month)[1]:
        day = last
    return '%04d-%02d-%02d' % (new_year, new_month, min(day, last))


class CrmReportPerformance(models.Model):
    """Performance (业绩): what each salesperson did per day (contracts, products,
    payments, new customers and contacts, follow-ups) next to the monthly targets.
    Target rows carry ``target_level``: salesperson targets, or team targets (which
    name no salesperson); actual rows have none, so filter on one level to compare."""
    _name = 'crm.report.performance'
    _inherit = 'crm.report.sql'
    _description = 'Sales Performance'
    _auto = False
    _order = 'date desc'

    target_level = fields.Selection(TARGET_LEVELS, 'Target Level', readonly=True)
    contract_amount = fields.Float('Contract Amount', digits=(16, 2), readonly=True)
    contract_count = fields.Integer('Contracts', readonly=True)
    product_amount = fields.Float('Product Sales', digits=(16, 2), readonly=True)
    payment_amount = fields.Float('Payments', digits=(16, 2), readonly=True)
    new_customer_count = fields.Integer('New Customers', readonly=True)
    new_contact_count = fields.Integer('New Contacts', readonly=True)
    follow_up_count = fields.Integer('Follow-ups', readonly=True)
    target_contract_amount = fields.Float('Target: Contract Amount', digits=(16, 2), readonly=True)
    target_payment_amount = fields.Float('Target: Payments', digits=(16, 2), readonly=True)
    target_new_customer_count = fields.Integer('Target: New Customers', readonly=True)
    # target completion (%), recomputed per group (see crm.report.sql._ratio_measures)
    contract_completion = fields.Float('Contract Completion (%)', digits=(16, 2),
                                       readonly=True)
    payment_completion = fields.Float('Payment Completion (%)', digits=(16, 2), readonly=True)
    new_customer_completion = fields.Float('New Customer Completion (%)', digits=(16, 2),
                                           readonly=True)

    contract_mom = fields.Float('Contracts Month on Month (%)', digits=(16, 2), readonly=True)
    contract_yoy = fields.Float('Contracts Year on Year (%)', digits=(16, 2), readonly=True)
    payment_mom = fields.Float('Payments Month on Month (%)', digits=(16, 2), readonly=True)
    payment_yoy = fields.Float('Payments Year on Year (%)', digits=(16, 2), readonly=True)

    _ratio_measures = COMPLETION_RATES
    _summary_keys = ('date', 'user_id', 'team_id', 'target_level')
    _summary_sums = tuple(m for pair in MEASURES for m in pair if m)
    _summary_live_rows = 'q.target_level IS NOT NULL'     # targets: always as entered

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """MoM / YoY (``GROWTH_RATES``): each group's figure against the same group in a
        second read whose date and month filters are moved one month (twelve months)
        back, its month keys moved forward to match: grouped by month, each month against
        the month before; a period (a year, a quarter) against the same span a month or a
        year earlier. False where the earlier figure is 0, and under a day / week / month
        grouping of ``date`` (its labels do not shift; group by Month instead)."""
        domain = self._one_target_level(domain)
        growth = [f for f in (fields or []) if f in GROWTH_RATES]
        result = super(CrmReportPerformance, self).read_group(
            domain, list(fields or []) + [GROWTH_RATES[f][0] for f in growth
                                           if GROWTH_RATES[f][0] not in (fields or [])],
            groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        if not growth:
            return result
        groupby = [groupby] if isinstance(groupby, pycompat.string_types) else list(groupby)
        used = groupby[:1] if lazy else groupby
        figures = sorted({GROWTH_RATES[f][0] for f in growth})
        key = lambda g, months: tuple(
            _shift_month(g[f], -months) if f == 'period' else
            (g[f][0] if isinstance(g[f], (list, tuple)) else g[f]) for f in used)
        earlier = {}
        if not any(f.split(':')[0] == 'date' for f in used):
            for months in sorted({GROWTH_RATES[f][1] for f in growth}):
                shifted = [(leaf[0], leaf[1], _shift_month(leaf[2], months))
                           if isinstance(leaf, (list, tuple)) and leaf[0] in ('date', 'period')
                           else leaf for leaf in domain]
                rows = super(CrmReportPerformance, self).read_group(
                    shifted, used + figures, used, lazy=False)
                earlier[months] = {key(g, months): g for g in rows}
        for group in result:
            for name in growth:
                figure, months = GROWTH_RATES[name]
                base = (earlier.get(months, {}).get(key(group, 0)) or {}).get(figure) or 0
                current = group.get(figure) or 0
                group[name] = (100.0 * (current - base) / base) if base else False
        for name in set(GROWTH_RATES[f][0] for f in growth) - set(fields or []):
            for group in result:
                group.pop(name, None)
        return result

    @api.model
    def _one_target_level(self, domain):
        """Salesperson and team targets never add up: a domain that does not pick a
        target level (neither filter, or both) reads the salesperson targets."""
        leaves = [leaf for leaf in (domain or []) if isinstance(leaf, (list, tuple))
                  and leaf[0] == 'target_level']
        levels = {leaf[2] for leaf in leaves if leaf[1] == '=' and leaf[2]}
        if len(levels) == 1 or any(leaf[1] != '=' for leaf in leaves):
            return domain
        return self._level_domain('user') + list(domain or [])

    def _query(self):
        zero = ("0.0 AS contract_amount, 0 AS contract_count, 0.0 AS product_amount, "
                "0.0 AS payment_amount, 0 AS new_customer_count, 0 AS new_contact_count, "
                "0 AS follow_up_count, 0.0 AS target_contract_amount, "
                "0.0 AS target_payment_amount, 0 AS target_new_customer_count, " +
                ", ".join("NULL::float AS %s" % name
                          for name in sorted(COMPLETION_RATES) + sorted(GROWTH_RATES)))

        def measure(**values):
            cols = []
            for part in zero.split(', '):
                expr, name = part.split(' AS ')
                cols.append('%s AS %s' % (values.get(name, expr), name))
            return ', '.join(cols)

        return """
            SELECT c.id * 10 + 1 AS id, COALESCE(c.sign_date, {c_date}) AS date,
                   c.user_id, c.team_id, NULL::varchar AS target_level,
                   {m_contract}
              FROM crm_contract c WHERE c.state IN {effective}
            UNION ALL
            SELECT cl.id * 10 + 2, COALESCE(c.sign_date, {c_date}), c.user_id, c.team_id, NULL,
                   {m_line}
              FROM crm_contract_line cl JOIN crm_contract c ON c.id = cl.contract_id
             WHERE c.state IN {effective}
            UNION ALL
            SELECT r.id * 10 + 3, r.date, r.user_id, r.team_id, NULL, {m_payment}
              FROM crm_receivable r WHERE r.state = 'approved'
            UNION ALL
            SELECT p.id * 10 + 4, {p_date}, p.user_id, p.team_id, NULL, {m_customer}
              FROM res_partner p WHERE p.is_crm_customer AND p.active
            UNION ALL
            SELECT p.id * 10 + 5, {p_date}, p.crm_owner_id, p.crm_team_id, NULL, {m_contact}
              FROM res_partner p
             WHERE p.is_crm_scoped AND p.active AND p.parent_id IS NOT NULL
               AND NOT p.is_company AND p.type = 'contact'
            UNION ALL
            SELECT f.id * 10 + 6, {f_date}, f.user_id, u.sale_team_id, NULL, {m_follow_up}
              FROM crm_follow_up f JOIN res_users u ON u.id = f.user_id
            UNION ALL
            SELECT tl.id * 10 + 7, make_date(t.year, tl.month::int, 1), t.user_id, t.team_id,
                   t.target_type, {m_target}
              FROM crm_sales_target_line tl JOIN crm_sales_target t ON t.id = tl.target_id
        """.format(
            c_date=local_date('c.create_date'), p_date=local_date('p.create_date'),
            f_date=local_date('f.date'), effective=EFFECTIVE_CONTRACT_SQL,
            m_contract=measure(contract_amount='COALESCE(c.amount_total, 0)', contract_count='1'),
            m_line=measure(product_amount='COALESCE(cl.subtotal, 0)'),
            m_payment=measure(payment_amount='r.amount'),
            m_customer=measure(new_customer_count='1'),
            m_contact=measure(new_contact_count='1'),
            m_follow_up=measure(follow_up_count='1'),
            m_target=measure(target_contract_amount='COALESCE(tl.contract_amount, 0)',
                             target_payment_amount='COALESCE(tl.payment_amount, 0)',
                             target_new_customer_count='COALESCE(tl.new_customer_count, 0)'))

    def _source_indexes(self):
        return [DATE_INDEXES[k] for k in ('customer', 'contract', 'follow_up')]

    # ------------------------------------------------------------------ figures
    @api.model
    def _level_domain(self, level):
        """Actual rows plus the targets of one level ('user' or 'team')."""
        return ['|', ('target_level', '=', False), ('target_level', '=', level)]

    @api.model
    def _by_period(self, domain, date_from, date_to):
        """{'YYYY-MM': {measure: total}} between two dates (inclusive)."""
        measures = [m for pair in MEASURES for m in pair if m]
        domain = list(domain) + [('date', '>=', date_from), ('date', '<=', date_to)]
        return {row['period']: {m: row[m] or 0 for m in measures}
                for row in self._group_totals(domain, measures, ['period'])}

    @api.model
    def _monthly(self, year, measure='contract_amount', domain=None, level='user'):
        """The 12 months of ``year`` for one figure: actual, target, completion, the
        previous month (December of the year before for January) with the change
        month on month, and the same month a year earlier with the change year on
        year. Rates are fractions, None when the base is zero."""
        return self._monthly_many(year, [measure], domain, level)[measure]

    @api.model
    def _monthly_many(self, year, measures, domain=None, level='user'):
        """``_monthly`` of several figures from one query: {measure: months}."""
        data = self._by_period(list(domain or []) + self._level_domain(level),
                               '%d-12-01' % (year - 2), '%d-12-31' % year)
        return {measure: self._months_of(year, measure, data) for measure in measures}

    @api.model
    def _months_of(self, year, measure, data):
        target_field = dict(MEASURES).get(measure)
        get = lambda y, m, field: data.get('%04d-%02d' % (y, m), {}).get(field, 0) if field else 0
        result = []
        for month in range(1, 13):
            actual = get(year, month, measure)
            target = get(year, month, target_field)
            prev_y, prev_m = (year - 1, 12) if month == 1 else (year, month - 1)
            previous = get(prev_y, prev_m, measure)
            last_year = get(year - 1, month, measure)
            result.append({
                'period': '%04d-%02d' % (year, month), 'month': month, 'actual': actual,
                'target': target, 'completion': _rate(actual, target),
                'previous': previous, 'mom': _growth(actual, previous),
                'last_year': last_year, 'yoy': _growth(actual, last_year),
            })
        return result

    @api.model
    def _completion(self, date_from, date_to, level='user', domain=None):
        """Per salesperson (level 'user') or team ('team'): the actual contract amount,
        payments and new customers between two dates against the targets of that level.
        [{'id', 'name', measure: actual, target measure: target, 'completion_<measure>'}]"""
        key = 'user_id' if level == 'user' else 'team_id'
        measures = [m for pair in MEASURES for m in pair if m]
        rows = self._group_totals(
            list(domain or []) + self._level_domain(level) + [
                ('date', '>=', date_from), ('date', '<=', date_to), (key, '!=', False)],
            measures, [key], orderby=key)
        result = []
        for row in rows:
            item = {'id': row[key][0], 'name': row[key][1]}
            for actual, target in MEASURES:
                item[actual] = row[actual] or 0
                if target:
                    item[target] = row[target] or 0
                    item['completion_' + actual] = _rate(item[actual], item[target])
            result.append(item)
        return result

    @api.model
    def _ranking(self, measure, date_from, date_to, domain=None, limit=None):
        """Salespeople ranked by one figure between two dates: [(user name, value)]."""
        rows = self._group_totals(
            list(domain or []) + [('target_level', '=', False), ('user_id', '!=', False),
                                  ('date', '>=', date_from), ('date', '<=', date_to)],
            [measure], ['user_id'], orderby='%s desc, user_id' % measure, limit=limit)
        return [(row['user_id'][1], row[measure] or 0) for row in rows]

    @api.model
    def _month_bounds(self, day):
        first = day.replace(day=1)
        nxt = (first + datetime.timedelta(days=32)).replace(day=1)
        return fields.Date.to_string(first), fields.Date.to_string(nxt - datetime.timedelta(days=1))
