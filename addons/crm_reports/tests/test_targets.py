# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, ValidationError

from .common import ReportCase


class TestTargets(ReportCase):

    def test_twelve_months_and_totals(self):
        target = self.env['crm.sales.target'].sudo(self.zhangwei).create(
            {'target_type': 'user', 'user_id': self.wangfang.id, 'year': 2030})
        self.assertEqual(target.line_ids.mapped('month'), ['%02d' % m for m in range(1, 13)])
        self.assertEqual(target.team_id, self.team_east)
        target.line_ids.write({'contract_amount': 1000, 'new_customer_count': 1})
        self.assertEqual(target.contract_amount, 12000)
        self.assertEqual(target.new_customer_count, 12)
        rows = self.env['crm.report.performance'].sudo(self.wangfang).read_group(
            [('target_level', '=', 'user'), ('date', '>=', '2030-01-01')],
            ['target_contract_amount', 'period'], ['period'])
        self.assertEqual(len(rows), 12)
        self.assertEqual({r['target_contract_amount'] for r in rows}, {1000})

    def test_one_target_per_salesperson_and_year(self):
        Target = self.env['crm.sales.target'].sudo(self.sunqiang)
        Target.create({'target_type': 'team', 'team_id': self.team_south.id, 'year': 2031})
        with self.assertRaises(ValidationError):
            Target.create({'target_type': 'team', 'team_id': self.team_south.id, 'year': 2031})
        with self.assertRaises(ValidationError):
            Target.create({'target_type': 'user', 'year': 2031})
        with self.assertRaises(ValidationError):
            Target.create({'target_type': 'team', 'team_id': self.team_east.id, 'year': 99999})
        with self.assertRaises(ValidationError):
            Target.create({'target_type': 'user', 'user_id': self.lina.id, 'year': 2031,
                           'line_ids': [(0, 0, {'month': '01', 'contract_amount': -5})]})

    def test_who_sets_targets(self):
        Target = self.env['crm.sales.target']
        with self.assertRaises(AccessError):
            Target.sudo(self.lina).create({'target_type': 'user', 'user_id': self.lina.id,
                                           'year': 2032})
        with self.assertRaises(AccessError):    # not his team
            Target.sudo(self.zhangwei).create({'target_type': 'user', 'user_id': self.yanglei.id,
                                               'year': 2032})
        mine = Target.sudo(self.zhangwei).create({'target_type': 'user', 'user_id': self.lina.id,
                                                  'year': 2032})
        self.assertEqual(Target.sudo(self.lina).search([('year', '=', 2032)]), mine)
        self.assertFalse(Target.sudo(self.wangfang).search([('year', '=', 2032)]))
        with self.assertRaises(AccessError):
            mine.sudo(self.lina).line_ids[0].write({'contract_amount': 1})
        with self.assertRaises(AccessError):
            mine.sudo(self.executive).write({'note': 'x'})

    def test_dashboard_matches_the_reports(self):
        for user in (self.lina, self.zhangwei, self.executive):
            board = self.env['crm.report.dashboard'].sudo(user).create({})
            # the breadcrumb shows the record's name
            self.assertEqual(board.with_context(lang='zh_CN').name_get()[0][1], '报表看板')
            Perf = self.env['crm.report.performance'].sudo(user)
            level = 'team' if user != self.lina else 'user'
            totals = Perf._totals(Perf._level_domain(level) + [
                ('date', '>=', '2026-06-01'), ('date', '<=', '2026-06-30')],
                ['contract_amount', 'target_contract_amount'])
            self.assertEqual(board.period, '2026-06')
            self.assertAlmostEqual(board.contract_amount, totals['contract_amount'], 2)
            self.assertAlmostEqual(board.target_contract_amount, totals['target_contract_amount'], 2)
            churn = self.env['crm.report.customer'].sudo(user).search_count(
                [('churn_warning', '=', True)])
            self.assertEqual(board.churn_warning_count, churn)
            funnel = self.env['crm.report.funnel'].sudo(user)._funnel(
                [('date', '>=', '2026-06-01'), ('date', '<=', '2026-06-30')])
            self.assertEqual(board.funnel_contract, funnel[4]['count'])
            month = Perf._monthly(2026, 'contract_amount', level=level)[5]
            self.assertAlmostEqual(board.contract_previous, month['previous'], 2)
            self.assertAlmostEqual(board.contract_last_year, month['last_year'], 2)
            self.assertAlmostEqual(board.contract_mom, 100.0 * month['mom'] if month['mom'] is not None else 0.0, 2)
            action = board.action_open_overdue()
            self.assertEqual(action['res_model'], 'crm.report.receivable')
