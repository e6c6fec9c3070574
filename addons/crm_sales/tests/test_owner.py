# -*- coding: utf-8 -*-
from .sales_common import SalesCase


class TestOwner(SalesCase):
    """res.partner._crm_set_owner: the one ORM path changing a customer's owner."""

    def test_set_owner_carries_contacts_addresses_and_follow_ups(self):
        customer = self.make_customer('换负责人测试有限公司')
        contact = self.Partner.sudo(self.lina).create({'name': '换负责人联系人', 'parent_id': customer.id})
        address = self.Partner.sudo(self.lina).create(
            {'name': '开票地址', 'parent_id': customer.id, 'type': 'invoice'})
        follow_up = self.FollowUp.sudo(self.lina).create({'partner_id': customer.id, 'content': '拜访'})
        self.env['crm.clock'].set_now('2026-06-11 04:00:00')
        customer, contact, address, follow_up = (
            customer.sudo(), contact.sudo(), address.sudo(), follow_up.sudo())
        customer._crm_set_owner(self.yanglei, 'test')
        self.assertEqual((customer.user_id, customer.team_id), (self.yanglei, self.team_south))
        self.assertEqual(customer.owner_assigned_at, '2026-06-11 04:00:00')
        self.assertEqual((contact.user_id, address.user_id), (self.yanglei, self.yanglei))
        self.assertEqual(follow_up.crm_owner_id, self.yanglei)
        self.assertFalse(self.Partner.sudo(self.lina).search([('id', 'in', (customer | contact).ids)]))

    def test_owner_changed_hook_sees_the_previous_owner(self):
        customer = self.make_customer('换负责人钩子有限公司')
        seen = []
        original = type(self.Partner)._crm_owner_changed

        def spy(partners, old_by_id, options):
            seen.append((dict(old_by_id), options['reason']))
            return original(partners, old_by_id, options)
        type(self.Partner)._crm_owner_changed = spy
        try:
            customer.sudo(self.lina).action_transfer(self.wangfang.id)
        finally:
            type(self.Partner)._crm_owner_changed = original
        self.assertEqual(seen, [({customer.id: self.lina.id}, 'transfer')])
