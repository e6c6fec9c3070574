"""crm_quotation: pricing a 200-line quote (issue #23: under 0.3 s), against a naive
baseline on the same quote, in the same run.

Shipped: ``crm.quotation._crm_reprice()`` (Update Prices): one call of the pricing point
``product.product._crm_prices`` for all the lines, lines of equal prices written
together. Baseline: what a line-by-line implementation does: one ``_crm_prices`` call
and one write per line. Both run as lina (record rules on), on a quote whose list and
floor prices are reset before each run so that every line is written. Also printed:
creating the 200-line quote in one ``create`` (its lines priced in one call).

The quote is created inside the transaction that benchlib.odoo_env() rolls back. Each
figure is the median of REPEAT runs with a cold ORM cache; times are printed, never
asserted.

    scripts/bench.sh tests/benchmarks/bench_quotation.py   (CRM_BENCH_QUOTE_LINES)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

N_LINES = int(os.environ.get('CRM_BENCH_QUOTE_LINES', 200))
REPEAT = 5
GOAL = 0.3


def main():
    with benchlib.odoo_env(benchlib.bench_argv()) as env:
        lina = env.ref('crm_sales.user_sales_east_1')
        Product = env['product.product']
        product_ids = [Product.create({'name': 'BENCH QUOTE %d' % g, 'lst_price': 100 + g,
                                       'type': 'service'}).id for g in range(1, N_LINES + 1)]
        env.cache.invalidate()
        partner = env['res.partner'].search([('is_crm_customer', '=', True),
                                             ('user_id', '=', lina.id)], limit=1)
        Quote = env['crm.quotation'].sudo(lina)

        def create():
            return Quote.create({'partner_id': partner.id, 'title': 'bench',
                                 'line_ids': [(0, 0, {'product_id': pid, 'quantity': 2})
                                              for pid in product_ids]})
        with benchlib.Measure('create a %d-line quote (priced in one call)' % N_LINES,
                              trace=False) as made:
            quote = create()
        lines = quote.line_ids
        writer = env['crm.quotation.line'].browse(lines.ids)

        def reset():
            env.cr.execute('UPDATE crm_quotation_line SET list_price = 0, floor_price = 0 '
                           'WHERE id = ANY(%s)', (lines.ids,))
            env.cache.invalidate()

        def shipped():
            reset()
            q0 = env.cr.sql_log_count
            quote._crm_reprice()
            return env.cr.sql_log_count - q0

        def naive():
            reset()
            q0 = env.cr.sql_log_count
            from odoo.addons.crm_sales.grant import grant
            for line in quote.line_ids:
                price = line.product_id._crm_prices(quote.partner_id,
                                                    {line.product_id.id: line.quantity},
                                                    quote.date)[line.product_id.id]
                grant(writer.browse(line.id).sudo(), 'action_write').write({
                    'list_price': price['list_price'],
                    'floor_price': price.get('floor_price') or 0.0})
            return env.cr.sql_log_count - q0

        fast = benchlib.measure(env, 'shipped: one _crm_prices call (Update Prices)',
                                shipped, REPEAT)
        slow = benchlib.measure(env, 'naive: one call and one write per line', naive, REPEAT)
        assert quote.line_ids[0].list_price == 101, quote.line_ids[0].list_price
        benchlib.report('Pricing a %d-line quote as lina' % N_LINES, [slow, fast],
                        slow.label, fast.label)
        print('  queries: shipped %s, naive %s; creating the quote: %.3f s; goal %.1f s'
              % (fast.result, slow.result, made.seconds, GOAL))


if __name__ == '__main__':
    main()
