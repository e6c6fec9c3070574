# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError

from .sales_common import SalesCase


class TestDeal(SalesCase):
    """res.partner._crm_register_deal: the one way a customer gets the deal status."""

    def test_winning_an_opportunity_registers_the_deal(self):
        customer = self.make_customer('成交登记有限公司')
        contact = self.Partner.sudo(self.lina).create({'name': '成交联系人', 'parent_id': customer.id})
        opp = self.Lead.sudo(self.lina).create(
            {'name': '成交商机', 'type': 'opportunity', 'partner_id': contact.id})
        self.assertFalse(customer.is_deal)
        opp.action_set_end_status('won')
        self.assertTrue(customer.is_deal)
        self.assertEqual(customer.customer_status, 'deal')
        self.assertEqual(customer.first_deal_date, '2026-06-10')
        self.assertIn('成交商机', customer.message_ids[0].body)

    def test_first_deal_date_is_the_earliest(self):
        customer = self.make_customer('首次成交日期有限公司')
        customer._crm_register_deal(date='2026-05-01')
        customer._crm_register_deal(date='2026-06-01')
        self.assertEqual(customer.first_deal_date, '2026-05-01')
        customer._crm_register_deal(date='2026-04-15')
        self.assertEqual(customer.first_deal_date, '2026-04-15')

    def test_mark_deal_button_needs_write_access(self):
        theirs = self.make_customer('别人的成交客户', user=self.yanglei)
        with self.assertRaises(AccessError):
            theirs.sudo(self.lina).action_mark_deal()
        self.assertFalse(theirs.is_deal)
        mine = self.make_customer('自己的成交客户')
        mine.sudo(self.lina).action_mark_deal()
        self.assertEqual((mine.is_deal, mine.customer_status, mine.first_deal_date),
                         (True, 'deal', '2026-06-10'))
