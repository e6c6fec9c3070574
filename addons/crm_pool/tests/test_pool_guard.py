# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError

from .common import PoolCase


class TestPoolGuard(PoolCase):
    """Pool actions check who acts and what they are given, before writing anything."""

    @classmethod
    def setUpClass(cls):
        super(TestPoolGuard, cls).setUpClass()
        cls.executive = cls.make_user('pool_exec', False,
                                      cls.env.ref('crm_sales.group_crm_executive'))

    def test_the_executive_cannot_claim(self):
        customer = self.make_pool_customer('Exec Claim Co')
        with self.assertRaisesRegex(AccessError, 'can read the CRM but not change it'):
            customer.sudo(self.executive).action_pool_claim()
        self.assertFalse(customer.user_id)
        self.assertEqual(customer.pool_id, self.pool_a)
        self.assertFalse(self.logs(customer, 'claim'))

    def test_reasons_are_bounded_text(self):
        customer = self.make_customer('Reason Co', user=self.sales_a1)
        for bad in ('x' * (1024 * 1024), 12345, ['why']):
            with self.assertRaises(UserError):
                customer.sudo(self.sales_a1).action_pool_release(bad)
        self.assertEqual(customer.user_id, self.sales_a1)
        self.assertFalse(customer.pool_id)
        self.assertFalse(self.logs(customer))

    def test_assign_to_garbage(self):
        customer = self.make_pool_customer('Assign Garbage Co')
        for bad in ('abc', -3, [None], 10 ** 12):
            with self.assertRaises(UserError):
                customer.sudo(self.leader_a).action_pool_assign(bad)
        self.assertFalse(customer.user_id)

    def test_rule_domains_read_the_crm_clock(self):
        self.set_now('2031-05-04 02:00:00')
        domain = self.Rule._parse_domain("[('create_date', '<', context_today().isoformat())]")
        self.assertEqual(domain, [('create_date', '<', '2031-05-04')])

    def test_pool_fields_are_action_only(self):
        names = set(self.Partner._crm_action_fields())
        self.assertTrue({'pool_id', 'pool_locked', 'pool_protected_user_id',
                         'pool_protected_until'} <= names)
        customer = self.make_customer('Direct Lock Co', user=self.sales_a1)
        Guard = self.env['crm.guard'].sudo(self.sales_a1)
        with self.assertRaises(AccessError):
            Guard._check_vals('res.partner', {'pool_locked': True}, records=customer.sudo(self.sales_a1))
        # writing the value it already has is no change
        Guard._check_vals('res.partner', {'pool_locked': False}, records=customer.sudo(self.sales_a1))

    def test_follow_ups_follow_their_customer_through_release_and_claim(self):
        """The release is SQL: crm_sales' _crm_owner_changed hook brings the owner that
        follow-ups store for the record rules along."""
        customer = self.make_customer('Released Follow-up Co', user=self.sales_a1)
        follow_up = self.env['crm.follow.up'].sudo(self.sales_a1).create(
            {'partner_id': customer.id, 'content': 'call'})
        self.assertEqual(follow_up.crm_owner_id, self.sales_a1)
        customer.sudo(self.sales_a1).action_pool_release('no need')
        follow_up.invalidate_cache()
        self.assertFalse(follow_up.crm_owner_id)
        customer.sudo(self.sales_a2).action_pool_claim()
        follow_up.invalidate_cache()
        self.assertEqual(follow_up.crm_owner_id, self.sales_a2)
