# -*- coding: utf-8 -*-
from odoo import _, api, fields, models, tools

from .crm_churn_settings import DAYS_PARAM, DEFAULT_DAYS, DEFAULT_MONTHS, MONTHS_PARAM
from .res_partner_lifecycle import LIFECYCLE_TZ, local_date_sql

# "Today" of crm.clock in SQL (Beijing date): the frozen clock of the system parameter
# when it holds a valid datetime, else the real time.
CLOCK_TODAY_SQL = """(((COALESCE(
        (SELECT CASE WHEN value ~ '^\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2})?$'
                     THEN value::timestamp END
           FROM ir_config_parameter WHERE key = 'crm_sales.clock_now'),
        now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') AT TIME ZONE '%s')::date)""" % LIFECYCLE_TZ

WARNING_REASONS = [
    ('no_order', 'No Order'),
    ('no_follow_up', 'No Follow-up'),
    ('both', 'No Order, No Follow-up'),
]


class CrmChurnWarning(models.Model):
    """The churn worklist (流失预警): one row per customer who bought before (a deal),
    has an owner, is not confirmed churned, is not deferred beyond today, and has had no
    approved contract for N months or neither a follow-up nor an order for M days
    (``crm.churn.settings``). A SQL view on the customers' stored lifecycle fields,
    read live with the CRM clock: no Python over the customers. The rows are the
    customers' ids; the actions are the customer's (``action_churn_defer`` ...)."""
    _name = 'crm.churn.warning'
    _description = 'Churn Warning'
    _auto = False
    _order = 'days_without_order desc, id'
    _rec_name = 'partner_id'

    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    user_id = fields.Many2one('res.users', 'Owner', readonly=True)
    team_id = fields.Many2one('crm.team', 'Sales Team', readonly=True)
    customer_level_id = fields.Many2one('crm.customer.level', 'Customer Level', readonly=True)
    industry_id = fields.Many2one('res.partner.industry', 'Industry', readonly=True)
    customer_status = fields.Selection(
        lambda self: self.env['res.partner']._fields['customer_status']._description_selection(
            self.env), 'Customer Status', readonly=True)
    reason = fields.Selection(WARNING_REASONS, 'Warning', readonly=True)
    last_order_date = fields.Date('Last Order', readonly=True)
    days_without_order = fields.Integer('Days Without Order', readonly=True,
                                        group_operator='avg')
    last_follow_up_date = fields.Date('Last Follow-up', readonly=True)
    days_without_follow_up = fields.Integer('Days Without Follow-up', readonly=True,
                                            group_operator='avg')
    order_count = fields.Integer('Approved Contracts', readonly=True)
    was_deferred = fields.Boolean('Back After a Deferral', readonly=True,
                                  help='The churn was deferred and the check date has come '
                                       'without an order.')
    deferred_until = fields.Date('Deferred Until', readonly=True)
    nbr = fields.Integer('Warnings', readonly=True)
    crm_may_confirm = fields.Boolean('May Confirm Churn', compute='_compute_crm_may_confirm')

    def _compute_crm_may_confirm(self):
        may = self._crm_may_confirm()
        for rec in self:
            rec.crm_may_confirm = may

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("CREATE OR REPLACE VIEW %s AS (%s)" % (self._table, self._query()))

    def _query(self):
        return """
            WITH params AS (
                SELECT {today} AS today,
                       COALESCE((SELECT CASE WHEN value ~ '^\\d{{1,3}}$' THEN value::int END
                                   FROM ir_config_parameter WHERE key = '{months_param}'),
                                {months}) AS months,
                       COALESCE((SELECT CASE WHEN value ~ '^\\d{{1,4}}$' THEN value::int END
                                   FROM ir_config_parameter WHERE key = '{days_param}'),
                                {days}) AS days),
            x AS (
                SELECT p.id, p.crm_owner_id, p.crm_team_id, p.customer_level_id,
                       p.industry_id, p.customer_status, p.last_order_date,
                       p.lifecycle_order_count, p.churn_deferred_until,
                       {follow_up} AS last_follow_up_date, params.today,
                       p.last_order_date <= (params.today - make_interval(months => params.months))::date
                           AS no_order,
                       GREATEST({follow_up}, p.last_order_date) <= params.today - params.days
                           AS no_follow_up
                  FROM res_partner p CROSS JOIN params
                 WHERE p.is_crm_customer AND p.is_deal AND p.active
                   AND p.crm_owner_id IS NOT NULL
                   AND p.customer_status IS DISTINCT FROM 'lost'
                   AND (p.churn_deferred_until IS NULL OR p.churn_deferred_until <= params.today))
            SELECT x.id, x.id AS partner_id, x.crm_owner_id AS user_id, x.crm_team_id AS team_id,
                   x.customer_level_id, x.industry_id, x.customer_status,
                   CASE WHEN x.no_order AND x.no_follow_up THEN 'both'
                        WHEN x.no_order THEN 'no_order' ELSE 'no_follow_up' END AS reason,
                   x.last_order_date, x.today - x.last_order_date AS days_without_order,
                   x.last_follow_up_date,
                   x.today - COALESCE(x.last_follow_up_date, x.last_order_date)
                       AS days_without_follow_up,
                   x.lifecycle_order_count AS order_count,
                   (x.churn_deferred_until IS NOT NULL) AS was_deferred,
                   x.churn_deferred_until AS deferred_until, 1 AS nbr
              FROM x
             WHERE x.no_order OR x.no_follow_up
        """.format(today=CLOCK_TODAY_SQL, months_param=MONTHS_PARAM, days_param=DAYS_PARAM,
                   months=DEFAULT_MONTHS, days=DEFAULT_DAYS,
                   follow_up=local_date_sql('p.last_follow_up_at'))

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_open_churn_defer(self):
        self.ensure_one()
        return self.partner_id.action_open_churn_defer()

    @api.multi
    def action_open_churn_confirm(self):
        self.ensure_one()
        return self.partner_id.action_open_churn_confirm()

    @api.multi
    def action_open_customer(self):
        self.ensure_one()
        return self.partner_id.get_formview_action()

    @api.model
    def _crm_may_confirm(self):
        return self.env.user._crm_is_manager() and self.env.user._crm_can_act()

    @api.model
    def action_open_worklist(self):
        """The menu: the warnings in the user's scope; the owner's own first filter for
        a salesperson."""
        action = self.env.ref('crm_lifecycle.crm_churn_warning_action').read()[0]
        if not self.env.user._crm_is_leader():
            action['context'] = {'search_default_filter_mine': 1}
        action['name'] = _('Churn Warnings')
        return action
