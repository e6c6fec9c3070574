# -*- coding: utf-8 -*-
import re

from odoo.exceptions import AccessError, UserError

from .common import QuoteCase


class TestScope(QuoteCase):

    def test_who_reads_and_writes_a_quote(self):
        quote = self.make_quote()
        self.assertTrue(self.Quote.sudo(self.zhangwei).search([('id', '=', quote.id)]))
        self.assertTrue(self.Quote.sudo(self.sunqiang).search([('id', '=', quote.id)]))
        self.assertTrue(self.Quote.sudo(self.executive).search([('id', '=', quote.id)]))
        self.assertFalse(self.Quote.sudo(self.wangfang).search([('id', '=', quote.id)]))
        self.assertFalse(self.Quote.sudo(self.yanglei).search([('id', '=', quote.id)]))
        self.assertFalse(self.env['crm.quotation.line'].sudo(self.wangfang).search(
            [('quotation_id', '=', quote.id)]))
        with self.refused(AccessError):
            quote.sudo(self.wangfang).write({'title': 'x'})
        with self.refused(AccessError):
            quote.sudo(self.executive).write({'title': 'x'})
        with self.refused(AccessError):
            quote.sudo(self.wangfang).action_submit()

    def test_a_reviewer_reads_what_he_is_asked_and_the_reviews_stay_private(self):
        quote = self.make_quote(lines=[{'product_id': self.mes.id, 'quantity': 6,
                                        'price_unit': 175000}])
        quote.action_submit()
        self.assertTrue(self.Quote.sudo(self.sunqiang).search([('id', '=', quote.id)]))
        reviews = self.env['tier.review'].sudo(self.wangfang).search(
            [('model', '=', 'crm.quotation'), ('res_id', '=', quote.id)])
        self.assertFalse(reviews)

    def test_transfer_of_the_customer_carries_its_quotes(self):
        quote = self.make_quote()
        self.customer.sudo(self.zhangwei).action_transfer(self.wangfang.id)
        self.assertEqual(quote.sudo().user_id, self.wangfang)
        self.assertEqual(quote.sudo().line_ids.crm_scope_user_id, self.wangfang)
        self.assertFalse(self.Quote.sudo(self.lina).search([('id', '=', quote.id)]))
        self.assertTrue(self.Quote.sudo(self.wangfang).search([('id', '=', quote.id)]))
        self.assertIn('报价单随客户从 李娜 转移给', quote.sudo().message_ids[0].body)

    def test_a_waiting_quote_moves_with_its_reviews(self):
        quote = self.make_quote(lines=[{'product_id': self.mes.id, 'quantity': 6,
                                        'price_unit': 175000}])
        quote.action_submit()
        self.assertEqual(quote.state, 'waiting')
        self.customer.sudo(self.zhangwei).action_transfer(self.wangfang.id)
        reviews = self.env['tier.review'].sudo().search(
            [('model', '=', 'crm.quotation'), ('res_id', '=', quote.id)])
        self.assertTrue(reviews)
        self.assertEqual(set(reviews.mapped('crm_owner_id')), {self.wangfang})
        self.assertEqual(set(reviews.mapped('crm_team_id')), {quote.sudo().team_id})

    def test_refusals_are_in_chinese(self):
        quote = self.make_quote().with_context(lang='zh_CN')
        with self.refused(UserError) as cm:
            quote.action_send()
        self.assertTrue(re.search(r'[\u4e00-\u9fff]', cm.exception.name), cm.exception.name)
        with self.refused(UserError) as cm:
            quote.sudo(self.lina).with_context(lang='zh_CN').action_accept()
        self.assertIn('报价', cm.exception.name)
