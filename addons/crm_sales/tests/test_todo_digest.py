# -*- coding: utf-8 -*-
"""每日待办摘要 (issue #28): each salesperson's morning e-mail counting their to-dos, in
their language, once a day, never to a user who has left; off until the CRM
administrator switches it on (CRM > 配置 > 通知设置)."""
from .sales_common import SalesCase


class TestTodoDigest(SalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestTodoDigest, cls).setUpClass()
        cls.Mail = cls.env['mail.mail'].sudo()
        cls.Kind = cls.env['crm.notify.kind']
        cls.cron = cls.Kind.sudo()._cron_todo_digest

    def setUp(self):
        super(TestTodoDigest, self).setUp()
        self.last = self.Mail.search([], order='id desc', limit=1).id or 0

    def digests(self, user):
        return self.Mail.search([('id', '>', self.last), ('recipient_ids', 'in', user.partner_id.ids),
                                 ('body_html', 'ilike', '/web#action=%s' % self.env.ref(
                                     'crm_sales.action_crm_todo').id)])

    def switch_on(self):
        self.Kind.sudo(self.admin_crm).search([('code', '=', 'todo_digest')]).write({'mail_enabled': True})

    def due_customer(self, name, user, when):
        customer = self.make_customer(name, user=user)
        self.FollowUp.sudo(user).create({'partner_id': customer.id, 'follow_up_type': 'call',
                                         'content': '电话沟通', 'date': '2026-06-01 02:00:00',
                                         'next_contact_at': when})
        return customer

    def counts(self, user):
        return self.env['crm.todo'].sudo(user).get_counts()

    def test_off_by_default(self):
        kind = self.Kind.sudo(self.admin_crm).search([('code', '=', 'todo_digest')])
        self.assertEqual(kind.with_context(lang='zh_CN').name, '每日待办摘要')
        self.assertFalse(kind.mail_enabled)
        self.due_customer('摘要测试甲有限公司', self.lina, '2026-06-10 06:00:00')
        self.assertEqual(self.cron(), 0)
        self.assertFalse(self.digests(self.lina))

    def test_each_salesperson_gets_his_counters_once_a_day_in_his_language(self):
        self.switch_on()
        self.due_customer('摘要测试乙有限公司', self.lina, '2026-06-10 06:00:00')    # today
        self.due_customer('摘要测试丙有限公司', self.lina, '2026-06-08 06:00:00')    # overdue
        self.wangfang.sudo().write({'lang': 'en_US'})
        self.due_customer('Digest Test Ltd', self.wangfang, '2026-06-10 07:00:00')
        counts = self.counts(self.lina)
        total = sum(counts.values())
        self.assertGreaterEqual(counts['customer_today_count'], 1)
        self.assertGreaterEqual(counts['customer_overdue_count'], 1)
        self.assertTrue(self.cron() >= 2)
        mail = self.digests(self.lina)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, '每日待办摘要：共 %d 项' % total)
        self.assertIn('李娜，你好：', mail.body_html)
        self.assertIn('今日需联系客户 %d' % counts['customer_today_count'], mail.body_html)
        self.assertIn('逾期未跟进客户 %d' % counts['customer_overdue_count'], mail.body_html)
        self.assertEqual(mail.recipient_ids, self.lina.partner_id)
        # wangfang reads English
        mail = self.digests(self.wangfang)
        self.assertEqual(len(mail), 1)
        self.assertTrue(mail.subject.startswith('Daily to-do digest: '), mail.subject)
        self.assertIn('Customers to contact today', mail.body_html)
        self.assertNotIn('今日需联系客户', mail.body_html)
        # the executive does no sales work: no digest
        self.assertFalse(self.digests(self.executive))
        # a second run the same day sends nothing more; the next day they come again
        self.cron()
        self.assertEqual(len(self.digests(self.lina)), 1)
        self.env['crm.clock'].set_now('2026-06-11 00:30:00')
        self.cron()
        self.assertEqual(len(self.digests(self.lina)), 2)

    def test_nothing_to_do_and_archived_users_get_nothing(self):
        self.switch_on()
        self.due_customer('摘要测试丁有限公司', self.yanglei, '2026-06-10 06:00:00')
        self.assertTrue(sum(self.counts(self.yanglei).values()))
        self.yanglei.sudo().write({'active': False})
        # a salesperson with nothing to do (a new colleague of the team)
        newcomer = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': '新同事', 'login': 'digest_newcomer', 'email': 'newcomer@example.cn',
            'groups_id': [(6, 0, [self.env.ref('crm_sales.group_crm_salesman').id])],
            'sale_team_id': self.team_south.id})
        self.assertFalse(sum(self.env['crm.todo'].sudo(newcomer).get_counts().values()))
        self.cron()
        self.assertFalse(self.digests(self.yanglei), 'not to a user who has left')
        self.assertFalse(self.digests(newcomer), 'nothing to do: no mail')
