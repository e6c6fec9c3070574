"""Importing 10,000 customers (each with a primary contact) from an Excel file, as a
salesperson (lina), in one run on the same file:
- chunked import (shipped, crm_import): the preview checks every row with bulk look-ups
  (levels, sources, owners, duplicates by name and phone in a few queries), then the run
  applies 20 chunks of 500 rows, each as the job runner runs its job (as lina; a chunk's
  new customers and contacts created together by res.partner._crm_create_batch); timed
  from the file to the last chunk committed:
  * by one worker (channel root:1), chunk after chunk;
  * by BENCH_IMPORT_WORKERS (default 2) warm worker processes taking the chunks as they
    come, as the job runner does with the channel capacity `make run` and
    docker-compose set (ODOO_QUEUE_JOB_CHANNELS=root:2) on a server with workers;
- naive baseline: one row at a time, the way a script over XML-RPC or a simple importer
  does it: look up the level and the owner by name, search an existing customer by name
  and by phone, create the customer, create its contact; timed on BENCH_IMPORT_BASELINE_N
  rows (default 1,000) and scaled to N.
All create the customers as lina with her rules, the guard and the audit trail. Wall
times are taken without tracemalloc (it doubles them). The chunked runs commit (the
workers are other processes): run it on the scratch database scripts/bench.sh makes.

    scripts/bench.sh tests/benchmarks/bench_import.py
"""
import base64
import io
import multiprocessing
import os
import sys

import xlsxwriter

import benchlib

N = int(os.environ.get('BENCH_IMPORT_N', 10000))   # a smaller N for a quick look
WORKERS = int(os.environ.get('BENCH_IMPORT_WORKERS', 2))
# the naive baseline is timed on fewer rows (at ~0.15 s a row, 10,000 take 25 minutes) and
# scaled to N: its cost per row does not grow with the number of rows
BASELINE_N = min(N, int(os.environ.get('BENCH_IMPORT_BASELINE_N', 1000)))
HEADER = ['客户名称*', '客户级别', '客户来源', '负责人', '员工人数', '电话', '联系人姓名', '联系人手机']


def rows(prefix, offset, n=None):
    """n (default N) rows; ``offset`` keeps the phones of the two runs apart."""
    return [['%s%05d' % (prefix, i), 'B', '展会', '李娜', i % 500, '0571-%08d' % (offset + i),
             '联系人%d' % i, '139%08d' % (offset + i)] for i in range(N if n is None else n)]


