# -*- coding: utf-8 -*-
"""Portal isolation over HTTP: a test server thread in registry test mode serves the
requests on the test's own cursor (nothing is committed)."""
import re
import socket
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.service import security
from odoo.tests.common import HttpCase, get_db_name

from .common import make_service_fixtures

_server = {}


def _ensure_http_server():
    port = odoo.tools.config['http_port']
    if 'thread' not in _server:
        server = odoo.service.server.ThreadedServer(odoo.service.wsgi_server.application)
        server.http_spawn()
        _server['thread'] = server
        for _i in range(100):
            try:
                socket.create_connection(('127.0.0.1', port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
    return 'http://127.0.0.1:%s' % port


class PortalCase(HttpCase):
    """Two customers' portal users and a ticket of each, served over HTTP."""

    def setUp(self):
        super(PortalCase, self).setUp()
        self.base = _ensure_http_server()
        # the server's requests use registry.test_cr: create the data on it
        self.env = api.Environment(self.registry.test_cr, SUPERUSER_ID,
                                   {'lang': 'zh_CN', 'tz': 'Asia/Shanghai'})
        self.env['crm.clock'].set_now('2026-06-12 08:00:00')
        f = make_service_fixtures(self.env)
        self.f = f
        Users = self.env['res.users'].with_context(no_reset_password=True)
        portal = self.env.ref('base.group_portal')
        self.portal_a = Users.create({'name': '钱经理', 'login': 'portal_a', 'password': 'portal_a',
                                      'partner_id': f['contact'].id, 'groups_id': [(6, 0, portal.ids)]})
        self.portal_b = Users.create({'name': '孙主管', 'login': 'portal_b', 'password': 'portal_b',
                                      'partner_id': f['contact_b'].id, 'groups_id': [(6, 0, portal.ids)]})
        Ticket = self.env['crm.service.ticket']
        self.ticket_a = Ticket.create({'name': '甲公司：打印机驱动异常', 'partner_id': f['customer'].id,
                                       'contact_id': f['contact'].id, 'type_id': f['type_tech'].id,
                                       'team_id': f['team'].id, 'description': '甲公司的问题描述'})
        self.ticket_b = Ticket.create({'name': '乙公司：机密的生产线故障', 'partner_id': f['customer_b'].id,
                                       'contact_id': f['contact_b'].id, 'type_id': f['type_tech'].id,
                                       'team_id': f['team'].id})

    def login(self, user):
        session = self.session
        session.db = get_db_name()
        session.uid = user.id
        session.login = user.login
        session.session_token = security.compute_session_token(session, self.env)
        session.context = {'lang': 'zh_CN', 'tz': 'Asia/Shanghai', 'uid': user.id}
        odoo.http.root.session_store.save(session)

    def get(self, path):
        # a request closing its cursor rolls back to the test cursor's last "commit"
        # (a savepoint inside the test's transaction, which is never committed)
        self.registry.test_cr.commit()
        return self.opener.get(self.base + path, timeout=30)

    def post(self, path, data, page=None, files=None):
        token = re.search(r'name="csrf_token" value="([^"]+)"', self.get(page or path).text).group(1)
        self.registry.test_cr.commit()
        return self.opener.post(self.base + path, data=dict(data, csrf_token=token), files=files, timeout=30)


class TestPortal(PortalCase):

    def test_portal_users_see_only_their_company(self):
        self.login(self.portal_a)
        listing = self.get('/my/tickets')
        self.assertEqual(listing.status_code, 200, listing.text[-3000:])
        self.assertIn('甲公司：打印机驱动异常', listing.text)
        self.assertNotIn('乙公司', listing.text)
        page = self.get('/my/tickets/%s' % self.ticket_a.id)
        self.assertEqual(page.status_code, 200)
        self.assertIn('甲公司的问题描述', page.text)
        # another company's ticket by URL: refused, nothing of it shown
        stolen = self.get('/my/tickets/%s' % self.ticket_b.id)
        self.assertEqual(stolen.status_code, 403)
        self.assertNotIn('机密的生产线故障', stolen.text)
        self.assertIn('o_ticket_error', stolen.text)
        reply = self.post('/my/tickets/%s/reply' % self.ticket_b.id, {'message': '偷偷回复'},
                          page='/my/tickets/%s' % self.ticket_a.id)
        self.assertEqual(reply.status_code, 403)
        self.env['crm.service.ticket'].invalidate_cache()
        self.assertNotIn('偷偷回复', ' '.join(self.ticket_b.message_ids.mapped('body')))
        # the other portal user sees theirs only
        self.login(self.portal_b)
        self.assertIn('机密的生产线故障', self.get('/my/tickets').text)
        self.assertEqual(self.get('/my/tickets/%s' % self.ticket_a.id).status_code, 403)

    def test_portal_user_opens_and_answers_a_ticket(self):
        self.login(self.portal_a)
        created = self.post('/my/tickets/new', {'subject': '门户提交：看板白屏', 'description': '大屏看板白屏。',
                                                'type_id': self.f['type_tech'].id})
        self.assertEqual(created.status_code, 200)
        self.env['crm.service.ticket'].invalidate_cache()
        ticket = self.env['crm.service.ticket'].search([('name', '=', '门户提交：看板白屏')])
        self.assertEqual((ticket.partner_id, ticket.contact_id, ticket.channel),
                         (self.f['customer'], self.f['contact'], 'portal'))
        self.assertIn(ticket.number, created.text)
        self.post('/my/tickets/%s/reply' % ticket.id, {'message': '补充：重启后依旧白屏。'},
                  page='/my/tickets/%s' % ticket.id)
        self.env['crm.service.ticket'].invalidate_cache()
        message = ticket.message_ids.filtered(lambda m: '重启后依旧白屏' in (m.body or ''))
        self.assertEqual(message.author_id, self.f['contact'])
        refused = self.post('/my/tickets/new', {'subject': ' ', 'type_id': self.f['type_tech'].id})
        self.assertEqual(refused.status_code, 400)
        self.assertIn('请输入工单主题', refused.text)

    def test_feedback_from_the_mail_link_without_login(self):
        ticket = self.ticket_a
        ticket.action_assign(user_id=self.f['agent1'].id)
        ticket.sudo(self.f['agent1']).action_start()
        ticket.sudo(self.f['agent1']).action_process('重新安装了打印机驱动。')
        url = '/my/tickets/%s/feedback?access_token=%s' % (ticket.id, ticket.access_token)
        bad = self.post(url, {'access_token': ticket.access_token, 'satisfaction': '9', 'comment': '?'})
        self.assertEqual(bad.status_code, 400)
        self.assertIn('满意度必须是 1 到 5 之间的整数', bad.text)
        wrong = self.get('/my/tickets/%s/feedback?access_token=wrong' % ticket.id)
        self.assertEqual(wrong.status_code, 403)
        done = self.post(url, {'access_token': ticket.access_token, 'satisfaction': '4',
                               'comment': '处理及时，态度很好。'})
        self.assertEqual(done.status_code, 200)
        self.assertIn('感谢您的评价', done.text)
        self.env['crm.service.ticket'].invalidate_cache()
        self.assertEqual((ticket.state, ticket.satisfaction, ticket.feedback_by, ticket.feedback_comment),
                         ('feedback', 4, 'customer', '处理及时，态度很好。'))

    def processed(self, ticket):
        ticket.action_assign(user_id=self.f['agent1'].id)
        ticket.sudo(self.f['agent1']).action_start()
        ticket.sudo(self.f['agent1']).action_process('重新安装了打印机驱动。')
        return ticket

    def test_staff_cannot_rate_as_the_customer(self):
        ticket = self.processed(self.ticket_a)
        lina = self.f['lina']  # the customer's salesperson reads the ticket
        self.assertTrue(self.env['crm.service.ticket'].sudo(lina).search([('id', '=', ticket.id)]))
        self.login(lina)
        url = '/my/tickets/%s/feedback' % ticket.id
        self.assertEqual(self.get(url).status_code, 403)
        for token in ('', 'wrong', '0' * 32):
            page = self.get(url + '?access_token=' + token)
            self.assertEqual(page.status_code, 403)
            self.assertIn('只有客户本人可以评价此工单', page.text)
        self.env['crm.service.ticket'].invalidate_cache()
        self.assertEqual((ticket.state, ticket.satisfaction), ('processed', 0))
        # the portal user of the customer rates it from the portal, without the token
        self.login(self.portal_a)
        done = self.post(url, {'satisfaction': '5', 'comment': '很好'})
        self.assertEqual(done.status_code, 200, done.text[-2000:])
        self.env['crm.service.ticket'].invalidate_cache()
        self.assertEqual((ticket.state, ticket.satisfaction, ticket.feedback_by), ('feedback', 5, 'customer'))

    def test_portal_user_cannot_flood_tickets(self):
        self.env['ir.config_parameter'].set_param('crm_service.portal_ticket_limit', '2')
        self.login(self.portal_a)
        Ticket = self.env['crm.service.ticket']
        count = Ticket.search_count([])
        for i in range(2):
            created = self.post('/my/tickets/new', {'subject': '门户工单 %d' % i, 'type_id': self.f['type_tech'].id})
            self.assertEqual(created.status_code, 200)
        refused = self.post('/my/tickets/new', {'subject': '第三个工单', 'type_id': self.f['type_tech'].id})
        self.assertEqual(refused.status_code, 400)
        self.assertIn('您已提交 2 个工单（最近 10 分钟内）', refused.text)
        Ticket.invalidate_cache()
        self.assertEqual(Ticket.search_count([]), count + 2)
        self.assertEqual(Ticket.search([('name', 'like', '门户工单')]).mapped('portal_user_id'), self.portal_a)
