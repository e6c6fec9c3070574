# -*- coding: utf-8 -*-
from odoo import api, fields, models, tools
from odoo.tools import pycompat

# Reports count days and months in Beijing time (the company's), whatever the server's.
REPORT_TZ = 'Asia/Shanghai'

# "Now" of crm.clock, in SQL: the system parameter crm_sales.clock_now when it holds a
# valid datetime, else the real time (naive UTC, as Odoo stores datetimes).
CLOCK_SQL = """(SELECT CASE WHEN p.value ~ '^\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2})?$'
                            THEN p.value::timestamp
                            ELSE (now() AT TIME ZONE 'UTC') END
                 FROM (SELECT (SELECT value FROM ir_config_parameter
                                WHERE key = 'crm_sales.clock_now') AS value) p)"""
TODAY_SQL = "((%s AT TIME ZONE 'UTC') AT TIME ZONE '%s')::date" % (CLOCK_SQL, REPORT_TZ)


def selection_of(model, field):
    """The selection of another model's field, its labels translated in the user's
    language: a callable selection is not translated by the ORM (only a list is), so a
    report repeating a source field's choices would show them in English."""
    return lambda self: self.env[model]._fields[field]._description_selection(self.env)


def local_date(column):
    """SQL: the Beijing date of a UTC datetime column."""
    return "((%s AT TIME ZONE 'UTC') AT TIME ZONE '%s')::date" % (column, REPORT_TZ)


# Indexes on the report dates of the source tables (see CrmReportSql._source_indexes):
# written without table aliases, so that they match the views' expressions.
DATE_INDEXES = {
    'lead': ('crm_reports_lead_day_idx', 'crm_lead', local_date('create_date'), 'active'),
    'won': ('crm_reports_lead_won_day_idx', 'crm_lead',
            local_date('COALESCE(end_date, write_date)'), "end_status = 'won' AND active"),
    'customer': ('crm_reports_partner_day_idx', 'res_partner', local_date('create_date'),
                 'is_crm_customer OR is_crm_scoped'),
    'contract': ('crm_reports_contract_day_idx', 'crm_contract',
                 'COALESCE(sign_date, %s)' % local_date('create_date'),
                 "state IN ('approved', 'expired')"),
    'follow_up': ('crm_reports_follow_up_day_idx', 'crm_follow_up', local_date('date'), None),
}


