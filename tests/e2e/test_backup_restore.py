"""Backups that restore: `make backup` while salespeople keep writing, then `make restore`
into a new database, compared with the source at the backup's moment (scripts/backup.py)."""
import base64
import configparser
import hashlib
import os
import shutil
import subprocess
import sys
import threading
import time
import uuid

import psycopg2
import pytest

from conftest import DB

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONF = os.environ.get('CRM_ODOO_CONF')


def _backup_py(*args):
    cmd = [sys.executable, os.path.join(ROOT, 'scripts', 'backup.py'), '-c', CONF] + list(args)
    return subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, timeout=600)


def _db_options():
    conf = configparser.ConfigParser()
    conf.read(CONF)
    opts = {k: conf['options'].get('db_' + k) for k in ('host', 'port', 'user', 'password')}
    return {k: v for k, v in opts.items() if v and v != 'False'}


def _data_dir():
    conf = configparser.ConfigParser()
    conf.read(CONF)
    data_dir = conf['options'].get('data_dir') or '.state/filestore'
    return data_dir if os.path.isabs(data_dir) else os.path.join(ROOT, data_dir)


class Writer(threading.Thread):
    """A salesperson creating customers, each with a scanned document, as fast as she can;
    remembers when each create call returned."""

    def __init__(self, rpc_user, tag):
        super(Writer, self).__init__(daemon=True)
        self.rpc, self.tag, self.done = rpc_user, tag, []
        self.stop, self.error = threading.Event(), None

    def run(self):
        try:
            n = 0
            while not self.stop.is_set():
                n += 1
                started = time.time()
                name = '备份测试客户 %s-%03d' % (self.tag, n)
                pid = self.rpc.call('res.partner', 'create', {
                    'name': name, 'is_company': True, 'customer': True})
                content = ('scan of %s %s' % (name, uuid.uuid4().hex)).encode()
                self.rpc.call('ir.attachment', 'create', {
                    'name': 'scan-%d.txt' % n, 'datas_fname': 'scan.txt',
                    'datas': base64.b64encode(content).decode(),
                    'res_model': 'res.partner', 'res_id': pid})
                self.done.append((started, time.time(), name, hashlib.sha1(content).hexdigest()))
        except Exception as e:  # reported by the test
            self.error = e


@pytest.fixture
def restored_db():
    names = []
    yield names
    opts = _db_options()
    conn = psycopg2.connect(dbname='postgres', **opts)
    conn.autocommit = True
    for name in names:
        conn.cursor().execute('DROP DATABASE IF EXISTS "%s"' % name)
        shutil.rmtree(os.path.join(_data_dir(), 'filestore', name), ignore_errors=True)
    conn.close()


def test_a_backup_taken_while_users_write_restores_to_that_moment(rpc, tmp_path, restored_db):
    assert CONF, 'CRM_ODOO_CONF names the test server config (scripts/test.sh sets it)'
    writers = [Writer(rpc('lina'), 'L' + uuid.uuid4().hex[:4]),
               Writer(rpc('zhangwei'), 'Z' + uuid.uuid4().hex[:4])]
    for w in writers:
        w.start()
    while min(len(w.done) for w in writers) < 3:
        assert all(w.is_alive() for w in writers), [w.error for w in writers]
        time.sleep(0.2)
    backup_started = time.time()
    result = _backup_py('backup', DB, '--dir', str(tmp_path))
    backup_ended = time.time()
    counts_then = [len(w.done) for w in writers]
    while any(len(w.done) < n + 2 for w, n in zip(writers, counts_then)) and \
            time.time() - backup_ended < 60:
        time.sleep(0.2)
    for w in writers:
        w.stop.set()
        w.join(60)
        assert w.error is None, w.error
    assert result.returncode == 0, result.stdout
    folder = [str(p) for p in tmp_path.iterdir()]
    assert len(folder) == 1 and os.path.basename(folder[0]).startswith(DB + '-')

    new_db = '%s_restored_%s' % (DB, uuid.uuid4().hex[:6])
    restored_db.append(new_db)
    result = _backup_py('restore', folder[0], '--to', new_db)
    assert result.returncode == 0, result.stdout
    assert 'every table count and file checksum matches the backup' in result.stdout

    conn = psycopg2.connect(dbname=new_db, **_db_options())
    cr = conn.cursor()
    written = [row for w in writers for row in w.done]
    before = [r for r in written if r[1] < backup_started]
    after = [r for r in written if r[0] > backup_ended]
    assert before and after, 'the writers wrote before and after the backup'
    cr.execute('SELECT name FROM res_partner WHERE name IN %s', (tuple(r[2] for r in written),))
    present = {name for (name,) in cr.fetchall()}
    assert {r[2] for r in before} <= present, 'a customer saved before the backup is missing'
    assert not present & {r[2] for r in after}, 'a customer saved after the backup came back'

    # every restored document opens with the same bytes as the source's
    cr.execute("SELECT p.name, a.store_fname, a.checksum FROM ir_attachment a "
               "JOIN res_partner p ON p.id = a.res_id AND a.res_model = 'res.partner' "
               "WHERE p.name IN %s", (tuple(present),))
    rows = cr.fetchall()
    conn.close()
    expected = {r[2]: r[3] for r in written}
    with_file = {name for name, _f, _c in rows}
    assert {r[2] for r in before} <= with_file, 'a document saved before the backup is missing'
    store = os.path.join(_data_dir(), 'filestore', new_db)
    for name, fname, checksum in rows:
        with open(os.path.join(store, fname), 'rb') as f:
            assert hashlib.sha1(f.read()).hexdigest() == checksum == expected[name]


def test_restore_never_overwrites_a_database_and_keep_prunes_old_backups(tmp_path):
    assert CONF
    for _ in range(3):
        assert _backup_py('backup', DB, '--dir', str(tmp_path), '--keep', '2').returncode == 0
        time.sleep(1.1)  # one backup per second: the folder name is the time
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert len(kept) == 2, kept
    result = _backup_py('restore', str(tmp_path / kept[-1]), '--to', DB)
    assert result.returncode != 0
    assert 'exists already' in result.stdout
