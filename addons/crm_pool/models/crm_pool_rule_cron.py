# -*- coding: utf-8 -*-
"""The daily pool job: auto-release due customers and send the advance reminders, in SQL
batches with a commit per batch (see ``_pool_commit``)."""
import datetime
import json
import logging
import threading
import time

from odoo import _, api, fields, models

_logger = logging.getLogger(__name__)

LAST_RUN_PARAM = 'crm_pool.last_run'
RETRY_DELAY = 2  # seconds between the run and its retry of locked customers


class CrmPoolRule(models.Model):
    _inherit = 'crm.pool.rule'

    # ------------------------------------------------------------------ cron
    def _pool_commit(self):
        """Commit the batch just processed.

        Justification (OCA asks for one): the cron may run over 100k customers and Odoo
        kills a cron at limit_time_real / limit_time_cpu without advancing nextcall. Each
        batch updates its customers, writes their log lines (or reminder activities and the
        reminder mark) in one transaction, and the selection of the next batch only depends
        on the state of the data: committing per batch keeps the work already done if the
        process dies, a crash loses at most the current (rolled back, unlogged) batch, and
        nothing is ever logged twice. Never in test mode (tests run in one transaction)."""
        if (self.env.context.get('crm_pool_no_commit')
                or getattr(threading.currentThread(), 'testing', False)
                or self.env.registry.in_test_mode()):
            return
        self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.model
    def _cron_pool_run(self, batch_size=1000):
        """Daily job: auto-release due customers into their pools, then send the advance
        reminders. Idempotent: a second run at the same clock time changes nothing.
        Recorded as a run of the job (``crm.cron.run``: released and reminded customers
        done, deferred ones skipped); one run at a time. Returns the summary (empty
        when another run was in progress)."""
        summary = {}

        def body(run):
            summary.update(self._pool_run(batch_size))
            run._crm_count(done=summary['released'] + summary['reminded'],
                           skipped=summary['deferred'])
        self.env['crm.cron.run']._crm_run('crm_pool.ir_cron_crm_pool_run', body)
        return summary

    @api.model
    def _pool_run(self, batch_size=1000):
        released = self._run_auto_release(batch_size=batch_size)
        reminded = self._run_reminders(batch_size=batch_size)
        deferred = self._count_deferred()
        if deferred:
            # rows locked by another transaction (someone editing or claiming them) were
            # skipped: retry once the batches are done, then leave the rest to the next run
            self._pool_wait_before_retry()
            released += self._run_auto_release(batch_size=batch_size)
            reminded += self._run_reminders(batch_size=batch_size)
            deferred = self._count_deferred()
        summary = {'released': released, 'reminded': reminded, 'deferred': deferred,
                   'at': self.env['crm.clock'].now_str()}
        log = _logger.warning if deferred else _logger.info
        log('crm_pool cron: %d customers released, %d reminders, %d deferred to the next run '
            '(locked by another transaction)', released, reminded, deferred)
        self.env['ir.config_parameter'].sudo().set_param(LAST_RUN_PARAM, json.dumps(summary))
        return summary

    @api.model
    def _pool_wait_before_retry(self):
        if not self.env.registry.in_test_mode():
            time.sleep(RETRY_DELAY)

    @api.model
    def _count_deferred(self, now=None):
        """Customers due for release (or for a reminder) that are still waiting: after a
        run, those whose rows another transaction held locked (SKIP LOCKED)."""
        now = now or self.env['crm.clock'].now()
        now_str = fields.Datetime.to_string(now)
        rules = self._active_rules()
        due = set()
        for rule in rules:
            sql, params = rule._select_sql(rules, where='%s <= %%s' % rule._due_sql(),
                                           params=[now_str], order=False)
            self.env.cr.execute(sql, params)
            due.update(r[0] for r in self.env.cr.fetchall())
        return len(due)

    @api.model
    def _run_auto_release(self, batch_size=1000, now=None):
        now = now or self.env['crm.clock'].now()
        now_str = fields.Datetime.to_string(now)
        Partner = self.env['res.partner'].sudo()
        rules = self._active_rules()
        total = 0
        for rule in rules:
            # each batch goes on after the last id of the previous one: one pass over the
            # customers, not one from the start per batch (rows skipped as locked are
            # caught by _pool_run's retry)
            last_id = 0
            while True:
                sql, params = rule._select_sql(
                    rules, where='"res_partner".id > %%s AND %s <= %%s' % rule._due_sql(),
                    params=[last_id, now_str], limit=batch_size, lock=True)
                self.env.cr.execute(sql, params)
                rows = self.env.cr.fetchall()   # (id, owner, due): the due date is not needed
                if not rows:
                    break
                last_id = rows[-1][0]
                Partner._pool_release_sql(
                    [r[0] for r in rows], rule.pool_id, 'auto_release', now,
                    reason=rule.name, rule=rule)
                total += len(rows)
                self._pool_commit()
        return total

    @api.model
    def _run_reminders(self, batch_size=1000, now=None):
        now = now or self.env['crm.clock'].now()
        now_str = fields.Datetime.to_string(now)
        rules = self._active_rules()
        total = 0
        for rule in rules:
            if rule.pool_id.remind_days <= 0:
                continue
            horizon = fields.Datetime.to_string(
                now + datetime.timedelta(days=rule.pool_id.remind_days))
            # once per cycle: not reminded since the countdown of this rule (re)started
            where = ('{due} <= %s AND {due} > %s AND ("res_partner".pool_reminder_sent_at IS NULL'
                     ' OR "res_partner".pool_reminder_sent_at < {ref})').format(
                         due=rule._due_sql(), ref=rule._reference_sql())
            last_id = 0
            while True:
                sql, params = rule._select_sql(rules, where='"res_partner".id > %s AND ' + where,
                                               params=[last_id, horizon, now_str],
                                               limit=batch_size, lock=True)
                rows = self._fetch_rows(sql, params)
                if not rows:
                    break
                last_id = rows[-1][0]
                rule._remind_sql(rows, now)
                total += len(rows)
                self._pool_commit()
        return total

    # ------------------------------------------------------------------ reminders
    @api.multi
    def _reminder_texts(self):
        """Summary and note of the reminder activity, in this environment's language."""
        self.ensure_one()
        summary = _('Follow up before release to the public pool')
        note = _('<p>This customer will be released to the public pool "%s" by rule "%s" '
                 'unless it is followed up.</p>') % (self.pool_id.name, self.name)
        return summary, note

    @api.multi
    def _remind_sql(self, rows, now):
        """rows: (partner_id, user_id, due_at). One to-do activity for the owner, due on the
        release date, written in the owner's language, and the reminder mark, in the same
        transaction."""
        self.ensure_one()
        cr = self.env.cr
        model_id = self.env['ir.model']._get('res.partner').id
        activity_type = self.env.ref('mail.mail_activity_data_todo', raise_if_not_found=False)
        ids = [r[0] for r in rows]
        cr.execute("""SELECT u.id, p.lang FROM res_users u JOIN res_partner p ON p.id = u.partner_id
                       WHERE u.id = ANY(%s)""", (list({r[1] for r in rows}),))
        lang_of = dict(cr.fetchall())
        by_lang = {}
        for row in rows:
            by_lang.setdefault(lang_of.get(row[1]) or 'en_US', []).append(row)
        for lang, lang_rows in by_lang.items():
            summary, note = self.with_context(lang=lang)._reminder_texts()
            cr.execute("""
                INSERT INTO mail_activity (res_id, res_model_id, res_model, res_name,
                                           activity_type_id, summary, note, date_deadline,
                                           user_id, create_uid, create_date, write_uid, write_date)
                SELECT t.pid, %s, 'res.partner', p.name, %s, %s, %s, t.due::date, t.uid,
                       %s, now() at time zone 'UTC', %s, now() at time zone 'UTC'
                  FROM unnest(%s::int[], %s::int[], %s::text[]) AS t(pid, uid, due)
                  JOIN res_partner p ON p.id = t.pid
            """, (model_id, activity_type.id if activity_type else None, summary, note,
                  self.env.uid, self.env.uid, [r[0] for r in lang_rows], [r[1] for r in lang_rows],
                  [fields.Date.to_string(r[2]) for r in lang_rows]))
        cr.execute('UPDATE res_partner SET pool_reminder_sent_at = %s WHERE id = ANY(%s)',
                   (fields.Datetime.to_string(now), ids))
        self.env['res.partner'].invalidate_cache(['pool_reminder_sent_at', 'activity_ids'], ids)
        self.env['mail.activity'].invalidate_cache()
