# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_sales.tests.sales_common import SalesCase


class PlanCase(SalesCase):
    """The clock is 2026-06-10 12:00 Beijing time (SalesCase). 李娜 has an opportunity
    of her customer with a plan of two steps (done on 06-05, due on 06-12); 王芳, in the
    same team, has an opportunity and a plan of her own."""

    @classmethod
    def setUpClass(cls):
        super(PlanCase, cls).setUpClass()
        cls.Plan = cls.env['crm.development.plan']
        cls.Step = cls.env['crm.development.plan.step']
        cls.reason = cls.env['crm.lost.reason'].create({'name': 'T-预算取消'})
        cls.customer = cls.make_customer('T-开发计划客户有限公司')
        cls.opp = cls.Lead.sudo(cls.lina).create({
            'name': 'T-产线改造', 'type': 'opportunity', 'partner_id': cls.customer.id,
            'user_id': cls.lina.id, 'team_id': cls.team_east.id})
        cls.plan = cls.Plan.sudo(cls.lina).create({
            'lead_id': cls.opp.id,
            'step_ids': [(0, 0, {'date': '2026-06-05', 'name': '电话了解需求',
                                 'result': '客户有三条产线要改造'}),
                         (0, 0, {'date': '2026-06-12', 'name': '上门演示方案'})]}).sudo()
        cls.step_done, cls.step_due = cls.plan.step_ids.sorted('date')
        cls.other_customer = cls.make_customer('T-王芳的客户有限公司', user=cls.wangfang)
        cls.other_opp = cls.Lead.sudo(cls.wangfang).create({
            'name': 'T-仓储升级', 'type': 'opportunity', 'partner_id': cls.other_customer.id,
            'user_id': cls.wangfang.id, 'team_id': cls.team_east.id})
        cls.other_plan = cls.Plan.sudo(cls.wangfang).create({
            'lead_id': cls.other_opp.id,
            'step_ids': [(0, 0, {'date': '2026-06-01', 'name': '拜访采购'})]}).sudo()

    def todo(self, user):
        return self.env['crm.todo'].sudo(user).get_counts()['plan_step_overdue_count']


