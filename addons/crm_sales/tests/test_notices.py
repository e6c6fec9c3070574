# -*- coding: utf-8 -*-
"""Issue #28 items 2 and 4: the notices of crm_sales. A due follow-up reminds its owner
by e-mail once per due time; an assignment e-mail is in the assignee's language and not
sent again to the user who already holds the record; the CRM administrator switches
each kind of notice on or off (CRM > 配置 > 通知设置)."""
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError

from .sales_common import SalesCase


class TestNotices(SalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestNotices, cls).setUpClass()
        cls.Mail = cls.env['mail.mail'].sudo()
        cls.Kind = cls.env['crm.notify.kind']
        cls.cron = cls.Kind.sudo()._cron_follow_up_reminders

    def setUp(self):
        super(TestNotices, self).setUp()
        self.mark()

    def mark(self):
        self.last = self.Mail.search([], order='id desc', limit=1).id or 0

    def new_mails(self, user, subject=None):
        domain = [('id', '>', self.last), ('recipient_ids', 'in', user.partner_id.ids)]
        if subject:
            domain.append(('subject', '=', subject))
        return self.Mail.search(domain)

    def switch(self, code, on):
        self.Kind.sudo(self.admin_crm).search([('code', '=', code)]).write({'mail_enabled': on})

    def due_customer(self, name, when='2026-06-10 06:00:00', user=None):
        customer = self.make_customer(name, user=user)
        self.FollowUp.sudo(user or self.lina).create({
            'partner_id': customer.id, 'follow_up_type': 'call', 'content': '电话沟通',
            'next_contact_at': when})
        return customer

    # ------------------------------------------------------------------ settings
    def test_the_administrator_switches_kinds(self):
        kinds = self.Kind.sudo(self.admin_crm).search([])
        self.assertTrue({'assignment', 'follow_up_due'} <= set(kinds.mapped('code')))
        self.assertTrue(all(kinds.filtered(lambda k: k.code != 'todo_digest').mapped('mail_enabled')),
                        'every notice is sent by default (the daily digest is asked for)')
        names = dict((k.code, k.name) for k in kinds.with_context(lang='zh_CN'))
        self.assertEqual(names['follow_up_due'], '跟进提醒')
        kind = kinds.filtered(lambda k: k.code == 'follow_up_due')
        kind.write({'mail_enabled': False})
        self.assertFalse(self.Kind._crm_mail_on('follow_up_due'))
        with self.assertRaises(UserError):
            with self.env.cr.savepoint():
                kind.write({'code': 'other'})
        for user in (self.lina, self.sunqiang, self.executive):
            with self.assertRaises(AccessError):
                with self.env.cr.savepoint():
                    self.Kind.sudo(user).search([]).write({'mail_enabled': True})

    # ------------------------------------------------------------------ follow-up reminders
    def test_a_due_follow_up_reminds_its_owner_once(self):
        customer = self.due_customer('提醒测试甲有限公司')
        subject = '跟进提醒：%s' % customer.display_name
        self.cron()
        mail = self.new_mails(self.lina, subject)
        self.assertEqual(len(mail), 1, 'one reminder to the owner')
        self.assertIn('李娜，你好：', mail.body_html)
        self.assertIn('下次联系时间：2026-06-10 14:00', mail.body_html, 'in the owner\'s time zone')
        self.assertIn('/mail/view?model=res.partner&amp;res_id=%s' % customer.id, mail.body_html)
        self.assertNotIn('Odoo', mail.body_html)
        self.assertEqual(mail.recipient_ids, self.lina.partner_id)
        self.cron()
        self.assertEqual(len(self.new_mails(self.lina, subject)), 1, 'never twice')
        # the next contact is set for tomorrow: not due yet, then due the next day
        self.FollowUp.sudo(self.lina).create({
            'partner_id': customer.id, 'follow_up_type': 'visit', 'content': '拜访',
            'date': '2026-06-10 05:00:00', 'next_contact_at': '2026-06-11 02:00:00'})
        self.cron()
        self.assertEqual(len(self.new_mails(self.lina, subject)), 1)
        self.env['crm.clock'].set_now('2026-06-11 01:00:00')
        self.cron()
        self.cron()
        self.assertEqual(len(self.new_mails(self.lina, subject)), 2, 'once per due time')

    def test_an_owner_who_left_is_replaced_by_the_team_leader(self):
        customer = self.due_customer('提醒测试离职有限公司')
        subject = '跟进提醒：%s' % customer.display_name
        # archived outside the CRM (crm_member's offboarding would hand her customers on)
        self.env.cr.execute('UPDATE res_users SET active = false WHERE id = %s', (self.lina.id,))
        self.lina.invalidate_cache()
        self.cron()
        self.assertFalse(self.new_mails(self.lina, subject), 'never to an archived user')
        mail = self.new_mails(self.zhangwei, subject)
        self.assertEqual(len(mail), 1, 'to the leader of the customer\'s team')
        self.assertIn('张伟，你好：', mail.body_html)
        run = self.env['crm.cron.run'].sudo().search(
            [('key', '=', 'crm_sales.ir_cron_crm_follow_up_reminders')], order='id desc', limit=1)
        self.assertGreaterEqual(run.done_count, 1, 'the run is recorded for administrators')

    def test_due_leads_are_reminded_not_invalid_ones(self):
        Lead = self.Lead.sudo(self.lina)
        leads = Lead.create({'name': '提醒测试线索甲', 'type': 'lead'}) | \
            Lead.create({'name': '提醒测试线索乙', 'type': 'lead'})
        for lead in leads:
            self.FollowUp.sudo(self.lina).create({
                'lead_id': lead.id, 'follow_up_type': 'call', 'content': '电话',
                'next_contact_at': '2026-06-10 08:00:00'})
        leads[1].sudo(self.lina).action_mark_invalid('重复线索')
        self.cron()
        self.assertEqual(len(self.new_mails(self.lina, '跟进提醒：提醒测试线索甲')), 1)
        self.assertFalse(self.new_mails(self.lina, '跟进提醒：提醒测试线索乙'))

    def test_no_reminder_when_switched_off_or_not_due(self):
        later = self.due_customer('提醒测试乙有限公司', when='2026-06-12 02:00:00')
        self.cron()
        self.assertFalse(self.new_mails(self.lina, '跟进提醒：%s' % later.display_name))
        due = self.due_customer('提醒测试丙有限公司')
        self.switch('follow_up_due', False)
        self.cron()
        self.assertFalse(self.new_mails(self.lina, '跟进提醒：%s' % due.display_name))
        self.switch('follow_up_due', True)
        self.cron()
        self.assertEqual(len(self.new_mails(self.lina, '跟进提醒：%s' % due.display_name)), 1,
                         'switched on again: sent then')

    def test_one_failing_reminder_does_not_stop_the_others(self):
        bad = self.due_customer('提醒测试丁有限公司')
        good = self.due_customer('提醒测试戊有限公司', user=self.wangfang)
        Partner = type(self.env['res.partner'])
        original = Partner._crm_follow_up_notice_values

        def failing(record, partners):
            if record.id == bad.id:
                raise ValueError('broken record')
            return original(record, partners)
        with patch.object(Partner, '_crm_follow_up_notice_values', failing):
            self.cron()
        self.assertEqual(len(self.new_mails(self.wangfang, '跟进提醒：%s' % good.display_name)), 1)
        self.assertFalse(self.new_mails(self.lina, '跟进提醒：%s' % bad.display_name))
        self.cron()
        self.assertEqual(len(self.new_mails(self.lina, '跟进提醒：%s' % bad.display_name)), 1,
                         'the failed one goes out on the next run')
        self.assertEqual(len(self.new_mails(self.wangfang, '跟进提醒：%s' % good.display_name)), 1)

    # ------------------------------------------------------------------ assignment
    def test_assignment_mail_in_the_assignees_language_and_once(self):
        lead = self.Lead.sudo(self.lina).create({'name': '分派测试线索', 'type': 'lead'})
        subject = '线索/商机 %s已分派给你' % lead.display_name
        # the caller's language is English (as an XML-RPC call of an English client)
        lead.sudo(self.zhangwei).with_context(lang='en_US').action_assign(user_id=self.wangfang.id)
        mail = self.new_mails(self.wangfang)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, subject)
        self.assertIn('王芳，你好：', mail.body_html)
        self.assertNotIn('You have been', mail.body_html)
        self.assertNotIn('Odoo', mail.body_html)
        lead.sudo(self.zhangwei).action_assign(user_id=self.wangfang.id)
        self.assertEqual(len(self.new_mails(self.wangfang)), 1, 'no second mail to the same user')
        self.switch('assignment', False)
        lead.sudo(self.zhangwei).action_assign(user_id=self.lina.id)
        self.assertFalse(self.new_mails(self.lina), 'assignment e-mails switched off')
