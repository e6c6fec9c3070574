# -*- coding: utf-8 -*-
from odoo.addons.crm_contract.tests.common import ContractCase


class TestWorkReportContract(ContractCase):
    """A daily report counts the contracts its author created that day, with their amount."""

    def backdate(self, contract, when):
        self.env.cr.execute('UPDATE crm_contract SET create_date = %s WHERE id = %s',
                            (when, contract.id))
        contract.invalidate_cache()

    def test_the_days_new_contracts_are_in_the_report(self):
        Report = self.env['crm.work.report'].with_context(lang='zh_CN')
        # the clock's day, 2026-06-10 in Shanghai: 06-09 16:00 to 06-10 16:00 UTC
        before = self.Contract.sudo().search([
            ('user_id', '=', self.lina.id), ('create_date', '>=', '2026-06-09 16:00:00'),
            ('create_date', '<', '2026-06-10 16:00:00')])
        today = self.make_contract(80000)
        late = self.make_contract(20000)
        self.backdate(today, '2026-06-10 02:00:00')
        self.backdate(late, '2026-06-10 15:30:00')        # 23:30 in Shanghai: still today
        yesterday = self.make_contract(50000)
        self.backdate(yesterday, '2026-06-09 15:59:00')   # 23:59 on the 9th
        theirs = self.env['res.partner'].sudo(self.wangfang).create({
            'name': '王芳的合同客户有限公司', 'is_company': True, 'customer': True,
            'user_id': self.wangfang.id, 'team_id': self.team_east.id})
        colleague = self.make_contract(30000, user=self.wangfang, partner_id=theirs.id)
        self.backdate(colleague, '2026-06-10 02:00:00')

        report = Report.sudo(self.lina).create({'summary': '签了两份合同'})
        self.assertEqual(report.date, '2026-06-10')
        self.assertEqual(report.new_contract_count, len(before) + 2)
        self.assertEqual(set(report.new_contract_ids.ids),
                         set(before.ids) | {today.id, late.id})
        self.assertEqual(report.new_contract_amount,
                         sum(before.mapped('amount_total')) + 100000)
        # her leader reads the same figures
        seen = report.sudo(self.zhangwei)
        self.assertEqual((seen.new_contract_count, seen.new_contract_amount),
                         (report.new_contract_count, report.new_contract_amount))

        # a contract created later the same day shows after 刷新数据, not before
        again = self.make_contract(5000)
        self.backdate(again, '2026-06-10 05:00:00')
        self.assertNotIn(again, report.new_contract_ids)
        report.sudo(self.lina).action_refresh_figures()
        self.assertIn(again, report.new_contract_ids)
        self.assertEqual(report.new_contract_count, len(before) + 3)

    def test_the_counts_are_action_only(self):
        from odoo.exceptions import AccessError, UserError
        report = self.env['crm.work.report'].sudo(self.lina).create({})
        with self.assertRaises((AccessError, UserError)):
            with self.env.cr.savepoint():
                report.write({'new_contract_count': 99})
        self.assertNotEqual(report.new_contract_count, 99)
