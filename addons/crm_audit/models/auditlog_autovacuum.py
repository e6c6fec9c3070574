# -*- coding: utf-8 -*-
"""The one way log lines go: the daily purge of the logs older than the retention
(system parameter ``crm_audit.log_retention_days``, at least ``MIN_RETENTION_DAYS``),
"now" taken from ``crm.clock``. OCA's own ``autovacuum(days)`` does the same purge
(its ``days`` below the minimum are raised to it)."""
import logging
from datetime import timedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

RETENTION_PARAM = 'crm_audit.log_retention_days'
DEFAULT_RETENTION_DAYS = 365
MIN_RETENTION_DAYS = 30


class AuditlogAutovacuum(models.TransientModel):
    _inherit = 'auditlog.autovacuum'

    @api.model
    def _crm_retention_days(self):
        value = self.env['ir.config_parameter'].sudo().get_param(RETENTION_PARAM)
        try:
            days = int(value)
        except (TypeError, ValueError):
            days = DEFAULT_RETENTION_DAYS
        return max(days, MIN_RETENTION_DAYS)

    @api.model
    def autovacuum(self, days):
        try:
            days = int(days)
        except (TypeError, ValueError):
            days = 0
        # OCA's entry point (public): the purge itself, in the caller's transaction; only
        # the scheduled job (``_crm_purge``) records a run
        return self._crm_purge_tables(max(days, self._crm_retention_days()))

    @api.model
    def _crm_purge(self, days=None):
        """The nightly purge (``_crm_purge_tables``), recorded as a run of the job
        (``crm.cron.run``: rows deleted as done). Returns {table: rows deleted}."""
        counts = {}

        def purge(run):
            counts.update(self._crm_purge_tables(days))
            run._crm_count(done=sum(counts.values()))
        self.env['crm.cron.run']._crm_run('crm_audit.ir_cron_crm_audit_purge', purge)
        return counts

    @api.model
    def _crm_purge_tables(self, days=None):
        """Delete the data-change logs (with their lines), HTTP request / session logs,
        login attempts and unlocks older than ``days`` (default: the retention).
        Returns {table: rows deleted}."""
        days = max(int(days or self._crm_retention_days()), MIN_RETENTION_DAYS)
        cutoff = fields.Datetime.to_string(self.env['crm.clock'].now() - timedelta(days=days))
        cr = self.env.cr
        counts = {}
        for table, column in (('auditlog_log', 'create_date'),
                              ('auditlog_http_request', 'create_date'),
                              ('auditlog_http_session', 'create_date'),
                              ('res_authentication_attempt', 'create_date'),
                              ('crm_login_unlock', 'date')):
            extra = ''
            if table == 'auditlog_http_request':
                extra = ' AND NOT EXISTS (SELECT 1 FROM auditlog_log l WHERE l.http_request_id = t.id)'
            elif table == 'auditlog_http_session':
                extra = (' AND NOT EXISTS (SELECT 1 FROM auditlog_log l WHERE l.http_session_id = t.id)'
                         ' AND NOT EXISTS (SELECT 1 FROM auditlog_http_request r'
                         ' WHERE r.http_session_id = t.id)')
            cr.execute('DELETE FROM "%s" t WHERE t."%s" < %%s%s' % (table, column, extra), (cutoff,))
            counts[table] = cr.rowcount
        self.env['auditlog.log'].invalidate_cache()
        self.env['auditlog.log.line'].invalidate_cache()
        _logger.info('Audit trail purge before %s: %s', cutoff, counts)
        return counts
