# -*- coding: utf-8 -*-
from odoo.tests.common import SavepointCase


class PoolCase(SavepointCase):
    """Own teams, users and pools (the demo pools and rules are archived so they do not
    interfere), a frozen CRM clock, and helpers to walk it."""

    T0 = '2026-03-02 01:00:00'  # 09:00 in Beijing

    @classmethod
    def setUpClass(cls):
        super(PoolCase, cls).setUpClass()
        # Messages are asserted in English here; the XML-RPC suites check the zh_CN ones.
        cls.env = cls.env(context=dict(cls.env.context, lang='en_US'))
        env = cls.env
        env['crm.pool.rule'].search([]).write({'active': False})
        env['crm.pool'].search([]).write({'active': False})
        env['crm.customer.limit'].search([]).write({'active': False})
        cls.set_now(cls.T0)
        ref = env.ref
        cls.g_salesman = ref('crm_sales.group_crm_salesman')
        cls.g_leader = ref('crm_sales.group_crm_leader')
        cls.g_manager = ref('crm_sales.group_crm_manager')
        Team = env['crm.team']
        cls.team_a = Team.create({'name': 'Pool Team A'})
        cls.team_b = Team.create({'name': 'Pool Team B'})
        cls.sales_a1 = cls.make_user('pool_a1', cls.team_a, cls.g_salesman)
        cls.sales_a2 = cls.make_user('pool_a2', cls.team_a, cls.g_salesman)
        cls.sales_b1 = cls.make_user('pool_b1', cls.team_b, cls.g_salesman)
        cls.leader_a = cls.make_user('pool_leader_a', cls.team_a, cls.g_leader)
        cls.manager = cls.make_user('pool_manager', False, cls.g_manager)
        cls.team_a.user_id = cls.leader_a
        cls.pool_a = env['crm.pool'].create({
            'name': 'Pool A', 'sequence': 1, 'team_ids': [(6, 0, [cls.team_a.id])],
            'protection_days': 7, 'remind_days': 3})
        cls.pool_all = env['crm.pool'].create({
            'name': 'Company Pool', 'sequence': 2, 'protection_days': 7, 'remind_days': 3})
        cls.Partner = env['res.partner']
        cls.Rule = env['crm.pool.rule']
        cls.Log = env['crm.pool.log']
        cls.Limit = env['crm.customer.limit']

    @classmethod
    def make_user(cls, login, team, group):
        return cls.env['res.users'].with_context(no_reset_password=True).create({
            'name': login.replace('_', ' ').title(), 'login': login, 'email': login + '@example.com',
            'lang': 'en_US',  # messages asserted in English; the e2e suites check zh_CN
            'sale_team_id': team and team.id,
            'groups_id': [(6, 0, [cls.env.ref('base.group_user').id, group.id])],
        })

    @classmethod
    def set_now(cls, value):
        cls.env['ir.config_parameter'].sudo().set_param('crm_sales.clock_now', value)

    @classmethod
    def make_customer(cls, name, user=None, **kw):
        vals = dict(name=name, is_company=True, customer=True)
        if user:
            vals.update(user_id=user.id, team_id=user.sale_team_id.id)
        vals.update(kw)
        return cls.env['res.partner'].create(vals)

    def make_rule(self, **kw):
        vals = dict(name='No follow-up 10 days', pool_id=self.pool_a.id, kind='no_follow_up',
                    days=10)
        vals.update(kw)
        return self.Rule.create(vals)

    def make_pool_customer(self, name, pool=None, previous=None, **kw):
        customer = self.make_customer(name, **kw)
        customer.write({'pool_id': (pool or self.pool_a).id,
                        'pool_previous_user_id': previous and previous.id,
                        'pool_entered_at': self.T0})
        return customer

    def logs(self, partner, action=None):
        domain = [('partner_id', '=', partner.id)]
        if action:
            domain.append(('action', '=', action))
        return self.Log.search(domain)

    def cron(self):
        result = self.Rule._cron_pool_run()
        # nothing is locked by another transaction in a test: nothing is deferred
        self.assertEqual(result.pop('deferred'), 0)
        self.assertTrue(result.pop('at'))
        return result
