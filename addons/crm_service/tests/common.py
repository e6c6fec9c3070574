# -*- coding: utf-8 -*-
from contextlib import contextmanager

from odoo.tests.common import SavepointCase


def make_service_fixtures(env):
    """Service staff, two teams, two customers with contacts: the same set for the ORM
    and the HTTP tests. Returns a dict of records."""
    Users = env['res.users'].with_context(no_reset_password=True, mail_create_nosubscribe=True)
    agent_group = env.ref('crm_service.group_crm_service_agent')
    manager_group = env.ref('crm_service.group_crm_service_manager')

    def user(login, name, groups):
        return Users.create({'name': name, 'login': login, 'password': login, 'email': '%s@example.cn' % login,
                             'lang': 'zh_CN', 'tz': 'Asia/Shanghai', 'notification_type': 'inbox',
                             'groups_id': [(6, 0, [env.ref('base.group_user').id] + [g.id for g in groups])]})

    f = {}
    f['manager'] = user('svc_mgr', '服务经理甲', [manager_group])
    f['agent1'] = user('svc_a1', '客服甲', [agent_group])
    f['agent2'] = user('svc_a2', '客服乙', [agent_group])
    f['agent3'] = user('svc_a3', '客服丙', [agent_group])
    f['lina'] = env.ref('crm_sales.user_sales_east_1')
    f['yanglei'] = env.ref('crm_sales.user_sales_south_1')
    f['executive'] = env.ref('crm_sales.user_executive')
    Team = env['crm.service.team']
    f['team'] = Team.create({'name': '测试技术支持组', 'manager_id': f['manager'].id, 'alias_name': 'svc-test-support',
                             'member_ids': [(6, 0, [f['agent1'].id, f['agent2'].id])],
                             'assign_method': 'manual'})
    f['team_other'] = Team.create({'name': '测试其他组', 'manager_id': f['manager'].id,
                                   'member_ids': [(6, 0, [f['agent3'].id])], 'assign_method': 'manual'})
    Partner = env['res.partner'].sudo(f['lina'])
    f['customer'] = Partner.create({'name': '测试服务客户甲有限公司', 'is_company': True, 'customer': True,
                                    'user_id': f['lina'].id, 'team_id': env.ref('crm_sales.team_east').id})
    f['contact'] = Partner.create({'name': '钱经理', 'parent_id': f['customer'].id, 'type': 'contact',
                                   'email': 'qian@customer-a.example.cn'})
    Partner = env['res.partner'].sudo(f['yanglei'])
    f['customer_b'] = Partner.create({'name': '测试服务客户乙有限公司', 'is_company': True, 'customer': True,
                                      'user_id': f['yanglei'].id, 'team_id': env.ref('crm_sales.team_south').id})
    f['contact_b'] = Partner.create({'name': '孙主管', 'parent_id': f['customer_b'].id, 'type': 'contact',
                                     'email': 'sun@customer-b.example.cn'})
    f['type_tech'] = env.ref('crm_service.service_type_technical')
    f['type_complaint'] = env.ref('crm_service.service_type_complaint')
    return f


class ServiceCase(SavepointCase):
    """Service staff and customers (see make_service_fixtures) and a frozen CRM clock:
    Friday 2026-06-12 16:00 Beijing time (08:00 UTC)."""

    NOW = '2026-06-12 08:00:00'

    @classmethod
    def setUpClass(cls):
        super(ServiceCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang='zh_CN', tz='Asia/Shanghai'))
        cls.env['crm.clock'].set_now(cls.NOW)
        for key, value in make_service_fixtures(cls.env).items():
            setattr(cls, key, value)
        cls.Ticket = cls.env['crm.service.ticket']

    def set_clock(self, value):
        self.env['crm.clock'].set_now(value)
        self.env['crm.service.ticket'].invalidate_cache()

    def make_ticket(self, user=None, **kw):
        user = user or self.agent1
        vals = dict(name='数据采集网关频繁掉线', partner_id=self.customer.id, contact_id=self.contact.id,
                    type_id=self.type_tech.id, team_id=self.team.id, priority='1', channel='phone',
                    description='网关每隔一小时掉线一次。')
        vals.update(kw)
        return self.Ticket.sudo(user).create(vals)

    def processed_ticket(self, **kw):
        ticket = self.make_ticket(**kw)
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        ticket.sudo(self.agent1).action_start()
        ticket.sudo(self.agent1).action_process('更换了网关电源适配器。')
        return ticket

    @contextmanager
    def refused(self, exception, *fragments):
        """Like assertRaises (in zh_CN), the message contains ``fragments``, and the
        failed call leaves nothing behind."""
        with self.assertRaises(exception) as cm:
            with self.env.cr.savepoint():
                yield cm
        message = cm.exception.name if hasattr(cm.exception, 'name') else str(cm.exception)
        for fragment in fragments:
            self.assertIn(fragment, message)
