# -*- coding: utf-8 -*-
import xlrd

from odoo.exceptions import ValidationError

from .common import ReportCase


class TestXlsx(ReportCase):
    """Every report exports to a workbook (OCA report_xlsx) that opens, with a header,
    totals, frozen panes, and the figures of the user's scope."""

    @classmethod
    def setUpClass(cls):
        super(TestXlsx, cls).setUpClass()
        customer = cls.make_customer('导出测试客户有限公司', cls.lina)
        contract = cls.approved_contract(customer, 50000, '2026-03-01', lines=[(25000, 2)])
        plan = cls.plan(contract, 20000, '2026-04-01')
        cls.payment(contract, 5000, '2026-04-03', plan)

    def export(self, user, report, **kw):
        vals = dict(report=report, date_from='2026-01-01', date_to='2026-12-31', year=2026)
        vals.update(kw)
        wizard = self.env['crm.report.export'].sudo(user).create(vals)
        action = wizard.action_export()
        self.assertEqual(action['report_type'], 'xlsx')
        content, kind = self.env.ref('crm_reports.action_report_crm_reports_xlsx').sudo(
            user).with_context(active_model='crm.report.export').render_xlsx(wizard.ids, {})
        self.assertEqual(kind, 'xlsx')
        return xlrd.open_workbook(file_contents=content)

    def test_every_report_exports(self):
        for user in (self.lina, self.sunqiang):
            for report, _label in self.env['crm.report.export']._report_selection():
                book = self.export(user, report)
                self.assertTrue(book.nsheets, report)
                sheet = book.sheet_by_index(0)
                self.assertTrue(sheet.cell_value(0, 0), report)

    def find_row(self, sheet, label, col=0, start=0):
        for row in range(start, sheet.nrows):
            if sheet.cell_value(row, col) == label:
                return row
        self.fail('%r not found in %s' % (label, sheet.name))

    def test_funnel_sheet_has_the_figures(self):
        steps = self.env['crm.report.funnel'].sudo(self.lina)._funnel(
            [('date', '>=', '2026-01-01'), ('date', '<=', '2026-12-31')])
        sheet = self.export(self.lina, 'funnel').sheet_by_index(0)
        self.assertEqual(sheet.cell_value(3, 0), 'Step')
        for i, step in enumerate(steps, 4):
            self.assertEqual(sheet.cell_value(i, 0), step['label'])
            self.assertEqual(sheet.cell_value(i, 1), step['count'])
            self.assertAlmostEqual(sheet.cell_value(i, 2), step['amount'], 2)
            if step['rate'] is not None:
                self.assertAlmostEqual(sheet.cell_value(i, 3), step['rate'])

    def test_receivable_totals(self):
        totals = self.env['crm.report.receivable'].sudo(self.lina)._totals(
            [('date', '>=', '2026-01-01'), ('date', '<=', '2026-12-31')],
            ['amount_planned', 'amount_received'])
        sheet = self.export(self.lina, 'receivable').sheet_by_index(0)
        row = self.find_row(sheet, 'Total')
        self.assertAlmostEqual(sheet.cell_value(row, 1), totals['amount_planned'], 2)
        self.assertAlmostEqual(sheet.cell_value(row, 2), totals['amount_received'], 2)
        self.assertGreaterEqual(totals['amount_received'], 5000)

    def test_performance_sheet_months(self):
        months = self.env['crm.report.performance'].sudo(self.lina)._monthly(2026)
        sheet = self.export(self.lina, 'performance').sheet_by_index(0)
        for i, month in enumerate(months, 4):
            self.assertEqual(sheet.cell_value(i, 0), month['period'])
            self.assertAlmostEqual(sheet.cell_value(i, 1), month['actual'], 2)
            self.assertAlmostEqual(sheet.cell_value(i, 2), month['target'], 2)

    def test_bad_period_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env['crm.report.export'].sudo(self.lina).create(
                {'report': 'funnel', 'date_from': '2026-12-01', 'date_to': '2026-01-01'})

    def test_workbook_in_chinese(self):
        wizard = self.env['crm.report.export'].sudo(self.sunqiang).with_context(
            lang='zh_CN').create({'report': 'funnel', 'date_from': '2026-01-01',
                                  'date_to': '2026-12-31'})
        content, _kind = self.env.ref('crm_reports.action_report_crm_reports_xlsx').sudo(
            self.sunqiang).with_context(lang='zh_CN', active_model='crm.report.export').render_xlsx(
            wizard.ids, {})
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        self.assertEqual(sheet.name, '销售漏斗')
        self.assertEqual(sheet.cell_value(3, 0), '步骤')
        self.assertEqual(sheet.cell_value(4, 0), '线索')