class CrmReportSql(models.AbstractModel):
    """Base of the reporting models: a read-only model on a SQL view (``_auto = False``)
    built from ``_query()``. Every report carries ``user_id`` (the salesperson the
    figure belongs to) and ``team_id`` (the sales team), on which the record rules are
    written, a ``date`` and its ``period`` (YYYY-MM)."""
    _name = 'crm.report.sql'
    _description = 'CRM Report (SQL view)'
    _auto = False

    # Ratio measures (percentages), recomputed per group by read_group:
    # {field: (numerator field, denominator field)}. A ratio does not add up: the view
    # holds NULL for it, and each group's value is 100 * sum(numerator) / sum(denominator)
    # of that group's rows (False when the denominator is 0), so the pivot's cells, its
    # totals, the graph and an XML-RPC read_group all give the ratio of the sums.
    _ratio_measures = {}

    date = fields.Date('Date', readonly=True)
    period = fields.Char('Month', readonly=True)
    user_id = fields.Many2one('res.users', 'Salesperson', readonly=True)
    team_id = fields.Many2one('crm.team', 'Sales Team', readonly=True)

    @api.model_cr
    def init(self):
        if self._abstract:
            return
        for name, table, expression, where in self._source_indexes():
            self.env.cr.execute("CREATE INDEX IF NOT EXISTS %s ON %s ((%s))%s" % (
                name, table, expression, (' WHERE %s' % where) if where else ''))
        tools.drop_view_if_exists(self.env.cr, self._table)
        self._create_view(self._view_query())

    def _create_view(self, view_query):
        self.env.cr.execute("CREATE OR REPLACE VIEW %s AS (SELECT u.*, to_char(u.date, 'YYYY-MM') "
                            "AS period FROM (%s) u)" % (self._table, view_query))

    def _query(self):
        raise NotImplementedError

    def _view_query(self):
        """The SQL the report's view selects from: its ``_query()`` (see
        crm_report_summary.py for the reports that keep a daily summary)."""
        return self._query()

    def _source_indexes(self):
        """Indexes the view's filters need on its source tables: [(name, table,
        expression, partial index condition or None)]. A date filter on a report
        reaches each source as the expression of its ``date`` column (the Beijing day of
        a UTC datetime), so the indexes are on those very expressions (the benchmark
        tests/benchmarks/bench_reports.py shows why)."""
        return []

    @api.model
    def _crm_no_jit(self):
        """No JIT compilation for the rest of this transaction. The reports' plans are
        costed high (a union over million-row tables, even when indexes leave a day's
        rows), which crosses PostgreSQL's JIT thresholds: compiling took 4.7 s for a
        sales funnel read whose execution takes 27 ms (1,000,000 leads, EXPLAIN ANALYZE).
        PostgreSQL 11 and later; a user setting, no privilege needed."""
        if self.env.cr._cnx.server_version >= 110000:
            self.env.cr.execute('SET LOCAL jit = off')

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False, access_rights_uid=None):
        self._crm_no_jit()
        return super(CrmReportSql, self)._search(args, offset=offset, limit=limit, order=order,
                                                 count=count, access_rights_uid=access_rights_uid)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        self._crm_no_jit()
        ratios = [f for f in (fields or []) if f in self._ratio_measures]
        if not ratios:
            return self._read_group_sorted(domain, fields, groupby, offset=offset, limit=limit,
                                           orderby=orderby, lazy=lazy)
        # the sums the ratios need, even if the caller did not ask for them
        extra = []
        for ratio in ratios:
            extra += [f for f in self._ratio_measures[ratio] if f not in fields and f not in extra]
        # an order on a ratio is applied here, over every group (SQL only sees NULLs)
        order_terms = [t.strip() for t in (orderby or '').split(',') if t.strip()]
        ratio_order = [t for t in order_terms if t.split()[0] in self._ratio_measures]
        if ratio_order:
            sql_order = ','.join(t for t in order_terms if t not in ratio_order) or False
            result = self._read_group_sorted(
                domain, list(fields) + extra, groupby, orderby=sql_order, lazy=lazy)
        else:
            result = self._read_group_sorted(
                domain, list(fields) + extra, groupby, offset=offset, limit=limit,
                orderby=orderby, lazy=lazy)
        for group in result:
            for ratio in ratios:
                numerator, denominator = self._ratio_measures[ratio]
                base = group.get(denominator) or 0
                group[ratio] = (100.0 * (group.get(numerator) or 0) / base) if base else False
            for name in extra:
                group.pop(name, None)
        if ratio_order:
            # stable sorts, last term first; groups without a ratio come last
            for term in reversed(ratio_order):
                name, desc = term.split()[0], term.lower().endswith(' desc')
                known = [g for g in result if g[name] is not False]
                known.sort(key=lambda g: g[name], reverse=desc)
                result = known + [g for g in result if g[name] is False]
            result = result[offset:offset + limit] if limit else result[offset:]
        return result

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        """Marks the measures with their unit for the web client (crm_reports_format.js:
        the pivot shows "85.3%" and "¥ 1,234.00"): ``crm_format`` 'percent' for the
        percentages (their label ends with "(%)"), 'money' for the amounts (float fields
        named *amount* or *revenue*), with the company currency's symbol."""
        result = super(CrmReportSql, self).fields_get(allfields, attributes=attributes)
        symbol = self.env.user.company_id.currency_id.symbol or ''
        for name, description in result.items():
            unit = self._measure_unit(name)
            if unit:
                description['crm_format'] = unit
                if unit == 'money':
                    description['crm_currency_symbol'] = symbol
        return result

    @api.model
    def _measure_unit(self, name):
        """'percent', 'money' or None for a field of the report."""
        field = self._fields.get(name)
        if not field or field.type not in ('float', 'integer'):
            return None
        if (field.string or '').endswith('(%)'):
            return 'percent'
        if field.type == 'float' and ('amount' in name or 'revenue' in name):
            return 'money'
        return None

    @api.model
    def _read_group_sorted(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                           lazy=True):
        """The ORM's read_group, with the groups of a many2one (salesperson, team, stage...)
        put in the order of that model in Python rather than in SQL. For a group-by on a
        many2one, the ORM joins the other model's table to order by its ``_order`` and
        adds those columns to the GROUP BY: PostgreSQL then sorts every row of the report
        by the salesperson's name (a million rows, spilled to disk) before aggregating
        them into a handful of groups. Here the rows are grouped on the ids alone and the
        few groups are sorted afterwards, in the same order. Only for the default order
        of the groups, without paging, on plain columns (a day/week/month grouping of a
        date, an explicit order, a limit go the ORM's way)."""
        groupby_list = [groupby] if isinstance(groupby, pycompat.string_types) else list(groupby or [])
        used = groupby_list[:1] if lazy else groupby_list
        many2ones = [g for g in used if g in self._fields and self._fields[g].type == 'many2one']
        if orderby or limit or offset or not many2ones or any(
                g not in self._fields or ':' in g for g in used):
            return super(CrmReportSql, self).read_group(
                domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        result = super(CrmReportSql, self.with_context(crm_report_m2o_order_by_id=True)).read_group(
            domain, fields, groupby, lazy=lazy)
        ranks = {}
        for name in many2ones:
            ids = {g[name][0] for g in result if g[name]}
            ordered = self.env[self._fields[name].comodel_name].sudo().with_context(
                active_test=False).search([('id', 'in', list(ids))])
            ranks[name] = {rid: rank for rank, rid in enumerate(ordered.ids)}

        def sort_key(group):
            # ascending, empty values last (as PostgreSQL orders NULLs)
            key = []
            for name in used:
                value = group[name]
                if self._fields[name].type == 'boolean':
                    key.append((0, bool(value)))
                elif name in ranks:
                    key.append((0, ranks[name].get(value[0], len(ranks[name]))) if value else (1, 0))
                else:
                    key.append((0, value) if value is not False and value is not None else (1, 0))
            return key
        return sorted(result, key=sort_key)

    @api.model
    def _generate_m2o_order_by(self, alias, order_field, query, reverse_direction, seen):
        if self._context.get('crm_report_m2o_order_by_id'):
            # see _read_group_sorted: the many2one's id, no join
            return ['"%s"."%s"%s' % (alias, order_field, ' DESC' if reverse_direction else '')]
        return super(CrmReportSql, self)._generate_m2o_order_by(
            alias, order_field, query, reverse_direction, seen)

    @api.model
    def _group_totals(self, domain, measures, groupby, orderby=None, limit=None):
        """read_group as the current user (record rules apply), as a list of dicts."""
        return self.read_group(domain, measures + groupby, groupby, orderby=orderby,
                               limit=limit, lazy=False)

    @api.model
    def _totals(self, domain, measures):
        """{measure: total} of the rows the current user may read."""
        rows = self.read_group(domain, measures, [], lazy=False)
        row = rows[0] if rows else {}
        return {m: row.get(m) or 0 for m in measures}
