# -*- coding: utf-8 -*-
"""Customers and contacts created together (imports: ``res.partner._crm_create_batch``)
come out as ``create`` makes them, and are refused as ``create`` refuses them."""
from odoo.exceptions import AccessError, ValidationError

from .sales_common import SalesCase

# what the two paths may give differently: ids, names, timestamps, the code's number
VARYING = {'id', 'name', 'display_name', 'commercial_company_name', 'name_normalized',
           'customer_code', 'commercial_partner_id', 'parent_id', 'create_date',
           'write_date', 'owner_assigned_at', '__last_update', 'phone', 'phone_normalized',
           'mobile', 'mobile_normalized'}


class TestPartnerBatch(SalesCase):

    def as_lina(self):
        return self.env['res.partner'].sudo(self.lina).with_context(lang='zh_CN')

    def comparable(self, partner):
        names = [n for n, f in partner._fields.items() if f.store and n not in VARYING
                 and f.type not in ('one2many', 'binary') and not n.startswith('message_')]
        values = partner.sudo().read(names)[0]
        return {k: v for k, v in values.items() if k not in VARYING}

    def test_batch_gives_what_create_gives(self):
        Partner = self.as_lina()
        customer = {'is_company': True, 'customer': True, 'street': '延安路 1 号',
                    'city': '上海', 'customer_level_id': self.env['crm.customer.level'].search([], limit=1).id}
        one = Partner.create(dict(customer, name='批量对照客户甲', phone='021-10000001'))
        one_contact = Partner.create({'name': '对照联系人', 'parent_id': one.id, 'type': 'contact',
                                      'mobile': '13900000001'})
        batch = Partner._crm_create_batch([dict(customer, name='批量客户甲', phone='021-10000002'),
                                           dict(customer, name='批量客户乙', phone='021-10000003')])
        contacts = Partner._crm_create_batch([
            {'name': '批量联系人甲', 'parent_id': batch[0].id, 'type': 'contact', 'mobile': '13900000002'},
            {'name': '批量联系人乙', 'parent_id': batch[0].id, 'type': 'contact', 'mobile': '13900000003'}])
        self.assertEqual(batch.mapped('name'), ['批量客户甲', '批量客户乙'], 'in the order given')
        self.assertEqual(self.comparable(batch[0]), self.comparable(one))
        self.assertEqual(self.comparable(contacts[0]), self.comparable(one_contact))
        # what a salesperson sees of them
        self.assertEqual(batch.mapped('user_id'), self.lina, 'hers, as a customer she creates')
        self.assertEqual(batch[0].team_id, self.lina.sale_team_id)
        self.assertTrue(all(batch.mapped('customer_code')))
        self.assertEqual(len(set(batch.mapped('customer_code'))), 2)
        self.assertEqual(batch[0].child_ids, contacts)
        self.assertEqual(contacts.mapped('commercial_partner_id'), batch[0])
        self.assertEqual(contacts.mapped('is_primary_contact'), [True, False], 'the first one is primary')
        self.assertEqual(contacts[0].street, '延安路 1 号', "the customer's address")
        self.assertEqual(contacts[0].display_name, '批量客户甲, 批量联系人甲')
        self.assertEqual(Partner.search([('name', '=', '批量客户乙')]), batch[1], 'found by name')
        self.assertEqual(Partner.search([('phone_normalized', '=', '02110000003')]), batch[1])

    def test_refused_rows_write_nothing(self):
        Partner = self.as_lina()
        theirs = self.make_customer('批量杨磊客户', user=self.yanglei)
        mine = self.make_customer('批量李娜客户')
        before = self.env['res.partner'].search_count([])
        with self.assertRaisesRegex(AccessError, '不是您可以处理的'):
            with self.env.cr.savepoint():
                Partner._crm_create_batch([
                    {'name': '批量自己的联系人', 'parent_id': mine.id},
                    {'name': '批量越权联系人', 'parent_id': theirs.id}])
        self.assertEqual(self.env['res.partner'].search_count([]), before, 'not even the allowed row')
        with self.assertRaises(AccessError):
            with self.env.cr.savepoint():
                Partner._crm_create_batch([{'name': '批量冒充', 'is_company': True,
                                            'customer': True, 'user_id': self.yanglei.id,
                                            'team_id': self.yanglei.sale_team_id.id}])
        self.assertFalse(self.env['res.partner'].search([('name', '=', '批量冒充')]))

    def test_values_it_does_not_take_go_through_create(self):
        Partner = self.as_lina()
        tag = self.env['res.partner.category'].create({'name': '批量标签'})
        batch = Partner._crm_create_batch([{'name': '批量带标签客户', 'is_company': True,
                                            'customer': True, 'category_id': [(6, 0, tag.ids)]}])
        self.assertEqual(batch.category_id, tag)
        self.assertTrue(batch.customer_code)

    def test_checks_made_for_many_records_at_once_refuse_as_one_by_one(self):
        """The batched constraints (one query for many records) refuse what Odoo's
        record-by-record checks refuse."""
        Partner = self.env['res.partner']
        top = Partner.create({'name': '批量层级顶', 'is_company': True})
        middle = Partner.create({'name': '批量层级中', 'parent_id': top.id})
        other = Partner.create({'name': '批量层级旁', 'is_company': True})
        with self.assertRaisesRegex(ValidationError, 'recursive|递归'):
            with self.env.cr.savepoint():
                (top | other).write({'parent_id': middle.id})
        top.invalidate_cache()
        self.assertFalse(top.parent_id, 'nothing written')
        (other | self.env['res.partner'].create({'name': '批量层级新'})).write(
            {'parent_id': top.id})
        self.assertEqual(other.parent_id, top, 'a hierarchy without a loop is accepted')
        customers = self.as_lina()._crm_create_batch([
            {'name': '批量重名客户 甲', 'is_company': True, 'customer': True},
            {'name': '批量重名客户乙', 'is_company': True, 'customer': True}])
        with self.assertRaisesRegex(ValidationError, '已存在'):
            with self.env.cr.savepoint():
                customers.write({'name': '批量重名客户甲'})
        customers.invalidate_cache()
        self.assertEqual(customers.mapped('name'), ['批量重名客户 甲', '批量重名客户乙'])
