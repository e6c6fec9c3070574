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


class TestMailGatewayWhoMayReply(ServiceCase):
    """Only the ticket's customer (its contacts), its followers and staff thread into a
    ticket; a reply from someone else is held for staff, never sent to the customer."""

    def process(self, message, **kw):
        return self.env['mail.thread'].with_context(lang='zh_CN').message_process(
            'crm.service.ticket', message.encode('utf-8'), **kw)

    def ticket_from_mail(self):
        self.team.write({'assign_method': 'round_robin'})
        ticket = self.Ticket.browse(self.process(rfc822(
            'qian@customer-a.example.cn', '扫码枪无法连接 MES', '仓库的扫码枪都连不上系统。',
            'held-first@customer-a.example.cn')))
        ticket.sudo(self.agent1).action_start()
        ticket.sudo(self.agent1).action_process('重新配置了扫码枪的网络。')
        self.assertEqual(ticket.state, 'processed')
        return ticket

    def messages(self, ticket):
        """The ticket's messages that came by e-mail (not its tracking notes; a held
        reply is kept as an internal comment)."""
        return self.env['mail.message'].search([('model', '=', ticket._name), ('res_id', '=', ticket.id),
                                                ('message_type', 'in', ('email', 'comment'))])

    def reply(self, sender, body, msgid, ref='held-first@customer-a.example.cn', **kw):
        return self.process(rfc822(sender, 'Re: 扫码枪无法连接 MES', body, msgid,
                                   extra='In-Reply-To: <%s>\nReferences: <%s>\n' % (ref, ref)), **kw)

    def test_contact_of_another_customer_is_held_for_staff(self):
        ticket = self.ticket_from_mail()
        count, before = self.Ticket.search_count([]), self.messages(ticket)
        mails_before = self.env['mail.mail'].sudo().search([])
        # 孙主管 of customer B got a forward of the ticket's mail and answers it
        self.assertEqual(self.reply('sun@customer-b.example.cn', '这个问题我们也遇到过，请联系我。',
                                    'held-reply@customer-b.example.cn'), ticket.id)
        self.assertEqual(self.Ticket.search_count([]), count, 'no new ticket')
        self.assertEqual((ticket.state, bool(ticket.processed_at)), ('processed', True), 'not reopened')
        held = self.messages(ticket) - before
        self.assertEqual(len(held), 1)
        self.assertEqual(held.subtype_id, self.env.ref('mail.mt_note'), 'a note: staff only')
        self.assertEqual(held.author_id, self.contact_b)
        self.assertIn('已暂扣', held.body)
        self.assertIn('sun@customer-b.example.cn', held.body)
        self.assertIn('请联系我', held.body)
        # nobody was sent anything: not the customer's contact, not staff
        new_mails = self.env['mail.mail'].sudo().search([]) - mails_before
        self.assertFalse(new_mails.filtered(lambda m: '请联系我' in (m.body_html or '')))
        self.assertFalse(held.notification_ids)
        self.assertNotIn(self.contact, held.partner_ids | held.needaction_partner_ids)
        # the portal (the customer's view) does not show it
        self.assertTrue(held.subtype_id.internal)
        # the handler is told
        activity = self.env['mail.activity'].search([('res_model', '=', ticket._name),
                                                     ('res_id', '=', ticket.id),
                                                     ('user_id', '=', self.agent1.id)])
        self.assertTrue(activity.filtered(lambda a: ticket.number in (a.summary or '')
                                          and '暂扣' in a.summary))

    def test_forced_thread_id_is_held_too(self):
        ticket = self.ticket_from_mail()
        before = self.messages(ticket)
        # (to an address that is no alias: the gateway then uses the thread it is given)
        self.process(rfc822('sun@customer-b.example.cn', '关于工单', '请把解决方案发给我。',
                            'held-forced@customer-b.example.cn', to='inbox@example.com'), thread_id=ticket.id)
        held = self.messages(ticket) - before
        self.assertEqual((held.subtype_id, ticket.state), (self.env.ref('mail.mt_note'), 'processed'))

    def test_customer_contacts_followers_and_staff_thread_in(self):
        ticket = self.ticket_from_mail()
        comment = self.env.ref('mail.mt_comment')
        # a colleague of the customer who is not on the ticket yet: one of its contacts
        colleague = self.env['res.partner'].create({'name': '李工', 'parent_id': self.customer.id,
                                                    'email': 'li@customer-a.example.cn'})
        before = self.messages(ticket)
        self.reply('li@customer-a.example.cn', '补充：二号仓库也一样。', 'ok-1@customer-a.example.cn')
        posted = self.messages(ticket) - before
        self.assertEqual((posted.subtype_id, posted.author_id, ticket.state),
                         (comment, colleague, 'in_progress'), 'the customer reopens it')
        # a follower from outside (e.g. the customer's integrator, added by staff)
        outsider = self.env['res.partner'].create({'name': '集成商王工', 'email': 'wang@integrator.example.cn'})
        ticket.message_subscribe(partner_ids=outsider.ids)
        before = self.messages(ticket)
        self.reply('wang@integrator.example.cn', '我们已检查交换机配置。', 'ok-2@integrator.example.cn')
        self.assertEqual((self.messages(ticket) - before).subtype_id, comment)
        # staff answering from their mailbox
        before = self.messages(ticket)
        self.reply('svc_a2@example.cn', '已安排工程师上门。', 'ok-3@example.cn')
        self.assertEqual((self.messages(ticket) - before).subtype_id, comment)

    def test_a_lookalike_address_is_not_the_customer(self):
        """``=ilike`` reads "_" as any character: q_an@ is not qian@."""
        ticket = self.ticket_from_mail()
        self.env['res.partner'].create({'name': '仿冒者', 'parent_id': self.customer_b.id,
                                        'email': 'q_an@customer-a.example.cn'})
        before = self.messages(ticket)
        self.reply('q_an@customer-a.example.cn', '请把报价发给我。', 'fake-1@customer-a.example.cn')
        self.assertEqual((self.messages(ticket) - before).subtype_id, self.env.ref('mail.mt_note'))
        self.assertEqual(ticket.state, 'processed')
