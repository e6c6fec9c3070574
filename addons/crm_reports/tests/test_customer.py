# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, ValidationError

from ..models.crm_report_customer import rfm_scores, rfm_segment
from .common import EFFECTIVE, ReportCase


class TestCustomer(ReportCase):
    """Churn warning with a moving clock and a configurable delay, lost customers with
    reasons, RFM, contribution, composition and the deal cycle, each recomputed from the
    raw records for every customer."""

    @classmethod
    def setUpClass(cls):
        super(TestCustomer, cls).setUpClass()
        # the delay these tests count with, set as the settings screen does (with
        # crm_lifecycle the parameter and its default are the churn worklist's)
        cls.env['crm.report.customer']._set_churn_days(180)
        FollowUp = cls.env['crm.follow.up']
        cls.quiet = cls.make_customer('流失测试沉默客户', cls.lina)
        cls.busy = cls.make_customer('流失测试活跃客户', cls.lina)
        cls.hopeful = cls.make_customer('流失测试有商机客户', cls.lina)
        cls.set_create_date(cls.quiet | cls.busy | cls.hopeful, '2025-10-01 02:00:00')
        FollowUp.sudo(cls.lina).create({'partner_id': cls.quiet.id, 'content': '年初拜访',
                                        'date': '2026-01-01 02:00:00'})
        FollowUp.sudo(cls.lina).create({'partner_id': cls.busy.id, 'content': '最近电话',
                                        'date': '2026-06-01 02:00:00'})
        cls.env['crm.lead'].sudo(cls.lina).create({
            'name': '流失测试商机', 'type': 'opportunity', 'partner_id': cls.hopeful.id})
        cls.big = cls.make_customer('贡献测试大客户', cls.wangfang)
        cls.set_create_date(cls.big, '2026-01-01 02:00:00')
        cls.approved_contract(cls.big, 95000, '2026-03-01')
        contract = cls.approved_contract(cls.big, 90000, '2026-05-01')
        cls.payment(contract, 40000, '2026-05-10')
        # what the hourly cron does: the report's totals include the records above
        cls.env['crm.report.customer']._refresh_facts()

    def raw_customers(self, user):
        """{partner id: facts} for every customer the user may see."""
        today = self.env['crm.clock'].today()
        churn_days = self.env['crm.report.customer']._churn_days()
        visible = self.scope_filter(user)
        result = {}
        for partner in self.env['res.partner'].search([('is_crm_customer', '=', True)]).filtered(visible):
            contracts = self.env['crm.contract'].search([('partner_id', '=', partner.id),
                                                         ('state', 'in', EFFECTIVE)])
            payments = self.env['crm.receivable'].search([('partner_id', '=', partner.id),
                                                          ('state', '=', 'approved')])
            follow_ups = self.env['crm.follow.up'].search([('partner_id', '=', partner.id)])
            open_opps = self.env['crm.lead'].search_count([
                ('partner_id', '=', partner.id), ('type', '=', 'opportunity'),
                ('end_status', '=', False)])
            deal_dates = [self.date(c.sign_date) for c in contracts if c.sign_date] + \
                [self.date(p.date) for p in payments]
            activity = deal_dates + [self.local_date(f.date) for f in follow_ups]
            last = max(activity) if activity else self.local_date(partner.create_date)
            inactive = (today - last).days
            last_deal = max(deal_dates) if deal_dates else None
            payment_amount = sum(payments.mapped('amount'))
            r, f, m = rfm_scores((today - last_deal).days if last_deal else None,
                                 len(contracts), payment_amount)
            first = self.env['crm.contract'].search(
                [('partner_id', '=', partner.id), ('state', 'in', EFFECTIVE + ('superseded',))],
                order='sign_date', limit=1)
            result[partner.id] = {
                'contract_amount': sum(contracts.mapped('amount_total')),
                'payment_amount': payment_amount,
                'days_inactive': inactive,
                'churn_warning': inactive >= churn_days and not open_opps
                                 and partner.customer_status != 'lost',
                'rfm': (r, f, m, rfm_segment(r, f, m)),
                'deal_days': (self.date(first.sign_date) - self.local_date(partner.create_date)).days
                             if first and first.sign_date else None,
                'level': partner.customer_level_id.id,
            }
        return result

    def check_all(self, user):
        raw = self.raw_customers(user)
        # the totals are materialized: recompute them as the hourly cron does (this also
        # forgets what an earlier clock gave: the report reads the clock in SQL)
        self.env['crm.report.customer']._refresh_facts()
        rows = self.env['crm.report.customer'].sudo(user).search([])
        self.assertEqual(set(rows.mapped('partner_id').ids), set(raw))
        for row in rows:
            exp = raw[row.partner_id.id]
            name = row.partner_id.name
            self.assertAlmostEqual(row.contract_amount, exp['contract_amount'], 2, name)
            self.assertAlmostEqual(row.payment_amount, exp['payment_amount'], 2, name)
            self.assertEqual(row.days_inactive, exp['days_inactive'], name)
            self.assertEqual(row.churn_warning, exp['churn_warning'], name)
            self.assertEqual((row.recency_score, row.frequency_score, row.monetary_score,
                              row.rfm_segment), exp['rfm'], name)
            self.assertEqual(row.rfm_score, sum(exp['rfm'][:3]), name)
            self.assertEqual(row.deal_days or None, exp['deal_days'] or None, name)
        return raw

    def churned(self, user):
        return set(self.env['crm.report.customer'].sudo(user).search(
            [('churn_warning', '=', True)]).mapped('partner_id').ids)

    def test_churn_follows_the_clock_and_the_setting(self):
        self.check_all(self.lina)
        churned = self.churned(self.lina)        # 2026-06-10: quiet since 2026-01-01 = 160 days
        self.assertNotIn(self.quiet.id, churned)
        self.set_now('2026-08-01 04:00:00')       # 212 days
        churned = self.churned(self.lina)
        self.assertIn(self.quiet.id, churned)
        self.assertNotIn(self.busy.id, churned)
        self.assertNotIn(self.hopeful.id, churned)    # an open opportunity
        self.check_all(self.lina)
        self.set_now('2027-01-01 04:00:00')       # busy: 214 days
        self.assertIn(self.busy.id, self.churned(self.lina))
        self.env['crm.report.customer']._set_churn_days(300)
        churned = self.churned(self.lina)
        self.assertNotIn(self.busy.id, churned)    # 214 < 300
        self.assertIn(self.quiet.id, churned)      # 365 >= 300
        self.check_all(self.lina)

    def test_every_customer_as_leader_and_manager(self):
        self.set_now('2026-08-01 04:00:00')
        self.check_all(self.zhangwei)
        raw = self.check_all(self.sunqiang)
        self.assertEqual(raw[self.big.id]['deal_days'], 59)
        self.assertEqual(raw[self.big.id]['rfm'][1], 2)

    def test_lost_customers_with_reasons(self):
        reason = self.env['crm.lost.reason'].search([], limit=1)
        opp = self.env['crm.lead'].sudo(self.lina).create({
            'name': '丢单测试', 'type': 'opportunity', 'partner_id': self.busy.id})
        opp.action_set_end_status('lost', reason.id)
        self.busy.sudo(self.lina).write({'customer_status': 'lost'})
        self.env['crm.report.customer']._refresh_facts()
        row = self.env['crm.report.customer'].sudo(self.lina).search(
            [('customer_status', '=', 'lost'), ('partner_id', '=', self.busy.id)])
        self.assertEqual(row.lost_reason_id, reason)
        self.assertFalse(row.churn_warning)

    def test_contribution_top_n_and_share(self):
        Customer = self.env['crm.report.customer'].sudo(self.sunqiang)
        items, total = Customer._contribution(top_n=3)
        raw = self.raw_customers(self.sunqiang)
        amounts = sorted((v['contract_amount'] for v in raw.values()), reverse=True)
        self.assertAlmostEqual(total, sum(amounts), 2)
        self.assertEqual([round(i['contract_amount'], 2) for i in items],
                         [round(a, 2) for a in amounts[:3]])
        for item in items:
            self.assertAlmostEqual(item['share'], item['contract_amount'] / total)
        # a salesperson's shares are of their own total
        mine, my_total = self.env['crm.report.customer'].sudo(self.wangfang)._contribution(top_n=1)
        self.assertAlmostEqual(my_total, sum(v['contract_amount'] for v in
                                             self.raw_customers(self.wangfang).values()), 2)
        wangfang = self.raw_customers(self.wangfang)
        top = max(wangfang, key=lambda pid: (wangfang[pid]['contract_amount'], -pid))
        self.assertEqual(mine[0]['partner'], self.env['res.partner'].browse(top).display_name)
        self.assertAlmostEqual(mine[0]['share'], wangfang[top]['contract_amount'] / my_total)

    def test_composition_by_level(self):
        raw = self.raw_customers(self.zhangwei)
        groups = self.env['crm.report.customer'].sudo(self.zhangwei).read_group(
            [], ['customer_level_id', 'nbr'], ['customer_level_id'])
        got = {g['customer_level_id'] and g['customer_level_id'][0]: g['nbr'] for g in groups}
        expected = {}
        for facts in raw.values():
            expected[facts['level'] or False] = expected.get(facts['level'] or False, 0) + 1
        self.assertEqual(got, expected)

    def test_totals_are_as_fresh_as_the_last_refresh(self):
        """The totals are materialized: a new contract counts after the next refresh (the
        hourly cron or a manager's "Refresh Now"), and the report says when that was;
        owners and churn warnings are live."""
        Report = self.env['crm.report.customer']
        before = Report.sudo(self.lina).search([('partner_id', '=', self.busy.id)])
        self.assertEqual(before.contract_count, 0)
        self.approved_contract(self.busy, 12000, '2026-06-01')
        Report.invalidate_cache()
        self.assertEqual(Report.sudo(self.lina).search(
            [('partner_id', '=', self.busy.id)]).contract_count, 0)
        self.env['ir.config_parameter'].sudo().set_param(
            'crm_reports.customer_facts_refreshed_at', '2000-01-01 00:00:00')
        with self.assertRaises(AccessError):
            Report.sudo(self.lina).action_refresh_facts()
        Report.sudo(self.sunqiang).action_refresh_facts()
        row = Report.sudo(self.lina).search([('partner_id', '=', self.busy.id)])
        self.assertEqual((row.contract_count, row.contract_amount), (1, 12000))
        self.assertGreater(Report._refreshed_at(), '2026-01-01')
        board = self.env['crm.report.dashboard'].sudo(self.lina).create({})
        self.assertEqual(board.customer_refreshed_at, Report._refreshed_at())
        # a transfer shows at once: the owner is read live
        self.busy.sudo().write({'user_id': self.wangfang.id})
        Report.invalidate_cache()
        self.assertFalse(Report.sudo(self.lina).search([('partner_id', '=', self.busy.id)]))

    def test_report_settings(self):
        """CRM managers set the churn delay in CRM > Configuration > Report Settings;
        salespeople cannot, and a nonsense delay is refused with nothing changed."""
        Settings = self.env['crm.report.settings']
        with self.assertRaises(AccessError):
            Settings.sudo(self.lina).create({'churn_days': 30})
        with self.assertRaises(ValidationError):
            Settings.sudo(self.sunqiang).create({'churn_days': 0})
        self.assertEqual(self.env['crm.report.customer']._churn_days(), 180)
        settings = Settings.sudo(self.sunqiang).create({})
        self.assertEqual(settings.churn_days, 180)
        settings.churn_days = 30
        settings.action_save()
        self.assertEqual(self.env['crm.report.customer']._churn_days(), 30)
        self.set_now('2026-06-10 04:00:00')   # busy: followed up 2026-06-01, 9 days
        self.assertNotIn(self.busy.id, self.churned(self.lina))
        self.set_now('2026-07-15 04:00:00')   # 44 days >= 30
        self.assertIn(self.busy.id, self.churned(self.lina))
