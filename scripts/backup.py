"""Backups that restore: one consistent copy of a CRM database and its filestore.

  backup.py backup  DB [--dir DIR] [--keep N] [-c CONF] [--db_host=.. ...]
  backup.py restore FROM [--to NEWDB] [-c CONF] [--db_host=.. ...]

`make backup` / `make restore FROM=...` call these (README "备份 / Backups").

backup: DIR/<DB>-<YYYYmmdd-HHMMSS>/ with db.dump (pg_dump custom format), filestore.tar.gz
and manifest.json (the row count of every table and every stored attachment's checksum, read
in the very snapshot pg_dump dumps). Users keep working meanwhile: the snapshot is taken
under a ROW EXCLUSIVE lock on ir_attachment, held until the filestore is copied, so Odoo's
attachment garbage collector (which needs a SHARE lock) cannot delete a file the dump still
references; writers are not blocked (ROW EXCLUSIVE does not conflict with itself). With
--keep N only the newest N backups of DB stay in DIR.

restore: a new database (never over an existing one) from the dump, the filestore beside
it, then the manifest checked against what was restored; exit status 1 on any difference.
"""
import argparse
import configparser
import datetime
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def connection_options(args):
    """db_host/port/user/password and data_dir from the Odoo config file, then --db_* options."""
    conf = configparser.ConfigParser()
    conf.read(args.config or os.path.join(ROOT, 'odoo.conf'))
    section = conf['options'] if conf.has_section('options') else {}
    opts = {k: section.get('db_' + k) for k in ('host', 'port', 'user', 'password')}
    for extra in args.db_options:
        key, _, value = extra[2:].partition('=')
        if key.startswith('db_'):
            opts[key[3:]] = value
    opts = {k: v for k, v in opts.items() if v and v != 'False'}
    data_dir = section.get('data_dir') or os.path.join(ROOT, '.state', 'filestore')
    return opts, os.path.join(ROOT, data_dir) if not os.path.isabs(data_dir) else data_dir


def libpq_env(opts):
    env = dict(os.environ)
    for key, var in (('host', 'PGHOST'), ('port', 'PGPORT'), ('user', 'PGUSER'),
                     ('password', 'PGPASSWORD')):
        if key in opts:
            env[var] = opts[key]
    return env


def snapshot_facts(cr):
    """Row counts of every table and the stored attachments, in the current snapshot."""
    cr.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
    counts = {}
    for (table,) in cr.fetchall():
        cr.execute('SELECT count(*) FROM "%s"' % table)
        counts[table] = cr.fetchone()[0]
    cr.execute("SELECT id, store_fname, checksum FROM ir_attachment "
               "WHERE store_fname IS NOT NULL ORDER BY id")
    files = {str(i): [fname, checksum] for i, fname, checksum in cr.fetchall()}
    return counts, files


