# -*- coding: utf-8 -*-
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError

from .common import CUSTOMER_HEADER, ImportCase


class TestImportRun(ImportCase):

    def test_chunked_run_gives_what_the_preview_said(self):
        self.env['res.partner'].sudo(self.lina).create({
            'name': '批量客户 7', 'is_company': True, 'customer': True})
        rows = [['批量客户 %d' % i, 'B', None, None, None, None, i, '联系人%d' % i,
                 '1370000%04d' % i, None] for i in range(1, 103)]
        rows[59][6] = 'abc'                                 # a bad number
        with patch('odoo.addons.crm_import.models.crm_import_batch.CHUNK_SIZE', 40):
            batch = self.preview(self.lina, CUSTOMER_HEADER, rows)
        self.assertEqual((batch.row_count, batch.to_create_count, batch.to_skip_count,
                          batch.error_count), (102, 100, 1, 1))
        chunks = self.env['crm.import.chunk'].search([('batch_id', '=', batch.id)])
        self.assertEqual(len(chunks), 3)
        batch.action_run()
        self.assertEqual(batch.state, 'running')
        jobs = self.run_jobs(batch)
        self.assertEqual(set(jobs.mapped('user_id')), {self.lina})   # never the superuser
        self.assertEqual(batch.state, 'done')
        self.assertEqual(batch.progress, 100.0)
        self.assertEqual((batch.created_count, batch.updated_count, batch.skipped_count,
                          batch.failed_count), (100, 0, 1, 1))
        created = self.Partner.search([('name', '=like', '批量客户 %'), ('is_crm_customer', '=', True)])
        self.assertEqual(len(created), 101)
        one = self.customer('批量客户 5')
        self.assertEqual((one.user_id, one.customer_level_id.name[:1], one.employee_count),
                         (self.lina, 'B', 5))
        self.assertEqual(one.primary_contact_id.name, '联系人5')
        self.assertEqual(one.primary_contact_id.mobile, '13700000005')
        self.assertTrue(one.customer_code)
        with self.assertRaises(UserError):
            batch.action_run()   # once

    def test_skip_or_update_an_existing_customer(self):
        existing = self.env['res.partner'].sudo(self.lina).create({
            'name': '老客户', 'is_company': True, 'customer': True, 'employee_count': 5})
        rows = [['老客户', 'A', None, None, None, None, 99, '新联系人', '13811112222', None]]
        skip = self.preview(self.lina, CUSTOMER_HEADER, rows, mode='skip')
        skip.action_run()
        self.run_jobs(skip)
        self.assertEqual((skip.skipped_count, existing.employee_count), (1, 5))
        self.assertFalse(existing.child_ids)
        update = self.preview(self.lina, CUSTOMER_HEADER, rows, mode='update')
        self.assertEqual(update.to_update_count, 1)
        update.action_run()
        self.run_jobs(update)
        existing.invalidate_cache()
        self.assertEqual(update.updated_count, 1)
        self.assertEqual((existing.employee_count, existing.customer_level_id.name[:1]), (99, 'A'))
        self.assertEqual(existing.primary_contact_id.name, '新联系人')

    def test_a_row_the_orm_refuses_fails_alone(self):
        rows = [['先到的客户', None, None, None, None, None, None, None, None, None],
                ['后到的客户', None, None, None, None, None, None, None, None, None]]
        batch = self.preview(self.lina, CUSTOMER_HEADER, rows)
        # between preview and run, a colleague saves the same customer
        self.env['res.partner'].sudo(self.wangfang).create({
            'name': '先到的客户', 'is_company': True, 'customer': True})
        batch.action_run()
        self.run_jobs(batch)
        self.assertEqual((batch.created_count, batch.failed_count), (1, 1))
        failed = batch.sudo().line_ids.filtered(lambda l: l.level == 'failed')
        self.assertEqual(failed.row, 2)
        self.assertIn('先到的客户', failed.message)   # crm_sales' unique-name message
        self.assertEqual(self.cells(batch, 2)[0], '先到的客户')
        self.assertTrue(self.customer('后到的客户'))

    def test_contacts_leads_and_products(self):
        mine = self.env['res.partner'].sudo(self.lina).create({
            'name': '李娜的客户', 'is_company': True, 'customer': True})
        self.env['res.partner'].sudo(self.yanglei).create({
            'name': '杨磊的客户', 'is_company': True, 'customer': True})
        batch = self.preview(self.lina, ['Customer', 'Contact Name', 'Mobile', 'Birthday'], [
            ['李娜的客户', '赵经理', '13600000001', '1990-05-06'],
            ['杨磊的客户', '钱经理', None, None],
            [mine.customer_code, '孙经理', None, '1990-13-45']], kind='contact')
        self.assertEqual(sorted(self.errors(batch)), [3, 4])
        batch.action_run()
        self.run_jobs(batch)
        self.assertEqual(mine.child_ids.mapped('name'), ['赵经理'])
        self.assertEqual(mine.child_ids.birthday, '1990-05-06')

        leads = self.preview(self.lina, ['name', 'partner_name', 'customer_source_id', 'user_id',
                                         'Expected Closing'], [
            ['展会线索', '某公司', 'Exhibition', '李娜', '2026-12-31'],
            ['给别人的线索', None, None, self.yanglei.name, None]], kind='lead')
        self.assertEqual(sorted(self.errors(leads)), [3])
        leads.action_run()
        self.run_jobs(leads)
        lead = self.env['crm.lead'].search([('name', '=', '展会线索')])
        self.assertEqual((lead.type, lead.user_id, lead.team_id, lead.date_deadline),
                         ('lead', self.lina, self.team_east, '2026-12-31'))

        with self.assertRaises(AccessError):
            self.preview(self.lina, ['Product Name'], [['产品甲']], kind='product')
        products = self.preview(self.zhoutao, ['Product Name', 'Internal Reference', 'Sales Price'],
                                [['导入产品甲', 'IMP-1', 100], ['导入产品乙', 'IMP-2', 'x']],
                                kind='product')
        self.assertEqual(sorted(self.errors(products)), [3])
        products.action_run()
        self.run_jobs(products)
        product = self.env['product.template'].search([('default_code', '=', 'IMP-1')])
        self.assertEqual((product.name, product.list_price), ('导入产品甲', 100.0))
        again = self.preview(self.zhoutao, ['Product Name', 'Internal Reference', 'Sales Price'],
                             [['导入产品甲（新）', 'IMP-1', 120]], kind='product', mode='update')
        again.action_run()
        self.run_jobs(again)
        product.invalidate_cache()
        self.assertEqual((again.updated_count, product.list_price), (1, 120.0))
