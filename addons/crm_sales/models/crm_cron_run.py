# -*- coding: utf-8 -*-
"""Scheduled job runs (定时任务运行记录): one line per run of a CRM cron -- when it ran
(``crm.clock``), how many items were done, failed or skipped, and which items failed and
why -- for the CRM administrator (CRM > 配置 > 定时任务运行记录).

The extension point for every cron of every module::

    Run = self.env['crm.cron.run']
    run = Run._crm_run_each('crm_contract.ir_cron_contract_daily', contracts, remind)

``_crm_run_each`` runs ``fn(item)`` for each item in a savepoint of its own and commits
after each item: an exception is logged and recorded (item, reason) and the other items
go on; a kill loses at most the item in progress. A cron with several steps opens the run
itself (``_crm_start``), calls ``run._crm_each`` per step and ``run._crm_finish()``. One
run of a job at a time: a run that finds another one running (the scheduler and a manual
run, two servers) does nothing and is recorded as skipped."""
import datetime
import logging
import threading

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..grant import grant, granted

_logger = logging.getLogger(__name__)

#: runs older than this are removed when the same job runs again
KEEP_DAYS = 90
#: failed / skipped items recorded per run (the counts go on)
MAX_LINES = 200
RUN_STATES = [('running', 'Running'), ('done', 'Done'), ('failed', 'Some Items Failed'),
              ('skipped', 'Skipped'), ('interrupted', 'Interrupted')]


