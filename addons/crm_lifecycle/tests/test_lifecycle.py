# -*- coding: utf-8 -*-
import datetime

from odoo import fields

from .common import LifecycleCase


class TestLifecycle(LifecycleCase):
    """The stage and dates of a customer along its life, and its card's activity and
    preferred products."""

    def test_a_customer_moves_through_the_stages(self):
        lead = self.env['crm.lead'].sudo(self.lina).create(
            {'name': '生命周期测试线索', 'type': 'lead', 'partner_name': '生命周期测试客户',
             'contact_name': '王经理'})
        self.env.cr.execute("UPDATE crm_lead SET create_date = '2026-03-01 02:00:00' "
                            "WHERE id = %s", (lead.id,))
        partner_id = lead.sudo(self.lina).action_convert()['partner_id']
        customer = self.env['res.partner'].browse(partner_id)
        self.assertEqual((customer.lifecycle_stage, customer.lifecycle_lead_date),
                         ('lead', '2026-03-01'))
        self.env['crm.follow.up'].sudo(self.lina).create(
            {'partner_id': customer.id, 'content': '初次电话'})
        self.assertEqual(customer.lifecycle_stage, 'customer')
        opportunity = self.env['crm.lead'].sudo(self.lina).create(
            {'name': '生命周期测试商机', 'type': 'opportunity', 'partner_id': customer.id})
        # dated by its creation (the database's time, as the reports date records)
        created = fields.Datetime.from_string(opportunity.sudo().create_date) + \
            datetime.timedelta(hours=8)
        self.assertEqual((customer.lifecycle_stage, customer.lifecycle_opportunity_date),
                         ('opportunity', fields.Date.to_string(created.date())))
        first = self.order(customer, '2026-06-01')
        self.assertEqual((customer.lifecycle_stage, customer.first_deal_date,
                          customer.lifecycle_order_count, customer.last_order_date),
                         ('deal', '2026-06-01', 1, '2026-06-01'))
        self.assertFalse(customer.lifecycle_repurchase_date)
        # a changed contract (a new version of the same contract) is not a repurchase
        action = first.sudo(self.lina).action_change()
        version = self.env['crm.contract'].sudo(self.lina).browse(action['res_id'])
        version.action_submit()
        self.assertEqual((first.state, version.state), ('superseded', 'approved'))
        self.assertEqual(customer.lifecycle_order_count, 1)
        self.order(customer, '2026-06-08', product=self.plc)
        self.assertEqual((customer.lifecycle_stage, customer.lifecycle_repurchase_date,
                          customer.lifecycle_order_count), ('repurchase', '2026-06-08', 2))
        customer.sudo(self.sunqiang).action_churn_confirm(self.reason.id)
        self.assertEqual(customer.lifecycle_stage, 'lost')

    def test_the_nightly_refresh_agrees_with_the_events(self):
        customer = self.make_customer('生命周期夜间刷新客户')
        self.order(customer, '2026-01-05')
        self.order(customer, '2026-04-05', product=self.plc)
        names = ['lifecycle_stage', 'lifecycle_order_count', 'last_order_date',
                 'lifecycle_repurchase_date', 'lifecycle_lead_date']
        before = customer.read(names)
        self.env.cr.execute("UPDATE res_partner SET lifecycle_stage = NULL, "
                            "lifecycle_order_count = 0 WHERE id = %s", (customer.id,))
        self.env['res.partner']._cron_lifecycle_refresh()
        customer.invalidate_cache()
        self.assertEqual(customer.read(names), before)
        self.assertEqual(before[0]['lifecycle_stage'], 'repurchase')

    def test_the_card_shows_activity_and_preferences(self):
        customer = self.make_customer('生命周期客户卡片客户')
        self.order(customer, '2026-01-05', product=self.gateway, qty=2, price=12000)   # old
        self.order(customer, '2026-05-05', product=self.plc, qty=1, price=8000)
        self.order(customer, '2026-06-01', product=self.gateway, qty=1, price=12000)
        self.env['crm.follow.up'].sudo(self.lina).create(
            {'partner_id': customer.id, 'content': '回访', 'date': '2026-05-20 02:00:00'})
        card = customer.sudo(self.lina)
        self.assertEqual((card.activity_follow_up_count, card.activity_contract_count,
                          card.activity_contract_amount, card.activity_level),
                         (1, 2, 20000.0, 'active'))
        self.assertEqual(card.preferred_product_ids.ids, [self.gateway.id, self.plc.id])
        self.assertEqual(len(card.preferred_category_ids), 1)
        self.set_clock('2026-10-01 04:00:00')
        card.invalidate_cache()
        self.assertEqual((card.activity_follow_up_count, card.activity_contract_count,
                          card.activity_level), (0, 0, 'inactive'))
        # another salesperson's customer: she reads neither its contracts nor its lines
        self.assertFalse(customer.sudo(self.yanglei).with_context(prefetch_fields=False)
                         ._crm_top_bought(customer, 'pp.id'))
