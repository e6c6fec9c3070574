# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, ValidationError

from .crm_sales_scope_common import CrmScopeCase


class TestDataScope(CrmScopeCase):

    @classmethod
    def setUpClass(cls):
        super(TestDataScope, cls).setUpClass()
        cls.cust_a1 = cls._customer('T-客户甲', cls.sa1)
        cls.contact_a1 = cls._contact('T-张经理', cls.cust_a1)
        cls.cust_a2 = cls._customer('T-客户乙', cls.sa2)
        cls.cust_b1 = cls._customer('T-客户丙', cls.sb1)
        cls.supplier = cls.env['res.partner'].create({'name': 'T-供应商', 'is_company': True,
                                                      'customer': False, 'supplier': True,
                                                      'user_id': cls.sa2.id})
        cls.lead_a1 = cls.env['crm.lead'].create({'name': 'T-lead sa1', 'type': 'lead',
                                                  'user_id': cls.sa1.id, 'team_id': cls.team_a.id})
        cls.lead_unassigned_a = cls.env['crm.lead'].create({
            'name': 'T-lead nobody A', 'type': 'lead', 'user_id': False, 'team_id': cls.team_a.id})
        cls.lead_unassigned = cls.env['crm.lead'].create({
            'name': 'T-lead nobody', 'type': 'lead', 'user_id': False, 'team_id': False})
        cls.opp_a1 = cls._opp('T-opp sa1', cls.sa1, partner_id=cls.cust_a1.id)
        cls.opp_a2 = cls._opp('T-opp sa2', cls.sa2, partner_id=cls.cust_a2.id)
        cls.opp_b1 = cls._opp('T-opp sb1', cls.sb1, partner_id=cls.cust_b1.id)
        FollowUp = cls.env['crm.follow.up']
        cls.fu_a1 = FollowUp.sudo(cls.sa1).create({'partner_id': cls.cust_a1.id,
                                                   'content': 'T-visited'}).sudo()
        cls.fu_b1 = FollowUp.sudo(cls.sb1).create({'partner_id': cls.cust_b1.id,
                                                   'content': 'T-called'}).sudo()
        cls.all_leads = (cls.lead_a1 | cls.lead_unassigned_a | cls.lead_unassigned
                         | cls.opp_a1 | cls.opp_a2 | cls.opp_b1)
        cls.all_customers = cls.cust_a1 | cls.contact_a1 | cls.cust_a2 | cls.cust_b1

    def _visible(self, user, records):
        return records.sudo(user).search([('id', 'in', records.ids)]).sudo()

    def test_leads_and_opportunities(self):
        self.assertEqual(self._visible(self.sa1, self.all_leads), self.lead_a1 | self.opp_a1)
        self.assertEqual(self._visible(self.sa2, self.all_leads), self.opp_a2)
        self.assertEqual(self._visible(self.sb1, self.all_leads), self.opp_b1)
        self.assertEqual(self._visible(self.leader_a, self.all_leads),
                         self.lead_a1 | self.lead_unassigned_a | self.opp_a1 | self.opp_a2)
        self.assertEqual(self._visible(self.manager, self.all_leads), self.all_leads)
        self.assertEqual(self._visible(self.executive, self.all_leads), self.all_leads)

    def test_unassigned_leads_hidden_from_salespeople(self):
        with self.assertRaises(AccessError):
            self.lead_unassigned_a.sudo(self.sa1).read(['name'])
        rule = self.env.ref('crm.crm_rule_personal_lead')
        self.assertNotIn('False', rule.domain_force)
        report = self.env['crm.opportunity.report']
        seen = report.sudo(self.sa1).search([('user_id', '=', False)])
        self.assertFalse(seen, 'the pipeline analysis must not show unassigned leads')

    def test_lead_write_and_unlink(self):
        self.opp_a1.sudo(self.sa1).write({'description': 'mine'})
        with self.assertRaises(AccessError):
            self.opp_a2.sudo(self.sa1).write({'description': 'not mine'})
        with self.assertRaises(AccessError):
            self.opp_b1.sudo(self.leader_a).write({'description': 'other team'})
        self.opp_a2.sudo(self.leader_a).write({'description': 'my team'})
        with self.assertRaises(AccessError):
            self.opp_a1.sudo(self.sa1).unlink()
        with self.assertRaises(AccessError):
            self.opp_a1.sudo(self.executive).write({'description': 'exec'})
        # refused by the rules (Odoo's own team constraint may report it first)
        with self.assertRaises((AccessError, ValidationError)), self.env.cr.savepoint():
            self.Lead.sudo(self.sa1).create({'name': 'T-for someone else', 'user_id': self.sa2.id,
                                             'type': 'lead'})
        self.assertFalse(self.Lead.search([('name', '=', 'T-for someone else')]))
        self.opp_b1.sudo(self.manager).write({'description': 'manager'})
        self.assertEqual(self.opp_a2.description, 'my team')

    def test_customers_and_contacts(self):
        self.assertEqual(self._visible(self.sa1, self.all_customers),
                         self.cust_a1 | self.contact_a1)
        self.assertEqual(self._visible(self.sa2, self.all_customers), self.cust_a2)
        self.assertEqual(self._visible(self.leader_a, self.all_customers),
                         self.cust_a1 | self.contact_a1 | self.cust_a2)
        self.assertEqual(self._visible(self.manager, self.all_customers), self.all_customers)
        self.assertEqual(self._visible(self.executive, self.all_customers), self.all_customers)
        with self.assertRaises(AccessError):
            self.cust_a1.sudo(self.sa2).read(['name'])
        with self.assertRaises(AccessError):
            self.contact_a1.sudo(self.sb1).read(['name'])

    def test_other_partners_stay_visible(self):
        others = self.supplier | self.sa2.partner_id | self.env.user.company_id.partner_id
        self.assertEqual(self._visible(self.sa1, others), others)
        self.assertEqual(self._visible(self.employee, self.all_customers), self.all_customers,
                         'non-CRM employees are not restricted by the CRM scope')
        self.sa1.partner_id.sudo(self.sa1).write({'phone': '021-1234'})

    def test_customer_write(self):
        self.cust_a1.sudo(self.sa1).write({'phone': '021-5555'})
        self.contact_a1.sudo(self.sa1).write({'phone': '021-5556'})
        with self.assertRaises(AccessError):
            self.cust_a2.sudo(self.sa1).write({'phone': '021-0000'})
        with self.assertRaises(AccessError):
            self.cust_a1.sudo(self.executive).write({'phone': '021-0000'})
        self.cust_a2.sudo(self.leader_a).write({'phone': '021-6666'})
        with self.assertRaises(AccessError):
            self.cust_b1.sudo(self.leader_a).write({'phone': '021-0000'})
        self.assertEqual(self.cust_b1.phone, False)
        self.cust_b1.sudo(self.manager).write({'phone': '020-1111'})

    def test_follow_ups(self):
        both = self.fu_a1 | self.fu_b1
        self.assertEqual(self._visible(self.sa1, both), self.fu_a1)
        self.assertFalse(self._visible(self.sa2, both))
        self.assertEqual(self._visible(self.leader_a, both), self.fu_a1)
        self.assertEqual(self._visible(self.manager, both), both)
        self.assertEqual(self._visible(self.executive, both), both)
        with self.assertRaises(AccessError):
            self.fu_a1.sudo(self.sa2).write({'content': 'x'})
        with self.assertRaises(AccessError):
            self.fu_a1.sudo(self.executive).write({'content': 'x'})

    def test_leader_change_updates_scope(self):
        self.assertFalse(self._visible(self.sa2, self.opp_a1))
        self.team_a.user_id = self.sa2
        self.sa2.write({'groups_id': [(4, self.env.ref('crm_sales.group_crm_leader').id)]})
        self.assertEqual(self._visible(self.sa2, self.opp_a1), self.opp_a1)
        # her role's data scope is still her team's (crm.role.scope): until she loses it
        self.assertEqual(self._visible(self.leader_a, self.opp_a2), self.opp_a2)
        self.leader_a.write({'groups_id': [(3, self.env.ref('crm_sales.group_crm_leader').id)]})
        self.assertFalse(self._visible(self.leader_a, self.opp_a2))
