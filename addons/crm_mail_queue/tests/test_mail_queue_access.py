# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import MailQueueCase


class TestMailQueueAccess(MailQueueCase):

    def test_only_the_crm_administrator_sees_and_retries_failed_mails(self):
        mail = self.failed_mail()
        self.cron()
        row = self.row(mail)
        for user in (self.lina, self.sunqiang, self.wugang):
            with self.assertRaises(AccessError):
                self.Failure.sudo(user).search([])
            with self.assertRaises(AccessError) as cm:
                self.Failure.sudo(user).browse(row.id).action_retry()
            self.assertIn('只有CRM管理员', cm.exception.name)
        self.assertEqual(row.retry_count, 0)
        with self.assertRaises(UserError) as cm:
            self.Failure.sudo(self.zhoutao).browse().action_retry()
        self.assertIn('请选择', cm.exception.name)

    def test_retry_settings_are_the_administrators_and_bounded(self):
        with self.assertRaises(AccessError):
            self.env['crm.mail.retry.settings'].sudo(self.lina).create({'retry_hours': 10})
        Settings = self.env['crm.mail.retry.settings'].sudo(self.zhoutao)
        self.assertEqual(Settings.create({}).retry_hours, 48)
        for bad in (0, -5, 10000):
            with self.assertRaises(ValidationError) as cm:
                Settings.create({'retry_hours': bad})
            self.assertIn('小时', cm.exception.name)
        self.assertEqual(self.Failure._crm_retry_hours(), 48)

    def test_queue_answers_a_value_and_refuses_non_administrators(self):
        mail = self.make_mail()
        self.assertIs(self.env['mail.mail'].sudo(self.zhoutao).process_email_queue(), True)
        self.assertEqual(mail.state, 'sent')
        with self.assertRaises(AccessError):
            self.env['mail.mail'].sudo(self.lina).process_email_queue()
        for bad in ('abc', -1, [], {'a': 1}, ['x'], [0]):
            with self.assertRaises(UserError):
                self.env['mail.mail'].sudo(self.zhoutao).process_email_queue(bad)
        other = self.make_mail()
        self.assertIs(other.send(), True)
        with self.assertRaises(UserError):
            other.send(auto_commit='abc')
