# -*- coding: utf-8 -*-
import datetime
import json

from odoo import _, api, fields, models


class CrmReportDashboard(models.TransientModel):
    """Reports dashboard (报表看板) for the logged-in user's scope: this month's figures
    against target, the funnel, overdue receivables, customers about to go to the pool
    and churn warnings. Every figure is read as the user (record rules apply)."""
    _name = 'crm.report.dashboard'
    _description = 'Reports Dashboard'

    period = fields.Char('Month', compute='_compute_figures')
    scope = fields.Char('Scope', compute='_compute_figures')
    contract_amount = fields.Float('Contract Amount', compute='_compute_figures')
    target_contract_amount = fields.Float('Target: Contract Amount', compute='_compute_figures')
    contract_completion = fields.Float('Contract Completion (%)', compute='_compute_figures')
    payment_amount = fields.Float('Payments', compute='_compute_figures')
    target_payment_amount = fields.Float('Target: Payments', compute='_compute_figures')
    payment_completion = fields.Float('Payment Completion (%)', compute='_compute_figures')
    contract_previous = fields.Float('Contract Amount Last Month', compute='_compute_figures')
    contract_mom = fields.Float('Contracts Month on Month (%)', compute='_compute_figures')
    contract_last_year = fields.Float('Contract Amount Same Month Last Year',
                                      compute='_compute_figures')
    contract_yoy = fields.Float('Contracts Year on Year (%)', compute='_compute_figures')
    payment_previous = fields.Float('Payments Last Month', compute='_compute_figures')
    payment_mom = fields.Float('Payments Month on Month (%)', compute='_compute_figures')
    payment_last_year = fields.Float('Payments Same Month Last Year', compute='_compute_figures')
    payment_yoy = fields.Float('Payments Year on Year (%)', compute='_compute_figures')
    new_customer_count = fields.Integer('New Customers', compute='_compute_figures')
    target_new_customer_count = fields.Integer('Target: New Customers', compute='_compute_figures')
    new_customer_completion = fields.Float('New Customer Completion (%)', compute='_compute_figures')
    funnel_lead = fields.Integer('Leads', compute='_compute_figures')
    funnel_customer = fields.Integer('Customers', compute='_compute_figures')
    funnel_opportunity = fields.Integer('Opportunities', compute='_compute_figures')
    funnel_won = fields.Integer('Won', compute='_compute_figures')
    funnel_contract = fields.Integer('Contracts', compute='_compute_figures')
    funnel_payment = fields.Integer('Payments Received', compute='_compute_figures')
    overdue_amount = fields.Float('Overdue Receivables', compute='_compute_figures')
    overdue_plan_count = fields.Integer('Overdue Instalments', compute='_compute_figures')
    pool_soon_count = fields.Integer('Customers About to Go to the Pool', compute='_compute_figures')
    churn_warning_count = fields.Integer('Churn Warnings', compute='_compute_figures')
    funnel_chart = fields.Text('Opportunity Funnel by Stage', compute='_compute_charts')
    trend_chart = fields.Text('Contract Amount by Month against Target', compute='_compute_charts')
    ranking_chart = fields.Text('Salesperson Ranking This Year', compute='_compute_charts')
    customer_refreshed_at = fields.Datetime(
        'Customer Totals as of', compute='_compute_figures',
        help='Churn warnings count contracts, payments and follow-ups as recomputed at this '
             'time (every hour).')
    summary_refreshed_at = fields.Datetime(
        'Funnel Summary as of', compute='_compute_figures',
        help='The funnel and performance read the days before this time from a summary '
             'refreshed every hour; what was entered since shows at once.')

    @api.model
    def _target_level(self):
        """Leaders, managers and the executive compare with team targets, salespeople
        with their own."""
        user = self.env.user
        return 'team' if (user._crm_is_leader() or user._crm_is_executive()) else 'user'

    def _pool_scope_user_ids(self):
        user = self.env.user
        if user._crm_scope_level() in ('all', 'read_all'):
            return None
        users = user | user.crm_led_team_ids.mapped('member_ids')
        return users.ids

    @api.multi
    def _compute_figures(self):
        env = self.env
        today = env['crm.clock'].today()
        Perf = env['crm.report.performance']
        date_from, date_to = Perf._month_bounds(today)
        level = self._target_level()
        perf = Perf._totals(
            Perf._level_domain(level) + [('date', '>=', date_from), ('date', '<=', date_to)],
            ['contract_amount', 'target_contract_amount', 'payment_amount',
             'target_payment_amount', 'new_customer_count', 'target_new_customer_count'])
        # this month, the month before and the same month last year: one query over them
        prev_from = Perf._month_bounds(today.replace(day=1) - datetime.timedelta(days=1))[0]
        ly_from, ly_to = Perf._month_bounds(today.replace(year=today.year - 1, day=1))
        window = ['|', '&', ('date', '>=', prev_from), ('date', '<=', date_to),
                  '&', ('date', '>=', ly_from), ('date', '<=', ly_to)]
        compare = {measure: months[today.month - 1] for measure, months in Perf._monthly_many(
            today.year, ['contract_amount', 'payment_amount'], domain=window,
            level=level).items()}
        funnel = {row['step']: row['count'] for row in env['crm.report.funnel']._funnel(
            [('date', '>=', date_from), ('date', '<=', date_to)])}
        overdue = env['crm.report.receivable']._totals([('is_overdue', '=', True)],
                                                      ['amount_overdue'])
        overdue_count = env['crm.report.receivable'].search_count([('is_overdue', '=', True)])
        churn = env['crm.report.customer'].search_count([('churn_warning', '=', True)])
        refreshed_at = env['crm.report.customer']._refreshed_at()
        summary_refreshed_at = env['crm.report.sql']._summaries_refreshed_at()
        pool_soon = env['crm.pool.rule'].sudo()._count_about_to_release(
            user_ids=self._pool_scope_user_ids())
        pct = lambda a, t: (100.0 * a / t) if t else 0.0
        scope = _('My team') if level == 'team' else _('Mine')
        if self.env.user._crm_scope_level() in ('all', 'read_all'):
            scope = _('Whole company')
        for board in self:
            board.period = date_from[:7]
            board.scope = scope
            for name in ('contract_amount', 'payment_amount', 'new_customer_count'):
                board[name] = perf[name]
                board['target_' + name] = perf['target_' + name]
            board.contract_completion = pct(perf['contract_amount'], perf['target_contract_amount'])
            board.payment_completion = pct(perf['payment_amount'], perf['target_payment_amount'])
            board.new_customer_completion = pct(perf['new_customer_count'],
                                                perf['target_new_customer_count'])
            for prefix, measure in (('contract', 'contract_amount'), ('payment', 'payment_amount')):
                month = compare[measure]
                board[prefix + '_previous'] = month['previous']
                board[prefix + '_last_year'] = month['last_year']
                board[prefix + '_mom'] = 100.0 * month['mom'] if month['mom'] is not None else 0.0
                board[prefix + '_yoy'] = 100.0 * month['yoy'] if month['yoy'] is not None else 0.0
            board.funnel_lead = funnel['1_lead']
            board.funnel_customer = funnel['2_customer']
            board.funnel_opportunity = funnel['3_opportunity']
            board.funnel_won = funnel['4_won']
            board.funnel_contract = funnel['5_contract']
            board.funnel_payment = funnel['6_payment']
            board.overdue_amount = overdue['amount_overdue']
            board.overdue_plan_count = overdue_count
            board.pool_soon_count = pool_soon
            board.churn_warning_count = churn
            board.customer_refreshed_at = refreshed_at
            board.summary_refreshed_at = summary_refreshed_at

    @api.multi
    def _compute_charts(self):
        charts = {'funnel_chart': self._funnel_chart_data(),
                  'trend_chart': self._trend_chart_data(),
                  'ranking_chart': self._ranking_chart_data()}
        for board in self:
            for name, data in charts.items():
                board[name] = json.dumps(data, ensure_ascii=False)

    def _chart(self, kind, rows, **extra):
        """The JSON a ``crm_chart`` widget draws (static/src/js/crm_reports_chart.js)."""
        data = {'type': kind, 'rows': rows, 'empty': _('Nothing to show yet.'),
                'symbol': self.env.user.company_id.currency_id.symbol or ''}
        data.update(extra)
        return data

    @api.model
    def _funnel_chart_data(self):
        """Open opportunities stage by stage (in the stages' order): count and expected
        revenue, as the user may see them."""
        groups = self.env['crm.report.opportunity']._group_totals(
            [('end_status', '=', 'open'), ('stage_id', '!=', False)],
            ['nbr', 'expected_revenue', 'stage_sequence'], ['stage_id'])
        groups.sort(key=lambda g: (g['stage_sequence'] or 0, g['stage_id'][0]))
        return self._chart('funnel', [
            {'label': g['stage_id'][1], 'count': g['nbr'] or 0,
             'amount': g['expected_revenue'] or 0.0} for g in groups])

    @api.model
    def _trend_chart_data(self):
        """This year's contract amount month by month against the target (of the level the
        dashboard compares with)."""
        today = self.env['crm.clock'].today()
        months = self.env['crm.report.performance']._monthly(
            today.year, 'contract_amount', level=self._target_level())
        return self._chart('trend', [
            {'label': _('Month %d') % m['month'], 'actual': m['actual'], 'target': m['target']}
            for m in months], legend=[_('Contract Amount'), _('Target')])

    @api.model
    def _ranking_chart_data(self, limit=10):
        """Salespeople by contract amount this year (those the user may see, with a
        contract)."""
        today = self.env['crm.clock'].today()
        ranking = self.env['crm.report.performance']._ranking(
            'contract_amount', '%d-01-01' % today.year, fields.Date.to_string(today),
            limit=limit)
        return self._chart('ranking', [{'label': name, 'value': value}
                                       for name, value in ranking if value])

    @api.multi
    def name_get(self):
        # the form's breadcrumb shows the record's name ("crm.report.dashboard,1" otherwise)
        name = _('Reports Dashboard')     # not inside the comprehension: _() reads self.env
        return [(board.id, name) for board in self]

    @api.model
    def action_open(self):
        """Menu entry: a dashboard for the current user."""
        board = self.create({})
        return {
            'type': 'ir.actions.act_window',
            'name': _('Reports Dashboard'),
            'res_model': self._name,
            'res_id': board.id,
            'view_mode': 'form',
            'views': [(self.env.ref('crm_reports.crm_report_dashboard_view_form').id, 'form')],
            'target': 'current',
        }

    def _open_report(self, xmlid, domain=None, context=None):
        action = self.env.ref(xmlid).read()[0]
        if domain is not None:
            action['domain'] = domain
        if context is not None:
            action['context'] = context
        return action

    @api.multi
    def action_open_performance(self):
        return self._open_report('crm_reports.crm_report_performance_action')

    @api.multi
    def action_open_funnel(self):
        return self._open_report('crm_reports.crm_report_funnel_action')

    @api.multi
    def action_open_overdue(self):
        return self._open_report('crm_reports.crm_report_receivable_action',
                                 context={'search_default_filter_overdue': 1,
                                          'search_default_group_partner': 1})

    @api.multi
    def action_open_churn(self):
        return self._open_report('crm_reports.crm_report_customer_action',
                                 context={'search_default_filter_churn': 1})

    @api.multi
    def action_open_pool_soon(self):
        return self.env['crm.todo'].create({}).action_open_pool_about_to_release()
