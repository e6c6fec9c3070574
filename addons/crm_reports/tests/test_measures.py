# -*- coding: utf-8 -*-
"""Ratio measures of the pivots (conversion rates, target completion): each group's value
is the ratio of the group's sums, whatever else the caller asked for. The expected ratios
are computed here from the raw records (leads, customers, opportunities, contracts,
payments, targets) per group, never from the reports."""
import xlrd

from .common import COHORT_RATES, EFFECTIVE, ReportCase

FUNNEL_RATES = COHORT_RATES
COMPLETION = {   # rate -> (actual, target line field)
    'contract_completion': ('contract_amount', 'contract_amount'),
    'payment_completion': ('payment_amount', 'payment_amount'),
    'new_customer_completion': ('new_customer_count', 'new_customer_count'),
}


def ratio(part, base):
    return (100.0 * part / base) if base else False


class TestMeasures(ReportCase):

    NOW = '2027-03-15 04:00:00'

    @classmethod
    def setUpClass(cls):
        super(TestMeasures, cls).setUpClass()
        Lead = cls.env['crm.lead']
        # lina: 3 leads (1 converted), 2 customers, 3 opportunities (2 won), 1 contract on
        # a won one, 2 payments in
        # January 2027; yanglei: a customer and a contract, no lead (no rate against leads)
        cls.customers = cls.make_customer('比率测试客户一', cls.lina) | \
            cls.make_customer('比率测试客户二', cls.lina)
        leads = Lead.browse()
        for i in range(3):
            leads |= Lead.sudo(cls.lina).create({'name': '比率测试线索 %d' % i, 'type': 'lead'})
        opps = Lead.browse()
        for i, customer in enumerate(cls.customers):
            opps |= Lead.sudo(cls.lina).create({
                'name': '比率测试商机 %d' % i, 'type': 'opportunity',
                'partner_id': customer.id, 'planned_revenue': 10000 * (i + 1)})
        # the first lead converted on the first customer with an opportunity: won, signed
        # and paid (a cohort going all the way); the other opportunity won and unsigned
        converted = Lead.browse(leads[0].sudo(cls.lina).action_convert(
            partner_id=cls.customers[0].id, create_opportunity=True)['opportunity_id'])
        opps[0].action_set_end_status('won')
        converted.sudo(cls.lina).action_set_end_status('won')
        cls.set_create_date(cls.customers, '2027-01-10 02:00:00')
        cls.set_create_date(leads | opps | converted, '2027-01-10 02:00:00')
        contract = cls.approved_contract(cls.customers[0], 60000, '2027-01-12', lead=converted)
        cls.payment(contract, 20000, '2027-01-20')
        cls.payment(contract, 10000, '2027-02-03')
        # lina a year and a month earlier (MoM / YoY across the year boundary)
        cls.approved_contract(cls.customers[1], 15000, '2026-01-20')
        cls.approved_contract(cls.customers[1], 24000, '2026-12-05')
        south = cls.make_customer('比率测试华南客户', cls.yanglei)
        cls.set_create_date(south, '2027-01-11 02:00:00')
        cls.approved_contract(south, 30000, '2027-01-15')
        # targets: lina and wangfang (January, February), the east team (January)
        Target = cls.env['crm.sales.target']
        for user, amount in ((cls.lina, 80000), (cls.wangfang, 50000)):
            target = Target.sudo(cls.zhangwei).create(
                {'target_type': 'user', 'user_id': user.id, 'year': 2027})
            target.line_ids.filtered(lambda l: l.month in ('01', '02')).write(
                {'contract_amount': amount, 'payment_amount': amount / 4,
                 'new_customer_count': 3})
        team = Target.sudo(cls.sunqiang).create(
            {'target_type': 'team', 'team_id': cls.team_east.id, 'year': 2027})
        team.line_ids.filtered(lambda l: l.month == '01').write(
            {'contract_amount': 300000, 'payment_amount': 40000, 'new_customer_count': 10})

    # ------------------------------------------------------------------ raw records
    def expected_rates(self, user, date_from, date_to, key):
        """{group key: {rate: value}} from the raw records (the cohort rates of
        common.py); ``key`` picks the group of a (step, user, team, period) tuple; None for
        the total."""
        groups = {}
        for row in self.raw_funnel_rows(user, date_from, date_to):
            groups.setdefault(key(row[:4]), []).append(row)
        return {k: self.cohort_rates(rows) for k, rows in groups.items()}

    def assertRates(self, got, expected, msg):
        for rate in expected:
            if expected[rate] is False:
                self.assertIs(got[rate], False, (msg, rate))
            else:
                self.assertAlmostEqual(got[rate], expected[rate], 6, (msg, rate))

    # ------------------------------------------------------------------ funnel
    def test_funnel_rates_per_group_and_total(self):
        Funnel = self.env['crm.report.funnel']
        dates = ('2027-01-01', '2027-02-28')
        domain = [('date', '>=', dates[0]), ('date', '<=', dates[1])]
        rates = sorted(FUNNEL_RATES)
        for user in (self.lina, self.zhangwei, self.sunqiang):
            for groupby, key in (('user_id', lambda r: r[1] or False),
                                 ('team_id', lambda r: r[2] or False),
                                 ('period', lambda r: r[3])):
                expected = self.expected_rates(user, dates[0], dates[1], key)
                # only the rates asked for (as the pivot does when they are its only measures)
                groups = Funnel.sudo(user).read_group(domain, [groupby] + rates, [groupby],
                                                      lazy=False)
                got = {(g[groupby][0] if isinstance(g[groupby], tuple) else g[groupby]): g
                       for g in groups}
                self.assertEqual(set(got), set(expected), (user.login, groupby))
                for k, values in expected.items():
                    self.assertRates(got[k], values, (user.login, groupby, k))
                    # the sums read for the ratios are not handed back unasked
                    self.assertNotIn('lead_count', got[k])
            # the total (the pivot's "Total" cell): ratio of the totals, not a sum of ratios
            total = Funnel.sudo(user).read_group(domain, rates, [], lazy=False)[0]
            expected = self.expected_rates(user, dates[0], dates[1], lambda r: None)[None]
            self.assertRates(total, expected, (user.login, 'total'))

    def test_funnel_rates_in_a_two_level_pivot_and_lazy(self):
        """Rows and columns (user x period, lazy=False) and the lazy grouping of a list
        view: every cell gets the ratio of its own rows."""
        Funnel = self.env['crm.report.funnel'].sudo(self.sunqiang)
        dates = ('2027-01-01', '2027-02-28')
        domain = [('date', '>=', dates[0]), ('date', '<=', dates[1])]
        expected = self.expected_rates(self.sunqiang, dates[0], dates[1],
                                       lambda r: (r[1] or False, r[3]))
        groups = Funnel.read_group(domain, ['user_id', 'period', 'won_rate', 'nbr'],
                                   ['user_id', 'period'], lazy=False)
        self.assertEqual(len(groups), len(expected))
        for g in groups:
            k = (g['user_id'] and g['user_id'][0], g['period'])
            self.assertRates(g, {'won_rate': expected[k]['won_rate']}, k)
            self.assertIn('nbr', g)
        lazy = Funnel.read_group(domain, ['user_id', 'contract_lead_rate'], ['user_id', 'period'])
        by_user = self.expected_rates(self.sunqiang, dates[0], dates[1], lambda r: r[1] or False)
        for g in lazy:
            k = g['user_id'] and g['user_id'][0]
            self.assertRates(g, {'contract_lead_rate': by_user[k]['contract_lead_rate']}, k)

    def test_order_by_a_rate(self):
        Funnel = self.env['crm.report.funnel'].sudo(self.sunqiang)
        domain = [('date', '>=', '2027-01-01'), ('date', '<=', '2027-02-28')]
        groups = Funnel.read_group(domain, ['user_id', 'payment_rate'], ['user_id'],
                                   orderby='payment_rate desc', lazy=False)
        values = [g['payment_rate'] for g in groups]
        known = [v for v in values if v is not False]
        self.assertEqual(known, sorted(known, reverse=True))
        self.assertEqual(values[:len(known)], known)   # groups without a rate last
        first = Funnel.read_group(domain, ['user_id', 'payment_rate'], ['user_id'],
                                  orderby='payment_rate desc', limit=1, lazy=False)
        self.assertEqual([g['user_id'] for g in first], [groups[0]['user_id']])

    # ------------------------------------------------------------------ performance
    def expected_completion(self, user, level, date_from, date_to, key_field):
        """{user or team id: {rate: value}} from contracts, payments, customers and the
        target lines of ``level`` that ``user`` may see."""
        visible = self.scope_filter(user)
        inside = lambda day: self.date(date_from) <= self.date(day) <= self.date(date_to)
        key = lambda rec: rec[key_field].id or False
        sums = {}

        def add(k, field, value):
            sums.setdefault(k, {}).setdefault(field, 0)
            sums[k][field] += value
        for c in self.env['crm.contract'].search([('state', 'in', EFFECTIVE)]).filtered(visible):
            day = c.sign_date or self.local_date(c.create_date)
            if inside(day):
                add(key(c), 'contract_amount', c.amount_total)
        for p in self.env['crm.receivable'].search([('state', '=', 'approved')]).filtered(visible):
            if inside(p.date):
                add(key(p), 'payment_amount', p.amount)
        for p in self.env['res.partner'].search([('is_crm_customer', '=', True)]).filtered(visible):
            if inside(self.local_date(p.create_date)):
                add(key(p), 'new_customer_count', 1)
        lines = self.env['crm.sales.target.line'].search([('target_id.target_type', '=', level)])
        for line in lines.filtered(lambda l: visible(l.target_id)):
            day = '%d-%s-01' % (line.target_id.year, line.month)
            if inside(day):
                for rate, (_actual, field) in COMPLETION.items():
                    add(key(line.target_id), 'target_' + rate, line[field])
        return {k: {rate: ratio(s.get(actual, 0), s.get('target_' + rate, 0))
                    for rate, (actual, _f) in COMPLETION.items()}
                for k, s in sums.items()}

    def test_target_completion_per_salesperson_and_team(self):
        Perf = self.env['crm.report.performance']
        rates = sorted(COMPLETION)
        dates = ('2027-01-01', '2027-02-28')
        for user in (self.lina, self.zhangwei, self.sunqiang):
            for level, field in (('user', 'user_id'), ('team', 'team_id')):
                domain = Perf._level_domain(level) + [('date', '>=', dates[0]),
                                                      ('date', '<=', dates[1])]
                groups = Perf.sudo(user).read_group(domain, [field] + rates, [field], lazy=False)
                got = {g[field] and g[field][0]: g for g in groups}
                expected = self.expected_completion(user, level, dates[0], dates[1], field)
                for k, values in expected.items():
                    self.assertIn(k, got, (user.login, level, k))
                    self.assertRates(got[k], values, (user.login, level, k))
                for k in set(got) - set(expected):   # follow-ups, contacts only: no rate
                    self.assertRates(got[k], dict.fromkeys(rates, False), (user.login, k))
                self.assertNotIn('target_contract_amount', groups[0] if groups else {})
        # by hand: lina's January and February against her 2 x 80,000
        lina = Perf.sudo(self.lina).read_group(
            Perf._level_domain('user') + [('date', '>=', '2027-01-01'), ('date', '<=', '2027-02-28'),
                                          ('user_id', '=', self.lina.id)],
            ['contract_amount', 'contract_completion'], [], lazy=False)[0]
        self.assertAlmostEqual(lina['contract_completion'], lina['contract_amount'] / 1600.0)
        # a month without a target: no completion (not 0, not a division error)
        june = Perf.sudo(self.lina).read_group(
            Perf._level_domain('user') + [('date', '>=', '2027-06-01'), ('date', '<=', '2027-06-30')],
            ['contract_completion'], [], lazy=False)[0]
        self.assertIs(june['contract_completion'], False)

    def test_ratio_measures_in_the_measure_menu(self):
        """The web client's pivot and graph list as measures the stored numeric fields
        (Odoo 11 pivot_view.js): the rates are such fields, labelled in Chinese too."""
        growth = ['contract_mom', 'contract_yoy', 'payment_mom', 'payment_yoy']
        for model, names in (('crm.report.funnel', FUNNEL_RATES),
                             ('crm.report.performance', list(COMPLETION) + growth)):
            fields = self.env[model].sudo(self.lina).fields_get(list(names))
            for name in names:
                self.assertEqual(fields[name]['type'], 'float', name)
                self.assertTrue(fields[name]['store'], name)
            zh = self.env[model].sudo(self.lina).with_context(lang='zh_CN').fields_get(list(names))
            for name in names:
                self.assertNotEqual(zh[name]['string'], fields[name]['string'], (model, name))
            for mode in ('pivot', 'graph'):
                self.env[model].sudo(self.lina).fields_view_get(view_type=mode)

    def raw_contract_months(self, user, key_field):
        """{(user or team id, 'YYYY-MM'): contract amount} of the contracts ``user`` may see."""
        visible = self.scope_filter(user)
        result = {}
        for c in self.env['crm.contract'].search([('state', 'in', EFFECTIVE)]).filtered(visible):
            day = self.date(c.sign_date) if c.sign_date else self.local_date(c.create_date)
            k = (c[key_field].id or False, day.strftime('%Y-%m'))
            result[k] = result.get(k, 0) + c.amount_total
        return result

    def test_mom_and_yoy_per_month_and_for_the_year(self):
        Perf = self.env['crm.report.performance']
        year = Perf._level_domain('user') + [('date', '>=', '2027-01-01'),
                                             ('date', '<=', '2027-12-31')]
        growth = lambda cur, base: (100.0 * (cur - base) / base) if base else False
        for user in (self.lina, self.sunqiang):
            raw = self.raw_contract_months(user, 'user_id')
            amount = lambda u, period: raw.get((u, period), 0)
            groups = Perf.sudo(user).read_group(
                year, ['user_id', 'period', 'contract_mom', 'contract_yoy'],
                ['user_id', 'period'], lazy=False)
            self.assertTrue(groups)
            for g in groups:
                u, period = g['user_id'] and g['user_id'][0], g['period']
                y, m = int(period[:4]), int(period[5:])
                previous = '%04d-%02d' % ((y - 1, 12) if m == 1 else (y, m - 1))
                last_year = '%04d-%02d' % (y - 1, m)
                cur = amount(u, period)
                self.assertRates(g, {'contract_mom': growth(cur, amount(u, previous)),
                                     'contract_yoy': growth(cur, amount(u, last_year))},
                                 (user.login, u, period))
                self.assertNotIn('contract_amount', g)
        # lina's January 2027 against December 2026 and January 2026, by hand
        jan = Perf.sudo(self.lina).read_group(
            Perf._level_domain('user') + [('period', '=', '2027-01')],
            ['contract_amount', 'contract_mom', 'contract_yoy'], [], lazy=False)[0]
        mine = self.raw_contract_months(self.lina, 'user_id')
        dec, jan_before = mine[(self.lina.id, '2026-12')], mine[(self.lina.id, '2026-01')]
        self.assertAlmostEqual(jan['contract_mom'], growth(jan['contract_amount'], dec))
        self.assertAlmostEqual(jan['contract_yoy'], growth(jan['contract_amount'], jan_before))
        # the year (the pivot's total): 2027 against 2026, per team too
        for user in (self.zhangwei, self.sunqiang):
            raw = self.raw_contract_months(user, 'team_id')
            groups = Perf.sudo(user).read_group(year, ['team_id', 'contract_yoy'], ['team_id'])
            for g in groups:
                t = g['team_id'] and g['team_id'][0]
                total = lambda y: sum(v for (team, p), v in raw.items()
                                      if team == t and p.startswith(y))
                self.assertRates(g, {'contract_yoy': growth(total('2027'), total('2026'))},
                                 (user.login, t))
        # a month with no contract a month earlier: no MoM
        feb = Perf.sudo(self.lina).read_group(
            Perf._level_domain('user') + [('period', '=', '2026-02'), ('user_id', '=', self.lina.id)],
            ['contract_mom'], [], lazy=False)[0]
        self.assertEqual(feb['contract_mom'], growth(mine.get((self.lina.id, '2026-02'), 0),
                                                     mine.get((self.lina.id, '2026-01'), 0)))
        if not mine.get((self.lina.id, '2026-01')):
            self.assertIs(feb['contract_mom'], False)

    # ------------------------------------------------------------------ xlsx
    def export(self, user, report, **kw):
        vals = dict(report=report, date_from='2027-01-01', date_to='2027-02-28', year=2027)
        vals.update(kw)
        wizard = self.env['crm.report.export'].sudo(user).create(vals)
        content, _kind = self.env.ref('crm_reports.action_report_crm_reports_xlsx').sudo(
            user).with_context(active_model='crm.report.export').render_xlsx(wizard.ids, {})
        return xlrd.open_workbook(file_contents=content)

    def table(self, sheet, title):
        """(header row, data rows, totals row) of the table under ``title``."""
        start = [r for r in range(sheet.nrows) if sheet.cell_value(r, 0) == title][0]
        header = start + 1
        end = [r for r in range(header + 1, sheet.nrows) if sheet.cell_value(r, 0) == 'Total'][0]
        return (sheet.row_values(header), [sheet.row_values(r) for r in range(header + 1, end)],
                sheet.row_values(end))

    def test_xlsx_funnel_rates_total_is_the_ratio_of_totals(self):
        sheet = self.export(self.sunqiang, 'funnel').sheet_by_index(0)
        header, rows, total = self.table(sheet, 'By Salesperson')
        col = {h: i for i, h in enumerate(header)}
        leads, won = col['Leads'], col['Opportunities Won']
        self.assertEqual(total[leads], sum(r[leads] for r in rows))
        paid = col['Leads Paid']
        expected = self.expected_rates(self.sunqiang, '2027-01-01', '2027-02-28', lambda r: None)
        self.assertAlmostEqual(total[col['Won / Opportunities (%)']],
                               expected[None]['won_rate'] / 100.0)
        self.assertAlmostEqual(total[col['Payments / Leads (%)']],
                               sum(r[paid] for r in rows) / sum(r[leads] for r in rows))
        self.assertAlmostEqual(total[col['Payments / Leads (%)']],
                               expected[None]['payment_lead_rate'] / 100.0)
        # cohort rates: never above 100 %, whatever the contracts without opportunities
        for r in rows + [total]:
            for name in ('Customers / Leads (%)', 'Won / Opportunities (%)',
                         'Contracts / Won (%)', 'Payments / Contracts (%)'):
                if r[col[name]] != '':
                    self.assertLessEqual(r[col[name]], 1.0, (r[0], name))
        # a salesperson's row: the rate of that row's counts
        for r in rows:
            if r[col['Opportunities']]:
                self.assertAlmostEqual(r[col['Won / Opportunities (%)']],
                                       r[won] / r[col['Opportunities']])
            else:
                self.assertEqual(r[col['Won / Opportunities (%)']], '')

    def test_xlsx_completion_total_is_the_ratio_of_totals(self):
        book = self.export(self.zhangwei, 'completion')
        sheet = book.sheet_by_index(0)
        header = sheet.row_values(3)
        rows, r = [], 4
        while sheet.cell_value(r, 0) != 'Total':
            rows.append(sheet.row_values(r))
            r += 1
        total = sheet.row_values(r)
        actual = header.index('Contract Amount')
        target, completion = actual + 1, actual + 2
        self.assertEqual(header[completion], 'Completion')
        self.assertGreater(len(rows), 1)
        self.assertAlmostEqual(total[completion], sum(x[actual] for x in rows) /
                               sum(x[target] for x in rows))
        # the performance sheet: the year's completion and year on year
        sheet = self.export(self.lina, 'performance').sheet_by_index(0)
        values = [sheet.row_values(i) for i in range(4, 16)]
        total = sheet.row_values(16)
        self.assertEqual(total[0], 'Total')
        year, goal = sum(v[1] for v in values), sum(v[2] for v in values)
        last_year = sum(v[6] for v in values)
        self.assertAlmostEqual(total[3], year / goal)
        if last_year:
            self.assertAlmostEqual(total[7], (year - last_year) / last_year)
