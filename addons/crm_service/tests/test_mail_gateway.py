# -*- coding: utf-8 -*-
from email.header import Header

from odoo.exceptions import UserError

from .common import ServiceCase

MAIL = """Return-Path: <{sender}>
To: {to}
From: =?utf-8?b?{name}?= <{sender}>
Subject: {subject}
Message-ID: <{msgid}>
{extra}MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit
Date: Fri, 12 Jun 2026 16:05:00 +0800

{body}
"""


def rfc822(sender, subject, body, msgid, to='svc-test-support@example.com', extra=''):
    import base64
    return MAIL.format(sender=sender, to=to, name=base64.b64encode('钱经理'.encode()).decode(),
                       subject=Header(subject, 'utf-8').encode(), msgid=msgid, extra=extra, body=body)


class TestMailGateway(ServiceCase):

    def process(self, message):
        return self.env['mail.thread'].with_context(lang='zh_CN').message_process(
            'crm.service.ticket', message.encode('utf-8'))

    def test_mail_to_the_alias_opens_a_ticket_and_replies_thread_into_it(self):
        self.team.write({'assign_method': 'round_robin'})
        ticket_id = self.process(rfc822('qian@customer-a.example.cn', '扫码枪无法连接 MES',
                                        '从今天早上开始，仓库的三把扫码枪都连不上系统。',
                                        'first-1@customer-a.example.cn'))
        ticket = self.Ticket.browse(ticket_id)
        self.assertEqual((ticket.name, ticket.partner_id, ticket.contact_id, ticket.team_id, ticket.channel),
                         ('扫码枪无法连接 MES', self.customer, self.contact, self.team, 'email'))
        self.assertIn('三把扫码枪', ticket.description)
        self.assertTrue(ticket.number.startswith('FW'))
        self.assertEqual((ticket.state, ticket.user_id), ('assigned', self.agent1))
        self.assertIn(self.contact, ticket.message_partner_ids)

        count = self.Ticket.search_count([])
        reply_id = self.process(rfc822('qian@customer-a.example.cn', 'Re: 扫码枪无法连接 MES',
                                       '补充：重启扫码枪后仍然无法连接。', 'reply-1@customer-a.example.cn',
                                       extra='In-Reply-To: <first-1@customer-a.example.cn>\n'
                                             'References: <first-1@customer-a.example.cn>\n'))
        self.assertEqual(reply_id, ticket.id)
        self.assertEqual(self.Ticket.search_count([]), count, 'a reply creates no ticket')
        self.assertIn('重启扫码枪后仍然无法连接', ' '.join(ticket.message_ids.mapped('body')))

    def test_reply_to_a_processed_ticket_puts_it_back_in_progress(self):
        ticket = self.processed_ticket()
        first = ticket.message_ids.filtered(lambda m: m.message_id)[:1]
        self.process(rfc822('qian@customer-a.example.cn', 'Re: %s' % ticket.name, '问题还在。',
                            'reply-2@customer-a.example.cn',
                            extra='In-Reply-To: %s\n' % first.message_id))
        self.assertEqual((ticket.state, ticket.processed_at), ('in_progress', False))

    def test_unknown_sender_is_refused(self):
        count = self.Ticket.search_count([])
        with self.refused(UserError, '发件人不是任何客户的联系人'):
            self.process(rfc822('stranger@spam.example.com', '合作推广', '您好，我们提供推广服务。',
                                'spam-1@spam.example.com'))
        self.assertEqual(self.Ticket.search_count([]), count)
        # nor may a stranger post into an existing ticket by replying to it
        ticket = self.make_ticket()
        first = ticket.message_ids.filtered(lambda m: m.message_id)[:1]
        Message = self.env['mail.message']
        before = Message.search_count([('model', '=', ticket._name), ('res_id', '=', ticket.id)])
        with self.refused(UserError, '发件人不是任何客户的联系人'):
            self.process(rfc822('stranger@spam.example.com', 'Re: %s' % ticket.name, '点击领取奖品',
                                'spam-2@spam.example.com', extra='In-Reply-To: %s\n' % first.message_id))
        self.assertEqual(Message.search_count([('model', '=', ticket._name), ('res_id', '=', ticket.id)]), before)
