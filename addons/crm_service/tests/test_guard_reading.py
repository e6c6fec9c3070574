# -*- coding: utf-8 -*-
"""Issue #21 on tickets: what a role may read (the feedback token, a knowledge article's
source ticket) and the small checks (contact of the customer, blank subjects, how fast a
portal user opens tickets)."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ServiceCase


def exported(records, fields):
    """What an export of ``fields`` gives (a refusal gives nothing)."""
    try:
        return str(records.export_data(fields))
    except AccessError:
        return ''


class TestFeedbackToken(ServiceCase):

    def test_only_who_may_share_reads_the_token(self):
        ticket = self.processed_ticket()
        token = ticket.access_token
        self.assertTrue(token)
        self.assertEqual(ticket.sudo(self.agent1).read(['access_token'])[0]['access_token'], token)
        for user in (self.lina, self.executive):
            as_user = ticket.sudo(user)
            with self.refused(AccessError):
                as_user.read(['access_token'])
            with self.refused(AccessError):
                as_user.read(['feedback_url'])
            # searching, exporting, sharing: none of them hands it out
            self.assertFalse(as_user.search([('access_token', '=', token)]))
            self.assertFalse(as_user.search([('access_token', '=like', token[:1] + '%')]))
            self.assertNotIn(token, exported(as_user, ['access_token']))
            self.assertNotIn(token, as_user.get_share_url())
        # an agent of another team cannot read the ticket at all
        self.assertFalse(self.Ticket.sudo(self.agent3).search([('id', '=', ticket.id)]))

    def test_closing_mail_copy_in_the_chatter_holds_no_token(self):
        ticket = self.processed_ticket()
        token = ticket.access_token
        mail = self.env['mail.mail'].search([('model', '=', ticket._name), ('res_id', '=', ticket.id)])
        self.assertEqual(len(mail), 1)
        self.assertIn(token, mail.body_html, 'the customer receives the link')
        bodies = ' '.join(self.env['mail.message'].sudo(self.lina).search(
            [('model', '=', ticket._name), ('res_id', '=', ticket.id)]).mapped('body'))
        self.assertIn('/feedback?access_token=', bodies)
        self.assertNotIn(token, bodies)
        self.assertFalse(self.env['mail.mail'].sudo(self.lina).search([('id', '=', mail.id)]))
        self.assertEqual(self.env['mail.mail'].sudo(self.agent1).search([('id', '=', mail.id)]), mail)

    def test_each_closing_mail_has_a_new_token(self):
        ticket = self.processed_ticket()
        first = ticket.access_token
        ticket.sudo(self.manager).action_reopen()
        ticket.sudo(self.agent1).action_start()
        ticket.sudo(self.agent1).action_process('第二次处理。')
        self.assertTrue(ticket.access_token)
        self.assertNotEqual(ticket.access_token, first)

    def test_article_hides_the_name_of_a_ticket_its_reader_cannot_open(self):
        ticket = self.processed_ticket(name='甲公司机密故障')
        action = ticket.sudo(self.agent1).action_publish_article()
        Article = self.env['crm.knowledge.article']
        article = Article.browse(action['res_id'])
        self.assertEqual(article.sudo(self.agent1).read(['ticket_id'])[0]['ticket_id'][0], ticket.id)
        for user in (self.agent3, self.yanglei):
            as_user = article.sudo(user)
            self.assertEqual(as_user.read(['name', 'ticket_id'])[0]['ticket_id'], False)
            self.assertNotIn('甲公司机密故障', str(as_user.search_read([('id', '=', article.id)],
                                                                     ['ticket_id'])))
            self.assertNotIn(ticket.number, exported(as_user, ['name', 'ticket_id']))
        # and an author may not name as source a ticket they cannot open
        with self.refused(AccessError, '不能把您无权查看的工单设为文章来源'):
            Article.sudo(self.agent3).create({'name': '借用别组工单', 'ticket_id': ticket.id})


class TestTicketChecks(ServiceCase):

    def test_contact_must_belong_to_the_customer(self):
        count = self.Ticket.search_count([])
        with self.refused(ValidationError, '不是', '的联系人'):
            self.make_ticket(contact_id=self.contact_b.id)
        self.assertEqual(self.Ticket.search_count([]), count)
        ticket = self.make_ticket()
        with self.refused(ValidationError, '不是', '的联系人'):
            ticket.sudo(self.agent1).write({'contact_id': self.contact_b.id})
        self.assertEqual(ticket.contact_id, self.contact)

    def test_blank_subject_is_refused(self):
        with self.refused(ValidationError, '请输入工单主题'):
            self.make_ticket(name='   ')
        ticket = self.make_ticket()
        with self.refused(ValidationError, '请输入工单主题'):
            ticket.sudo(self.agent1).write({'name': ' \t '})
        with self.refused(ValidationError, '请输入文章标题'):
            self.env['crm.knowledge.article'].sudo(self.agent1).create({'name': '  '})

    def test_portal_user_opens_at_most_n_tickets_in_m_minutes(self):
        portal = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': '钱经理', 'login': 'svc_portal_rate', 'partner_id': self.contact.id,
            'groups_id': [(6, 0, self.env.ref('base.group_portal').ids)]})
        self.env['ir.config_parameter'].set_param('crm_service.portal_ticket_limit', '3')
        Ticket = self.Ticket.sudo()

        def open_one():
            return Ticket.create({'name': '门户工单', 'partner_id': self.customer.id, 'contact_id': self.contact.id,
                                  'type_id': self.type_tech.id, 'channel': 'portal',
                                  'portal_user_id': portal.id})
        for _i in range(3):
            open_one()
        count = self.Ticket.search_count([])
        with self.refused(UserError, '您已提交 3 个工单（最近 10 分钟内）'):
            open_one()
        self.assertEqual(self.Ticket.search_count([]), count)
        # staff are not limited; ten minutes later the portal user may open again
        for _i in range(4):
            self.make_ticket()
        self.set_clock('2026-06-12 08:10:01')
        self.assertTrue(open_one())