class CrmCronRun(models.Model):
    _name = 'crm.cron.run'
    _description = 'Scheduled Job Run'
    _order = 'id desc'
    _rec_name = 'name'

    name = fields.Char('Job', required=True, readonly=True)
    key = fields.Char('Job Key', required=True, readonly=True, index=True,
                      help='The external ID of the scheduled action.')
    cron_id = fields.Many2one('ir.cron', 'Scheduled Action', readonly=True, ondelete='set null')
    started_at = fields.Datetime('Started', readonly=True)
    ended_at = fields.Datetime('Ended', readonly=True)
    state = fields.Selection(RUN_STATES, 'Status', required=True, readonly=True, index=True,
                             default='running')
    done_count = fields.Integer('Done', readonly=True)
    failed_count = fields.Integer('Failed', readonly=True)
    skipped_count = fields.Integer('Skipped', readonly=True)
    note = fields.Text('Summary', readonly=True)
    line_ids = fields.One2many('crm.cron.run.line', 'run_id', 'Failed and Skipped Items',
                               readonly=True)

    # ------------------------------------------------------------------ never by hand
    @api.model
    def create(self, vals):
        if not granted(self, 'cron_run'):
            raise AccessError(_('Scheduled job runs are recorded by the jobs themselves.'))
        return super(CrmCronRun, self).create(vals)

    @api.multi
    def write(self, vals):
        if not granted(self, 'cron_run'):
            raise AccessError(_('Scheduled job runs cannot be changed.'))
        return super(CrmCronRun, self).write(vals)

    @api.multi
    def unlink(self):
        if not granted(self, 'cron_run'):
            raise AccessError(_('Scheduled job runs cannot be deleted: runs older than %d '
                                'days are removed automatically.') % KEEP_DAYS)
        return super(CrmCronRun, self).unlink()

    # ------------------------------------------------------------------ transactions
    @api.model
    def _crm_may_commit(self):
        """False in tests (one transaction rolled back at the end) and for a caller
        that runs the job inside a transaction of its own (benchmarks: context
        ``crm_cron_no_commit``, or crm_pool's ``crm_pool_no_commit``). Turning commits off
        grants nothing: the run is then one transaction, as Odoo's crons are."""
        return not (getattr(threading.currentThread(), 'testing', False)
                    or self.env.registry.in_test_mode()
                    or self.env.context.get('crm_cron_no_commit')
                    or self.env.context.get('crm_pool_no_commit'))

    @api.model
    def _crm_commit(self):
        if self._crm_may_commit():
            self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.model
    def _crm_lock_key(self, key):
        return 'crm.cron.run:%s' % key

    @api.model
    def _crm_try_lock(self, key):
        """A session lock (it outlives the commits of the run; a killed process's
        connection releases it)."""
        self.env.cr.execute('SELECT pg_try_advisory_lock(hashtext(%s))', (self._crm_lock_key(key),))
        return self.env.cr.fetchone()[0]

    @api.model
    def _crm_unlock(self, key):
        self.env.cr.execute('SELECT pg_advisory_unlock(hashtext(%s))', (self._crm_lock_key(key),))

    # ------------------------------------------------------------------ the API
    @api.model
    def _crm_in_log_lang(self):
        """``self`` in the language of the runs' texts: the company's (the operation
        log's), whoever runs the job (the scheduler has no language)."""
        return self.with_context(lang=self.env['crm.operation.log']._crm_log_lang())

    @api.model
    def _crm_job_name(self, key):
        cron = self._crm_in_log_lang().env.ref(key, raise_if_not_found=False)
        if cron and cron._name == 'ir.cron':
            return cron.sudo(), cron.sudo().name
        return self.env['ir.cron'], key

    @api.model
    def _crm_start(self, key):
        """Open a run of the job ``key`` (the scheduled action's external ID) and commit
        it. When another run of the job holds it, a run in state ``skipped`` is
        recorded and returned instead (``run.state == 'skipped'``: do nothing)."""
        cron, name = self._crm_job_name(key)
        now = self.env['crm.clock'].now_str()
        runs = grant(self.sudo(), 'cron_run')
        vals = {'key': key, 'name': name, 'cron_id': cron.id, 'started_at': now,
                'done_count': 0, 'failed_count': 0, 'skipped_count': 0}
        if not self._crm_try_lock(key):
            _logger.warning('%s: another run is in progress; this one did nothing', key)
            run = runs.create(dict(vals, state='skipped', ended_at=now, skipped_count=1,
                                   note=self._crm_in_log_lang()._crm_text('busy')))
            self._crm_commit()
            return run
        # we hold the job: a run still "running" died (killed, server stopped)
        stale = runs.search([('key', '=', key), ('state', '=', 'running')])
        stale.write({'state': 'interrupted'})
        cutoff = fields.Datetime.to_string(
            self.env['crm.clock'].now() - datetime.timedelta(days=KEEP_DAYS))
        runs.search([('key', '=', key), ('started_at', '<', cutoff)]).unlink()
        run = runs.create(vals)
        self._crm_commit()
        return run

    @api.multi
    def _crm_each(self, items, fn, commit=True):
        """Run ``fn(item)`` for each record of ``items`` in a savepoint of its own,
        committing after each (``commit``). ``fn`` returns False when there was
        nothing to do (not counted: not due yet, or done meanwhile by another run),
        anything else counts as done (with the item, so that a killed run shows what it
        did); an exception is logged, rolled back to the savepoint, counted and recorded
        with its reason, and the next item goes on. Returns (done, failed, 0)."""
        self.ensure_one()
        done = failed = skipped = 0
        for item in items:
            try:
                with self.env.cr.savepoint():
                    result = fn(item)
            except Exception as exc:  # pylint: disable=broad-except
                self.env.clear()
                name = self._crm_item_name(item)
                _logger.exception('%s: %s "%s" (id %s) failed; the other items go on',
                                  self.key, item._name, name, item.id)
                failed += 1
                self._crm_count(failed=1)
                self._crm_add_line(item, 'failed', self._crm_reason(exc), name)
            else:
                if result is False:
                    continue
                done += 1
                self._crm_count(done=1)
            if commit:
                self._crm_commit()
        return done, failed, skipped

    @api.model
    def _crm_reason(self, exc):
        text = getattr(exc, 'name', None) or (exc.args[0] if exc.args else '') or ''
        if not isinstance(text, str):
            text = repr(text)
        return ('%s: %s' % (type(exc).__name__, text)).strip()[:2000]

    @api.model
    def _crm_item_name(self, item):
        try:
            return (item.sudo().display_name or '')[:500] if item else ''
        except Exception:  # pylint: disable=broad-except
            return ''

    @api.multi
    def _crm_add_line(self, item, kind, reason, res_name=None):
        """Record an item that failed or was skipped (at most ``MAX_LINES`` per run)."""
        self.ensure_one()
        runs = grant(self.sudo(), 'cron_run')
        if len(runs.line_ids) >= MAX_LINES:
            return
        if res_name is None:
            res_name = self._crm_item_name(item)
        runs.write({'line_ids': [(0, 0, {
            'kind': kind, 'reason': reason, 'res_model': item._name if item else False,
            'res_id': item.id if item else 0, 'res_name': res_name})]})

    @api.multi
    def _crm_count(self, done=0, failed=0, skipped=0):
        self.ensure_one()
        self.env.cr.execute("""UPDATE crm_cron_run SET done_count = COALESCE(done_count, 0) + %s,
                                      failed_count = COALESCE(failed_count, 0) + %s,
                                      skipped_count = COALESCE(skipped_count, 0) + %s
                                WHERE id = %s""",
                            (done, failed, skipped, self.id))
        self.invalidate_cache(['done_count', 'failed_count', 'skipped_count'], self.ids)

    @api.multi
    def _crm_skip(self, reason, item=None):
        """Count one thing this run skipped, with its reason (and log it)."""
        self.ensure_one()
        _logger.warning('%s: skipped: %s', self.key, reason)
        self._crm_count(skipped=1)
        self._crm_add_line(item, 'skipped', reason)

    @api.multi
    def _crm_fail(self, exc):
        """The step in progress failed as a whole (not one item): roll it back and
        record why."""
        self.ensure_one()
        _logger.error('%s: the run failed: %s', self.key, exc, exc_info=True)
        if self._crm_may_commit():
            self.env.cr.rollback()
        self.env.clear()
        self._crm_count(failed=1)
        self._crm_add_line(None, 'failed', self._crm_reason(exc))

    @api.multi
    def _crm_finish(self, note=None):
        """Close the run (end time, state from the counts), commit and let the job go."""
        self.ensure_one()
        if self.state == 'skipped':
            return self
        runs = grant(self.sudo(), 'cron_run')
        runs.invalidate_cache()
        vals = {'ended_at': self.env['crm.clock'].now_str(),
                'state': 'failed' if runs.failed_count else 'done'}
        if note:
            vals['note'] = note
        runs.write(vals)
        self._crm_commit()
        self._crm_unlock(self.key)
        _logger.info('%s: %d done, %d failed, %d skipped', self.key, runs.done_count,
                     runs.failed_count, runs.skipped_count)
        return self

    @api.model
    def _crm_run_each(self, key, items, fn):
        """One run of the job ``key`` over ``items`` (see ``_crm_each``); returns the run."""
        return self._crm_run(key, lambda run: run._crm_each(items, fn))

    @api.model
    def _crm_run(self, key, body):
        """One run of the job ``key``: ``body(run)`` does the work (calling
        ``run._crm_each``, ``run._crm_count``, ``run._crm_skip``, and returning an
        optional summary text); an exception outside the items is recorded as a failure
        of the run. Returns the run."""
        run = self._crm_start(key)
        if run.state == 'skipped':
            return self.sudo().browse(run.id)
        note = None
        try:
            if self._crm_may_commit():
                note = body(run)
            else:  # tests: one transaction, a failure rolls back to here only
                with self.env.cr.savepoint():
                    note = body(run)
        except Exception as exc:  # pylint: disable=broad-except
            run._crm_fail(exc)
        finally:
            if run.state == 'running':
                run._crm_finish(note if isinstance(note, str) else None)
        return self.sudo().browse(run.id)   # without the grant: read it, do not write it

    @api.model
    def _crm_text(self, what):
        return {
            'busy': _('Another run of this job was in progress: this one did nothing.'),
            'refresh_busy': _('Another refresh was running: this one was skipped.'),
        }[what]

    @api.model
    def _crm_refresh_run(self, key, refresh):
        """One run of a job that does one thing (``refresh()``, False when it found
        another refresh running: logged and counted as skipped). Returns what
        ``refresh`` returned (False when the job did not run)."""
        result = []

        def body(run):
            result.append(refresh())
            if result[-1] is False:
                run._crm_skip(self._crm_in_log_lang()._crm_text('refresh_busy'))
            else:
                run._crm_count(done=1)
        self._crm_run(key, body)
        return result[-1] if result else False


