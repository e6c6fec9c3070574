# -*- coding: utf-8 -*-
from odoo import fields

from .common import MailQueueCase


def dt(value):
    return fields.Datetime.from_string(value) if value else value


class TestMailRetry(MailQueueCase):

    def test_backoff_then_sent_once_the_server_works(self):
        mail = self.failed_mail()
        self.assertIn('Connection refused', mail.failure_reason)
        self.cron()
        row = self.row(mail)
        self.assertEqual((row.state, row.retry_count, dt(row.next_retry_at)),
                         ('retrying', 0, self.at(minutes=5)))
        self.assertEqual((row.subject, row.recipients, row.record_name, row.model_label),
                         ('合同已审批通过', 'qian@customer.example.cn', self.customer.name, '联系人'))
        self.assertIn('Connection refused', row.reason)
        # before its time nothing is retried
        self.at(minutes=4)
        self.cron()
        self.assertEqual(row.retry_count, 0)
        # 5 min, then 15 min, 1 h, 4 h, 4 h after each failed retry
        expected = [(5, 20), (20, 80), (80, 320), (320, 560)]
        for due, following in expected:
            self.at(minutes=due)
            counts = self.cron()
            self.assertEqual((counts['retried'], counts['sent']), (1, 0))
            self.assertEqual((mail.state, row.state, dt(row.next_retry_at)),
                             ('exception', 'retrying', self.at(minutes=following)))
        self.assertEqual(row.retry_count, 4)
        self.assertEqual(dt(row.last_tried_at), self.at(minutes=320))
        # the server works again: the next retry sends it, and the row goes away
        self.at(minutes=560)
        counts = self.cron(smtp_down=False)
        self.assertEqual((counts['retried'], counts['sent']), (1, 1))
        self.assertEqual((mail.state, mail.failure_reason), ('sent', False))
        self.assertFalse(row.exists())
        self.assertEqual(self.cron(smtp_down=False)['retried'], 0, 'sent once, not twice')

    def test_auto_deleted_mail_sent_on_retry_leaves_nothing(self):
        mail = self.failed_mail(auto_delete=True)
        self.cron()
        self.at(minutes=5)
        self.assertEqual(self.cron(smtp_down=False)['sent'], 1)
        self.assertFalse(mail.exists())
        self.assertFalse(self.Failure.sudo().search([]))

    def test_given_up_after_the_configured_time_and_listed_for_the_administrator(self):
        settings = self.env['crm.mail.retry.settings'].sudo(self.zhoutao).create({'retry_hours': 6})
        settings.action_save()
        self.assertEqual(self.Failure._crm_retry_hours(), 6)
        mail = self.failed_mail(subject='服务工单已处理')
        other = self.failed_mail(subject='合同待审批')
        self.cron()
        row = self.row(mail)
        retries = []
        for minutes in range(0, 12 * 60, 5):        # the cron every 5 minutes for 12 hours
            self.at(minutes=minutes)
            self.cron()
            retries.append(row.retry_count)
        # retried at 5 min, 20 min, 80 min, 320 min; the next one would be past 6 h: the
        # last step is the deadline, when it gives up
        self.assertEqual(row.retry_count, 4)
        self.assertEqual(retries.index(4), 320 // 5)
        self.assertEqual((row.state, dt(row.gave_up_at), row.next_retry_at),
                         ('failed', self.at(hours=6), False))
        self.assertEqual(mail.state, 'exception', 'the e-mail stays, nothing is dropped')
        # days later it is still there, not retried again
        self.at(days=3)
        self.cron()
        self.assertEqual((row.state, row.retry_count), ('failed', 4))

        # the CRM administrator's list: reason, recipient, record, retries
        listed = self.Failure.sudo(self.zhoutao).search_read(
            [('state', '=', 'failed')], ['subject', 'recipients', 'record_name', 'model_label',
                                         'reason', 'retry_count'])
        self.assertEqual(sorted(r['subject'] for r in listed), ['合同待审批', '服务工单已处理'])
        first = [r for r in listed if r['subject'] == '服务工单已处理'][0]
        self.assertEqual((first['recipients'], first['record_name'], first['retry_count']),
                         ('qian@customer.example.cn', self.customer.name, 4))
        self.assertIn('Connection refused', first['reason'])
        # ... and the count on his to-do (and the menu's number)
        todo = self.env['crm.todo'].sudo(self.zhoutao)
        self.assertEqual(todo.get_counts()['mail_failed_count'], 2)
        self.assertGreaterEqual(todo.get_menu_count(), 2)
        self.assertEqual(self.env['crm.todo'].sudo(self.lina).get_counts()['mail_failed_count'], 0)

        # he retries one by hand once the server works: sent, gone from the list
        self.Failure.sudo(self.zhoutao).browse(row.id).action_retry()
        self.assertEqual(mail.state, 'sent')
        self.assertFalse(row.exists())
        self.assertEqual(self.env['crm.todo'].sudo(self.zhoutao).get_counts()['mail_failed_count'], 1)
        self.assertEqual(other.state, 'exception')

    def test_manual_retry_that_fails_again_starts_a_new_period(self):
        mail = self.failed_mail()
        self.cron()
        row = self.row(mail)
        row.write({'state': 'failed'})
        self.at(days=5)
        with self.smtp_down():
            self.Failure.sudo(self.zhoutao).browse(row.id).action_retry()
        self.assertEqual((row.state, row.retry_count, dt(row.failed_at), dt(row.next_retry_at)),
                         ('retrying', 1, self.at(days=5), self.at(days=5, minutes=15)))
        self.assertEqual(mail.state, 'exception')

    def test_mails_already_failed_at_install_are_retried_at_the_next_run(self):
        mail = self.failed_mail()
        self.Failure._crm_sync_failures(retry_now=True)     # what the install hook does
        counts = self.cron(smtp_down=False)
        self.assertEqual(counts['sent'], 1)
        self.assertEqual(mail.state, 'sent')

    def test_one_broken_mail_does_not_stop_the_others(self):
        broken = self.failed_mail(subject='坏邮件')
        good = self.failed_mail(subject='好邮件')
        self.cron()
        self.at(minutes=5)
        Row = type(self.Failure)
        original = Row._crm_retry_one

        def retry_one(rows, now):
            if rows.mail_id == broken:
                raise RuntimeError('broken e-mail')
            return original(rows, now)
        from unittest.mock import patch
        from odoo.tools import mute_logger
        with patch.object(Row, '_crm_retry_one', retry_one), \
                mute_logger('odoo.addons.crm_mail_queue.models.crm_mail_failure_retry'):
            counts = self.cron(smtp_down=False)
        self.assertEqual((counts['sent'], counts['errors']), (1, 1))
        self.assertEqual((good.state, broken.state), ('sent', 'exception'))
        self.assertEqual(self.row(broken).state, 'retrying', 'retried at a later run')

    def test_a_new_mail_server_retries_every_failed_mail_at_the_next_run(self):
        mail = self.failed_mail()
        self.cron()
        row = self.row(mail)
        row.write({'state': 'failed'})
        self.at(days=4)
        self.env['ir.mail_server'].create({'name': '公司邮件服务器', 'smtp_host': 'smtp.yunfan.example.cn',
                                           'smtp_port': 25})
        self.assertEqual((row.state, dt(row.next_retry_at)), ('retrying', self.at(days=4)))
        self.assertEqual(self.cron(smtp_down=False)['sent'], 1)
        self.assertEqual(mail.state, 'sent')

    def test_a_test_mail_that_goes_out_retries_every_failed_mail_at_the_next_run(self):
        mail = self.failed_mail()
        self.cron()
        row = self.row(mail)
        row.write({'state': 'failed'})
        self.at(days=4)
        admin = self.env.ref('crm_sales.user_crm_admin')
        settings = self.env['crm.mail.settings'].sudo(admin).create({'test_address': 'it@yunfan.example.cn'})
        settings.action_send_test()
        self.assertEqual((row.state, dt(row.next_retry_at)), ('retrying', self.at(days=4)))
        self.assertEqual(self.cron(smtp_down=False)['sent'], 1)
        self.assertEqual(mail.state, 'sent')

    def test_recipients_read_as_written(self):
        """Names stay Chinese (not RFC 2047 "=?utf-8?b?…?=" as in the e-mail's headers)."""
        mail = self.failed_mail(email_to='=?utf-8?b?6ZKx57uP55CG?= <qian@customer.example.cn>',
                                recipient_ids=[(6, 0, self.lina.partner_id.ids)])
        self.cron()
        self.assertEqual(self.row(mail).recipients, '钱经理 <qian@customer.example.cn>, %s <%s>'
                         % (self.lina.partner_id.name, self.lina.partner_id.email))
