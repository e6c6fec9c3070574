# -*- coding: utf-8 -*-
"""ERP orders: the ERP pushes a customer's orders in bulk (crm.erp.order.crm_push_orders);
bad rows come back with their reason in Chinese while the good ones are kept; pushing
again replaces; each salesperson reads the orders of the customers she sees; the
customer's 订单历史 tab shows them with the last sync time."""
import json
import re

from lxml import etree

from odoo.exceptions import AccessError, UserError

from .common import ProductCase

CJK = re.compile('[\u4e00-\u9fff]')


class TestErpOrders(ProductCase):

    @classmethod
    def setUpClass(cls):
        super(TestErpOrders, cls).setUpClass()
        cls.erp = cls.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'T-ERP 订单接口', 'login': 't_erp_orders', 'lang': 'zh_CN',
            'groups_id': [(6, 0, [cls.env.ref('crm_product.group_crm_erp_sync').id])]})
        cls.yanglei = cls.env.ref('crm_sales.user_sales_south_1')
        cls.wangfang = cls.env.ref('crm_sales.user_sales_east_2')
        cls.foreign = cls.env['res.partner'].sudo(cls.yanglei).create({
            'name': 'T-华南订单客户', 'is_company': True, 'customer': True,
            'user_id': cls.yanglei.id, 'team_id': cls.yanglei.sale_team_id.id})
        cls.code = cls.customer.customer_code

    def push(self, rows, user=None):
        return self.env['crm.erp.order'].sudo(user or self.erp).with_context(
            lang='zh_CN').crm_push_orders(rows)

    def order(self, number, user=None):
        return self.env['crm.erp.order'].sudo(user or self.zhoutao).search(
            [('name', '=', number)])

    def sample(self):
        return [
            {'number': 'T-SO-1', 'customer_code': self.code, 'date': '2026-05-20',
             'state': '已发货', 'lines': [
                 {'code': 'T-SENS-1', 'qty': 10, 'price': 950.0},
                 {'code': 'T-VALVE-1', 'qty': 4, 'price': 480.0, 'amount': 1900.0},
                 {'code': 'T-FREIGHT', 'name': '运费', 'qty': 1, 'price': 200.0}]},
            {'number': 'T-SO-2', 'customer_id': self.contact.id, 'date': '2026-06-01',
             'amount': 5000.0, 'lines': []},
            {'number': 'T-SO-3', 'customer_id': self.foreign.id, 'date': '2026-06-02',
             'lines': [{'code': 'T-VALVE-1', 'qty': 2, 'price': 500}]},
        ]

    def test_erp_pushes_orders_with_lines(self):
        self.assertTrue(self.code, 'a CRM customer has a customer code')
        result = self.push(self.sample())
        self.assertEqual(result, {'created': 3, 'updated': 0, 'errors': [],
                                  'unknown_products': ['T-FREIGHT'],
                                  'synced_at': '2026-06-10 04:00:00'})
        first = self.order('T-SO-1')
        self.assertEqual((first.partner_id, first.date_order, first.state, first.synced_at),
                         (self.customer, '2026-05-20', '已发货', '2026-06-10 04:00:00'))
        self.assertEqual(first.amount_total, 9500.0 + 1900.0 + 200.0, 'the lines\' sum')
        lines = first.line_ids
        self.assertEqual(lines.mapped('product_id'), self.sensor | self.valve)
        self.assertEqual(lines.mapped('product_code'), ['T-SENS-1', 'T-VALVE-1', 'T-FREIGHT'])
        self.assertEqual(lines.mapped('amount'), [9500.0, 1900.0, 200.0])
        self.assertEqual(lines[2].name, '运费', 'a line of no catalogue product keeps its code')
        second = self.order('T-SO-2')
        self.assertEqual(second.partner_id, self.customer, "a contact's order is its company's")
        self.assertEqual((second.amount_total, len(second.line_ids)), (5000.0, 0))
        # the customer's 订单历史: its orders and when the ERP last pushed one
        customer = self.customer.sudo(self.lina)
        self.assertEqual(customer.crm_erp_order_ids, first | second)
        self.assertEqual(customer.crm_erp_order_count, 2)
        self.assertEqual(customer.crm_erp_synced_at, '2026-06-10 04:00:00')

    def test_pushing_again_replaces_nothing_doubles(self):
        self.push(self.sample())
        self.env['crm.clock'].set_now('2026-06-11 02:00:00')
        rows = self.sample()
        rows[0]['state'] = '已签收'
        rows[0]['lines'] = [{'code': 'T-SENS-1', 'qty': 12, 'price': 950.0}]
        rows.append({'number': 'T-SO-4', 'customer_code': self.code, 'date': '2026-06-09',
                     'lines': [{'code': 'T-SENS-1', 'qty': 1, 'price': 1000}]})
        result = self.push(rows)
        self.assertEqual((result['created'], result['updated'], result['errors']), (1, 3, []))
        first = self.order('T-SO-1')
        self.assertEqual((first.state, first.amount_total, first.synced_at),
                         ('已签收', 11400.0, '2026-06-11 02:00:00'))
        self.assertEqual(len(first.line_ids), 1, 'the lines are replaced, not added')
        self.assertEqual(self.env['crm.erp.order'].search_count(
            [('name', 'in', ['T-SO-1', 'T-SO-2', 'T-SO-3', 'T-SO-4'])]), 4)
        self.assertEqual(self.env['crm.erp.order.line'].search_count(
            [('order_id.name', 'like', 'T-SO-')]), 3)
        # a number given twice in one call keeps its last row
        self.push([dict(rows[1], amount=1.0), dict(rows[1], amount=2.0)])
        self.assertEqual(self.order('T-SO-2').amount_total, 2.0)

    def test_bad_rows_reported_in_chinese_good_rows_kept(self):
        good = self.sample()[0]
        bad = [
            'T-SO-X',
            {'customer_code': self.code, 'date': '2026-06-01'},
            {'number': 'T-BAD-1', 'customer_code': 'KH-NOPE', 'date': '2026-06-01'},
            {'number': 'T-BAD-2', 'customer_id': 999999999, 'date': '2026-06-01'},
            {'number': 'T-BAD-3', 'date': '2026-06-01'},
            {'number': 'T-BAD-4', 'customer_code': self.code, 'date': '2026-02-30'},
            {'number': 'T-BAD-5', 'customer_code': self.code, 'date': '2026-06-01',
             'lines': [{'code': 'T-SENS-1', 'qty': '十', 'price': 1}]},
            {'number': 'T-BAD-6', 'customer_code': self.code, 'date': '2026-06-01',
             'lines': 'T-SENS-1'},
            {'number': 'T-BAD-7', 'customer_code': self.code, 'date': '2026-06-01',
             'amount': float('nan')},
            {'number': 'T-BAD-8', 'customer_id': self.zhoutao.partner_id.id,
             'date': '2026-06-01'},
            {'number': 'T-BAD-9', 'customer_code': self.code, 'customer_id': self.foreign.id,
             'date': '2026-06-01'},
        ]
        result = self.push([good] + bad)
        self.assertEqual((result['created'], result['updated']), (1, 0))
        self.assertEqual([e['row'] for e in result['errors']], list(range(2, 13)))
        numbers = [e['number'] for e in result['errors']]
        self.assertEqual(numbers[:2], [False, False])
        self.assertEqual(numbers[2:], ['T-BAD-%d' % i for i in range(1, 10)])
        for error in result['errors']:
            self.assertTrue(CJK.search(error['reason']), error)
        reasons = {e['number']: e['reason'] for e in result['errors']}
        self.assertIn('KH-NOPE', reasons['T-BAD-1'])
        self.assertIn('日期', reasons['T-BAD-4'])
        self.assertIn('数量', reasons['T-BAD-5'])
        self.assertTrue(self.order('T-SO-1'), 'the good row is kept')
        self.assertFalse(self.env['crm.erp.order'].search([('name', 'like', 'T-BAD-')]),
                         'no bad row written')

    def test_only_the_erp_and_the_administrator_push(self):
        self.assertEqual(self.push(self.sample()[:1], user=self.zhoutao)['created'], 1)
        for user in (self.lina, self.zhangwei, self.sunqiang, self.wugang):
            with self.refused(AccessError):
                self.push(self.sample()[1:], user=user)
        self.assertFalse(self.order('T-SO-2'))
        for rows in ('T-SO-1', {'number': 'T-SO-1'}, None, 42):
            with self.refused(UserError) as cm:
                self.push(rows)
            self.assertTrue(CJK.search(cm.exception.name), cm.exception.name)
        self.assertEqual(self.push([]), {'created': 0, 'updated': 0, 'errors': [],
                                         'unknown_products': [],
                                         'synced_at': '2026-06-10 04:00:00'})

    def test_salespeople_read_the_orders_of_the_customers_they_see(self):
        self.push(self.sample())
        mine = self.order('T-SO-1') | self.order('T-SO-2')
        south = self.order('T-SO-3')
        Order, Line = self.env['crm.erp.order'], self.env['crm.erp.order.line']
        self.assertEqual(Order.sudo(self.lina).search([('name', 'like', 'T-SO-')]), mine)
        self.assertEqual(Line.sudo(self.lina).search([('order_id.name', 'like', 'T-SO-')]),
                         mine.mapped('line_ids'))
        self.assertEqual(Order.sudo(self.zhangwei).search([('name', 'like', 'T-SO-')]), mine,
                         "the leader: his team's customers")
        self.assertEqual(Order.sudo(self.yanglei).search([('name', 'like', 'T-SO-')]), south)
        for user in (self.sunqiang, self.wugang, self.zhoutao, self.erp):
            self.assertEqual(len(Order.sudo(user).search([('name', 'like', 'T-SO-')])), 3,
                             user.login)
        with self.refused(AccessError):
            south.sudo(self.lina).read(['name'])
        for action in (lambda o: o.write({'state': '改'}), lambda o: o.unlink(),
                       lambda o: o.copy()):
            with self.refused(AccessError):
                action(mine[0].sudo(self.lina))
        with self.refused(AccessError):
            Order.sudo(self.sunqiang).create({'name': 'T-SO-9', 'partner_id': self.customer.id})
        # the orders follow their customer: transferred to wangfang, lina no longer sees them
        self.customer.sudo(self.lina).action_transfer(self.wangfang.id)
        self.assertFalse(Order.sudo(self.lina).search([('name', 'like', 'T-SO-')]))
        self.assertEqual(Order.sudo(self.wangfang).search([('name', 'like', 'T-SO-')]), mine)
        self.assertEqual(Line.sudo(self.wangfang).search([('order_id.name', 'like', 'T-SO-')]),
                         mine.mapped('line_ids'))

    def test_customer_form_has_the_order_history_tab(self):
        self.push(self.sample())
        view = self.env.ref('crm_sales.res_partner_view_form_customer')
        for user in (self.lina, self.wugang):
            arch = self.env['res.partner'].sudo(user).with_context(lang='zh_CN').fields_view_get(
                view.id, 'form')['arch']
            page = etree.fromstring(arch).xpath("//page[@name='crm_order_history']")
            self.assertEqual(page[0].get('string'), '订单历史', user.login)
            self.assertTrue(page[0].xpath(".//field[@name='crm_erp_order_ids']"))
            self.assertTrue(page[0].xpath(".//field[@name='crm_erp_synced_at']"))
        # an employee outside the sales side (service staff) reads customers, no orders
        clerk = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'T-职员', 'login': 't_clerk_orders',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id])]})
        form = self.env['res.partner'].sudo(clerk).fields_view_get(view.id, 'form')
        arch = etree.fromstring(form['arch'])
        page = arch.xpath("//page[@name='crm_order_history']")[0]
        self.assertTrue(json.loads(page.get('modifiers'))['invisible'])
        self.assertFalse(arch.xpath("//field[@name='crm_erp_order_ids' or "
                                    "@name='crm_erp_synced_at']"), 'nothing the clerk cannot read')
        self.assertFalse({'crm_erp_order_ids', 'crm_erp_order_count', 'crm_erp_synced_at'}
                         & set(form['fields']), 'the web client reads none of them')
        self.assertEqual(self.customer.sudo(self.lina).crm_erp_order_count, 2)
