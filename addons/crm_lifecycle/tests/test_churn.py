# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import LifecycleCase


class TestChurnWorklist(LifecycleCase):
    """The churn worklist computed from the customers' orders and follow-ups with the
    clock moved; 暂缓流失 / 确认流失 and what each user may do."""

    @classmethod
    def setUpClass(cls):
        super(TestChurnWorklist, cls).setUpClass()
        cls.old = cls.make_customer('流失测试老客户')
        cls.order(cls.old, '2025-11-01')               # 7 months and 9 days ago
        cls.recent = cls.make_customer('流失测试近期客户')
        cls.order(cls.recent, '2026-05-01')
        cls.env['crm.follow.up'].sudo(cls.lina).create(
            {'partner_id': cls.recent.id, 'content': '电话回访', 'date': '2026-06-01 02:00:00'})
        cls.never = cls.make_customer('流失测试未成交客户')   # never bought: not churn
        cls.south = cls.make_customer('流失测试华南客户', user=cls.yanglei)
        cls.order(cls.south, '2025-10-01')

    def test_the_warnings_come_from_orders_and_follow_ups(self):
        mine = self.warned(self.lina)
        self.assertIn(self.old.id, mine)
        self.assertNotIn(self.recent.id, mine)
        self.assertNotIn(self.never.id, mine)
        self.assertNotIn(self.south.id, mine, 'another team\'s customer')
        warning = mine[self.old.id]
        self.assertEqual(warning.last_order_date, '2025-11-01')
        self.assertEqual(warning.days_without_order, 221)
        self.assertEqual(warning.reason, 'both', 'no follow-up either since the order')
        self.env['crm.follow.up'].sudo(self.lina).create(
            {'partner_id': self.old.id, 'content': '上门拜访', 'date': '2026-06-05 02:00:00'})
        self.assertEqual(self.warned(self.lina)[self.old.id].reason, 'no_order')
        # neither an order nor a follow-up for M (90) days: a recent buyer is warned too
        self.set_clock('2026-08-29 04:00:00')
        self.assertNotIn(self.recent.id, self.warned(self.lina))
        self.set_clock('2026-08-30 04:00:00')
        self.assertEqual(self.warned(self.lina)[self.recent.id].reason, 'no_follow_up')

    def test_the_delays_are_settings(self):
        settings = self.env['crm.churn.settings'].sudo(self.sunqiang).create(
            {'churn_months': 12, 'follow_up_days': 400})
        settings.action_save()
        self.assertNotIn(self.old.id, self.warned(self.lina))
        self.set_clock('2026-11-02 04:00:00')          # 12 months and a day
        self.assertEqual(self.warned(self.lina)[self.old.id].reason, 'no_order')
        with self.assertRaises(AccessError):
            self.env['crm.churn.settings'].sudo(self.lina).create({'churn_months': 1})
        with self.assertRaisesRegex(ValidationError, '1 到 120'):
            self.zh(self.sunqiang)['crm.churn.settings'].create({'churn_months': 0})

    def test_defer_hides_the_warning_until_the_check_date(self):
        record_id = self.old.sudo(self.lina).action_churn_defer('上门拜访，提供续约优惠', '2026-07-01')
        record = self.env['crm.churn.record'].browse(record_id)
        self.assertEqual((record.kind, record.date, record.next_check_date, record.user_id),
                         ('defer', '2026-06-10', '2026-07-01', self.lina))
        self.assertEqual(record.outcome, 'waiting')
        self.assertTrue(self.old.message_ids.filtered(lambda m: '上门拜访，提供续约优惠' in (m.body or '')))
        self.assertNotIn(self.old.id, self.warned(self.lina))
        self.set_clock('2026-06-30 04:00:00')
        self.assertNotIn(self.old.id, self.warned(self.lina))
        self.set_clock('2026-07-01 04:00:00')
        warning = self.warned(self.lina).get(self.old.id)
        self.assertTrue(warning and warning.was_deferred, 'the warning is back on the check date')
        record.invalidate_cache()
        self.assertEqual(record.outcome, 'returned')

    def test_an_order_after_the_deferral_clears_the_warning(self):
        record_id = self.old.sudo(self.lina).action_churn_defer('报价跟进', '2026-07-01')
        self.set_clock('2026-06-20 04:00:00')
        self.order(self.old, '2026-06-18', product=self.plc)
        self.set_clock('2026-07-02 04:00:00')
        self.assertNotIn(self.old.id, self.warned(self.lina))
        self.assertEqual(self.env['crm.churn.record'].browse(record_id).outcome, 'ordered')
        self.assertEqual((self.old.last_order_date, self.old.lifecycle_repurchase_date,
                          self.old.lifecycle_stage), ('2026-06-18', '2026-06-18', 'repurchase'))

    def test_the_manager_confirms_the_churn(self):
        with self.assertRaisesRegex(AccessError, '只有销售经理'):
            self.old.with_env(self.zh(self.lina)).action_churn_confirm(self.reason.id)
        with self.assertRaises(AccessError):
            self.old.sudo(self.zhangwei).action_churn_confirm(self.reason.id)
        with self.assertRaises(AccessError):
            self.old.sudo(self.wugang).action_churn_confirm(self.reason.id)
        self.assertEqual(self.old.customer_status, 'deal')
        self.old.sudo(self.sunqiang).action_churn_confirm(self.reason.id, '签了竞争对手')
        self.assertEqual((self.old.customer_status, self.old.lifecycle_stage,
                          self.old.churned_date, self.old.churn_reason_id),
                         ('lost', 'lost', '2026-06-10', self.reason))
        self.assertNotIn(self.old.id, self.warned(self.sunqiang))
        record = self.old.churn_record_ids
        self.assertEqual((record.kind, record.reason_id, record.user_id, record.last_order_date),
                         ('confirm', self.reason, self.sunqiang, '2025-11-01'))
        with self.assertRaisesRegex(UserError, '已确认流失'):
            self.old.with_env(self.zh(self.sunqiang)).action_churn_confirm(self.reason.id)
        with self.assertRaisesRegex(UserError, '不能再暂缓'):
            self.old.with_env(self.zh(self.lina)).action_churn_defer('再试试', '2026-07-01')
        # undone by mistake: back to a deal
        self.old.sudo(self.sunqiang).action_churn_restore()
        self.assertEqual((self.old.customer_status, self.old.lifecycle_stage,
                          self.old.churned_date), ('deal', 'deal', False))
        self.assertIn(self.old.id, self.warned(self.lina))

    def test_scope_of_the_worklist_and_its_actions(self):
        self.assertIn(self.old.id, self.warned(self.zhangwei), 'the leader sees her team')
        self.assertNotIn(self.south.id, self.warned(self.zhangwei))
        self.assertTrue({self.old.id, self.south.id} <= set(self.warned(self.sunqiang)))
        self.assertTrue({self.old.id, self.south.id} <= set(self.warned(self.wugang)))
        with self.assertRaisesRegex(AccessError, '只有'):
            self.south.with_env(self.zh(self.lina)).action_churn_defer('越权', '2026-07-01')
        with self.assertRaises(AccessError):
            self.old.sudo(self.wugang).action_churn_defer('只读角色', '2026-07-01')
        self.old.sudo(self.zhangwei).action_churn_defer('组长亲自拜访', '2026-07-01')
        self.assertNotIn(self.old.id, self.warned(self.lina))
        self.assertEqual(self.env['crm.churn.record'].sudo(self.lina).search(
            [('partner_id', '=', self.old.id)]).user_id, self.zhangwei)
        self.assertFalse(self.env['crm.churn.record'].sudo(self.lina).search(
            [('partner_id', '=', self.south.id)]))

    def test_bad_input_is_refused_in_chinese(self):
        partner = self.old.with_env(self.zh(self.lina))
        with self.assertRaisesRegex(UserError, '下次检查日期必须晚于今天'):
            partner.action_churn_defer('拜访', '2026-06-10')
        with self.assertRaisesRegex(UserError, '一年内'):
            partner.action_churn_defer('拜访', '2027-12-01')
        with self.assertRaisesRegex(UserError, '采取的措施'):
            partner.action_churn_defer('  ', '2026-07-01')
        with self.assertRaises(UserError):
            partner.action_churn_defer('拜访', 'next month')
        with self.assertRaisesRegex(UserError, '不是 CRM 客户'):
            self.lina.partner_id.with_env(self.zh(self.lina)).action_churn_defer('拜访', '2026-07-01')
        manager = self.old.with_env(self.zh(self.sunqiang))
        self.reason.active = False
        with self.assertRaisesRegex(UserError, '已归档'):
            manager.action_churn_confirm(self.reason.id)
        with self.assertRaises(UserError):
            manager.action_churn_confirm(999999)
        self.assertFalse(self.old.churn_record_ids)
        self.assertFalse(self.old.churn_deferred_until)

    def test_clients_cannot_write_the_churn_state(self):
        partner = self.old.with_env(self.zh(self.lina))
        for vals in ({'churn_deferred_until': '2027-01-01'}, {'lifecycle_stage': 'repurchase'},
                     {'churned_date': '2026-01-01'}, {'last_order_date': '2026-06-01'}):
            with self.assertRaises(AccessError):
                partner.write(vals)
        with self.assertRaises(AccessError):
            self.env['crm.churn.record'].sudo(self.lina).create(
                {'partner_id': self.old.id, 'kind': 'defer', 'date': '2026-06-10',
                 'user_id': self.lina.id})
        self.old.sudo(self.lina).action_churn_defer('拜访', '2026-07-01')
        with self.assertRaises(AccessError):
            self.old.churn_record_ids.sudo(self.lina).write({'next_check_date': '2027-01-01'})
        # a context sent by a client grants nothing
        with self.assertRaises(AccessError):
            self.old.sudo(self.lina).with_context(crm_grant={'action_write': True}).write(
                {'churn_deferred_until': '2027-01-01'})
        self.assertEqual(self.old.churn_deferred_until, '2026-07-01')

    def test_the_todo_counts_my_warnings(self):
        todo = self.env['crm.todo'].sudo(self.lina).create({})
        self.assertEqual(todo.churn_warning_count,
                         self.Warning.sudo(self.lina).search_count([('user_id', '=', self.lina.id)]))
        self.assertIn(self.old.id, todo.churn_warning_ids.mapped('partner_id').ids)
        self.assertNotIn(self.south.id, todo.churn_warning_ids.mapped('partner_id').ids)

    def test_the_wizards_act_through_the_actions(self):
        action = self.Warning.sudo(self.lina).browse(self.old.id).action_open_churn_defer()
        wizard = self.env[action['res_model']].sudo(self.lina).with_context(
            action['context']).create({'measures': '微信沟通新品'})
        self.assertEqual(wizard.next_check_date, '2026-07-10')
        wizard.action_confirm()
        self.assertEqual(self.old.churn_deferred_until, '2026-07-10')
        self.assertNotIn(self.old.id, self.warned(self.lina))
        with self.assertRaises(AccessError):
            self.old.sudo(self.lina).action_open_churn_confirm()
        action = self.Warning.sudo(self.sunqiang).browse(self.south.id).action_open_churn_confirm()
        wizard = self.env[action['res_model']].sudo(self.sunqiang).with_context(
            action['context']).create({'reason_id': self.reason.id})
        wizard.action_confirm()
        self.assertEqual(self.south.customer_status, 'lost')
