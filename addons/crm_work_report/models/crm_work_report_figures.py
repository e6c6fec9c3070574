# -*- coding: utf-8 -*-
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from odoo.addons.crm_sales.grant import grant


class CrmWorkReport(models.Model):
    """The figures of a report: what its author's own records say about the period,
    counted when the report is created (and again by *Refresh*, on a draft). Only the
    author's records count: follow-ups she logged, of them the visits (type *visit*),
    customers she owns that were created in the period, opportunities she owns that
    were created in it. New contracts: the bridge crm_work_report_contract."""
    _inherit = 'crm.work.report'

    follow_up_count = fields.Integer('Follow-ups', readonly=True)
    visit_count = fields.Integer('Visits', readonly=True)
    new_customer_count = fields.Integer('New Customers', readonly=True)
    new_opportunity_count = fields.Integer('New Opportunities', readonly=True)
    follow_up_ids = fields.Many2many('crm.follow.up', 'crm_work_report_follow_up_rel',
                                     'report_id', 'follow_up_id', 'Follow-ups Logged',
                                     readonly=True)
    new_customer_ids = fields.Many2many('res.partner', 'crm_work_report_partner_rel',
                                        'report_id', 'partner_id', 'New Customers List',
                                        readonly=True)
    new_opportunity_ids = fields.Many2many('crm.lead', 'crm_work_report_lead_rel',
                                           'report_id', 'lead_id', 'New Opportunities List',
                                           readonly=True)

    @api.model
    def _crm_figure_fields(self):
        return ('follow_up_count', 'visit_count', 'new_customer_count', 'new_opportunity_count',
                'follow_up_ids', 'new_customer_ids', 'new_opportunity_ids')

    def _crm_period_bounds(self):
        """(start, end) of the period in UTC strings, the days taken in the author's
        time zone (default Asia/Shanghai): start included, end excluded."""
        self.ensure_one()
        tz = pytz.timezone(self.sudo().user_id.tz or 'Asia/Shanghai')
        first = fields.Date.from_string(self.date)
        last = fields.Date.from_string(self.date_to) + timedelta(days=1)

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return fields.Datetime.to_string(local.astimezone(pytz.utc).replace(tzinfo=None))
        return utc(first), utc(last)

    @api.model
    def _crm_figure_domains(self, user, start, end):
        """{model: domain} of the author's records of the period (one place to extend)."""
        return {
            'follow_up': ('crm.follow.up', [('user_id', '=', user.id), ('date', '>=', start),
                                            ('date', '<', end)]),
            'new_customer': ('res.partner', [('is_crm_customer', '=', True),
                                             ('user_id', '=', user.id),
                                             ('create_date', '>=', start),
                                             ('create_date', '<', end)]),
            'new_opportunity': ('crm.lead', [('type', '=', 'opportunity'),
                                             ('user_id', '=', user.id),
                                             ('create_date', '>=', start),
                                             ('create_date', '<', end)]),
        }

    def _crm_fill_figures(self):
        for rec in self:
            user = rec.sudo().user_id
            start, end = rec._crm_period_bounds()
            values = {}
            for kind, (model, domain) in self._crm_figure_domains(user, start, end).items():
                records = self.env[model].sudo().with_context(active_test=False).search(domain)
                values[kind + '_ids'] = [(6, 0, records.ids)]
                values[kind + '_count'] = len(records)
                if kind == 'follow_up':
                    values['visit_count'] = len(records.filtered(
                        lambda r: r.follow_up_type == 'visit'))
            grant(rec, 'action_write').write(values)