class CrmCronRunLine(models.Model):
    _name = 'crm.cron.run.line'
    _description = 'Scheduled Job Run Item'
    _order = 'id'

    run_id = fields.Many2one('crm.cron.run', 'Run', required=True, index=True,
                             ondelete='cascade', readonly=True)
    kind = fields.Selection([('failed', 'Failed'), ('skipped', 'Skipped')], 'Outcome',
                            required=True, readonly=True)
    res_model = fields.Char('Record Model', readonly=True)
    res_id = fields.Integer('Record ID', readonly=True)
    res_name = fields.Char('Record', readonly=True)
    reason = fields.Text('Reason', readonly=True)

    @api.model
    def create(self, vals):
        if not granted(self, 'cron_run'):
            raise AccessError(_('Scheduled job runs are recorded by the jobs themselves.'))
        return super(CrmCronRunLine, self).create(vals)

    @api.multi
    def write(self, vals):
        if not granted(self, 'cron_run'):
            raise AccessError(_('Scheduled job runs cannot be changed.'))
        return super(CrmCronRunLine, self).write(vals)

    @api.multi
    def unlink(self):
        if not granted(self, 'cron_run'):
            raise AccessError(_('Scheduled job runs cannot be changed.'))
        return super(CrmCronRunLine, self).unlink()