def xlsx(data):
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {'in_memory': True, 'constant_memory': True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(data, start=1):
        sheet.write_row(r, 0, row)
    book.close()
    return out.getvalue()


def start_import(env, lina, data):
    """Preview and start the import of ``data``: the batch and its chunks' job uuids."""
    wizard = env['crm.import.wizard'].sudo(lina).create({
        'import_type': 'customer', 'file': base64.b64encode(xlsx(data)), 'file_name': 'bench.xlsx'})
    batch = env['crm.import.batch'].sudo(lina).browse(wizard.action_preview()['res_id'])
    batch.action_run()
    chunks = env['crm.import.chunk'].search([('batch_id', '=', batch.id)])
    assert len(chunks) == -(-len(data) // 500), len(chunks)
    uuids = [stored.uuid for stored in env['queue.job'].search(
        [('model_name', '=', 'crm.import.chunk')]) if set(stored.record_ids) & set(chunks.ids)]
    return batch, uuids


def check_done(batch, n):
    batch.invalidate_cache()
    assert batch.created_count == n, (batch.created_count, batch.failed_count)


def chunked(env, lina, data):
    """Every chunk in this process, one after the other (the bench's transaction)."""
    from odoo.addons.queue_job.job import Job
    batch, uuids = start_import(env, lina, data)
    for uuid in uuids:
        Job.load(env, uuid).perform()
    check_done(batch, len(data))
    return batch


def chunked_committed(env, lina, data, pool=None):
    """The import committed chunk by chunk: by the warm worker processes of ``pool``
    when given, else here."""
    batch, uuids = start_import(env, lina, data)
    env.cr.commit()
    if pool is None:
        for uuid in uuids:
            _perform(env, uuid)
    else:
        pool.map(_worker_run, uuids, chunksize=1)
    env.cr.commit()   # a new snapshot: the workers' commits
    check_done(batch, len(data))
    return batch


def _perform(env, uuid):
    from odoo.addons.queue_job.job import Job
    job = Job.load(env, uuid)
    job.perform()
    job.set_done()
    job.store()
    env.cr.commit()


_REGISTRY = []


def _worker_init(argv):
    import odoo
    odoo.tools.config.parse_config(argv + ['--log-level=warn'])
    _REGISTRY.append(odoo.registry(odoo.tools.config['db_name']))


def _worker_ready(_):
    return os.getpid()


def _worker_run(uuid):
    import odoo
    from odoo.api import Environment
    with Environment.manage(), _REGISTRY[0].cursor() as cr:
        _perform(Environment(cr, odoo.SUPERUSER_ID, {}), uuid)


def naive(env, lina, data):
    Partner = env['res.partner'].sudo(lina).with_context(lang='zh_CN')
    Level = env['crm.customer.level'].sudo(lina).with_context(lang='zh_CN')
    Source = env['crm.customer.source'].sudo(lina).with_context(lang='zh_CN')
    Users = env['res.users'].sudo(lina)
    created = 0
    for name, level, source, owner, employees, phone, contact, mobile in data:
        level_id = Level.name_search(level, operator='=like', limit=1) or \
            Level.name_search(level, limit=1)
        source_id = Source.name_search(source, limit=1)
        owner_id = Users.search([('name', '=', owner)], limit=1)
        if Partner.search([('name', '=', name), ('is_crm_customer', '=', True)], limit=1):
            continue
        if Partner.search(['|', ('phone', '=', phone), ('mobile', '=', mobile)], limit=1):
            continue
        with env.cr.savepoint():
            customer = Partner.create({
                'name': name, 'is_company': True, 'customer': True, 'phone': phone,
                'customer_level_id': level_id and level_id[0][0],
                'customer_source_id': source_id and source_id[0][0],
                'user_id': owner_id.id, 'employee_count': employees})
            Partner.create({'name': contact, 'mobile': mobile, 'parent_id': customer.id,
                            'type': 'contact'})
        created += 1
    assert created == len(data), created


def main(argv):
    pool = multiprocessing.get_context('spawn').Pool(WORKERS, _worker_init, (argv,))
    pool.map(_worker_ready, range(WORKERS * 4))   # warm: registries loaded
    with benchlib.odoo_env(argv) as env:
        lina = env.ref('crm_sales.user_sales_east_1')
        with benchlib.Measure('naive: one row at a time (%d rows)' % BASELINE_N, trace=False) as slow:
            naive(env, lina, rows('基准逐行客户', 0, BASELINE_N))
        env.cr.rollback()
        env.clear()
        scaled = benchlib.Measure('naive, scaled to %d rows' % N)
        scaled.seconds, scaled.peak_mib = slow.seconds * N / BASELINE_N, float('nan')
        n_chunks = -(-N // 500)
        with benchlib.Measure('chunked, 1 worker (%d chunks)' % n_chunks, trace=False) as one:
            chunked_committed(env, lina, rows('基准分块客户', 50000000))
        with benchlib.Measure('chunked, %d workers (%d chunks)' % (WORKERS, n_chunks),
                              trace=False) as fast:
            chunked_committed(env, lina, rows('基准并行客户', 70000000), pool)
        benchlib.report('import of %d customers with a contact each, as lina' % N,
                        [slow, scaled, one, fast], scaled.label, fast.label)
        print('  per row: naive %.1f ms, chunked %.1f ms (1 worker), %.1f ms (%d workers)'
              % (slow.seconds * 1000 / BASELINE_N, one.seconds * 1000 / N,
                 fast.seconds * 1000 / N, WORKERS))
    pool.close()
    pool.join()


if __name__ == '__main__':
    main(benchlib.bench_argv())
