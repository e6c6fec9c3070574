# -*- coding: utf-8 -*-
"""The customer's page over HTTP, without signing in: a test server thread in registry
test mode serves the requests on the test's own cursor (nothing is committed)."""
import re
import socket
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase

_server = {}


def _ensure_http_server():
    port = odoo.tools.config['http_port']
    if 'thread' not in _server:
        server = odoo.service.server.ThreadedServer(odoo.service.wsgi_server.application)
        server.http_spawn()
        _server['thread'] = server
        for _i in range(100):
            try:
                socket.create_connection(('127.0.0.1', port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
    return 'http://127.0.0.1:%s' % port


class LinkCase(HttpCase):

    def setUp(self):
        super(LinkCase, self).setUp()
        self.base = _ensure_http_server()
        self.env = api.Environment(self.registry.test_cr, SUPERUSER_ID,
                                   {'lang': 'zh_CN', 'tz': 'Asia/Shanghai'})
        self.env['crm.clock'].set_now('2026-06-10 04:00:00')
        ref = self.env.ref
        self.lina = ref('crm_sales.user_sales_east_1')
        self.yanglei = ref('crm_sales.user_sales_south_1')
        team = ref('crm_sales.team_east')
        self.cloud = ref('crm_sales.demo_product_cloud')
        self.customer = self.env['res.partner'].sudo(self.lina).create({
            'name': '链接测试客户有限公司', 'is_company': True, 'customer': True,
            'user_id': self.lina.id, 'team_id': team.id})
        self.contact = self.env['res.partner'].sudo(self.lina).create({
            'name': '赵采购', 'parent_id': self.customer.id, 'type': 'contact',
            'email': 'zhao@link.example.com'})
        self.quote = self.sent_quote()

    def sent_quote(self, **kw):
        vals = dict(partner_id=self.customer.id, user_id=self.lina.id, title='链接测试报价',
                    payment_terms='预付30%，发货前付清', validity_date='2026-06-30',
                    line_ids=[(0, 0, {'product_id': self.cloud.id, 'quantity': 2,
                                      'price_unit': 34000})])
        vals.update(kw)
        quote = self.env['crm.quotation'].sudo(self.lina).create(vals)
        quote.action_submit()
        quote.action_send()
        return quote

    def path(self, quote, token=None):
        if token is None:
            token = self.env['crm.quotation.token'].search([('quotation_id', '=', quote.id)]).token
        return '/crm/quotation/%s/%s' % (quote.id, token)

    def get(self, path):
        # a request closing its cursor rolls back to the test cursor's last "commit"
        self.registry.test_cr.commit()
        return self.opener.get(self.base + path, timeout=60)

    def post(self, path, data, page=None, csrf=True):
        form = dict(data)
        if csrf:
            text = self.get(page or path).text
            found = re.search(r'name="csrf_token" value="([^"]+)"', text) or \
                re.search(r'csrf_token: "([^"]+)"', text)   # a page without the form
            form['csrf_token'] = found.group(1) if found else ''
        self.registry.test_cr.commit()
        return self.opener.post(self.base + path, data=form, timeout=60)

    def answer(self, quote, decision, name='赵采购', comment='', token=None):
        page = self.path(quote, token)
        return self.post(page + '/answer', {'decision': decision, 'name': name,
                                            'comment': comment}, page=page)

    def reload(self, quote):
        quote.invalidate_cache()
        return quote


class TestCustomerLink(LinkCase):

    def test_the_customer_reads_the_quote_in_chinese_and_accepts_it(self):
        res = self.get(self.path(self.quote))
        self.assertEqual(res.status_code, 200)
        self.assertIn(self.quote.reference, res.text)
        self.assertIn('2026年6月30日', res.text)         # valid until
        self.assertIn('预付30%，发货前付清', res.text)
        self.assertIn('陆万捌仟元整', res.text)            # 68,000 in capitals
        self.assertIn('接受报价', res.text)
        self.assertIn('您的姓名', res.text)
        res = self.answer(self.quote, 'accept', comment='价格可以，请尽快安排合同')
        self.assertEqual(res.status_code, 200, res.text[-800:])
        self.assertIn('您已接受此报价', res.text)
        quote = self.reload(self.quote)
        self.assertEqual(quote.state, 'accepted')
        self.assertEqual(quote.customer_signer, '赵采购')
        self.assertTrue(quote.answered_online)
        self.assertEqual(quote.customer_comment, '价格可以，请尽快安排合同')
        self.assertTrue(quote.closed_at)
        # logged in the chatter as the customer's words, in the owner's language
        answer = quote.message_ids.filtered(lambda m: m.author_id == self.contact)
        self.assertEqual(len(answer), 1)
        self.assertIn('客户通过报价链接接受了报价', answer.body)
        self.assertIn('赵采购', answer.body)
        self.assertIn('价格可以，请尽快安排合同', answer.body)
        # the owner has something to do
        activity = quote.activity_ids.filtered(lambda a: a.user_id == self.lina)
        self.assertEqual(len(activity), 1)
        self.assertIn('客户已接受', activity.summary)
        self.assertIn(self.lina.partner_id, answer.needaction_partner_ids | answer.partner_ids |
                      quote.message_partner_ids)
        # the same link again: answered, nothing changes
        res = self.answer(quote, 'decline', comment='换主意了')
        self.assertEqual(res.status_code, 409)
        self.assertIn('此报价已被接受', res.text)
        self.assertEqual(self.reload(quote).state, 'accepted')
        self.assertEqual(quote.customer_comment, '价格可以，请尽快安排合同')
        res = self.get(self.path(quote))
        self.assertIn('此报价已被接受', res.text)
        self.assertNotIn('name="decision"', res.text)
        # the owner makes the contract from the accepted quote
        action = quote.sudo(self.lina).action_create_contract()
        self.assertEqual(action['res_model'], 'crm.contract')

    def test_the_customer_declines_with_a_comment_and_the_name_is_required(self):
        res = self.answer(self.quote, 'decline', name='  ', comment='价格太高')
        self.assertEqual(res.status_code, 400)
        self.assertIn('请填写您的姓名', res.text)
        self.assertIn('价格太高', res.text)             # what was typed is kept
        self.assertEqual(self.reload(self.quote).state, 'sent')
        res = self.answer(self.quote, 'maybe')
        self.assertEqual(res.status_code, 400)
        self.assertEqual(self.reload(self.quote).state, 'sent')
        res = self.answer(self.quote, 'decline', comment='<script>alert(1)</script>价格太高')
        self.assertEqual(res.status_code, 200)
        self.assertIn('您已拒绝此报价', res.text)
        quote = self.reload(self.quote)
        self.assertEqual(quote.state, 'declined')
        answer = quote.message_ids.filtered(lambda m: m.author_id == self.contact)
        self.assertIn('客户通过报价链接拒绝了报价', answer.body)
        self.assertNotIn('<script>', answer.body)
        activity = quote.activity_ids.filtered(lambda a: a.user_id == self.lina)
        self.assertIn('客户已拒绝', activity.summary)

    def test_a_wrong_token_or_id_shows_nothing_and_changes_nothing(self):
        other = self.sent_quote(title='另一个报价')
        other_token = self.env['crm.quotation.token'].search([('quotation_id', '=', other.id)]).token
        for path in (self.path(self.quote, 'x' * 32), self.path(self.quote, other_token),
                     '/crm/quotation/999999999/%s' % other_token,
                     '/crm/quotation/0/abc'):
            res = self.get(path)
            self.assertEqual(res.status_code, 404, path)
            self.assertIn('链接无效', res.text)
            self.assertNotIn(self.quote.reference, res.text)
            self.assertNotIn(other.reference, res.text)
        res = self.answer(self.quote, 'accept', token=other_token)
        self.assertEqual(res.status_code, 404)
        res = self.get(self.path(self.quote, other_token) + '/pdf')
        self.assertEqual(res.status_code, 404)
        self.assertEqual(self.reload(self.quote).state, 'sent')
        self.assertEqual(self.reload(other).state, 'sent')

    def test_too_many_wrong_tokens_lock_the_link_for_that_address(self):
        self.env['ir.config_parameter'].set_param('crm_quotation.link_attempt_limit', '3')
        for _i in range(3):
            self.assertEqual(self.get(self.path(self.quote, 'y' * 32)).status_code, 404)
        res = self.get(self.path(self.quote))
        self.assertEqual(res.status_code, 429)
        self.assertIn('尝试次数过多', res.text)
        self.assertNotIn(self.quote.reference, res.text)
        # the window passes (CRM clock): the right link works again
        self.env['crm.clock'].set_now('2026-06-10 04:11:00')
        self.assertEqual(self.get(self.path(self.quote)).status_code, 200)

    def test_expired_revised_cancelled_quotes_are_refused_with_a_clear_page(self):
        expired = self.sent_quote()
        revised = self.sent_quote()
        cancelled = self.sent_quote()
        old_links = {q: self.path(q) for q in (expired, revised, cancelled)}
        self.env['crm.clock'].set_now('2026-07-02 04:00:00')   # after 2026-06-30
        res = self.answer(expired, 'accept')
        self.assertEqual(res.status_code, 409)
        self.assertIn('此报价已过期', res.text)
        self.assertEqual(self.reload(expired).state, 'sent')
        self.env['crm.clock'].set_now('2026-06-10 04:00:00')
        revised.sudo(self.lina).action_revise()
        res = self.answer(revised, 'accept', token=old_links[revised].rsplit('/', 1)[1])
        self.assertEqual(res.status_code, 409)
        self.assertIn('已被新版本取代', res.text)
        self.assertEqual(self.reload(revised).state, 'superseded')
        self.assertNotIn('name="decision"', res.text)
        cancelled.sudo(self.lina).action_cancel()
        res = self.get(old_links[cancelled])
        self.assertIn('已撤回', res.text)
        self.assertNotIn('name="decision"', res.text)
        self.assertEqual(self.get(old_links[cancelled] + '/pdf').status_code, 409)

    def test_the_answer_needs_the_csrf_token_of_the_page(self):
        page = self.path(self.quote)
        res = self.post(page + '/answer', {'decision': 'accept', 'name': '赵采购'}, csrf=False)
        self.assertEqual(res.status_code, 400)
        self.assertEqual(self.reload(self.quote).state, 'sent')

    def test_the_pdf_through_the_same_token(self):
        res = self.get(self.path(self.quote) + '/pdf')
        self.assertEqual(res.status_code, 200)
        # module tests render the printout as HTML (no wkhtmltopdf in test mode)
        self.assertIn(self.quote.reference, res.text)
        self.assertIn('报价单', res.text)
        self.assertIn(self.quote.reference, res.headers.get('Content-Disposition', ''))
