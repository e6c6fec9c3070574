# -*- coding: utf-8 -*-
import io

import xlrd

from odoo.exceptions import AccessError, UserError

from .common import CUSTOMER_HEADER, ImportCase, xlsx


class TestImportPreview(ImportCase):

    def test_every_error_class_is_reported_on_its_row(self):
        self.env['res.partner'].sudo(self.lina).create({
            'name': '已有客户有限公司', 'is_company': True, 'customer': True, 'phone': '021-66667777'})
        rows = [
            ['好客户甲', 'A', 'Exhibition', None, None, None, 10, '张三', '13900000001', '1980-01-02'],
            [None, 'A', None, None, None, None, None, None, None, None],           # 3: no name
            ['好客户乙', 'Z级', None, None, None, None, None, None, None, None],    # 4: level
            ['好客户丙', None, '路边', None, None, None, None, None, None, None],   # 5: source
            ['好客户丁', None, None, None, '不存在的人', None, None, None, None, None],  # 6: owner
            ['好客户戊', None, None, None, None, '火星组', None, None, None, None],  # 7: team
            ['好客户己', None, None, None, None, None, '很多', None, None, None],    # 8: number
            ['好客户庚', None, None, None, None, None, None, '李四', None, '去年'],   # 9: date
            ['已有客户 有限公司', None, None, None, None, None, None, None, None, None],  # 10: dup name
            ['新名字公司', None, None, '(021) 6666-7777', None, None, None, None, None, None],  # 11: phone
            ['好客户甲', None, None, None, None, None, None, None, None, None],     # 12: in file
        ]
        batch = self.preview(self.lina, CUSTOMER_HEADER, rows)
        errors = self.errors(batch)
        self.assertEqual(sorted(errors), [3, 4, 5, 6, 7, 8, 9, 12])
        self.assertIn('Customer Name', errors[3])
        self.assertIn('Z级', errors[4])
        self.assertIn('路边', errors[5])
        self.assertIn('不存在的人', errors[6])
        self.assertIn('火星组', errors[7])
        self.assertIn('很多', errors[8])
        self.assertIn('去年', errors[9])
        self.assertIn('row 2', errors[12])
        skipped = {l.row: l.message for l in batch.sudo().line_ids if l.level == 'skip'}
        self.assertEqual(sorted(skipped), [10, 11])
        self.assertIn('已有客户有限公司', skipped[10])
        self.assertEqual((batch.to_create_count, batch.to_skip_count, batch.error_count),
                         (1, 2, 8))
        self.assertEqual(batch.state, 'preview')
        # nothing is written before the run
        self.assertFalse(self.customer('好客户甲'))

    def test_unreadable_or_incomplete_files_are_refused_in_words(self):
        wizard = self.env['crm.import.wizard'].sudo(self.lina)
        with self.assertRaisesRegex(UserError, 'cannot be read'):
            wizard.create({'file': 'bm90IGEgc2hlZXQ=', 'file_name': 'x.xlsx'}).action_preview()
        with self.assertRaisesRegex(UserError, 'no column'):
            self.preview(self.lina, ['Phone'], [['123456']])
        with self.assertRaisesRegex(UserError, 'no rows'):
            self.preview(self.lina, CUSTOMER_HEADER, [])
        with self.assertRaises(AccessError):   # the executive changes nothing
            self.preview(self.wugang, CUSTOMER_HEADER, [['甲公司']])

    def test_template_headers_are_chinese_and_read_back(self):
        Xlsx = self.env['crm.import.xlsx'].sudo(self.lina).with_context(lang='zh_CN')
        for kind in ('customer', 'contact', 'lead', 'product'):
            book = xlrd.open_workbook(file_contents=Xlsx._template(kind))
            header = book.sheet_by_index(0).row_values(0)
            self.assertTrue(header[0].endswith('*'), header)
            self.assertTrue(all(any('\u4e00' <= ch <= '\u9fff' for ch in h) for h in header),
                            '%s template: %s' % (kind, header))
        book = xlrd.open_workbook(file_contents=Xlsx._template('customer'))
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.row_values(0)[0], '客户名称*')
        keys = self.env['crm.import.columns'].sudo(self.lina)._match_header(
            'customer', sheet.row_values(0))
        self.assertNotIn(None, keys)
        # the example row of the template previews without an error
        batch = self.preview(self.lina, sheet.row_values(0), [sheet.row_values(1)])
        self.assertEqual((batch.to_create_count, batch.error_count), (1, 0), self.errors(batch))

    def test_error_file_holds_the_refused_rows_and_why(self):
        rows = [['好客户甲', 'A', None, None, None, None, None, None, None, None],
                ['好客户乙', 'Z级', None, None, None, None, '多', None, None, None]]
        batch = self.preview(self.lina, CUSTOMER_HEADER, rows, name='客户名单.xlsx')
        book = xlrd.open_workbook(file_contents=batch._error_file())
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.nrows, 2)
        self.assertEqual(sheet.row_values(0)[2:], CUSTOMER_HEADER)
        row = sheet.row_values(1)
        self.assertEqual(int(row[0]), 3)
        self.assertIn('Z级', row[1])
        self.assertIn('多', row[1])
        self.assertEqual(row[2:4], ['好客户乙', 'Z级'])
        self.assertIn('客户名单', batch._error_file_name())
        # the error file is one of the import, seen by its importer and the administrator
        self.assertTrue(batch.sudo(self.zhoutao).get_error_file()['data'])
        with self.assertRaises(AccessError):
            batch.sudo(self.wangfang).get_error_file()
