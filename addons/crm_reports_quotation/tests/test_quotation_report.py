# -*- coding: utf-8 -*-
import xlrd

from odoo.exceptions import AccessError
from odoo.addons.crm_reports.tests.common import ReportCase


class TestQuotationReport(ReportCase):
    """Quotes sent, acceptance rate, average discount and days from quote to contract, as
    a sales manager, a leader and a salesperson read them in the pivot, from quotes sent
    here on known days (the CRM clock moved):

    * 李娜 (east): A — 1 MES at 171,000 (list 180,000), sent 06-01, accepted 06-03,
      contract 06-06 (5 days); B — 1 cloud at 36,000 with a 2 % extra discount (35,280),
      sent 06-01, declined 06-03.
    * 王芳 (east): D — 1 cloud at 34,000 (list 36,000) sent 06-01, revised 06-02 into V2,
      sent 06-02, accepted 06-03, contract 06-06 (4 days from V2, 5 from V1).
    * 杨磊 (south): C — 1 cloud at 34,000 sent 06-01, expired after its validity date.
    """

    @classmethod
    def setUpClass(cls):
        super(TestQuotationReport, cls).setUpClass()
        ref = cls.env.ref
        cls.mes = ref('crm_sales.demo_product_mes')
        cls.cloud = ref('crm_sales.demo_product_cloud')
        clock = cls.env['crm.clock']
        cls.cust_lina = cls.make_customer('报价报表客户甲', cls.lina)
        cls.cust_wang = cls.make_customer('报价报表客户乙', cls.wangfang)
        cls.cust_yang = cls.make_customer('报价报表客户丙', cls.yanglei)
        cls.customers = cls.cust_lina | cls.cust_wang | cls.cust_yang
        clock.set_now('2026-06-01 02:00:00')
        cls.quote_a = cls.sent(cls.lina, cls.cust_lina, cls.mes, 171000)
        cls.quote_b = cls.sent(cls.lina, cls.cust_lina, cls.cloud, 36000, discount=2.0)
        cls.quote_d1 = cls.sent(cls.wangfang, cls.cust_wang, cls.cloud, 34000)
        cls.quote_c = cls.sent(cls.yanglei, cls.cust_yang, cls.cloud, 34000)
        clock.set_now('2026-06-02 02:00:00')
        Quote = cls.env['crm.quotation']
        cls.quote_d2 = Quote.browse(cls.quote_d1.sudo(cls.wangfang).action_revise()['res_id'])
        cls.quote_d2.sudo(cls.wangfang).action_submit()
        cls.quote_d2.sudo(cls.wangfang).action_send()
        clock.set_now('2026-06-03 02:00:00')
        cls.quote_a.sudo(cls.lina).action_accept('同意')
        cls.quote_b.sudo(cls.lina).action_decline('价格太高')
        cls.quote_d2.sudo(cls.wangfang).action_accept()
        clock.set_now('2026-06-06 02:00:00')
        cls.quote_a.sudo(cls.lina).action_create_contract()
        cls.quote_d2.sudo(cls.wangfang).action_create_contract()
        clock.set_now('2026-07-05 02:00:00')
        Quote._cron_quotation_expire()
        states = (cls.quote_a | cls.quote_b | cls.quote_c | cls.quote_d1 | cls.quote_d2).mapped('state')
        assert states == ['accepted', 'declined', 'expired', 'superseded', 'accepted'], states

    @classmethod
    def sent(cls, user, customer, product, price, discount=0.0):
        quote = cls.env['crm.quotation'].sudo(user).create({
            'partner_id': customer.id, 'user_id': user.id, 'title': '报价报表测试',
            'discount': discount,
            'line_ids': [(0, 0, {'product_id': product.id, 'quantity': 1, 'price_unit': price})]})
        quote.action_submit()
        assert quote.state == 'approved', quote.state
        quote.action_send()
        return cls.env['crm.quotation'].browse(quote.id)

    def groups(self, user, groupby, measures, model='crm.report.quotation', domain=None):
        domain = [('partner_id', 'in', self.customers.ids)] + (domain or [])
        result = self.env[model].sudo(user).read_group(domain, measures + groupby, groupby,
                                                       lazy=False)
        if not groupby:
            return result[0]
        return {g[groupby[0]][0] if isinstance(g[groupby[0]], tuple) else g[groupby[0]]: g
                for g in result}

    MEASURES = ['sent_count', 'accepted_count', 'declined_count', 'expired_count',
                'revised_count', 'open_count', 'contract_count', 'amount', 'accepted_amount',
                'acceptance_rate', 'answered_acceptance_rate', 'contract_rate',
                'discount_rate', 'days_to_contract', 'days_first_to_contract']

    def test_the_figures_a_manager_reads_by_salesperson_and_in_total(self):
        by_user = self.groups(self.sunqiang, ['user_id'], self.MEASURES)
        self.assertEqual(set(by_user), {self.lina.id, self.wangfang.id, self.yanglei.id})
        lina, wang, yang = by_user[self.lina.id], by_user[self.wangfang.id], by_user[self.yanglei.id]
        # 李娜: two sent, one accepted (with its contract 5 days after sending), one declined
        self.assertEqual((lina['sent_count'], lina['accepted_count'], lina['declined_count'],
                          lina['contract_count']), (2, 1, 1, 1))
        self.assertAlmostEqual(lina['acceptance_rate'], 50.0, 2)
        self.assertAlmostEqual(lina['answered_acceptance_rate'], 50.0, 2)
        # (9,000 + 720) below 216,000 of list prices
        self.assertAlmostEqual(lina['discount_rate'], 4.5, 2)
        self.assertAlmostEqual(lina['days_to_contract'], 5.0, 2)
        self.assertAlmostEqual(lina['amount'], 171000 + 35280, 2)
        self.assertAlmostEqual(lina['accepted_amount'], 171000, 2)
        # 王芳: V1 sent and revised, V2 sent and accepted: two quotes sent, one accepted
        self.assertEqual((wang['sent_count'], wang['accepted_count'], wang['revised_count']),
                         (2, 1, 1))
        self.assertAlmostEqual(wang['acceptance_rate'], 50.0, 2)
        self.assertAlmostEqual(wang['answered_acceptance_rate'], 100.0, 2)
        self.assertAlmostEqual(wang['days_to_contract'], 4.0, 2)
        self.assertAlmostEqual(wang['days_first_to_contract'], 5.0, 2)
        # 杨磊: sent, expired, no contract (no days to average)
        self.assertEqual((yang['sent_count'], yang['expired_count'], yang['contract_count']),
                         (1, 1, 0))
        self.assertEqual(yang['acceptance_rate'], 0.0)
        self.assertFalse(yang['answered_acceptance_rate'])
        self.assertFalse(yang['days_to_contract'])
        # the totals are the figures of all five quotes, not averages of the rows above
        total = self.groups(self.sunqiang, [], self.MEASURES)
        self.assertEqual((total['sent_count'], total['accepted_count'], total['declined_count'],
                          total['expired_count'], total['revised_count'], total['open_count'],
                          total['contract_count']), (5, 2, 1, 1, 1, 0, 2))
        self.assertAlmostEqual(total['acceptance_rate'], 40.0, 2)
        self.assertAlmostEqual(total['answered_acceptance_rate'], 200.0 / 3, 2)
        self.assertAlmostEqual(total['contract_rate'], 40.0, 2)
        self.assertAlmostEqual(total['discount_rate'], 100.0 * 15720 / 324000, 2)
        self.assertAlmostEqual(total['days_to_contract'], 4.5, 2)
        self.assertAlmostEqual(total['days_first_to_contract'], 5.0, 2)

    def test_dated_when_sent_by_month_and_status(self):
        by_period = self.groups(self.sunqiang, ['period'], ['sent_count'])
        self.assertEqual({k: g['sent_count'] for k, g in by_period.items()}, {'2026-06': 5})
        rows = self.env['crm.report.quotation'].sudo(self.sunqiang).search(
            [('quotation_id', '=', self.quote_d2.id)])
        self.assertEqual((rows.date, rows.contract_id), ('2026-06-02', self.quote_d2.contract_id))
        by_state = self.groups(self.sunqiang, ['state'], ['sent_count'])
        self.assertEqual({k: g['sent_count'] for k, g in by_state.items()},
                         {'accepted': 2, 'declined': 1, 'expired': 1, 'superseded': 1})
        # a quote not sent yet is not in the report
        draft = self.env['crm.quotation'].sudo(self.lina).create({
            'partner_id': self.cust_lina.id, 'line_ids': [
                (0, 0, {'product_id': self.cloud.id, 'quantity': 1, 'price_unit': 36000})]})
        self.assertFalse(self.env['crm.report.quotation'].sudo(self.sunqiang).search(
            [('quotation_id', '=', draft.id)]))

    def test_a_cancelled_contract_is_no_longer_counted(self):
        self.quote_a.contract_id.sudo(self.lina).action_cancel()
        lina = self.groups(self.sunqiang, ['user_id'], self.MEASURES)[self.lina.id]
        self.assertEqual(lina['contract_count'], 0)
        self.assertFalse(lina['days_to_contract'])
        self.assertEqual(lina['accepted_count'], 1)

    def test_average_discount_and_acceptance_by_product(self):
        measures = ['nbr', 'accepted_count', 'list_amount', 'amount', 'discount_rate',
                    'acceptance_rate']
        by_product = self.groups(self.sunqiang, ['product_id'], measures,
                                 model='crm.report.quotation.product')
        mes, cloud = by_product[self.mes.id], by_product[self.cloud.id]
        self.assertEqual((mes['nbr'], mes['accepted_count']), (1, 1))
        self.assertAlmostEqual(mes['discount_rate'], 5.0, 2)
        self.assertAlmostEqual(mes['acceptance_rate'], 100.0, 2)
        # four cloud lines (B with its 2 % extra discount, D V1 and V2, C): one accepted
        self.assertEqual((cloud['nbr'], cloud['accepted_count']), (4, 1))
        self.assertAlmostEqual(cloud['amount'], 35280 + 3 * 34000, 2)
        self.assertAlmostEqual(cloud['discount_rate'], 100.0 * 6720 / 144000, 2)
        self.assertAlmostEqual(cloud['acceptance_rate'], 25.0, 2)
        total = self.groups(self.sunqiang, [], measures, model='crm.report.quotation.product')
        self.assertAlmostEqual(total['discount_rate'], 100.0 * 15720 / 324000, 2)
        self.assertAlmostEqual(total['acceptance_rate'], 40.0, 2)
        # by salesperson: 李娜's products only for her
        mine = self.groups(self.lina, ['product_id'], measures, model='crm.report.quotation.product')
        self.assertEqual({k: g['nbr'] for k, g in mine.items()}, {self.mes.id: 1, self.cloud.id: 1})

    def test_scope_per_role(self):
        for model in ('crm.report.quotation', 'crm.report.quotation.product'):
            seen = lambda user: {g['user_id'][0]: g['__count'] for g in self.env[model].sudo(
                user).read_group([('partner_id', 'in', self.customers.ids)], ['user_id'],
                                 ['user_id'], lazy=False)}
            self.assertEqual(seen(self.lina), {self.lina.id: 2}, model)
            self.assertEqual(set(seen(self.zhangwei)), {self.lina.id, self.wangfang.id}, model)
            self.assertEqual(set(seen(self.sunqiang)), {self.lina.id, self.wangfang.id,
                                                        self.yanglei.id}, model)
            self.assertEqual(seen(self.executive), seen(self.sunqiang), model)
            self.assertEqual(set(seen(self.chenjing)), {self.yanglei.id}, model)
        total = self.groups(self.zhangwei, [], ['sent_count', 'acceptance_rate'])
        self.assertEqual(total['sent_count'], 4)
        self.assertAlmostEqual(total['acceptance_rate'], 50.0, 2)
        # the rows as records: a salesperson reads only hers, and never writes
        Report = self.env['crm.report.quotation'].sudo(self.lina)
        rows = Report.search([])
        self.assertEqual(set(rows.mapped('user_id').ids), {self.lina.id})
        self.assertIn(self.quote_a, rows.mapped('quotation_id'))
        with self.assertRaises(AccessError):
            rows[:1].write({'state': 'accepted'})

    def test_every_scope_matches_the_quotes_it_may_read(self):
        """Per salesperson, the counts recomputed from the quotes themselves (every sent
        version the user's scope covers, the demo data included)."""
        for user in (self.lina, self.zhangwei, self.sunqiang, self.executive):
            level = user._crm_scope_level()
            led = user.crm_led_team_ids
            quotes = self.env['crm.quotation'].search([('sent_at', '!=', False)]).filtered(
                lambda q: level in ('all', 'read_all') or q.user_id == user or q.team_id in led)
            expected = {}
            for q in quotes:
                row = expected.setdefault(q.user_id.id, [0, 0])
                row[0] += 1
                row[1] += int(q.state == 'accepted')
            got = {g['user_id'][0]: [g['sent_count'], g['accepted_count']]
                   for g in self.env['crm.report.quotation'].sudo(user).read_group(
                       [], ['user_id', 'sent_count', 'accepted_count'], ['user_id'])}
            self.assertEqual(got, expected, user.login)

    def test_xlsx(self):
        wizard = self.env['crm.report.export'].sudo(self.sunqiang).create(
            {'report': 'quotation', 'date_from': '2026-06-01', 'date_to': '2026-06-30'})
        content, _kind = self.env.ref('crm_reports.action_report_crm_reports_xlsx').sudo(
            self.sunqiang).with_context(active_model='crm.report.export').render_xlsx(
            wizard.ids, {})
        book = xlrd.open_workbook(file_contents=content)
        self.assertEqual([s.name for s in book.sheets()], ['Quotation Analysis', 'Quoted Products'])
        sheet = book.sheet_by_index(0)
        header_row = next(r for r in range(sheet.nrows) if sheet.cell_value(r, 0) == 'Salesperson')
        headers = sheet.row_values(header_row)
        total_row = next(r for r in range(header_row, sheet.nrows)
                         if sheet.cell_value(r, 0) == 'Total')
        totals = dict(zip(headers, sheet.row_values(total_row)))
        expected = self.env['crm.report.quotation'].sudo(self.sunqiang).read_group(
            [('date', '>=', '2026-06-01'), ('date', '<=', '2026-06-30')],
            ['sent_count', 'acceptance_rate', 'discount_rate', 'days_to_contract'], [],
            lazy=False)[0]
        self.assertEqual(totals['Quotes Sent'], expected['sent_count'])
        # rates and the average days of the totals row: of the totals, not sums of the rows
        self.assertAlmostEqual(totals['Acceptance Rate (%)'], expected['acceptance_rate'] / 100, 4)
        self.assertAlmostEqual(totals['Average Discount (%)'], expected['discount_rate'] / 100, 4)
        self.assertAlmostEqual(totals['Days from Sending to Contract'],
                               expected['days_to_contract'], 4)
        lina_row = next(r for r in range(header_row, total_row)
                        if sheet.cell_value(r, 0) == self.lina.name)
        lina = dict(zip(headers, sheet.row_values(lina_row)))
        self.assertEqual(lina['Quotes Sent'], 2)
        self.assertAlmostEqual(lina['Days from Sending to Contract'], 5.0, 4)
        # a salesperson's workbook holds her figures only
        wizard = self.env['crm.report.export'].sudo(self.yanglei).create(
            {'report': 'quotation', 'date_from': '2026-06-01', 'date_to': '2026-06-30'})
        content, _kind = self.env.ref('crm_reports.action_report_crm_reports_xlsx').sudo(
            self.yanglei).with_context(active_model='crm.report.export').render_xlsx(
            wizard.ids, {})
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        names = set(sheet.col_values(0))
        self.assertIn(self.yanglei.name, names)
        self.assertNotIn(self.lina.name, names)
