# -*- coding: utf-8 -*-
"""Issue #28: where the answers to a ticket's mails go (its team's alias, so that they
thread into the ticket and reach the team, not the catch-all), and a reply held for staff
that nobody else reads, not even the contacts its sender copied."""
import base64
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from odoo.exceptions import AccessError, UserError
from odoo.tools import decode_smtp_header

from .common import ServiceCase
from .test_mail_gateway import rfc822

DOMAIN = 'reply-test.example.cn'


class TestTicketReplyTo(ServiceCase):

    @classmethod
    def setUpClass(cls):
        super(TestTicketReplyTo, cls).setUpClass()
        ICP = cls.env['ir.config_parameter'].sudo()
        ICP.set_param('mail.catchall.domain', DOMAIN)
        ICP.set_param('mail.catchall.alias', 'catchall')
        cls.agent2.notification_type = 'email'
        cls.Mail = cls.env['mail.mail'].sudo()

    def mails_to(self, partner):
        return self.Mail.search([('recipient_ids', 'in', partner.ids)], order='id desc')

    def test_mails_of_a_ticket_reply_to_its_team_alias(self):
        ticket = self.make_ticket(name='看板白屏')
        alias = 'svc-test-support@%s' % DOMAIN
        self.assertIn(alias, ticket.message_get_reply_to([ticket.id])[ticket.id])
        # the assignment mail to the agent
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        before = self.mails_to(self.agent2.partner_id)
        ticket.sudo(self.manager).with_context(lang=None).action_reassign(self.agent2.id)
        mail = self.mails_to(self.agent2.partner_id) - before
        self.assertEqual(len(mail), 1)
        self.assertIn(alias, mail.reply_to)
        self.assertNotIn('catchall@', mail.reply_to)
        # a message to the customer's contact
        before = self.mails_to(self.contact)
        ticket.sudo(self.agent2).with_context(mail_notify_force_send=False).message_post(
            body='您好，工程师明天上午到现场。', message_type='comment', subtype='mail.mt_comment',
            partner_ids=self.contact.ids)
        mail = self.mails_to(self.contact) - before
        self.assertEqual(len(mail), 1)
        self.assertIn(alias, mail.reply_to)
        # named after the company and the team
        self.assertIn(self.team.name, decode_smtp_header(mail.reply_to))

    def test_a_team_without_alias_and_an_unreadable_ticket_keep_the_catchall(self):
        self.team_other.alias_name = False
        other = self.make_ticket(user=self.manager, team_id=self.team_other.id)
        self.assertIn('catchall@%s' % DOMAIN, self.Ticket.message_get_reply_to([other.id])[other.id])
        # a user who may not read the ticket learns nothing of it from this public method
        ticket = self.make_ticket()
        outsider = self.yanglei   # a salesperson of another team and customer
        with self.assertRaises(AccessError):
            ticket.sudo(outsider).check_access_rule('read')
        reply_to = self.Ticket.sudo(outsider).message_get_reply_to([ticket.id])[ticket.id]
        self.assertNotIn('svc-test-support', reply_to)
        self.assertIn('catchall@%s' % DOMAIN, reply_to)
        # bad input is refused in words, not with a traceback
        for bad in ('E2E 注入', [ticket.id, 'x'], {'id': ticket.id}):
            with self.refused(UserError, '工单编号列表'):
                self.Ticket.sudo(self.agent1).message_get_reply_to(bad)


class TestHeldReplyStaysWithStaff(ServiceCase):
    """A contact of another customer answers a ticket's mail and copies the ticket's
    contact and a contact of his own company, both with a portal account: the reply is
    held as a note that neither reads (by the ticket nor as a recipient), nor its
    attachment; staff read it."""

    def process(self, message):
        return self.env['mail.thread'].with_context(lang='zh_CN').message_process(
            'crm.service.ticket', message)

    def portal(self, partner, login):
        return self.env['res.users'].with_context(no_reset_password=True).create({
            'name': partner.name, 'login': login, 'password': login, 'partner_id': partner.id,
            'groups_id': [(6, 0, self.env.ref('base.group_portal').ids)]})

    def stranger_mail(self, ref):
        mail = MIMEMultipart()
        mail['From'] = 'sun@customer-b.example.cn'
        mail['To'] = 'svc-test-support@example.com'
        mail['Cc'] = 'qian@customer-a.example.cn, zhou@customer-b.example.cn'
        mail['Subject'] = 'Re: 扫码枪无法连接 MES'
        mail['Message-ID'] = '<held-cc@customer-b.example.cn>'
        mail['In-Reply-To'] = mail['References'] = '<%s>' % ref
        mail.attach(MIMEText('我们的报价单见附件，请联系我。', 'plain', 'utf-8'))
        part = MIMEApplication(b'price list', Name='quote.txt')
        part['Content-Disposition'] = 'attachment; filename="quote.txt"'
        mail.attach(part)
        return mail.as_bytes()

    def test_contacts_copied_by_a_stranger_cannot_read_the_held_note(self):
        self.team.write({'assign_method': 'round_robin'})
        ticket = self.Ticket.browse(self.process(rfc822(
            'qian@customer-a.example.cn', '扫码枪无法连接 MES', '仓库的扫码枪都连不上系统。',
            'held-cc-first@customer-a.example.cn').encode('utf-8')))
        # 钱经理 (the ticket's contact) and 周工 (a colleague of the stranger) use the portal
        zhou = self.env['res.partner'].create({'name': '周工', 'parent_id': self.customer_b.id,
                                               'email': 'zhou@customer-b.example.cn'})
        qian_user, zhou_user = self.portal(self.contact, 'held_qian'), self.portal(zhou, 'held_zhou')
        Message = self.env['mail.message']
        domain = [('model', '=', ticket._name), ('res_id', '=', ticket.id)]
        before = Message.search(domain)
        self.process(self.stranger_mail('held-cc-first@customer-a.example.cn'))
        held = Message.search(domain) - before
        self.assertEqual(len(held), 1)
        self.assertIn('已暂扣', held.body)
        self.assertEqual(held.subtype_id, self.env.ref('mail.mt_note'))
        self.assertFalse(held.partner_ids, 'the copied contacts are no recipients')
        self.assertFalse(held.needaction_partner_ids)
        self.assertEqual(held.attachment_ids.mapped('name'), ['quote.txt'])
        # the ticket's contact reads his ticket and its first mail, not the held note
        self.assertTrue(ticket.sudo(qian_user).name)
        self.assertTrue(Message.sudo(qian_user).search(domain))
        for user in (qian_user, zhou_user):
            self.assertNotIn(held, Message.sudo(user).search(domain), user.login)
            self.assertFalse(Message.sudo(user).search([('id', '=', held.id)]), user.login)
            with self.assertRaises(AccessError):
                held.sudo(user).read(['body'])
            with self.assertRaises(AccessError):
                held.attachment_ids.sudo(user).read(['datas'])
        # staff read it, attachment included
        self.assertIn('请联系我', held.sudo(self.agent1).read(['body'])[0]['body'])
        self.assertEqual(base64.b64decode(held.attachment_ids.sudo(self.agent1).datas), b'price list')
