"""dbcopy.py SRC DST [--db_host=.. --db_port=.. --db_user=.. --db_password=..]
Replace database DST by a copy of SRC (PostgreSQL template copy) and its filestore."""
import os
import shutil
import sys

import psycopg2

src, dst, args = sys.argv[1], sys.argv[2], sys.argv[3:]
kw = {a.split('=', 1)[0][5:]: a.split('=', 1)[1] for a in args if a.startswith('--db_')}
conn = psycopg2.connect(dbname='postgres', **{k: v for k, v in kw.items() if v})
conn.autocommit = True
cur = conn.cursor()
for db in (src, dst):
    # client sessions only: an autovacuum worker (a superuser process a plain role may not
    # end) is stopped by CREATE DATABASE itself
    cur.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname=%s "
                "and backend_type = 'client backend' and pid <> pg_backend_pid()", (db,))
cur.execute('drop database if exists "%s"' % dst)
cur.execute('create database "%s" template "%s"' % (dst, src))
root = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), '.state', 'filestore', 'filestore')
if os.path.isdir(os.path.join(root, dst)):
    shutil.rmtree(os.path.join(root, dst))
if os.path.isdir(os.path.join(root, src)):
    shutil.copytree(os.path.join(root, src), os.path.join(root, dst))
