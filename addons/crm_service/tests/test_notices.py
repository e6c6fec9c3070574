# -*- coding: utf-8 -*-
"""Issue #28 items 2 and 4 for service: a ticket opened by e-mail is acknowledged to the
customer with its number, in the customer's language (the gateway runs without one);
assigning a ticket to the agent who already handles it sends no second e-mail."""
from .common import ServiceCase
from .test_mail_gateway import rfc822


class TestServiceNotices(ServiceCase):

    @classmethod
    def setUpClass(cls):
        super(TestServiceNotices, cls).setUpClass()
        cls.Mail = cls.env['mail.mail'].sudo()
        cls.agent1.notification_type = 'email'

    def setUp(self):
        super(TestServiceNotices, self).setUp()
        self.last = self.Mail.search([], order='id desc', limit=1).id or 0

    def new_mails(self, partner):
        return self.Mail.search([('id', '>', self.last), ('recipient_ids', 'in', partner.ids)])

    def process(self, message):
        # the mail gateway (fetchmail's cron): superuser, no language of its own
        return self.env['mail.thread'].with_context(lang='en_US').message_process(
            'crm.service.ticket', message.encode('utf-8'))

    def test_mail_opened_ticket_is_acknowledged_once_with_its_number(self):
        ticket = self.Ticket.browse(self.process(rfc822(
            'qian@customer-a.example.cn', '扫码枪无法连接 MES', '三把扫码枪都连不上系统。',
            'ack-1@customer-a.example.cn')))
        mail = self.new_mails(self.contact)
        self.assertEqual(len(mail), 1, 'one acknowledgement to the customer')
        self.assertEqual(mail.subject, '【%s】已收到您的服务请求：扫码枪无法连接 MES' % ticket.number)
        self.assertIn('钱经理', mail.body_html)
        self.assertIn('工单号为 %s' % ticket.number, mail.body_html)
        self.assertNotIn('We have received', mail.body_html)
        self.assertNotIn('Odoo', mail.body_html)
        self.assertEqual(mail.recipient_ids, self.contact)
        # a reply threads into the ticket: no second acknowledgement
        self.last = mail.id
        self.process(rfc822('qian@customer-a.example.cn', 'Re: 扫码枪无法连接 MES', '补充说明。',
                            'ack-2@customer-a.example.cn',
                            extra='In-Reply-To: <ack-1@customer-a.example.cn>\n'))
        self.assertFalse(self.new_mails(self.contact).filtered(lambda m: '已收到' in (m.subject or '')))

    def test_acknowledgement_switched_off(self):
        self.env['crm.notify.kind'].search([('code', '=', 'ticket_received')]).write(
            {'mail_enabled': False})
        ticket_id = self.process(rfc822('qian@customer-a.example.cn', '打印机卡纸', '卡纸。',
                                        'ack-3@customer-a.example.cn'))
        self.assertTrue(ticket_id)
        self.assertFalse(self.new_mails(self.contact))

    def test_assigning_the_same_agent_again_sends_no_second_mail(self):
        ticket = self.make_ticket(name='看板白屏')
        ticket.sudo(self.manager).with_context(lang=None).action_assign(user_id=self.agent1.id)
        mails = self.new_mails(self.agent1.partner_id)
        self.assertEqual(mails.mapped('subject'), ['服务工单 %s《看板白屏》已分派给你' % ticket.number])
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        self.assertEqual(len(self.new_mails(self.agent1.partner_id)), 1)
