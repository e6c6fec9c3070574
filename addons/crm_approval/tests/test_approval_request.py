# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import SavepointCase


class TestApprovalRequest(SavepointCase):
    """Approval requests (审批申请) on the data templates and tiers: every request to
    the applicant's team leader, expenses above 5,000 then to the sales managers."""

    NOW = '2026-06-10 04:00:00'

    @classmethod
    def setUpClass(cls):
        super(TestApprovalRequest, cls).setUpClass()
        cls.env['crm.clock'].set_now(cls.NOW)
        ref = cls.env.ref
        cls.lina = ref('crm_sales.user_sales_east_1')
        cls.wangfang = ref('crm_sales.user_sales_east_2')
        cls.zhangwei = ref('crm_sales.user_leader_east')
        cls.sunqiang = ref('crm_sales.user_sales_manager')
        cls.expense = ref('crm_approval.template_expense')
        cls.trip = ref('crm_approval.template_trip')
        cls.leave = ref('crm_approval.template_leave')
        cls.general = ref('crm_approval.template_general')
        cls.Request = cls.env['crm.approval.request']

    def as_(self, user, records=None):
        return (records or self.Request).sudo(user).with_context(lang='zh_CN')

    def make_expense(self, *amounts):
        return self.as_(self.lina).create({
            'template_id': self.expense.id, 'title': '客户现场差旅',
            'line_ids': [(0, 0, {'date': '2026-06-0%d' % (i + 1), 'name': '费用 %d' % i,
                                 'amount': a}) for i, a in enumerate(amounts)]})

    def test_expense_approved_by_leader_then_manager(self):
        req = self.make_expense(3000.0, 5000.0)
        self.assertEqual(req.amount_total, 8000.0)
        self.assertEqual(req.user_id, self.lina)
        self.assertTrue(req.reference.startswith('SP'))
        req.action_submit()
        self.assertEqual(req.state, 'waiting')
        self.assertIn(self.zhangwei.name, req.crm_turn_label)
        # the manager's tier comes second: not his turn yet
        with self.assertRaises(AccessError):
            self.as_(self.sunqiang, req).action_approve()
        todo = self.env['crm.todo'].sudo(self.zhangwei).create({})
        self.assertIn(req, todo.approval_request_review_ids)
        self.as_(self.zhangwei, req).action_approve('同意')
        self.assertEqual(req.state, 'waiting')
        self.assertIn(self.sunqiang.name, req.crm_turn_label)
        self.assertFalse(self.as_(self.zhangwei, req).crm_my_turn)
        self.assertTrue(self.as_(self.sunqiang, req).crm_my_turn)
        self.as_(self.sunqiang, req).action_approve()
        self.assertEqual(req.state, 'approved')
        self.assertTrue(req.approved_at)
        self.assertEqual(req.review_ids.mapped('done_by'), self.zhangwei | self.sunqiang)
        # lina heard of it, in her inbox
        messages = req.message_ids.filtered(lambda m: self.lina.partner_id in m.partner_ids)
        self.assertTrue(messages)
        self.assertIn('同意', req.crm_approval_timeline)

    def test_small_expense_needs_the_leader_only(self):
        req = self.make_expense(300.0)
        req.action_submit()
        self.as_(self.zhangwei, req).action_approve()
        self.assertEqual(req.state, 'approved')

    def test_rejected_request_ends_rejected_and_can_be_reopened(self):
        req = self.as_(self.lina).create({
            'template_id': self.leave.id, 'title': '年假', 'date_from': '2026-07-01',
            'date_to': '2026-07-03'})
        self.assertEqual(req.days, 3)
        req.action_submit()
        self.as_(self.zhangwei, req).action_reject('月底冲业绩，请改期')
        self.assertEqual(req.state, 'rejected')
        self.assertEqual(req.reject_reason, '月底冲业绩，请改期')
        self.assertFalse(self.as_(self.zhangwei, req).crm_my_turn)
        last = req.message_ids[0]
        self.assertIn('驳回', last.body)
        with self.assertRaises(UserError):
            req.write({'title': '年假（改）'})
        req.action_reset_draft()
        self.assertEqual(req.state, 'draft')
        req.write({'date_from': '2026-07-08', 'date_to': '2026-07-09'})
        req.action_submit()
        self.assertEqual(req.state, 'waiting')

    def test_trip_ending_before_it_starts_is_refused_in_chinese(self):
        with self.assertRaises(ValidationError) as err:
            self.as_(self.lina).create({
                'template_id': self.trip.id, 'title': '出差苏州',
                'date_from': '2026-06-12', 'date_to': '2026-06-11'})
        self.assertIn('结束日期', err.exception.name)

    def test_expense_without_line_is_refused_in_chinese(self):
        req = self.as_(self.lina).create({'template_id': self.expense.id, 'title': '报销'})
        with self.assertRaises(UserError) as err:
            req.action_submit()
        self.assertIn('费用明细', err.exception.name)
        self.assertEqual(req.state, 'draft')
        with self.assertRaises(ValidationError):
            self.as_(self.lina, req).write({'line_ids': [(0, 0, {'name': '打车', 'amount': -5})]})

    def test_trip_without_dates_and_general_without_text_are_refused(self):
        trip = self.as_(self.lina).create({'template_id': self.trip.id, 'title': '出差'})
        with self.assertRaises(UserError) as err:
            trip.action_submit()
        self.assertIn('日期', err.exception.name)
        general = self.as_(self.lina).create({'template_id': self.general.id, 'title': '采购'})
        with self.assertRaises(UserError):
            general.action_submit()

    def test_who_reads_and_who_changes(self):
        req = self.make_expense(100.0)
        # a colleague of the same team reads nothing; the leader reads
        with self.assertRaises(AccessError):
            self.as_(self.wangfang, req).read(['title'])
        self.assertEqual(self.as_(self.zhangwei, req).title, '客户现场差旅')
        # the leader reads but does not edit a colleague's request
        with self.assertRaises(AccessError):
            self.as_(self.zhangwei, req).write({'title': '改'})
        # nobody files for someone else, nor approves himself
        with self.assertRaises(AccessError):
            self.as_(self.lina).create({'template_id': self.general.id, 'title': 'x',
                                        'user_id': self.wangfang.id})
        with self.assertRaises(AccessError):
            req.write({'state': 'approved'})
        req.action_submit()
        with self.assertRaises(AccessError):
            req.action_approve()
        with self.assertRaises(UserError):
            req.write({'title': '改'})
        req.action_cancel()
        self.assertEqual(req.state, 'cancelled')
        self.assertFalse(self.as_(self.zhangwei, req).crm_my_turn)
