# -*- coding: utf-8 -*-
from odoo import _, models
from odoo.exceptions import UserError

from ..models.crm_report_funnel import CONVERSION_RATES, STEP_COUNTS
from ..models.crm_report_performance import MEASURES

MONEY = '#,##0.00'
INTEGER = '#,##0'
PERCENT = '0.0%'


class CrmReportsXlsx(models.AbstractModel):
    """Every CRM report as a workbook: one sheet per table, a bold header row, number
    formats, a totals row, frozen header and first column, and a chart where it helps.
    The figures are read as the user, so the record rules decide what they cover."""
    _name = 'report.crm_reports.crm_reports_xlsx'
    _description = 'CRM Reports Workbook'
    _inherit = 'report.report_xlsx.abstract'

    def generate_xlsx_report(self, workbook, data, wizards):
        # amounts in the company currency (CNY: ¥ #,##0.00)
        symbol = (self.env.user.company_id.currency_id.symbol or '').replace('"', '')
        money = ('"%s"%s' % (symbol, MONEY)) if symbol else MONEY
        self._formats = {
            'title': workbook.add_format({'bold': True, 'font_size': 14}),
            'header': workbook.add_format({'bold': True, 'bg_color': '#D9E1F2', 'border': 1,
                                           'text_wrap': True, 'valign': 'top'}),
            'total': workbook.add_format({'bold': True, 'top': 1}),
            'text': workbook.add_format({}),
            'money': workbook.add_format({'num_format': money}),
            'int': workbook.add_format({'num_format': INTEGER}),
            'number': workbook.add_format({'num_format': MONEY}),
            'pct': workbook.add_format({'num_format': PERCENT}),
            'money_total': workbook.add_format({'num_format': money, 'bold': True, 'top': 1}),
            'int_total': workbook.add_format({'num_format': INTEGER, 'bold': True, 'top': 1}),
            'number_total': workbook.add_format({'num_format': MONEY, 'bold': True, 'top': 1}),
            'pct_total': workbook.add_format({'num_format': PERCENT, 'bold': True, 'top': 1}),
        }
        for wizard in wizards:
            method = getattr(self, '_xlsx_%s' % wizard.report, None)
            if not method:
                raise UserError(_('This report cannot be exported.'))
            method(workbook, wizard)

    # ------------------------------------------------------------------ helpers
    def _sheet(self, workbook, title, subtitle=''):
        sheet = workbook.add_worksheet(title[:31])
        sheet.write(0, 0, title, self._formats['title'])
        if subtitle:
            sheet.write(1, 0, subtitle)
        return sheet

    def _period_text(self, wizard):
        return _('From %s to %s') % (wizard.date_from, wizard.date_to)

    def _write_table(self, sheet, row, headers, rows, kinds, totals=True, chart=None, freeze=True):
        """Write a table at ``row``: ``headers``, ``rows`` (lists of values) and the kind
        of each column ('text', 'money' (in the company currency), 'number' (2 decimals),
        'int', 'pct', or a ratio: ('pct', numerator
        column, denominator column) or ('growth', column, base column), or an average:
        ('avg', weight column), 2 decimals, e.g. average days over the column counting
        the records averaged); the totals row sums the money and int columns (SUM formulas
        with their value), gives a ratio column the ratio of those columns' totals and an
        average column the average weighted by its weight column, never a sum. Returns the row after the
        table. ``chart`` = (workbook, type, value column, title) adds a chart of that
        column against the first column to the right of the table."""
        fmt = self._formats
        kinds = [k if isinstance(k, tuple) else (k,) for k in kinds]
        for col, title in enumerate(headers):
            sheet.write(row, col, title, fmt['header'])
        if freeze:
            sheet.freeze_panes(row + 1, 1)
        first = row + 1
        for r, values in enumerate(rows, first):
            for col, value in enumerate(values):
                kind = {'growth': 'pct', 'avg': 'number'}.get(kinds[col][0], kinds[col][0])
                if kind == 'text' or value is None or value == '' or value is False:
                    sheet.write(r, col, value if value not in (None, False) else '', fmt['text'])
                else:
                    sheet.write_number(r, col, value, fmt[kind])
        last = first + len(rows) - 1
        end = last + 1
        if totals:
            sheet.write(end, 0, _('Total'), fmt['total'])
            column_sum = lambda col: sum(values[col] or 0 for values in rows)
            column_sql = lambda col: 'SUM(%s:%s)' % (self._cell(first, col), self._cell(last, col))
            for col, kind in enumerate(kinds):
                if col == 0:
                    continue
                if kind[0] in ('money', 'int', 'number'):
                    formula = '=%s' % column_sql(col) if rows else '=0'
                    sheet.write_formula(end, col, formula, fmt[kind[0] + '_total'], column_sum(col))
                elif kind[0] == 'avg' and rows:
                    weight = kind[1]
                    weights = column_sum(weight)
                    value = (sum((values[col] or 0) * (values[weight] or 0) for values in rows)
                             / float(weights)) if weights else ''
                    sheet.write_formula(end, col, '=IF(%s=0,"",SUMPRODUCT(%s:%s,%s:%s)/%s)' % (
                        column_sql(weight), self._cell(first, col), self._cell(last, col),
                        self._cell(first, weight), self._cell(last, weight), column_sql(weight)),
                        fmt['number_total'], value)
                elif len(kind) == 3 and rows:
                    part, base = kind[1], kind[2]
                    total, base_total = column_sum(part), column_sum(base)
                    if kind[0] == 'growth':
                        value = (float(total - base_total) / base_total) if base_total else ''
                        ratio = '(%s-%s)/%s' % (column_sql(part), column_sql(base), column_sql(base))
                    else:
                        value = (float(total) / base_total) if base_total else ''
                        ratio = '%s/%s' % (column_sql(part), column_sql(base))
                    sheet.write_formula(end, col, '=IF(%s=0,"",%s)' % (column_sql(base), ratio),
                                        fmt['pct_total'], value)
            end += 1
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, max(len(headers) - 1, 1), 15)
        if chart and rows:
            workbook, chart_type, value_col, title = chart
            graph = workbook.add_chart({'type': chart_type})
            graph.add_series({
                'name': headers[value_col],
                'categories': [sheet.name, first, 0, last, 0],
                'values': [sheet.name, first, value_col, last, value_col],
            })
            graph.set_title({'name': title})
            graph.set_legend({'none': True})
            sheet.insert_chart(row, len(headers) + 1, graph)
        return end + 2

    @staticmethod
    def _cell(row, col):
        letters = ''
        col += 1
        while col:
            col, rem = divmod(col - 1, 26)
            letters = chr(65 + rem) + letters
        return '%s%d' % (letters, row + 1)

    def _label(self, model, field, value):
        """Display value of a read_group key."""
        if isinstance(value, (tuple, list)):
            return value[1]
        if value in (False, None):
            return _('(none)')
        f = self.env[model]._fields[field]
        if f.type == 'selection':
            return dict(f._description_selection(self.env)).get(value, value)
        return value

    def _grouped(self, sheet, row, model, domain, groupby, measures, title=None, chart=None,
                 orderby=None, limit=None, freeze=True):
        """A read_group of ``model`` by ``groupby`` as a table; ``measures`` =
        [(field, kind)]. A ratio measure of the model (``_ratio_measures``, in %) is
        written as a fraction in percent format; with its numerator and denominator among
        the measures, its total is the ratio of their totals. An average measure
        (``group_operator='avg'``) given the kind ('avg', weight field), the weight field
        among the measures (the count of the records it averages), is empty where a group
        has nothing to average and its total is the weighted average."""
        Model = self.env[model]
        if title:
            sheet.write(row, 0, title, self._formats['total'])
            row += 1
        names = [m for m, _kind in measures]
        groups = Model._group_totals(domain, names, [groupby], orderby=orderby or groupby,
                                     limit=limit)
        headers = [Model._fields[groupby].get_description(self.env)['string']] + [
            Model._fields[m].get_description(self.env)['string'] for m in names]
        kinds, ratios = ['text'], Model._ratio_measures
        averages = set()
        for name, kind in measures:
            parts = ratios.get(name, ())
            if parts and all(p in names for p in parts):
                kind = ('pct',) + tuple(names.index(p) + 1 for p in parts)
            elif isinstance(kind, tuple) and kind[0] == 'avg':
                kind = ('avg', names.index(kind[1]) + 1)
                averages.add(name)
            kinds.append(kind)
        value = lambda g, m: ((g[m] / 100.0 if g[m] is not False else None) if m in ratios
                              else (g[m] if g[m] not in (False, None) else None)
                              if m in averages else g[m] or 0)
        rows = [[self._label(model, groupby, g[groupby])] + [value(g, m) for m in names]
                for g in groups]
        return self._write_table(sheet, row, headers, rows, kinds, chart=chart, freeze=freeze)

    # ------------------------------------------------------------------ reports
    def _xlsx_funnel(self, workbook, wizard):
        sheet = self._sheet(workbook, _('Sales Funnel'), self._period_text(wizard))
        steps = self.env['crm.report.funnel']._funnel(wizard._date_domain())
        rows = [[s['label'], s['count'], s['amount'], s['rate']] for s in steps]
        row = self._write_table(sheet, 3, [_('Step'), _('Count'), _('Amount'), _('Conversion Rate')],
                                rows, ['text', 'int', 'money', 'pct'], totals=False,
                                chart=(workbook, 'bar', 1, _('Sales Funnel')))
        row = max(row, 20)
        for field, title in (('user_id', _('By Salesperson')), ('team_id', _('By Sales Team')),
                             ('period', _('By Month'))):
            row = self._funnel_matrix(sheet, row, wizard, field, title)

    def _funnel_matrix(self, sheet, row, wizard, field, title):
        """Each step's count by ``field``, the cohort counts and the conversion rates (the
        pivot's ratio measures: of the records that entered a step in the period, the
        share that reached the next one; see CONVERSION_RATES); the totals row gives the
        rates of the totals."""
        rates = ('customer_rate', 'opportunity_rate', 'won_rate', 'contract_rate',
                 'payment_rate', 'payment_lead_rate')
        cohorts = []
        for rate in rates:
            if CONVERSION_RATES[rate][0] not in cohorts:
                cohorts.append(CONVERSION_RATES[rate][0])
        measures = [(name, 'int') for _step, name in STEP_COUNTS] + [
            (name, 'int') for name in cohorts] + [(name, 'pct') for name in rates]
        return self._grouped(sheet, row, 'crm.report.funnel', wizard._date_domain(), field,
                             measures, title=title, freeze=False)

    def _xlsx_opportunity(self, workbook, wizard):
        sheet = self._sheet(workbook, _('Opportunity Funnel'), self._period_text(wizard))
        Opp = self.env['crm.report.opportunity']
        groups = Opp._group_totals(wizard._date_domain() + [('end_status', '=', 'open')],
                                   ['nbr', 'expected_revenue', 'weighted_revenue', 'probability',
                                    'stage_sequence'],
                                   ['stage_group_id', 'stage_id'],
                                   orderby='stage_group_id, stage_sequence')
        rows = [[self._label('crm.report.opportunity', 'stage_group_id', g['stage_group_id']),
                 self._label('crm.report.opportunity', 'stage_id', g['stage_id']),
                 (g['probability'] or 0) / 100.0, g['nbr'], g['expected_revenue'] or 0,
                 g['weighted_revenue'] or 0] for g in groups]
        self._write_table(sheet, 3, [_('Status Group'), _('Stage'), _('Win Rate'), _('Count'),
                          _('Expected Revenue'), _('Weighted Revenue')],
                          rows, ['text', 'text', 'pct', 'int', 'money', 'money'])

    def _xlsx_performance(self, workbook, wizard):
        Perf = self.env['crm.report.performance']
        level = self.env['crm.report.dashboard']._target_level()
        figures = (('contract_amount', 'money'), ('payment_amount', 'money'),
                   ('new_customer_count', 'int'))
        monthly = Perf._monthly_many(wizard.year, [m for m, _k in figures], level=level)
        for measure, kind in figures:
            title = Perf._fields[measure].get_description(self.env)['string']
            sheet = self._sheet(workbook, title, _('%s: month by month against target, the '
                                                   'previous month and the same month of %s')
                                % (wizard.year, wizard.year - 1))
            months = monthly[measure]
            rows = [[m['period'], m['actual'], m['target'], m['completion'], m['previous'],
                     m['mom'], m['last_year'], m['yoy']] for m in months]
            self._write_table(sheet, 3, [_('Month'), _('Actual'), _('Target'), _('Completion'),
                              _('Previous Month'), _('Month on Month'),
                              _('Same Month Last Year'), _('Year on Year')],
                              rows, ['text', kind, kind, ('pct', 1, 2), kind, ('growth', 1, 4),
                                     kind, ('growth', 1, 6)],
                              chart=(workbook, 'column', 1, title))

    def _xlsx_completion(self, workbook, wizard):
        Perf = self.env['crm.report.performance']
        for level, title in (('user', _('By Salesperson')), ('team', _('By Sales Team'))):
            sheet = self._sheet(workbook, title, self._period_text(wizard))
            items = Perf._completion(wizard.date_from, wizard.date_to, level=level)
            headers, kinds = [title], ['text']
            for actual, target in MEASURES:
                kind = 'int' if actual.endswith('_count') else 'money'
                headers.append(Perf._fields[actual].get_description(self.env)['string'])
                kinds.append(kind)
                if target:
                    headers += [Perf._fields[target].get_description(self.env)['string'],
                                _('Completion')]
                    # completion of the totals: total actual / total target
                    kinds += [kind, ('pct', len(kinds) - 1, len(kinds))]
            rows = []
            for item in items:
                values = [item['name']]
                for actual, target in MEASURES:
                    values.append(item[actual])
                    if target:
                        values += [item[target], item['completion_' + actual]]
                rows.append(values)
            self._write_table(sheet, 3, headers, rows, kinds)

    def _xlsx_ranking(self, workbook, wizard):
        Perf = self.env['crm.report.performance']
        sheet = self._sheet(workbook, _('Rankings'), self._period_text(wizard))
        col = 0
        for measure, _target in MEASURES:
            kind = 'int' if measure.endswith('_count') else 'money'
            title = Perf._fields[measure].get_description(self.env)['string']
            ranking = Perf._ranking(measure, wizard.date_from, wizard.date_to)
            sheet.write(3, col, title, self._formats['header'])
            sheet.write(3, col + 1, _('Rank'), self._formats['header'])
            sheet.write(3, col + 2, _('Value'), self._formats['header'])
            for r, (name, value) in enumerate(ranking, 4):
                sheet.write(r, col, name)
                sheet.write_number(r, col + 1, r - 3, self._formats['int'])
                sheet.write_number(r, col + 2, value, self._formats[kind])
            sheet.set_column(col, col, 16)
            col += 4
        sheet.freeze_panes(4, 0)

    def _grouped_sheet(self, workbook, wizard, title, model, measures, groupings, chart=None):
        """A sheet of ``model`` for the wizard's period: one table per (field, title[,
        orderby]) of ``groupings``; ``chart`` = (kind, value column, title) on the first."""
        sheet = self._sheet(workbook, title, self._period_text(wizard))
        row = 3
        for i, grouping in enumerate(groupings):
            field, table_title, orderby = (tuple(grouping) + (None,))[:3]
            graph = (workbook,) + tuple(chart) if chart and i == 0 else None
            start = row
            row = self._grouped(sheet, row, model, wizard._date_domain(), field, measures,
                                title=table_title, chart=graph, orderby=orderby)
            if graph:
                row = max(row, start + 17)   # below the chart
        return sheet

    def _xlsx_receivable(self, workbook, wizard):
        self._grouped_sheet(
            workbook, wizard, _('Receivables'), 'crm.report.receivable',
            [('amount_planned', 'money'), ('amount_received', 'money'),
             ('amount_due', 'money'), ('amount_overdue', 'money')],
            [('period', _('By Month')), ('user_id', _('By Salesperson')),
             ('partner_id', _('By Customer'), 'amount_overdue desc, partner_id')],
            chart=('column', 2, _('Received by Month')))

    def _xlsx_customer(self, workbook, wizard):
        Customer = self.env['crm.report.customer']
        sheet = self._sheet(workbook, _('Customer Growth'), self._period_text(wizard))
        groups = Customer._group_totals(wizard._date_domain(), ['nbr'], ['period'], orderby='period')
        before = Customer._totals([('date', '<', wizard.date_from)], ['nbr'])['nbr']
        rows, total = [], before
        for g in groups:
            total += g['nbr']
            rows.append([g['period'] or _('(none)'), g['nbr'], total])
        self._write_table(sheet, 3, [_('Month'), _('New Customers'), _('Customers in Total')], rows,
                          ['text', 'int', 'int'], totals=False,
                          chart=(workbook, 'line', 2, _('Customer Growth')))
        sheet = self._sheet(workbook, _('Customer Composition'))
        row = 3
        measures = [('nbr', 'int'), ('contract_amount', 'money'), ('payment_amount', 'money')]
        for field in ('customer_level_id', 'customer_source_id', 'industry_id', 'region',
                      'customer_status'):
            title = Customer._fields[field].get_description(self.env)['string']
            start = row
            row = self._grouped(sheet, row, 'crm.report.customer', [], field, measures,
                                title=title, chart=(workbook, 'pie', 1, title))
            row = max(row, start + 17)   # below the pie chart

    def _xlsx_contribution(self, workbook, wizard):
        sheet = self._sheet(workbook, _('Customer Contribution'),
                            _('Top %d customers by contract amount') % wizard.top_n)
        items, total = self.env['crm.report.customer']._contribution(top_n=wizard.top_n)
        rows = [[i['partner'], i['user'], i['contract_amount'], i['payment_amount'], i['share']]
                for i in items]
        row = self._write_table(sheet, 3, [_('Customer'), _('Salesperson'), _('Contract Amount'),
                                _('Payments'), _('Share of Total')],
                                rows, ['text', 'text', 'money', 'money', 'pct'],
                                chart=(workbook, 'bar', 2, _('Customer Contribution')))
        sheet.write(row, 0, _('All customers'), self._formats['total'])
        sheet.write_number(row, 2, total, self._formats['money_total'])

    def _xlsx_churn(self, workbook, wizard):
        Customer = self.env['crm.report.customer']
        sheet = self._sheet(workbook, _('Churn Warnings'),
                            _('No contract, payment or follow-up for %d days and no open '
                              'opportunity') % Customer._churn_days())
        rows = [[c.partner_id.display_name, c.user_id.name or '', c.last_activity_date or '',
                 c.days_inactive, c.contract_amount]
                for c in Customer.search([('churn_warning', '=', True)],
                                         order='days_inactive desc, id')]
        row = self._write_table(sheet, 3, [_('Customer'), _('Salesperson'), _('Last Activity'),
                                _('Days Without Activity'), _('Contract Amount')],
                                rows, ['text', 'text', 'text', 'int', 'money'])
        sheet.write(row, 0, _('Lost Customers'), self._formats['total'])
        rows = [[c.partner_id.display_name, c.user_id.name or '', c.lost_reason_id.name or '',
                 c.contract_amount]
                for c in Customer.search([('customer_status', '=', 'lost')], order='id')]
        self._write_table(sheet, row + 1, [_('Customer'), _('Salesperson'), _('Reason'),
                          _('Contract Amount')],
                          rows, ['text', 'text', 'text', 'money'], freeze=False)

    def _xlsx_rfm(self, workbook, wizard):
        sheet = self._sheet(workbook, _('RFM Segments'))
        row = self._grouped(sheet, 3, 'crm.report.customer', [], 'rfm_segment',
                            [('nbr', 'int'), ('contract_amount', 'money'),
                             ('payment_amount', 'money')],
                            chart=(workbook, 'pie', 1, _('RFM Segments')))
        row = max(row, 20)
        Customer = self.env['crm.report.customer']
        rows = [[c.partner_id.display_name, c.user_id.name or '', c.recency_score,
                 c.frequency_score, c.monetary_score, c.rfm_score,
                 self._label('crm.report.customer', 'rfm_segment', c.rfm_segment)]
                for c in Customer.search([], order='rfm_score desc, id')]
        self._write_table(sheet, row, [_('Customer'), _('Salesperson'), 'R', 'F', 'M', _('RFM Score'),
                          _('Segment')],
                          rows, ['text', 'text', 'int', 'int', 'int', 'int', 'text'], totals=False,
                          freeze=False)

    def _xlsx_product(self, workbook, wizard):
        sheet = self._sheet(workbook, _('Product Sales'), self._period_text(wizard))
        measures = [('quantity', 'number'), ('amount', 'money'), ('deal_days', 'int')]
        domain = wizard._date_domain()
        row = self._grouped(sheet, 3, 'crm.report.product', domain, 'product_id', measures,
                            title=_('By Product'), orderby='amount desc, product_id',
                            chart=(workbook, 'bar', 2, _('Product Sales')))
        row = max(row, 20)
        row = self._grouped(sheet, row, 'crm.report.product', domain, 'categ_id', measures,
                            title=_('By Category'))
        sheet = self._sheet(workbook, _('Deal Cycle'),
                            _('Average days from creation to the first approved contract'))
        row = 3
        for field in ('user_id', 'region'):
            title = self.env['crm.report.customer']._fields[field].get_description(
                self.env)['string']
            row = self._grouped(sheet, row, 'crm.report.customer',
                                [('first_contract_date', '!=', False)], field,
                                [('nbr', 'int'), ('deal_days', 'int')], title=title)

    def _xlsx_follow_up(self, workbook, wizard):
        FollowUp = self.env['crm.report.follow.up']
        self._grouped_sheet(
            workbook, wizard, _('Follow-ups'), 'crm.report.follow.up', [('nbr', 'int')],
            [(field, FollowUp._fields[field].get_description(self.env)['string'])
             for field in ('follow_up_type', 'user_id', 'period')])
        sheet = self._sheet(workbook, _('Never Followed Up'))
        rows = [[c.partner_id.display_name, c.user_id.name or '', c.date or '']
                for c in self.env['crm.report.customer'].search(
                    [('never_followed_up', '=', True)], order='date, id')]
        self._write_table(sheet, 3, [_('Customer'), _('Salesperson'), _('Created On')], rows,
                          ['text', 'text', 'text'], totals=False)

    def _xlsx_pool(self, workbook, wizard):
        self._grouped_sheet(
            workbook, wizard, _('Public Pool'), 'crm.report.pool',
            [('released_count', 'int'), ('claimed_count', 'int')],
            [('period', _('By Month')), ('user_id', _('By Salesperson')),
             ('rule_id', _('By Rule'))])
