# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError

from .crm_sales_scope_common import CrmScopeCase


class TestRoleScope(CrmScopeCase):
    """Data scope levels set as data (CRM > 配置 > 数据权限): every scoped model follows
    the level of the user's roles, and a change applies at once."""

    @classmethod
    def setUpClass(cls):
        super(TestRoleScope, cls).setUpClass()
        cls.sub_team = cls.env['crm.team'].create({'name': 'T-子团队', 'parent_id': cls.team_a.id})
        cls.s_sub = cls._user('t_scope_sub', ['crm_sales.group_crm_salesman'], cls.sub_team)
        cls.cust_a1 = cls._customer('T-范围甲', cls.sa1)
        cls.cust_a2 = cls._customer('T-范围乙', cls.sa2)
        cls.cust_b1 = cls._customer('T-范围丙', cls.sb1)
        cls.cust_sub = cls._customer('T-范围丁', cls.s_sub)
        cls.opp_a1 = cls._opp('T-范围商机甲', cls.sa1, partner_id=cls.cust_a1.id)
        cls.opp_a2 = cls._opp('T-范围商机乙', cls.sa2, partner_id=cls.cust_a2.id)
        cls.opp_b1 = cls._opp('T-范围商机丙', cls.sb1, partner_id=cls.cust_b1.id)
        cls.opp_sub = cls._opp('T-范围商机丁', cls.s_sub, partner_id=cls.cust_sub.id)
        cls.customers = cls.cust_a1 | cls.cust_a2 | cls.cust_b1 | cls.cust_sub
        cls.opps = cls.opp_a1 | cls.opp_a2 | cls.opp_b1 | cls.opp_sub
        cls.cust_a2.sudo(cls.sa2).action_share([cls.sa1.id], access='read')
        cls.opp_b1.sudo(cls.sb1).action_share([cls.sa1.id], access='read')
        cls.scope = {name: cls.env.ref('crm_sales.role_scope_%s' % name)
                     for name in ('salesman', 'leader')}

    def _visible(self, user, records):
        return records.sudo(user).search([('id', 'in', records.ids)]).sudo()

    def _set(self, role, level):
        self.scope[role].sudo(self.env.ref('base.user_root')).level = level

    def test_default_levels(self):
        self.assertEqual(self._visible(self.sa1, self.customers), self.cust_a1 | self.cust_a2)
        self.assertEqual(self._visible(self.sa1, self.opps), self.opp_a1 | self.opp_b1)
        self.assertEqual(self._visible(self.leader_a, self.customers),
                         self.cust_a1 | self.cust_a2 | self.cust_sub)
        self.assertEqual(self._visible(self.manager, self.opps), self.opps)

    def test_own_records_only_hides_what_is_shared(self):
        self._set('salesman', 'own')
        self.assertEqual(self._visible(self.sa1, self.customers), self.cust_a1)
        self.assertEqual(self._visible(self.sa1, self.opps), self.opp_a1)

    def test_own_team_shows_the_colleagues_records_not_the_teams_below(self):
        self._set('salesman', 'team')
        self.assertEqual(self._visible(self.sa1, self.customers), self.cust_a1 | self.cust_a2)
        self.assertEqual(self._visible(self.sa1, self.opps), self.opp_a1 | self.opp_a2 | self.opp_b1)
        self.assertFalse(self._visible(self.sa1, self.cust_sub))

    def test_team_and_below_for_salespeople(self):
        self._set('salesman', 'team_below')
        self.assertEqual(self._visible(self.sa1, self.customers),
                         self.cust_a1 | self.cust_a2 | self.cust_sub)
        self.assertFalse(self._visible(self.s_sub, self.cust_a1))

    def test_leader_narrowed_to_her_team(self):
        self._set('leader', 'team')
        self.assertEqual(self._visible(self.leader_a, self.customers), self.cust_a1 | self.cust_a2)

    def test_all_records_for_salespeople(self):
        self._set('salesman', 'all')
        self.assertEqual(self._visible(self.sb1, self.customers), self.customers)
        self.assertEqual(self._visible(self.sb1, self.opps), self.opps)

    def test_managers_keep_everything(self):
        self._set('salesman', 'own')
        self._set('leader', 'own')
        self.assertEqual(self._visible(self.manager, self.opps), self.opps)
        self.assertEqual(self.manager._crm_scope_level(), 'all')
        self.assertFalse(self._visible(self.leader_a, self.cust_a2))

    def test_only_the_crm_administrator_sets_levels(self):
        crm_admin = self._user('t_scope_admin', ['crm_sales.group_crm_admin'])
        self.scope['salesman'].sudo(crm_admin).level = 'team'
        self.assertEqual(self.scope['salesman'].level, 'team')
        for user in (self.leader_a, self.manager, self.sa1):
            with self.assertRaises(AccessError):
                self.scope['salesman'].sudo(user).level = 'all'
