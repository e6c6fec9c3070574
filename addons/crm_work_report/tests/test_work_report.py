# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_sales.tests.sales_common import SalesCase


class TestWorkReport(SalesCase):
    """工作报告: pre-filled figures, one per period, submitted to the leader, read scope."""

    @classmethod
    def setUpClass(cls):
        super(TestWorkReport, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang='zh_CN'))
        cls.Report = cls.env['crm.work.report']
        # the clock: 2026-06-10 12:00 in Shanghai (a Wednesday)
        cls.customer = cls.make_customer('日报客户有限公司')
        cls.other = cls.make_customer('日报别人的客户有限公司', user=cls.wangfang)

    def log(self, user, customer, date, kind='call'):
        return self.FollowUp.sudo(user).create({
            'partner_id': customer.id, 'content': '跟进', 'date': date, 'follow_up_type': kind})

    def existing(self, start, end):
        """lina's follow-ups already there (the demo's) between two UTC times."""
        return self.FollowUp.search([('user_id', '=', self.lina.id), ('date', '>=', start),
                                     ('date', '<', end)])

    def test_prefill_counts_the_days_own_records(self):
        # the 10th in Shanghai: 06-09 16:00 to 06-10 16:00 UTC
        demo_day = self.existing('2026-06-09 16:00:00', '2026-06-10 16:00:00')
        demo_week = self.existing('2026-06-07 16:00:00', '2026-06-14 16:00:00')
        demo_eve = self.existing('2026-06-08 16:00:00', '2026-06-09 16:00:00')
        today = [self.log(self.lina, self.customer, '2026-06-10 01:00:00'),
                 self.log(self.lina, self.customer, '2026-06-10 03:00:00', 'visit'),
                 # 23:30 on the 10th in Shanghai, 15:30 UTC: still today
                 self.log(self.lina, self.customer, '2026-06-10 15:30:00')]
        self.log(self.lina, self.customer, '2026-06-09 15:59:00')   # 23:59 on the 9th
        self.log(self.wangfang, self.other, '2026-06-10 02:00:00')  # a colleague's
        new = self.make_customer('日报新客户有限公司')
        self.env.cr.execute('UPDATE res_partner SET create_date = %s WHERE id = %s',
                            ('2026-06-10 02:00:00', new.id))
        opp = self.Lead.sudo(self.lina).create({'name': '日报商机', 'type': 'opportunity',
                                                'partner_id': new.id})
        self.env.cr.execute('UPDATE crm_lead SET create_date = %s WHERE id = %s',
                            ('2026-06-10 02:30:00', opp.id))
        self.env['res.partner'].invalidate_cache()
        self.env['crm.lead'].invalidate_cache()
        report = self.Report.sudo(self.lina).create({'summary': '今天拜访了一家客户'})
        self.assertEqual((report.date, report.period, report.user_id, report.team_id),
                         ('2026-06-10', 'day', self.lina, self.team_east))
        self.assertEqual(report.follow_up_count, len(demo_day) + 3)
        self.assertEqual(report.visit_count, len(demo_day.filtered(
            lambda f: f.follow_up_type == 'visit')) + 1)
        self.assertEqual(set(report.follow_up_ids.ids), {f.id for f in today} | set(demo_day.ids))
        self.assertEqual((report.new_customer_count, report.new_customer_ids), (1, new))
        self.assertEqual((report.new_opportunity_count, report.new_opportunity_ids), (1, opp))
        # a weekly report counts Monday to Sunday and is filed under Monday
        self.log(self.lina, self.customer, '2026-06-08 02:00:00')
        week = self.Report.sudo(self.lina).create({'period': 'week', 'date': '2026-06-11'})
        self.assertEqual((week.date, week.date_to), ('2026-06-08', '2026-06-14'))
        self.assertEqual(week.follow_up_count, len(demo_week) + 5)
        # a report for yesterday, written today: the figures of yesterday
        yesterday = self.Report.sudo(self.lina).create({'date': '2026-06-09'})
        self.assertEqual(yesterday.follow_up_count, len(demo_eve) + 1)

    def test_one_report_per_user_per_period(self):
        self.Report.sudo(self.lina).create({'summary': '一'})
        with self.assertRaisesRegex(ValidationError, '已经有'):
            self.Report.sudo(self.lina).create({'summary': '二'})
        self.Report.sudo(self.wangfang).create({'summary': '王芳的'})
        self.Report.sudo(self.lina).create({'period': 'week', 'date': '2026-06-09'})
        with self.assertRaisesRegex(ValidationError, '周报'):
            self.Report.sudo(self.lina).create({'period': 'week', 'date': '2026-06-12'})

    def test_submitted_to_the_leader_who_comments_and_reads(self):
        report = self.Report.sudo(self.lina).create({})
        with self.assertRaisesRegex(UserError, '工作内容'):
            report.action_submit()
        report.write({'summary': '回访三家客户', 'plan': '做方案'})
        self.env['crm.clock'].set_now('2026-06-10 10:00:00')
        report.action_submit()
        self.assertEqual((report.state, report.leader_id, report.submitted_at),
                         ('submitted', self.zhangwei, '2026-06-10 10:00:00'))
        self.assertIn(self.zhangwei.partner_id, report.message_partner_ids)
        self.assertIn(self.zhangwei.partner_id, report.message_ids[0].partner_ids)
        with self.assertRaisesRegex(UserError, '已提交'):
            report.write({'summary': '改'})
        # the leader: reads, comments, may not edit, marks read
        mine = report.sudo(self.zhangwei)
        self.assertTrue(mine.can_mark_read)
        mine.message_post(body='方案周三前发我', message_type='comment',
                          subtype='mail.mt_comment')
        self.assertIn('方案周三前发我', report.message_ids[0].body)
        with self.assertRaises(AccessError):
            mine.write({'summary': '主管改的'})
        # the author may not mark her own report read
        with self.assertRaises(AccessError):
            report.action_mark_read()
        mine.action_mark_read()
        self.assertEqual((report.state, report.read_by_id, report.read_at),
                         ('read', self.zhangwei, '2026-06-10 10:00:00'))

    def test_scope_own_team_all(self):
        report = self.Report.sudo(self.lina).create({'summary': '李娜的日报'})
        theirs = self.Report.sudo(self.yanglei).create({'summary': '杨磊的日报'})
        self.assertEqual(self.Report.sudo(self.lina).search([('id', 'in', [report.id, theirs.id])]),
                         report)
        self.assertFalse(self.Report.sudo(self.wangfang).search([('id', '=', report.id)]),
                         'a colleague of the team does not read it')
        self.assertEqual(self.Report.sudo(self.zhangwei).search(
            [('id', 'in', [report.id, theirs.id])]), report.sudo(self.zhangwei))
        self.assertEqual(len(self.Report.sudo(self.sunqiang).search(
            [('id', 'in', [report.id, theirs.id])])), 2)
        with self.assertRaises(AccessError):
            report.sudo(self.chenjing).read(['summary'])
        report.sudo(self.lina).action_submit()
        with self.assertRaises(AccessError):
            report.sudo(self.chenjing).action_mark_read()

    def test_action_fields_refused(self):
        with self.assertRaises(AccessError):
            self.Report.sudo(self.lina).create({'summary': '伪造', 'state': 'read'})
        with self.assertRaises(AccessError):
            self.Report.sudo(self.lina).create({'summary': '伪造', 'user_id': self.wangfang.id})
        report = self.Report.sudo(self.lina).create({'summary': '真的'})
        counted = report.follow_up_count
        with self.assertRaises(AccessError):
            report.write({'follow_up_count': 99})
        with self.assertRaises(AccessError):
            report.write({'leader_id': self.sunqiang.id})
        with self.assertRaises(AccessError):
            report.write({'user_id': self.wangfang.id})
        self.assertEqual((report.state, report.follow_up_count, report.leader_id, report.user_id),
                         ('draft', counted, self.env['res.users'], self.lina))
        # the author is not action-only: a client's default_user_id still fills other
        # models' salesperson (action-only names are refused as defaults everywhere)
        self.assertNotIn('user_id', self.env['crm.guard']._forbidden_default_names())
        self.assertNotIn('team_id', self.env['crm.guard']._forbidden_default_names())
