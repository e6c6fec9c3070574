# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, ValidationError

from .sales_common import SalesCase


class TestCustomer(SalesCase):

    def test_code_from_sequence_and_unique(self):
        c1 = self.make_customer('宁波测试甲有限公司')
        c2 = self.make_customer('宁波测试乙有限公司')
        self.assertTrue(c1.is_crm_customer)
        self.assertTrue(c1.customer_code and c1.customer_code.startswith('KH'))
        self.assertNotEqual(c1.customer_code, c2.customer_code)
        # a contact or a non-customer company gets no code
        contact = self.Partner.create({'name': '张三', 'parent_id': c1.id})
        self.assertFalse(contact.customer_code)
        self.assertFalse(contact.is_crm_customer)

    def test_code_editable_only_by_admin(self):
        customer = self.make_customer('代码权限测试有限公司')
        code = customer.customer_code
        with self.assertRaises(AccessError):
            customer.sudo(self.lina).write({'customer_code': 'X-001'})
        self.assertEqual(customer.customer_code, code)
        customer.sudo(self.admin_crm).write({'customer_code': 'VIP-001'})
        self.assertEqual(customer.customer_code, 'VIP-001')
        other = self.make_customer('代码权限测试二有限公司')
        with self.assertRaises(ValidationError):
            other.sudo(self.admin_crm).write({'customer_code': 'VIP-001'})
        self.assertNotEqual(other.customer_code, 'VIP-001')

    def test_name_unique_ignoring_case_and_spaces(self):
        self.make_customer('Acme Trading Co')
        count = self.Partner.search_count([('is_crm_customer', '=', True)])
        for dup in ('acme trading co', ' ACME  Trading   CO ', 'AcmeTradingCo'):
            with self.assertRaises(ValidationError) as ctx:
                with self.env.cr.savepoint():
                    self.make_customer(dup, user=self.yanglei)
            self.assertIn('Acme Trading Co', ctx.exception.name)
        self.assertEqual(self.Partner.search_count([('is_crm_customer', '=', True)]), count)
        # renaming another customer onto the same name is refused too
        other = self.make_customer('Other Name Ltd')
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                other.write({'name': 'ACME TRADING CO'})
        self.assertEqual(other.name, 'Other Name Ltd')

    def test_duplicate_phone_reported(self):
        existing = self.make_customer('重复电话测试有限公司', phone='021-5555 0101', user=self.yanglei)
        # lina does not see yanglei's customer but is told about it (name + owner)
        new = self.Partner.sudo(self.lina).new({'name': '另一家公司', 'is_company': True,
                                                'phone': '02155550101'})
        self.assertIn('重复电话测试有限公司', new.duplicate_warning)
        self.assertIn(self.yanglei.name, new.duplicate_warning)
        # the admin sees it as a clickable record
        new_admin = self.Partner.new({'name': '另一家公司', 'is_company': True,
                                      'phone': '021 5555 0101'})
        self.assertIn(existing, new_admin.duplicate_partner_ids)
        # a contact's mobile also points to its company
        self.Partner.create({'name': '李四', 'parent_id': existing.id, 'mobile': '138 0013 8000'})
        new2 = self.Partner.new({'name': 'X', 'is_company': True, 'mobile': '13800138000'})
        self.assertIn(existing, new2.duplicate_partner_ids)
        # no false alarm on the record itself
        self.assertFalse(existing.duplicate_partner_ids)

    def test_owner_fields_follow_customer(self):
        customer = self.make_customer('负责人测试有限公司').sudo()
        self.assertEqual(customer.owner_assigned_at, self.NOW)
        contact = self.Partner.sudo(self.lina).create({'name': '王五', 'parent_id': customer.id}).sudo()
        address = self.Partner.create({'name': '注册地址', 'parent_id': customer.id,
                                       'type': 'registered'})
        self.assertEqual(contact.crm_owner_id, self.lina)
        self.assertEqual(contact.crm_team_id, self.team_east)
        self.assertEqual(address.crm_owner_id, self.lina)
        self.env['crm.clock'].set_now('2026-06-11 01:00:00')
        customer.sudo().write({'user_id': self.yanglei.id, 'team_id': self.team_south.id})
        self.assertEqual(customer.owner_assigned_at, '2026-06-11 01:00:00')
        self.assertEqual(customer.crm_owner_id, self.yanglei)
        # stored values were recomputed: search on them finds the contact
        self.assertIn(contact, self.Partner.search([('crm_owner_id', '=', self.yanglei.id)]))
        self.assertEqual(contact.crm_team_id, self.team_south)
        self.assertEqual(address.crm_owner_id, self.yanglei)
        # a contact moved to another customer takes its owner
        other = self.make_customer('负责人测试二有限公司', user=self.wangfang)
        contact.write({'parent_id': other.id})
        self.assertEqual(contact.crm_owner_id, self.wangfang)

    def test_deal_flag(self):
        customer = self.make_customer('成交测试有限公司')
        self.assertEqual(customer.customer_status, 'new')
        customer.sudo(self.lina).action_mark_deal()
        self.assertTrue(customer.is_deal)
        self.assertEqual(customer.first_deal_date, '2026-06-10')
        self.assertEqual(customer.customer_status, 'deal')
        self.env['crm.clock'].set_now('2026-07-01 04:00:00')
        with self.assertRaises(AccessError):
            customer.write({'is_deal': False})  # lina's own customer, but only actions may
        customer.sudo().write({'is_deal': False})
        customer.sudo(self.lina).action_mark_deal()
        self.assertEqual(customer.first_deal_date, '2026-06-10', 'first deal date is kept')

    def test_relations_both_directions(self):
        parent = self.make_customer('集团总部有限公司')
        child = self.make_customer('集团子公司有限公司')
        child.write({'relation_ids': [(0, 0, {'related_partner_id': parent.id,
                                              'relation_type': 'parent'})]})
        self.assertEqual(child.relation_ids.related_partner_id, parent)
        self.assertEqual(parent.relation_inverse_ids.partner_id, child)
        self.assertEqual(parent.relation_inverse_ids.inverse_relation_type, 'subsidiary')

    def test_levels_sources_and_addresses(self):
        levels = self.env['crm.customer.level'].search([])
        self.assertGreaterEqual(len(levels), 4)
        sources = self.env['crm.customer.source'].search([])
        self.assertIn(self.env.ref('crm_sales.customer_source_exhibition'), sources)
        types = dict(self.Partner._fields['type'].selection)
        self.assertIn('registered', types)
        self.assertIn('office', types)
        with self.assertRaises(AccessError):
            self.env['crm.customer.level'].sudo(self.lina).create({'name': 'E'})
        self.env['crm.customer.level'].sudo(self.admin_crm).create({'name': 'E'})

    def test_filters_mine_and_team(self):
        mine = self.Partner.sudo(self.lina).search([('is_crm_customer', '=', True),
                                                    ('user_id', '=', self.lina.id)])
        self.assertTrue(mine)
        self.assertEqual(mine.mapped('user_id'), self.lina)
        demo = self.env.ref('crm_sales.demo_customer_01')
        self.assertEqual(len(demo.child_ids.filtered('is_primary_contact')), 1)


