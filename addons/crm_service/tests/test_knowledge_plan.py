# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ServiceCase


class TestKnowledgeBase(ServiceCase):

    def test_processed_ticket_published_in_one_click_and_suggested(self):
        ticket = self.processed_ticket(name='网关掉线问题')
        action = ticket.sudo(self.agent1).action_publish_article()
        article = self.env['crm.knowledge.article'].browse(action['res_id'])
        self.assertEqual((article.name, article.state, article.ticket_id, article.type_id, article.author_id),
                         ('网关掉线问题', 'published', ticket, self.type_tech, self.agent1))
        self.assertIn('更换了网关电源适配器', article.content)
        # another agent's new ticket with matching words is offered the article
        article.sudo(self.agent1).write({'keywords': '掉线, 网关'})
        other = self.make_ticket(user=self.agent2, name='今天网关又掉线了', type_id=self.type_complaint.id)
        self.assertIn(article, other.sudo(self.agent2).suggested_article_ids)
        # a draft is seen by its author only (and managers), and cannot be published from a new ticket
        draft = self.env['crm.knowledge.article'].sudo(self.agent2).create(
            {'name': '内部草稿：网关固件', 'keywords': '网关', 'article_type': 'document'})
        self.assertFalse(self.env['crm.knowledge.article'].sudo(self.agent1).search([('id', '=', draft.id)]))
        self.assertNotIn(draft, other.sudo(self.agent2).suggested_article_ids)
        self.assertEqual(self.env['crm.knowledge.article'].sudo(self.lina).search(
            [('id', 'in', (article | draft).ids)]), article, 'salespeople read published articles')
        with self.refused(AccessError):
            article.sudo(self.agent2).write({'name': '改别人的文章'})
        with self.refused(UserError, '只有已处理的工单才能发布'):
            self.make_ticket().sudo(self.agent1).action_publish_article()


class TestServicePlan(ServiceCase):

    def plan(self, **kw):
        vals = dict(name='季度回访', partner_id=self.customer.id, contact_id=self.contact.id,
                    user_id=self.agent1.id, team_id=self.team.id, interval_number=3, interval_type='month',
                    next_date='2026-06-12', action='activity')
        vals.update(kw)
        return self.env['crm.service.plan'].sudo(self.manager).create(vals)

    def test_cron_twice_creates_once_and_moves_the_next_date(self):
        revisit = self.plan()
        maintenance = self.plan(name='月度维护', action='ticket', type_id=self.type_tech.id, interval_number=1,
                                next_date='2026-04-01', plan_type='maintenance')
        later = self.plan(name='下月回访', next_date='2026-07-01')
        Plan = self.env['crm.service.plan']
        Plan._cron_run_plans()
        Plan._cron_run_plans()
        activities = self.env['mail.activity'].search([('res_model', '=', 'res.partner'),
                                                       ('res_id', '=', self.customer.id),
                                                       ('user_id', '=', self.agent1.id)])
        self.assertEqual(len(activities), 1)
        self.assertIn('季度回访', activities.summary)
        self.assertEqual(activities.date_deadline, '2026-06-12')
        self.assertEqual((revisit.next_date, revisit.last_run_date, revisit.run_count),
                         ('2026-09-12', '2026-06-12', 1))
        tickets = self.Ticket.search([('plan_id', '=', maintenance.id)])
        self.assertEqual(len(tickets), 1)
        self.assertEqual((tickets.user_id, tickets.state, tickets.channel), (self.agent1, 'assigned', 'visit'))
        # an overdue plan catches up once and moves past today
        self.assertEqual(maintenance.next_date, '2026-07-01')
        self.assertEqual((later.run_count, later.next_date), (0, '2026-07-01'))
        # a month later the July plans run once more
        self.set_clock('2026-07-01 02:00:00')
        Plan._cron_run_plans()
        Plan._cron_run_plans()
        self.assertEqual(self.Ticket.search_count([('plan_id', '=', maintenance.id)]), 2)
        self.assertEqual((later.run_count, later.next_date), (1, '2026-10-01'))

    def test_plan_checks(self):
        with self.refused(ValidationError, '间隔'):
            self.plan(interval_number=0)
        with self.refused(ValidationError, '服务类型'):
            self.plan(action='ticket')
        with self.refused(AccessError):
            self.plan().sudo(self.lina).write({'name': '销售改计划'})
