# -*- coding: utf-8 -*-
"""Issue #29 item 8: the e-mails of the CRM read Chinese and carry no Odoo branding
("你被指派到 service ticket … 官方技术支持 Odoo", "Sent by … using Odoo"), also when the
action comes over XML-RPC (no language in the context)."""
from .common import ServiceCase

ODOO_WORDS = ('Odoo', 'odoo.com', 'Powered', '官方技术支持', 'service ticket', 'You have been', 'Dear')


class TestMailChinese(ServiceCase):

    @classmethod
    def setUpClass(cls):
        super(TestMailChinese, cls).setUpClass()
        cls.agent2.notification_type = 'email'
        cls.Mail = cls.env['mail.mail'].sudo()

    def mails_to(self, partner):
        return self.Mail.search([('recipient_ids', 'in', partner.ids)], order='id desc')

    def assertChineseWithoutOdoo(self, text):
        for word in ODOO_WORDS:
            self.assertNotIn(word, text)

    def test_assignment_mail_in_the_assignees_language(self):
        ticket = self.make_ticket(name='看板白屏')
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        before = self.mails_to(self.agent2.partner_id)
        # as over XML-RPC: no language in the context
        ticket.sudo(self.manager).with_context(lang=None).action_reassign(self.agent2.id)
        mail = self.mails_to(self.agent2.partner_id) - before
        self.assertEqual(len(mail), 1, 'one e-mail to the new handler')
        self.assertEqual(mail.subject, '服务工单 %s《看板白屏》已分派给你' % ticket.number)
        self.assertIn('客服乙，你好：', mail.body_html)
        self.assertIn('服务工单 %s《看板白屏》已分派给你。' % ticket.number, mail.body_html)
        self.assertIn('分派人：服务经理甲', mail.body_html)
        self.assertIn('/mail/view?model=crm.service.ticket&amp;res_id=%s' % ticket.id, mail.body_html)
        self.assertChineseWithoutOdoo(mail.subject + mail.body_html)
        self.assertEqual(mail.author_id, self.manager.partner_id)
        self.assertNotIn('已分派给你', ' '.join(ticket.message_ids.mapped('body')),
                         'the e-mail stays out of the chatter')

    def test_notification_mail_layout_without_odoo(self):
        ticket = self.make_ticket(name='打印机卡纸')
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        before = self.mails_to(self.contact)
        ticket.sudo(self.agent1).with_context(lang=None, mail_notify_force_send=False).message_post(
            body='您好，工程师明天上午到现场。', message_type='comment', subtype='mail.mt_comment',
            partner_ids=self.contact.ids)
        mail = self.mails_to(self.contact) - before
        self.assertEqual(len(mail), 1)
        self.assertIn('工程师明天上午到现场', mail.body_html)
        self.assertIn(self.env.user.company_id.name, mail.body_html)
        self.assertChineseWithoutOdoo(mail.body_html)