class TestNewCustomerOwner(SalesCase):
    """A customer a salesperson creates with a name only is hers and her team's."""

    ACTION_CONTEXT = {'default_is_company': True, 'default_customer': True,
                      'default_company_type': 'company'}

    def test_a_name_is_enough_and_the_customer_is_mine(self):
        Partner = self.Partner.sudo(self.lina).with_context(**self.ACTION_CONTEXT)
        customer = Partner.create({'name': '只填名称有限公司'})
        self.assertEqual(customer.user_id, self.lina)
        self.assertEqual(customer.team_id, self.team_east)
        customer.write({'phone': '021-55550000'})  # she can keep working on it
        seen = self.Partner.sudo(self.zhangwei).search([('id', '=', customer.id)])
        self.assertEqual(seen.ids, [customer.id], 'her leader sees it')

    def test_the_team_follows_the_owner_chosen(self):
        customer = self.Partner.sudo(self.sunqiang).create({
            'name': '经理代建有限公司', 'is_company': True, 'customer': True,
            'user_id': self.yanglei.id})
        self.assertEqual(customer.team_id, self.team_south)

    def test_contacts_and_other_partners_get_no_owner(self):
        supplier = self.Partner.sudo(self.lina).create(
            {'name': '供应商甲', 'is_company': True, 'customer': False})
        self.assertFalse(supplier.user_id)
