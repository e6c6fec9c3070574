# -*- coding: utf-8 -*-
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .crm_report_sql import TODAY_SQL

REFRESHED_PARAM = 'crm_reports.summary_refreshed_at'


class CrmReportSql(models.AbstractModel):
    """Daily summaries of the biggest reports (the sales funnel and performance sum a
    row per lead, opportunity, contract, payment and follow-up: millions of rows).

    A report that sets ``_summary_keys`` (the columns it is grouped by, ``date``,
    ``user_id`` and ``team_id`` among them) and ``_summary_sums`` (its measures) keeps
    the days before the last refresh in a materialized view ``<view>_summary``: one row
    per day, salesperson, team and key, the sums of its rows. The report's view is that
    summary for the days before the refresh day plus its live rows from that day on:
    what is entered today shows at once; a change to a record of an earlier day (a
    transfer, a cancelled contract) shows after the next refresh, every hour by the cron
    "Reports: refresh the summaries" or at once by a sales manager. The record rules,
    on ``user_id`` / ``team_id``, apply to both parts alike. Before the first refresh
    the report is all live."""
    _inherit = 'crm.report.sql'

    _summary_keys = ()
    _summary_sums = ()
    # the measure counting the report's records: a summary row stands for many, so the
    # groups' record count (the pivot's "Count") is the sum of this measure
    _count_measure = None
    # SQL condition (on the report's columns, alias q) of rows always read live, never
    # summarized: rows few in number that are often entered for past days (targets)
    _summary_live_rows = None

    def _summary_table(self):
        return '%s_summary' % self._table

    def _summary_until_param(self):
        return 'crm_reports.%s_until' % self._summary_table()

    def _view_query(self):
        query = super(CrmReportSql, self)._view_query()
        if not self._summary_keys:
            return query
        self._summary_create(query)
        return self._summary_union(self._query_live())

    def _query_live(self):
        """The report's query for its live part (a day's rows): ``_query()`` unless a
        report plans it differently for few rows (the sales funnel)."""
        return self._query()

    def _summary_columns(self, query):
        """[(column, SQL type)] of the report's query."""
        cr = self.env.cr
        cr.execute('SELECT * FROM (%s) q LIMIT 0' % query)
        description = cr.description
        cr.execute('SELECT oid, format_type(oid, NULL) FROM pg_type WHERE oid IN %s',
                   (tuple({d[1] for d in description}),))
        names = dict(cr.fetchall())
        return [(d[0], names[d[1]]) for d in description]

    def _summary_create(self, query):
        """(Re)create the summary: the days before the last refresh, one row per key."""
        cr = self.env.cr
        # each sum keeps its column's type (sum() of an integer is a bigint or numeric,
        # which would turn the report's counts into floats over XML-RPC)
        types = dict(self._summary_columns(query))
        summary = self._summary_table()
        until = "(SELECT value::date FROM ir_config_parameter WHERE key = '%s')" % (
            self._summary_until_param())
        keys = ', '.join(self._summary_keys)
        cr.execute('DROP MATERIALIZED VIEW IF EXISTS %s CASCADE' % summary)
        # the summary rows' ids: minus the smallest id of their rows (stable across
        # refreshes, never one of the live rows')
        cr.execute("""
            CREATE MATERIALIZED VIEW {summary} AS
            SELECT -min(q.id) AS id, {keys}, {sums}
              FROM ({query}) q
             WHERE q.date < {until} {not_live}
             GROUP BY {keys}
        """.format(summary=summary, keys=keys, query=query, until=until,
                   not_live=('AND NOT (%s)' % self._summary_live_rows) if self._summary_live_rows else '',
                   sums=', '.join('sum(q.%s)::%s AS %s' % (m, types[m], m)
                                  for m in self._summary_sums)))
        # REFRESH ... CONCURRENTLY (the report stays readable) needs a unique index
        cr.execute('CREATE UNIQUE INDEX %s_keys_idx ON %s (%s)' % (summary, summary, keys))

    def _summary_until(self):
        """The first day the report reads live (the day of the last refresh), or None."""
        value = self.env['ir.config_parameter'].sudo().get_param(self._summary_until_param())
        try:
            return fields.Date.to_string(fields.Date.from_string(value)) if value else None
        except ValueError:
            return None

    def _summary_union(self, query):
        """The report's rows: its live rows from the last refresh's day on, and the
        summary before. The day is written into the view as a literal (the refresh
        replaces the view): as a subquery, PostgreSQL could not know at planning time
        that the live part is one day's rows, and answered the sales funnel's cohort
        EXISTS tests by hashing whole tables (38 s at 1,000,000 leads instead of 0.6 s)."""
        until = self._summary_until()
        summarized = set(self._summary_keys) | set(self._summary_sums) | {'id'}
        return """
            SELECT * FROM ({query}) q WHERE q.date >= '{until}'::date {live}
            UNION ALL
            SELECT {columns} FROM {summary} s
        """.format(query=query, until=until or '-infinity', summary=self._summary_table(),
                   live=('OR (%s)' % self._summary_live_rows) if self._summary_live_rows else '',
                   columns=', '.join(('s.%s' % c) if c in summarized else 'NULL'
                                     for c, _type in self._summary_columns(query)))

    def _summary_replace_view(self):
        """The report's view with the new first live day (same columns, so CREATE OR
        REPLACE; its lock lasts until the refresh commits, hence called last)."""
        self._create_view(self._summary_union(self._query_live()))

    # ------------------------------------------------------------------ refresh
    @api.model
    def _summary_models(self):
        return [name for name in sorted(self.env.registry.models)
                if name.startswith('crm.report.') and not self.env[name]._abstract
                and getattr(self.env[name], '_summary_keys', None)]

    @api.model
    def _try_refresh_lock(self, name):
        """True if this transaction may refresh ``name`` now: one refresh at a time (a
        manager's "Refresh Now" while the cron runs), held until the transaction ends."""
        self.env.cr.execute('SELECT pg_try_advisory_xact_lock(hashtext(%s))',
                            ('crm_reports.refresh.%s' % name,))
        return self.env.cr.fetchone()[0]

    @api.model
    def _refresh_summaries(self):
        """Summarize every day before today (the CRM clock's, in Beijing) of each report
        that keeps a summary, in this transaction; the reports stay readable meanwhile.
        False (nothing done) when another refresh is running."""
        if not self._try_refresh_lock('summaries'):
            return False
        cr = self.env.cr
        cr.execute('SELECT %s' % TODAY_SQL)
        today = str(cr.fetchone()[0])    # 'YYYY-MM-DD'
        Param = self.env['ir.config_parameter'].sudo()
        reports = [self.env[name] for name in self._summary_models()]
        # the first live day moves once a day: the other refreshes of the day leave the
        # parameter (its write clears every worker's caches) and the views (replacing
        # one locks out its readers until the refresh commits) as they are
        moved = [report for report in reports if report._summary_until() != today]
        for report in moved:
            Param.set_param(report._summary_until_param(), today)
        for report in reports:
            cr.execute('REFRESH MATERIALIZED VIEW CONCURRENTLY %s' % report._summary_table())
        for report in moved:
            report._summary_replace_view()
        for report in reports:
            report.invalidate_cache()
        Param.set_param(REFRESHED_PARAM, fields.Datetime.to_string(datetime.datetime.utcnow()))
        return True

    @api.model
    def _summaries_refreshed_at(self):
        """When the summaries were last refreshed (UTC, Odoo's datetime string)."""
        return self.env['ir.config_parameter'].sudo().get_param(REFRESHED_PARAM) or False

    @api.model
    def _cron_refresh_summaries(self):
        """Hourly, recorded as a run of the job (``crm.cron.run``); a refresh that finds
        another one running (a manager's "Refresh Now") is logged and counted as
        skipped on the run. True when the summaries were refreshed."""
        return self.env['crm.cron.run']._crm_refresh_run(
            'crm_reports.ir_cron_refresh_summaries', self._refresh_summaries)

    @api.model
    def action_refresh_summaries(self):
        """"Refresh now" (sales managers): the funnel and performance include today's
        changes to earlier records."""
        if not self.env.user._crm_is_manager():
            raise AccessError(_('Only sales managers can refresh the report summaries now; '
                                'they are refreshed automatically every hour.'))
        if not self.sudo()._refresh_summaries():
            raise UserError(_('The report summaries are being refreshed right now; '
                              'try again in a minute.'))
        return True

    # ------------------------------------------------------------------ read_group
    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        if not self._count_measure:
            return super(CrmReportSql, self).read_group(
                domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        measure = self._count_measure
        asked = list(fields or [])
        result = super(CrmReportSql, self).read_group(
            domain, asked + ([measure] if measure not in asked else []), groupby,
            offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        for group in result:
            for key in group:
                if key.endswith('_count') and key not in self._fields:
                    group[key] = group.get(measure) or 0
            if measure not in asked:
                group.pop(measure, None)
        return result
