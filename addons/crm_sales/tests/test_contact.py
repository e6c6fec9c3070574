# -*- coding: utf-8 -*-
from odoo.exceptions import UserError, ValidationError

from .sales_common import SalesCase


class TestContact(SalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestContact, cls).setUpClass()
        cls.customer = cls.make_customer('联系人测试有限公司')

    def new_contact(self, name, **kw):
        vals = dict(name=name, parent_id=self.customer.id, mobile='1390000%04d' % len(name))
        vals.update(kw)
        return self.Partner.sudo(self.lina).create(vals)

    def test_first_contact_is_primary(self):
        c1 = self.new_contact('赵一', contact_role='decision_maker', wechat='zhao1',
                              gender='male', birthday='1980-05-01')
        c2 = self.new_contact('钱二', contact_role='finance')
        self.assertTrue(c1.is_primary_contact)
        self.assertFalse(c2.is_primary_contact)
        self.assertEqual(self.customer.primary_contact_id, c1)
        self.assertEqual(c1.wechat, 'zhao1')
        # an address is not a contact: never primary
        addr = self.new_contact('办公地址', type='office')
        self.assertFalse(addr.is_primary_contact)

    def test_set_primary_switches(self):
        c1 = self.new_contact('孙三')
        c2 = self.new_contact('李四四')
        c2.sudo(self.lina).action_set_primary()
        self.assertTrue(c2.is_primary_contact)
        self.assertFalse(c1.is_primary_contact)
        self.assertEqual(self.customer.primary_contact_id, c2)

    def test_second_primary_refused(self):
        c1 = self.new_contact('周五')
        c2 = self.new_contact('吴六')
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                c2.sudo(self.lina).write({'is_primary_contact': True})
        self.assertTrue(c1.is_primary_contact)
        self.assertFalse(c2.is_primary_contact)
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                self.new_contact('郑七', is_primary_contact=True)
        self.assertEqual(len(self.customer.child_ids.filtered('is_primary_contact')), 1)

    def test_primary_archived_promotes_next(self):
        c1 = self.new_contact('冯八')
        c2 = self.new_contact('陈九')
        c1.write({'active': False})
        self.assertFalse(c1.is_primary_contact)
        self.assertTrue(c2.is_primary_contact)
        c2.sudo().unlink()
        self.assertFalse(self.customer.child_ids.filtered('is_primary_contact'))

    def test_set_primary_without_company(self):
        loner = self.Partner.create({'name': '独立联系人'})
        with self.assertRaises(UserError):
            loner.action_set_primary()

    def test_contact_names_may_repeat(self):
        other = self.make_customer('联系人测试二有限公司')
        self.new_contact('王明')
        self.Partner.create({'name': '王明', 'parent_id': other.id})  # no error
