# -*- coding: utf-8 -*-
from odoo.exceptions import ValidationError

from .crm_sales_scope_common import CrmScopeCase


class TestTeamTree(CrmScopeCase):
    """A region over its groups: the director who leads the region sees the records of
    every group below it; a group's leader still sees only her group."""

    @classmethod
    def setUpClass(cls):
        super(TestTeamTree, cls).setUpClass()
        Team = cls.env['crm.team']
        cls.region = Team.create({'name': 'T-华东大区', 'use_opportunities': True})
        cls.team_a.parent_id = cls.region
        cls.team_sub = Team.create({'name': 'T-浦东小组', 'parent_id': cls.team_a.id,
                                    'use_opportunities': True})
        cls.director = cls._user('t_director', ['crm_sales.group_crm_leader'], cls.region)
        cls.region.user_id = cls.director
        cls.s_sub = cls._user('t_s_sub', ['crm_sales.group_crm_salesman'], cls.team_sub)
        cls.cust_a = cls._customer('T-甲公司', cls.sa1)
        cls.cust_sub = cls._customer('T-浦东公司', cls.s_sub)
        cls.cust_b = cls._customer('T-乙公司', cls.sb1)
        cls.opp_sub = cls._opp('T-浦东商机', cls.s_sub, partner_id=cls.cust_sub.id)
        cls.opp_b = cls._opp('T-乙商机', cls.sb1, partner_id=cls.cust_b.id)

    def _visible(self, user, records):
        return records.sudo(user).search([('id', 'in', records.ids)]).sudo()

    def test_director_sees_every_team_below(self):
        customers = self.cust_a | self.cust_sub | self.cust_b
        self.assertEqual(self._visible(self.director, customers), self.cust_a | self.cust_sub)
        self.assertEqual(self._visible(self.director, self.opp_sub | self.opp_b), self.opp_sub)

    def test_group_leader_sees_her_group_and_below_only(self):
        customers = self.cust_a | self.cust_sub | self.cust_b
        self.assertEqual(self._visible(self.leader_a, customers), self.cust_a | self.cust_sub)
        self.region.user_id = self.sb1  # another region's leader: not leader_a's business
        self.assertFalse(self._visible(self.leader_a, self.cust_b))

    def test_moving_a_team_moves_its_records_out_of_the_scope(self):
        self.team_sub.parent_id = self.team_b
        self.assertEqual(self._visible(self.director, self.cust_sub | self.cust_a), self.cust_a)
        self.assertFalse(self._visible(self.leader_a, self.cust_sub))

    def test_a_team_cannot_sit_below_itself(self):
        with self.assertRaises(ValidationError):
            self.region.parent_id = self.team_sub

    def test_leaders_above_nearest_first(self):
        self.assertEqual(self.team_sub._crm_leaders_above(), self.leader_a | self.director)
        self.assertEqual(self.team_sub._crm_leaders_above()[0], self.leader_a)
        self.assertFalse(self.region._crm_leaders_above())

    def test_director_may_act_for_a_sub_team(self):
        self.assertTrue(self.director._crm_leads_team(self.team_sub))
        self.assertFalse(self.leader_a._crm_leads_team(self.region))
