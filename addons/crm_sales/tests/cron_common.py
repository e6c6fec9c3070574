# -*- coding: utf-8 -*-
"""Crash and failure cases of the crons, on committed data (as the scheduler sees it):
helpers for a fixture committed in a cursor of its own, a cron run that really commits
(``run_committed``), and a cron run in another process killed with SIGKILL before its
n-th commit (``run_killed``). Every module's cron tests use them; each test removes what
it committed (``committed`` + its own cleanup)."""
import json
import subprocess
import sys
import threading
from contextlib import contextmanager
from unittest.mock import patch

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests.common import TransactionCase

CHILD = r'''
import json, os, signal, sys
import odoo
from odoo import SUPERUSER_ID, api
args = json.loads(sys.argv[1])
odoo.tools.config.parse_config(['-c', args['conf'], '-d', args['db'], '--log-level=critical'])
registry = odoo.registry(args['db'])
Run = registry['crm.cron.run']
commit = Run._crm_commit
count = [0]
def killing_commit(self):
    count[0] += 1
    if count[0] == args['kill_at']:
        os.kill(os.getpid(), signal.SIGKILL)   # before this commit: its work is lost
    commit(self)
Run._crm_commit = killing_commit
each = Run._crm_each
only = {m: set(ids) for m, ids in args['only'].items()}
def only_fixture(self, items, fn, commit=True):
    return each(self, items.filtered(lambda r: r._name not in only or r.id in only[r._name]),
                fn, commit=commit)
Run._crm_each = only_fixture
with api.Environment.manage():
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        getattr(env[args['model']], args['method'])()
print('finished')
'''


class CronCommittedCase(TransactionCase):
    """Base of the cron crash tests: fixtures and runs in cursors of their own."""

    @contextmanager
    def committed(self):
        """An environment (superuser) in a cursor of its own, committed at the end."""
        cr = self.registry.cursor()
        try:
            yield api.Environment(cr, SUPERUSER_ID, {})
            cr.commit()
        finally:
            cr.close()

    @contextmanager
    def only(self, only):
        """The crons process only the records of ``only`` ({model: ids}) among those of
        the models it names (the demo data's stay as they are)."""
        Run = type(self.env['crm.cron.run'])
        each = Run._crm_each

        def only_fixture(run, items, fn, commit=True):
            return each(run, items.filtered(
                lambda r: r._name not in only or r.id in only[r._name]), fn, commit=commit)
        with patch.object(Run, '_crm_each', only_fixture):
            yield

    def run_committed(self, model, method, only):
        """Run ``model.method()`` as the scheduler does: its own cursor, committing
        (``crm.cron.run`` commits after each item), closed afterwards; only over the
        records of ``only`` ({model: ids})."""
        thread = threading.current_thread()
        testing = getattr(thread, 'testing', False)
        thread.testing = False
        try:
            with self.only(only), self.committed() as env:
                getattr(env[model], method)()
        finally:
            thread.testing = testing

    def run_killed(self, model, method, kill_at, only):
        """Run ``model.method()`` in another process, killed (SIGKILL) just before its
        ``kill_at``-th commit (the 1st is the run's start, then one per item); only over
        the records of ``only``. True if it was killed, False if it finished first."""
        args = {'conf': odoo.tools.config.rcfile, 'db': self.env.cr.dbname,
                'model': model, 'method': method, 'kill_at': kill_at,
                'only': {m: list(ids) for m, ids in only.items()}}
        proc = subprocess.run([sys.executable, '-c', CHILD, json.dumps(args)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        if proc.returncode not in (-9, 0):
            raise AssertionError('the cron process failed: %s' % proc.stderr.decode()[-3000:])
        return proc.returncode == -9

    def runs(self, key):
        """The runs of the job ``key`` (committed), newest first: [(state, done, failed,
        skipped, [failed item ids])]."""
        with self.committed() as env:
            return [(r.state, r.done_count, r.failed_count, r.skipped_count,
                     r.line_ids.filtered(lambda l: l.kind == 'failed').mapped('res_id'))
                    for r in env['crm.cron.run'].search([('key', '=', key)])]

    def remove_runs(self, key, since_id):
        with self.committed() as env:
            env.cr.execute('DELETE FROM crm_cron_run WHERE key = %s AND id > %s', (key, since_id))

    def last_run_id(self):
        with self.committed() as env:
            env.cr.execute('SELECT COALESCE(MAX(id), 0) FROM crm_cron_run')
            return env.cr.fetchone()[0]

    @contextmanager
    def job_held(self, key):
        """Another run of the job ``key`` in progress (its lock held by another
        connection) while the block runs."""
        cr = self.registry.cursor()
        try:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.assertTrue(env['crm.cron.run']._crm_try_lock(key))
            yield
        finally:
            env['crm.cron.run']._crm_unlock(key)
            cr.rollback()
            cr.close()
