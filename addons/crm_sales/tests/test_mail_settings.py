# -*- coding: utf-8 -*-
"""Issue #28 items 1 and 3: who a mail is from, where replies go, where its links lead;
the mail settings of the CRM administrator (CRM > 配置 > 邮件设置) with a test mail."""
import smtplib

from odoo.addons.base.ir.ir_mail_server import MailDeliveryException
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import email_split

from .sales_common import SalesCase

COMPANY = '上海云帆智能科技有限公司'


class TestMailSender(SalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestMailSender, cls).setUpClass()
        set_param = cls.env['ir.config_parameter'].sudo().set_param
        set_param('mail.catchall.domain', 'yunfan-tech.cn')
        set_param('mail.catchall.alias', 'catchall')
        set_param('crm_sales.mail_sender', 'notifications')
        set_param('web.base.url', 'https://crm.yunfan-tech.cn')
        cls.customer = cls.make_customer('发件测试客户')
        cls.Mail = cls.env['mail.mail'].sudo()

    def mails_to(self, partner):
        return self.Mail.search([('recipient_ids', 'in', partner.ids)], order='id desc')

    def test_system_notice_comes_from_the_company_not_the_administrator(self):
        self.customer.message_subscribe(partner_ids=self.lina.partner_id.ids)
        before = self.mails_to(self.lina.partner_id)
        # what a cron or an action under sudo() posts: the superuser is the author
        message = self.customer.sudo().with_context(mail_notify_force_send=False).message_post(
            body='合同即将到期', message_type='comment', subtype='mail.mt_comment')
        self.assertEqual(message.email_from, '%s <notifications@yunfan-tech.cn>' % COMPANY)
        self.assertEqual(email_split(message.reply_to), ['catchall@yunfan-tech.cn'])
        mail = self.mails_to(self.lina.partner_id) - before
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.email_from, '%s <notifications@yunfan-tech.cn>' % COMPANY)
        self.assertEqual(email_split(mail.reply_to), ['catchall@yunfan-tech.cn'])
        self.assertNotIn('admin@', mail.email_from + mail.reply_to)
        self.assertNotIn('系统管理员', mail.email_from)

    def test_colleague_mail_carries_their_name_not_their_mailbox(self):
        message = self.customer.sudo(self.lina).message_post(
            body='已电话沟通', message_type='comment', subtype='mail.mt_comment')
        self.assertEqual(message.email_from, '%s <notifications@yunfan-tech.cn>' % self.lina.name)
        self.assertNotIn(self.lina.email, message.email_from)
        self.assertEqual(email_split(message.reply_to), ['catchall@yunfan-tech.cn'])
        self.assertEqual(message.author_id, self.lina.partner_id, 'the chatter still names her')

    def test_assignment_mail_from_the_company_with_a_link_to_the_configured_address(self):
        lead = self.env['crm.lead'].sudo(self.zhangwei).create({'name': '官网咨询：发件测试'})
        before = self.mails_to(self.lina.partner_id)
        lead.sudo(self.zhangwei).write({'user_id': self.lina.id})
        mail = self.mails_to(self.lina.partner_id) - before
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.email_from, '%s <notifications@yunfan-tech.cn>' % self.zhangwei.name)
        self.assertIn('href="https://crm.yunfan-tech.cn/mail/view?model=crm.lead&amp;res_id=%d"' % lead.id,
                      mail.body_html)

    def test_a_customers_own_address_is_kept(self):
        contact = self.env['res.partner'].create({'name': '钱经理', 'email': 'qian@kehu.example.com',
                                                  'parent_id': self.customer.id})
        message = self.customer.sudo().message_post(
            body='请尽快安排', author_id=contact.id, email_from='钱经理 <qian@kehu.example.com>',
            message_type='email')
        self.assertEqual(message.email_from, '钱经理 <qian@kehu.example.com>')

    def test_without_a_sender_domain_the_company_address_is_used(self):
        self.env['ir.config_parameter'].sudo().set_param('mail.catchall.domain', False)
        company = self.env.user.company_id
        company.email = 'sales@yunfan-tech.cn'
        message = self.customer.sudo().message_post(body='测试', message_type='comment',
                                                    subtype='mail.mt_note')
        self.assertEqual(message.email_from, '%s <sales@yunfan-tech.cn>' % COMPANY)


