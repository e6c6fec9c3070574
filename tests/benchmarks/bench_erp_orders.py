"""crm_product at scale: the ERP pushes 10,000 orders with 50,000 lines in one call.

- shipped: crm.erp.order.crm_push_orders(rows) as the CRM administrator (zhoutao), one
  call: the rows checked in Python, the customers resolved by code in one query, the
  products in one, then one INSERT ... ON CONFLICT (order number) for the orders and one
  INSERT for the lines (unnest of arrays). Timed three ways: the first push (every order
  new), the same push again (every order updated, its lines replaced: what a nightly
  full resync does), and the first form with the XML-RPC transport's own cost in the
  same process (payload marshalled by xmlrpc.client.dumps and read back by loads, as
  client and server do);
- naive baseline: one order at a time through the ORM, the way a script over XML-RPC
  does it: search the customer by code, search the order by number, then create it with
  its lines (each line's product searched by code); timed on BENCH_ORDERS_BASELINE_N
  orders (default 300) and scaled to N (the cost per order does not grow with N).
Customers (with codes) and products are inserted with SQL and committed first, as they
exist in the CRM before the ERP pushes, and deleted at the end with the orders; run it on
the scratch database scripts/bench.sh makes. Times are printed, never asserted.

    scripts/bench.sh tests/benchmarks/bench_erp_orders.py
"""
import os
import sys
import time
import xmlrpc.client

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

N = int(os.environ.get('BENCH_ORDERS_N', 10000))
LINES = int(os.environ.get('BENCH_ORDERS_LINES', 5))
BASELINE_N = min(N, int(os.environ.get('BENCH_ORDERS_BASELINE_N', 300)))
CUSTOMERS = 2000
PRODUCTS = 1000



def insert_customers(env, count):
    owners = [(env.ref('crm_sales.user_sales_east_1').id, env.ref('crm_sales.team_east').id),
              (env.ref('crm_sales.user_sales_south_1').id, env.ref('crm_sales.team_south').id)]
    ids = benchlib.insert_customers(env, count, owners, 'BENCHO 客户')
    env.cr.execute("UPDATE res_partner SET customer_code = 'BENCHO-C' || lpad(id::text, 9, '0') "
                   "WHERE id = ANY(%s) RETURNING customer_code", (ids,))
    return [r[0] for r in env.cr.fetchall()]


def make_rows(customers, products, prefix):
    rows = []
    for i in range(N):
        lines = [{'code': products[(i * LINES + k) % len(products)], 'qty': float(k + 1),
                  'price': 100.0 + k} for k in range(LINES)]
        rows.append({'number': '%s%06d' % (prefix, i), 'customer_code': customers[i % len(customers)],
                     'date': '2026-%02d-%02d' % (i % 12 + 1, i % 28 + 1), 'state': '已发货',
                     'lines': lines})
    rows.append({'number': '%sBAD' % prefix, 'customer_code': 'BENCHO-NOPE', 'date': '2026-01-01'})
    return rows


def cleanup(env):
    cr = env.cr
    cr.rollback()
    cr.execute("DELETE FROM crm_erp_order WHERE name LIKE 'BENCHO-%%'")
    cr.execute("DELETE FROM res_partner WHERE customer_code LIKE 'BENCHO-C%%'")
    cr.execute("DELETE FROM product_template WHERE id IN (SELECT product_tmpl_id "
               "FROM product_product WHERE default_code LIKE 'BENCHO-P%%')")
    cr.commit()


def main():
    argv = benchlib.bench_argv()
    with benchlib.odoo_env(argv) as env:
        zhoutao = env.ref('crm_sales.user_crm_admin')
        cleanup(env)
        t0 = time.perf_counter()
        products = benchlib.insert_products(env, PRODUCTS, 'BENCHO-P', 'BENCHO 产品')
        customers = insert_customers(env, CUSTOMERS)
        env.cr.commit()
        print('inserted %d customers and %d products in %.1f s'
              % (CUSTOMERS, PRODUCTS, time.perf_counter() - t0))
        try:
            run(env, zhoutao, customers, products)
        finally:
            cleanup(env)


def run(env, zhoutao, customers, products):
    Order = env['crm.erp.order'].sudo(zhoutao)
    rows = make_rows(customers, products, 'BENCHO-A')

    env.cache.invalidate()
    with benchlib.Measure('shipped: crm_push_orders, first push', trace=False) as first:
        result = Order.crm_push_orders(rows)
    assert (result['created'], result['updated'], len(result['errors'])) == (N, 0, 1), result
    env.cr.commit()

    env.cache.invalidate()
    with benchlib.Measure('shipped: the same push again (updates)', trace=False) as again:
        result = Order.crm_push_orders(rows)
    assert (result['created'], result['updated']) == (0, N), result
    env.cr.commit()

    rows_b = make_rows(customers, products, 'BENCHO-B')
    env.cache.invalidate()
    with benchlib.Measure('shipped + XML-RPC marshalling, first push', trace=False) as rpc:
        payload = xmlrpc.client.dumps((rows_b,), methodname='execute_kw')
        params, _method = xmlrpc.client.loads(payload)
        answer = Order.crm_push_orders(params[0])
        xmlrpc.client.loads(xmlrpc.client.dumps((answer,), methodresponse=True))
    assert answer['created'] == N, answer
    env.cr.commit()
    print('XML-RPC request: %.1f MiB' % (len(payload) / 1048576.0))
    env.cr.execute("SELECT count(*) FROM crm_erp_order_line l JOIN crm_erp_order o "
                   "ON o.id = l.order_id WHERE o.name LIKE 'BENCHO-A%%'")
    lines = env.cr.fetchone()[0]
    assert lines == N * LINES, lines

    # naive: per order, search the customer, the order and each product, then create
    Partner, Product = env['res.partner'].sudo(zhoutao), env['product.product'].sudo(zhoutao)
    sample = make_rows(customers, products, 'BENCHO-N')[:BASELINE_N]
    now = env['crm.clock'].now_str()
    env.cache.invalidate()
    with benchlib.Measure('naive: search + create per order (scaled)', trace=False) as naive:
        for row in sample:
            partner = Partner.search([('customer_code', '=', row['customer_code'])], limit=1)
            existing = Order.search([('name', '=', row['number'])], limit=1)
            line_vals = []
            for line in row['lines']:
                product = Product.search([('default_code', '=', line['code'])], limit=1)
                line_vals.append((0, 0, {
                    'product_code': line['code'], 'product_id': product.id,
                    'quantity': line['qty'], 'price_unit': line['price'],
                    'amount': line['qty'] * line['price']}))
            vals = {'name': row['number'], 'partner_id': partner.id,
                    'date_order': row['date'], 'state': row['state'], 'synced_at': now,
                    'amount_total': sum(v[2]['amount'] for v in line_vals),
                    'line_ids': line_vals}
            if existing:
                existing.line_ids.unlink()
                existing.write(vals)
            else:
                Order.create(vals)
    naive.seconds *= float(N) / len(sample)
    env.cr.commit()

    benchlib.report('ERP push of %d orders with %d lines (baseline timed on %d, scaled)'
                    % (N, N * LINES, len(sample)), [naive, first, again, rpc],
                    'naive: search + create per order (scaled)',
                    'shipped: crm_push_orders, first push')


if __name__ == '__main__':
    main()