class TestDevelopmentPlan(PlanCase):

    # ------------------------------------------------------------------ steps, to-do

    def test_plan_belongs_to_the_opportunity_and_records_who_wrote_a_result(self):
        plan = self.plan
        self.assertIn('T-产线改造', plan.name, 'named after its opportunity')
        self.assertEqual((plan.crm_scope_user_id, plan.crm_scope_team_id),
                         (self.lina, self.team_east))
        self.assertEqual((plan.user_id, plan.partner_id), (self.lina, self.customer))
        self.assertEqual(plan.state, 'in_progress')
        self.assertEqual(self.step_done.crm_scope_user_id, self.lina)
        self.assertEqual((self.step_done.result_user_id, self.step_done.result_at),
                         (self.lina, self.NOW))
        self.assertEqual((plan.step_count, plan.step_done_count, plan.progress), (2, 1, 50.0))
        self.assertEqual((plan.next_step_date, plan.next_step_name), ('2026-06-12', '上门演示方案'))
        self.assertEqual(self.opp.development_plan_count, 1)

    def test_overdue_steps_appear_in_my_todo_with_a_moved_clock(self):
        self.assertFalse(self.step_due.is_overdue)
        self.assertEqual(self.todo(self.lina), 0)
        self.env['crm.clock'].set_now('2026-06-13 01:00:00')   # 06-13 09:00 in Beijing
        self.step_due.invalidate_cache()
        self.assertTrue(self.step_due.is_overdue)
        self.assertFalse(self.step_done.is_overdue, 'a step with a result is never overdue')
        self.assertEqual(self.todo(self.lina), 1)
        todo = self.env['crm.todo'].sudo(self.lina).create({})
        self.assertEqual(todo.plan_step_overdue_ids, self.step_due)
        self.assertEqual(self.todo(self.zhangwei), 0, 'the owner\'s to-do, not the leader\'s')
        self.assertEqual(self.todo(self.wangfang), 1, 'her own overdue step (06-01)')
        self.assertEqual(self.Plan.sudo(self.lina).search([('is_overdue', '=', True)]), self.plan)
        self.assertEqual(self.plan.sudo(self.lina).overdue_step_count, 1)
        # the result is written: off the to-do, with who and when
        self.step_due.sudo(self.lina).write({'result': '演示顺利，客户要试点方案'})
        self.assertEqual(self.todo(self.lina), 0)
        self.assertEqual((self.step_due.result_user_id, self.step_due.result_at),
                         (self.lina, '2026-06-13 01:00:00'))
        self.assertFalse(self.Plan.sudo(self.lina).search([('is_overdue', '=', True)]))

    # ------------------------------------------------------------------ success, failure

    def test_success_wins_the_opportunity_and_registers_the_customer(self):
        self.assertFalse(self.customer.is_deal)
        self.plan.sudo(self.lina).action_success()
        self.assertEqual(self.opp.end_status, 'won')
        self.assertTrue(self.customer.is_deal)
        self.assertEqual(self.customer.customer_status, 'deal')
        self.assertEqual(self.customer.first_deal_date, '2026-06-10')
        self.assertEqual((self.plan.state, self.plan.ended_by_id, self.plan.ended_at),
                         ('success', self.lina, self.NOW))
        # the plan stays on the customer, and no longer changes
        self.assertEqual(self.customer.sudo(self.lina).development_plan_count, 1)
        with self.assertRaises(UserError):
            self.step_due.sudo(self.lina).write({'result': '补写'})
        with self.assertRaises(UserError):
            self.plan.sudo(self.lina).write({'name': '改名'})
        with self.assertRaises(UserError):
            self.plan.sudo(self.lina).unlink()
        with self.assertRaises(UserError):
            self.plan.sudo(self.lina).action_success()

    def test_success_creates_the_customer_of_an_opportunity_without_one(self):
        opp = self.Lead.sudo(self.lina).create({
            'name': 'T-新厂区', 'type': 'opportunity', 'user_id': self.lina.id,
            'team_id': self.team_east.id, 'partner_name': 'T-新建客户有限公司',
            'contact_name': '周经理', 'mobile': '13900001111'})
        plan = self.Plan.sudo(self.lina).create({'lead_id': opp.id})
        plan.action_success()
        customer = opp.partner_id
        self.assertEqual(customer.name, 'T-新建客户有限公司')
        self.assertTrue(customer.is_crm_customer and customer.is_deal)
        self.assertEqual(customer.user_id, self.lina)
        self.assertEqual(customer.child_ids.mapped('name'), ['周经理'])
        self.assertEqual(plan.partner_id, customer)
        nameless = self.Lead.sudo(self.lina).create({
            'name': 'T-无名', 'type': 'opportunity', 'user_id': self.lina.id,
            'team_id': self.team_east.id})
        plan = self.Plan.sudo(self.lina).create({'lead_id': nameless.id})
        with self.assertRaises(UserError):
            plan.action_success()
        self.assertFalse(nameless.end_status)

    def test_failure_loses_the_opportunity_with_the_reason(self):
        plan = self.plan.sudo(self.lina)
        with self.assertRaises(UserError):
            plan.action_fail()
        self.assertEqual((plan.state, self.opp.end_status), ('in_progress', False))
        action = plan.action_open_fail()
        wizard = self.env['crm.development.plan.fail'].sudo(self.lina).with_context(
            action['context']).create({'reason_id': self.reason.id, 'note': '客户今年不投了'})
        wizard.action_confirm()
        self.assertEqual((self.opp.end_status, self.opp.end_reason_id, self.opp.lost_reason),
                         ('lost', self.reason, self.reason))
        self.assertEqual((plan.state, plan.failure_reason_id, plan.failure_note),
                         ('failure', self.reason, '客户今年不投了'))
        self.assertFalse(self.customer.is_deal)

    def test_closing_the_opportunity_elsewhere_ends_its_plan(self):
        self.other_opp.sudo(self.wangfang).action_set_end_status('invalid', self.reason.id)
        self.assertEqual((self.other_plan.state, self.other_plan.failure_reason_id),
                         ('failure', self.reason))
        # and a closed opportunity gets no new plan
        with self.assertRaises(ValidationError):
            self.Plan.sudo(self.wangfang).create({'lead_id': self.other_opp.id})

    def test_one_plan_in_progress_per_opportunity_and_only_opportunities(self):
        with self.assertRaises(ValidationError):
            self.Plan.sudo(self.lina).create({'lead_id': self.opp.id})
        lead = self.Lead.sudo(self.lina).create({'name': 'T-线索', 'type': 'lead',
                                                 'user_id': self.lina.id})
        with self.assertRaises(ValidationError):
            self.Plan.sudo(self.lina).create({'lead_id': lead.id})

    # ------------------------------------------------------------------ scope, guard

    def _sees(self, user):
        ids = (self.plan | self.other_plan).ids
        return self.Plan.sudo(user).search([('id', 'in', ids)])

    def test_scope_own_team_all_and_the_executive_reads_only(self):
        self.assertEqual(self._sees(self.lina), self.plan)
        self.assertEqual(self._sees(self.wangfang), self.other_plan)
        self.assertEqual(self._sees(self.zhangwei), self.plan | self.other_plan)
        self.assertFalse(self._sees(self.chenjing))
        self.assertEqual(self._sees(self.sunqiang), self.plan | self.other_plan)
        self.assertEqual(self._sees(self.executive), self.plan | self.other_plan)
        with self.assertRaises(AccessError):
            self.other_plan.sudo(self.lina).read(['name'])
        with self.assertRaises(AccessError):
            self.other_plan.step_ids.sudo(self.lina).read(['name'])
        with self.assertRaises(AccessError):
            self.Plan.sudo(self.lina).create({'lead_id': self.other_opp.id})
        with self.assertRaises(AccessError):
            self.other_plan.sudo(self.lina).action_fail(self.reason.id)
        with self.assertRaises(AccessError):
            self.plan.sudo(self.executive).action_success()
        with self.assertRaises(AccessError):
            self.plan.sudo(self.executive).write({'goal': 'x'})
        self.assertEqual(self.opp.end_status, False)
        # the leader ends a team member's plan
        self.other_plan.sudo(self.zhangwei).action_fail(self.reason.id, '竞争对手更便宜')
        self.assertEqual((self.other_plan.state, self.other_plan.ended_by_id),
                         ('failure', self.zhangwei))
        # sharing the opportunity for reading opens its plan for reading
        self.opp.sudo(self.lina).action_share([self.wangfang.id], access='read')
        self.assertIn(self.plan, self._sees(self.wangfang))
        with self.assertRaises(AccessError):
            self.plan.sudo(self.wangfang).write({'goal': 'x'})

    def test_scope_follows_the_opportunity_owner(self):
        self.opp.sudo(self.sunqiang).write({'user_id': self.wangfang.id})
        self.assertEqual(self.plan.crm_scope_user_id, self.wangfang)
        self.assertEqual(self.step_due.crm_scope_user_id, self.wangfang)
        self.assertNotIn(self.plan, self._sees(self.lina))
        self.assertIn(self.plan, self._sees(self.wangfang))

    def test_client_sent_state_is_refused_everywhere(self):
        plan = self.plan.sudo(self.lina)
        with self.assertRaises(AccessError):
            plan.write({'state': 'success'})
        with self.assertRaises(AccessError):
            plan.with_context(crm_action_write=True, crm_grant={'action_write': True}).write(
                {'state': 'success', 'ended_at': '2026-06-10 04:00:00'})
        opp = self.Lead.sudo(self.lina).create({
            'name': 'T-另一个', 'type': 'opportunity', 'partner_id': self.customer.id,
            'user_id': self.lina.id, 'team_id': self.team_east.id})
        with self.assertRaises(AccessError):
            self.Plan.sudo(self.lina).create({'lead_id': opp.id, 'state': 'success'})
        with self.assertRaises(AccessError):
            self.Plan.sudo(self.lina).create({'lead_id': opp.id,
                                              'failure_reason_id': self.reason.id})
        new = self.Plan.sudo(self.lina).with_context(default_state='success').create(
            {'lead_id': opp.id})
        self.assertEqual(new.state, 'in_progress', 'a default from the context fills nothing')
        with self.assertRaises(AccessError):
            new.copy({'state': 'failure', 'lead_id': opp.id})
        with self.assertRaises(AccessError):
            self.step_due.sudo(self.lina).write({'result_user_id': self.wangfang.id})
        self.assertEqual(plan.state, 'in_progress')
        self.assertFalse(self.opp.end_status)