class TestMailSettings(SalesCase):

    def settings(self, user, **values):
        return self.env['crm.mail.settings'].sudo(user).with_context(lang='zh_CN').create(values)

    def test_crm_administrator_sets_domain_catchall_and_base_url(self):
        settings = self.settings(self.admin_crm, mail_domain=' Yunfan-CRM.cn ', sender_alias='noreply',
                                 catchall_alias='reply', base_url='https://crm.yunfan-crm.cn/')
        settings.action_save()
        get = self.env['ir.config_parameter'].sudo().get_param
        self.assertEqual(get('mail.catchall.domain'), 'yunfan-crm.cn')
        self.assertEqual(get('crm_sales.mail_sender'), 'noreply')
        self.assertEqual(get('mail.catchall.alias'), 'reply')
        self.assertEqual(get('web.base.url'), 'https://crm.yunfan-crm.cn')
        self.assertTrue(get('web.base.url.freeze'), 'an administrator\'s login keeps it')
        again = self.settings(self.admin_crm)
        self.assertEqual(again.sender_preview, '%s <noreply@yunfan-crm.cn>' % COMPANY)
        self.assertEqual(again.reply_to_preview, 'reply@yunfan-crm.cn')
        self.assertEqual(again.base_url, 'https://crm.yunfan-crm.cn')

    def test_bad_values_are_refused_in_chinese(self):
        for values, word in (({'mail_domain': 'not a domain'}, '邮件域名'),
                             ({'sender_alias': 'a b'}, '发件地址'),
                             ({'base_url': 'crm.yunfan-tech.cn'}, 'CRM 的访问地址')):
            data = dict({'mail_domain': 'yunfan-tech.cn', 'base_url': 'https://crm.yunfan-tech.cn'}, **values)
            with self.assertRaises(ValidationError) as error:
                self.settings(self.admin_crm, **data).action_save()
            self.assertIn(word, error.exception.name)

    def test_only_the_crm_administrator(self):
        for user in (self.lina, self.sunqiang):
            with self.assertRaises(AccessError):
                self.settings(user, mail_domain='evil.example.com', base_url='https://evil.example.com')
        self.assertNotEqual(self.env['ir.config_parameter'].sudo().get_param('web.base.url'),
                            'https://evil.example.com')

    def test_test_mail_reports_success_and_checks_the_address(self):
        settings = self.settings(self.admin_crm, test_address='zhoutao@yunfan-tech.cn')
        self.assertTrue(settings.with_context(crm_notify=False).action_send_test())
        result = settings.with_context(crm_notify=True).action_send_test()
        self.assertIn('测试邮件已发送到 zhoutao@yunfan-tech.cn', result['params']['message'])
        settings.test_address = 'not an address'
        with self.assertRaises(UserError) as error:
            settings.action_send_test()
        self.assertIn('请填写', error.exception.name)

    def test_failure_reasons_in_chinese_without_traceback(self):
        Settings = self.env['crm.mail.settings'].sudo(self.admin_crm).with_context(lang='zh_CN')

        def delivery_error(cause):
            try:
                try:
                    raise cause
                except Exception as e:
                    raise MailDeliveryException('Mail Delivery Failed', str(e))
            except MailDeliveryException as wrapped:
                return wrapped
        refused = Settings._crm_failure_reason(delivery_error(ConnectionRefusedError(111, 'Connection refused')))
        self.assertIn('连接被拒绝', refused)
        self.assertNotIn('Traceback', refused)
        auth = Settings._crm_failure_reason(delivery_error(smtplib.SMTPAuthenticationError(535, b'bad')))
        self.assertIn('用户名或密码', auth)
        data = Settings._crm_failure_reason(delivery_error(smtplib.SMTPDataError(550, b'mailbox unavailable')))
        self.assertIn('550', data)

    def test_server_state_says_when_none_is_configured(self):
        self.env['ir.mail_server'].sudo().search([]).unlink()
        text, configured = self.env['crm.mail.settings']._crm_smtp_state()
        self.env['ir.mail_server'].sudo().create({'name': '公司邮箱', 'smtp_host': 'smtp.yunfan-tech.cn',
                                                  'smtp_port': 465})
        text2, configured2 = self.env['crm.mail.settings'].with_context(lang='zh_CN')._crm_smtp_state()
        self.assertTrue(configured2)
        self.assertIn('smtp.yunfan-tech.cn:465', text2)
        self.assertIn('公司邮箱', text2)
        self.assertNotEqual(text, text2)

    def test_odoo_default_localhost_server_does_not_hide_the_configuration(self):
        default = self.env.ref('base.ir_mail_server_localhost0').sudo()
        default.write({'active': True, 'smtp_host': 'localhost', 'smtp_port': 25, 'smtp_user': False})
        self.env['crm.mail.settings']._crm_retire_default_mail_server()
        self.assertFalse(default.active, 'smtp_server of the configuration is used again')
        self.assertFalse(self.env['crm.mail.settings']._crm_smtp_state()[0].startswith('localhost:25 ('))
        default.write({'active': True, 'smtp_host': 'smtp.yunfan-tech.cn'})
        self.env['crm.mail.settings']._crm_retire_default_mail_server()
        self.assertTrue(default.active, 'a server the administrator set up stays')
