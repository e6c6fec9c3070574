# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError

from .common import ImportCase

HEADER = ['Customer Name', 'Owner', 'Sales Team']


class TestImportOwner(ImportCase):

    def test_salesperson_imports_for_herself_only(self):
        batch = self.preview(self.lina, HEADER, [
            ['自己的客户', None, None], ['写自己名字的客户', '李娜', None],
            ['给同事的客户', self.wangfang.name, None], ['别的团队', None, self.team_south.name]])
        errors = self.errors(batch)
        self.assertEqual(sorted(errors), [4, 5])
        self.assertIn(self.wangfang.name, errors[4])
        batch.action_run()
        self.run_jobs(batch)
        for name in ('自己的客户', '写自己名字的客户'):
            customer = self.customer(name)
            self.assertEqual((customer.user_id, customer.team_id), (self.lina, self.team_east))
        self.assertFalse(self.customer('给同事的客户'))

    def test_leader_gives_to_her_team_not_to_another(self):
        batch = self.preview(self.zhangwei, HEADER, [
            ['张伟给李娜的客户', self.lina.login, None], ['张伟给杨磊的客户', self.yanglei.login, None]])
        errors = self.errors(batch)
        self.assertEqual(sorted(errors), [3])
        batch.action_run()
        self.run_jobs(batch)
        customer = self.customer('张伟给李娜的客户')
        self.assertEqual((customer.user_id, customer.team_id), (self.lina, self.team_east))
        self.assertEqual(customer.create_uid, self.zhangwei)

    def test_manager_gives_to_anyone(self):
        batch = self.preview(self.sunqiang, HEADER, [['经理给杨磊的客户', self.yanglei.name, None]])
        self.assertFalse(self.errors(batch))
        batch.action_run()
        self.run_jobs(batch)
        self.assertEqual(self.customer('经理给杨磊的客户').user_id, self.yanglei)

    def test_update_of_a_colleagues_customer_is_refused(self):
        self.env['res.partner'].sudo(self.wangfang).create({
            'name': '王芳的客户', 'is_company': True, 'customer': True})
        batch = self.preview(self.lina, HEADER, [['王芳的客户', None, None]], mode='update')
        self.assertIn('may not change', self.errors(batch)[2])
        batch = self.preview(self.zhangwei, HEADER, [['王芳的客户', self.lina.name, None]],
                             mode='update')
        self.assertFalse(self.errors(batch))
        batch.action_run()
        self.run_jobs(batch)
        self.assertEqual(self.customer('王芳的客户').user_id, self.lina)   # transferred

    def test_imports_are_seen_by_their_importer_and_the_crm_administrator(self):
        batch = self.preview(self.lina, HEADER, [['可见性客户', None, None]])
        Batch = self.env['crm.import.batch']
        self.assertIn(batch, Batch.sudo(self.lina).search([]))
        self.assertIn(batch, Batch.sudo(self.zhoutao).search([]))
        self.assertNotIn(batch, Batch.sudo(self.wangfang).search([]))
        self.assertNotIn(batch, Batch.sudo(self.zhangwei).search([]))
        with self.assertRaises(AccessError):
            batch.sudo(self.zhoutao).action_run()   # only the importer starts it
        with self.assertRaises(AccessError):
            batch.sudo(self.wangfang).action_run()
