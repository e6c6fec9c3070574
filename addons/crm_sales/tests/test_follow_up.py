# -*- coding: utf-8 -*-
from odoo.exceptions import ValidationError

from .sales_common import SalesCase


class TestFollowUp(SalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestFollowUp, cls).setUpClass()
        cls.customer = cls.make_customer('跟进测试有限公司')
        cls.contact = cls.env['res.partner'].create({'name': '跟进联系人', 'parent_id': cls.customer.id})

    def log(self, user=None, **kw):
        vals = dict(partner_id=self.customer.id, follow_up_type='call', content='电话沟通报价')
        vals.update(kw)
        return self.FollowUp.sudo(user or self.lina).create(vals)

    def test_follow_up_updates_customer(self):
        self.assertFalse(self.customer.followed_up)
        fu = self.log(next_contact_at='2026-06-12 02:00:00', contact_ids=[(6, 0, self.contact.ids)])
        self.assertEqual(fu.date, self.NOW, 'defaults to the CRM clock')
        self.assertEqual(fu.user_id, self.lina)
        self.assertEqual(fu.crm_owner_id, self.lina)
        self.assertEqual(fu.crm_team_id, self.team_east)
        self.assertTrue(self.customer.followed_up)
        self.assertEqual(self.customer.last_follow_up_at, self.NOW)
        self.assertEqual(self.customer.next_contact_at, '2026-06-12 02:00:00')
        self.assertEqual(self.customer.customer_status, 'following')
        self.assertEqual(self.customer.follow_up_count, 1)
        msg = self.customer.message_ids[0]
        self.assertIn('电话沟通报价', msg.body)
        self.assertEqual(msg.author_id, self.lina.partner_id)
        # removing it resets the state
        fu.unlink()
        self.assertFalse(self.customer.followed_up)
        self.assertFalse(self.customer.last_follow_up_at)

    def test_follow_up_on_contact_counts_for_company(self):
        fu = self.log(partner_id=self.contact.id)
        self.assertEqual(fu.partner_id, self.customer)
        self.assertIn(self.contact, fu.contact_ids)
        self.assertTrue(self.customer.followed_up)

    def test_follow_up_on_lead_and_opportunity(self):
        lead = self.Lead.sudo(self.lina).create({'name': '跟进线索', 'type': 'lead',
                                                  'user_id': self.lina.id})
        self.log(partner_id=False, lead_id=lead.id, next_contact_at='2026-06-11 02:00:00')
        self.assertTrue(lead.followed_up)
        self.assertEqual(lead.next_contact_at, '2026-06-11 02:00:00')
        self.assertTrue(lead.message_ids.filtered(lambda m: '电话沟通报价' in (m.body or '')))
        opp = self.Lead.create({'name': '跟进商机', 'type': 'opportunity',
                                'partner_id': self.customer.id, 'user_id': self.lina.id,
                                'team_id': self.team_east.id})
        fu = self.log(partner_id=False, lead_id=opp.id)
        self.assertEqual(fu.partner_id, self.customer, 'counts for the customer too')
        self.assertTrue(opp.followed_up)
        self.assertTrue(self.customer.followed_up)

    def test_bad_input_changes_nothing(self):
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                self.log(next_contact_at='2026-06-01 00:00:00')
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                self.log(partner_id=False)
        self.assertFalse(self.customer.followed_up)
        self.assertFalse(self.FollowUp.search([('partner_id', '=', self.customer.id)]))

    def test_due_filters_use_clock(self):
        other = self.make_customer('跟进测试二有限公司')
        third = self.make_customer('跟进测试三有限公司')
        # Beijing today is 2026-06-10: 08:00 local = 00:00 UTC
        self.log(next_contact_at='2026-06-10 07:00:00')                      # today
        self.log(partner_id=other.id, date='2026-06-01 02:00:00',
                 next_contact_at='2026-06-09 02:00:00')                       # overdue
        Partner = self.Partner.sudo(self.lina)
        today = Partner.search([('follow_up_due', '=', 'today')])
        overdue = Partner.search([('follow_up_due', '=', 'overdue')])
        never = Partner.search([('followed_up', '=', False), ('is_crm_customer', '=', True)])
        self.assertIn(self.customer, today)
        self.assertNotIn(other, today)
        self.assertIn(other, overdue)
        self.assertNotIn(self.customer, overdue)
        self.assertIn(third, never)
        self.assertNotIn(self.customer, never)
        self.assertEqual(self.customer.follow_up_due, 'today')
        # a day later, today's customer becomes overdue
        self.env['crm.clock'].set_now('2026-06-11 04:00:00')
        self.assertIn(self.customer, Partner.search([('follow_up_due', '=', 'overdue')]))
        # a new follow-up clears the overdue state
        self.log(next_contact_at='2026-06-20 02:00:00')
        self.assertNotIn(self.customer, Partner.search([('follow_up_due', '=', 'overdue')]))

    def test_owner_change_moves_follow_ups(self):
        fu = self.log()
        self.customer.sudo().write({'user_id': self.yanglei.id, 'team_id': self.team_south.id})
        self.assertEqual(fu.crm_owner_id, self.yanglei)
        self.assertEqual(fu.crm_team_id, self.team_south)

    def test_executive_reads_only(self):
        fu = self.log()
        self.assertTrue(fu.sudo(self.executive).read(['content']))
        from odoo.exceptions import AccessError
        with self.assertRaises(AccessError):
            self.FollowUp.sudo(self.executive).create({'partner_id': self.customer.id,
                                                        'content': 'x'})

    def test_name_search_finds_follow_ups_by_customer_and_content(self):
        fu = self.log(content='讨论年度框架协议')
        other = self.log(content='寄送样品')
        FollowUp = self.FollowUp.sudo(self.lina)
        found = [r[0] for r in FollowUp.name_search('年度框架')]
        self.assertIn(fu.id, found)
        self.assertNotIn(other.id, found)
        self.assertIn(other.id, [r[0] for r in FollowUp.name_search('跟进测试')])
        self.assertNotIn(fu.id, FollowUp.search([('name', 'not ilike', '年度框架')]).ids)
