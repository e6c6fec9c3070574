# -*- coding: utf-8 -*-
import datetime
from contextlib import contextmanager
from unittest.mock import patch

from odoo import fields
from odoo.tests.common import SavepointCase
from odoo.tools import mute_logger


class MailQueueCase(SavepointCase):
    """A frozen CRM clock (2026-06-10 12:00 Beijing time), the demo users, a customer and
    e-mails about it; ``smtp_down()`` makes every send fail as a stopped mail server does
    ("Connection refused"). Messages are asserted in zh_CN."""

    NOW = '2026-06-10 04:00:00'

    @classmethod
    def setUpClass(cls):
        super(MailQueueCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang='zh_CN', tz='Asia/Shanghai'))
        cls.env['crm.clock'].set_now(cls.NOW)
        ref = cls.env.ref
        cls.zhoutao = ref('crm_sales.user_crm_admin')
        cls.lina = ref('crm_sales.user_sales_east_1')
        cls.sunqiang = ref('crm_sales.user_sales_manager')
        cls.wugang = ref('crm_sales.user_executive')
        cls.customer = cls.env['res.partner'].sudo(cls.lina).create({
            'name': '邮件重试测试客户有限公司', 'is_company': True, 'customer': True,
            'user_id': cls.lina.id, 'team_id': ref('crm_sales.team_east').id})
        cls.Failure = cls.env['crm.mail.failure']
        cls.Mail = cls.env['mail.mail'].sudo()
        # e-mails failed before the tests (the demo database's) are not the tests' business
        cls.env['mail.mail'].sudo().search([('state', 'in', ('exception', 'outgoing'))]).write(
            {'state': 'cancel'})
        cls.Failure.sudo().search([]).unlink()

    def at(self, minutes=0, hours=0, days=0):
        """Move the clock to NOW + the delay; returns the moment (datetime)."""
        moment = fields.Datetime.from_string(self.NOW) + datetime.timedelta(
            minutes=minutes, hours=hours, days=days)
        self.env['crm.clock'].set_now(fields.Datetime.to_string(moment))
        return moment

    @contextmanager
    def smtp_down(self):
        Server = type(self.env['ir.mail_server'])
        with patch.object(Server, 'send_email', autospec=True,
                          side_effect=ConnectionRefusedError(111, 'Connection refused')), \
                mute_logger('odoo.addons.mail.models.mail_mail', 'odoo.addons.crm_mail_queue.models.crm_mail_failure_retry'):
            yield

    def make_mail(self, subject='合同已审批通过', auto_delete=False, **kw):
        vals = dict(subject=subject, body_html='<p>您好</p>', email_to='qian@customer.example.cn',
                    email_from='销售部 <sales@yunfan.example.cn>', model='res.partner',
                    res_id=self.customer.id, record_name=self.customer.name, auto_delete=auto_delete)
        vals.update(kw)
        return self.Mail.create(vals)

    def failed_mail(self, **kw):
        """An e-mail that failed once (as the queue leaves it when the server is down)."""
        mail = self.make_mail(**kw)
        with self.smtp_down():
            mail.send()
        self.assertEqual(mail.state, 'exception')
        return mail

    def cron(self, smtp_down=True):
        if smtp_down:
            with self.smtp_down():
                return self.Failure._cron_retry_failed_mails()
        return self.Failure._cron_retry_failed_mails()

    def row(self, mail):
        return self.Failure.sudo().search([('mail_id', '=', mail.id)])