def backup(args):
    opts, data_dir = connection_options(args)
    stamp = datetime.datetime.now().strftime('%Y%m%d-%H%M%S')
    target = os.path.join(os.path.abspath(args.dir), '%s-%s' % (args.db, stamp))
    os.makedirs(target)
    conn = psycopg2.connect(dbname=args.db, **opts)
    conn.set_session(isolation_level='REPEATABLE READ')
    try:
        cr = conn.cursor()
        cr.execute('LOCK TABLE ir_attachment IN ROW EXCLUSIVE MODE')
        cr.execute('SELECT pg_export_snapshot(), now()')
        snapshot, taken_at = cr.fetchone()
        counts, files = snapshot_facts(cr)
        subprocess.check_call(
            ['pg_dump', '--format=custom', '--no-owner', '--snapshot=' + snapshot,
             '--file=' + os.path.join(target, 'db.dump'), args.db], env=libpq_env(opts))
        store = os.path.join(data_dir, 'filestore', args.db)
        with tarfile.open(os.path.join(target, 'filestore.tar.gz'), 'w:gz') as tar:
            for _id, (fname, _checksum) in sorted(files.items()):
                path = os.path.join(store, fname)
                if os.path.isfile(path):
                    tar.add(path, arcname=fname)
    finally:
        conn.rollback()
        conn.close()
    manifest = {'database': args.db, 'snapshot_at': taken_at.isoformat(),
                'tables': counts, 'attachments': files}
    with open(os.path.join(target, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
    print('backup of %s at %s: %s (%d tables, %d rows, %d files)' % (
        args.db, taken_at.strftime('%Y-%m-%d %H:%M:%S'), target, len(counts),
        sum(counts.values()), len(files)))
    if args.keep:
        prune(os.path.dirname(target), args.db, args.keep)
    return 0


def prune(folder, db, keep):
    mine = sorted(name for name in os.listdir(folder)
                  if name.startswith(db + '-') and name[len(db) + 1:].replace('-', '').isdigit()
                  and os.path.isfile(os.path.join(folder, name, 'manifest.json')))
    for name in mine[:-keep]:
        shutil.rmtree(os.path.join(folder, name))
        print('removed the old backup %s' % name)


def restore(args):
    opts, data_dir = connection_options(args)
    source = os.path.abspath(args.source)
    with open(os.path.join(source, 'manifest.json')) as f:
        manifest = json.load(f)
    new_db = args.to or '%s_restored_%s' % (
        manifest['database'], datetime.datetime.now().strftime('%Y%m%d%H%M%S'))
    admin = psycopg2.connect(dbname='postgres', **opts)
    admin.autocommit = True
    with admin.cursor() as cr:
        cr.execute('SELECT 1 FROM pg_database WHERE datname = %s', (new_db,))
        if cr.fetchone():
            sys.exit('database %s exists already: restore into a new name (--to / TO=)' % new_db)
        cr.execute('CREATE DATABASE "%s" ENCODING \'unicode\' TEMPLATE template0' % new_db)
    admin.close()
    subprocess.check_call(['pg_restore', '--no-owner', '--exit-on-error', '--dbname=' + new_db,
                           os.path.join(source, 'db.dump')], env=libpq_env(opts))
    store = os.path.join(data_dir, 'filestore', new_db)
    os.makedirs(store, exist_ok=True)
    with tarfile.open(os.path.join(source, 'filestore.tar.gz')) as tar:
        tar.extractall(store)
    problems = verify(new_db, opts, store, manifest)
    for problem in problems[:20]:
        print('  DIFFERS: ' + problem)
    print('restored %s into database %s: %s' % (
        source, new_db, 'every table count and file checksum matches the backup'
        if not problems else '%d differences' % len(problems)))
    return 1 if problems else 0


def verify(db, opts, store, manifest):
    conn = psycopg2.connect(dbname=db, **opts)
    try:
        counts, files = snapshot_facts(conn.cursor())
    finally:
        conn.close()
    problems = ['table %s: %s rows, the backup had %s' % (t, counts.get(t), n)
                for t, n in sorted(manifest['tables'].items()) if counts.get(t) != n]
    if files != manifest['attachments']:
        problems.append('the stored attachments differ from the backup\'s')
    for att_id, (fname, checksum) in sorted(files.items()):
        path = os.path.join(store, fname)
        if not os.path.isfile(path):
            problems.append('attachment %s: file %s missing' % (att_id, fname))
            continue
        with open(path, 'rb') as f:
            if hashlib.sha1(f.read()).hexdigest() != checksum:
                problems.append('attachment %s: checksum differs' % att_id)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('-c', '--config', help='Odoo config file (default: odoo.conf)')
    sub = parser.add_subparsers(dest='command')
    b = sub.add_parser('backup')
    b.add_argument('db')
    b.add_argument('--dir', default=os.environ.get('CRM_BACKUP_DIR') or os.path.join(ROOT, 'backups'))
    b.add_argument('--keep', type=int, default=0, help='keep only the newest N backups of DB')
    r = sub.add_parser('restore')
    r.add_argument('source', help='a backup folder written by "backup"')
    r.add_argument('--to', help='name of the new database (default: <db>_restored_<time>)')
    args, rest = parser.parse_known_args()
    args.db_options = [a for a in rest if a.startswith('--db_')]
    unknown = [a for a in rest if not a.startswith('--db_')]
    if unknown or not args.command:
        parser.error('unknown arguments: %s' % ' '.join(unknown) if unknown else 'backup or restore?')
    return backup(args) if args.command == 'backup' else restore(args)


if __name__ == '__main__':
    sys.exit(main())
