# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.crm_sales.grant import privileged


class CrmDevelopmentPlanStep(models.Model):
    """A step of a development plan: when (``date``), what to do (``name``) and, once
    carried out, its result (``result``; who wrote it and when are filled in by the
    step itself: action-only). A step planned before today (``crm.clock``) without a
    result, in a plan in progress, is overdue: it shows in its owner's "my to-do".
    The steps of an ended plan no longer change."""
    _name = 'crm.development.plan.step'
    _description = 'Development Plan Step'
    _inherit = ['crm.scope.mixin', 'crm.guard.mixin']
    _crm_scope_owner_field = 'plan_id.lead_id.user_id'
    _crm_scope_team_field = 'plan_id.lead_id.team_id'
    _order = 'date, sequence, id'

    plan_id = fields.Many2one('crm.development.plan', 'Development Plan', required=True,
                              index=True, ondelete='cascade', auto_join=True)
    sequence = fields.Integer('Sequence', default=10)
    date = fields.Date('Planned Date', required=True, index=True)
    name = fields.Char('To Do', required=True, help='What is to be done in this step.')
    result = fields.Text('Result', copy=False,
                         help='How the step went, written once it is carried out.')
    result_at = fields.Datetime('Result Recorded On', readonly=True, copy=False)
    result_user_id = fields.Many2one('res.users', 'Result Recorded By', readonly=True,
                                     copy=False, ondelete='set null')
    is_done = fields.Boolean('Carried Out', compute='_compute_is_done', store=True,
                             index=True)
    is_overdue = fields.Boolean('Overdue', compute='_compute_is_overdue',
                                search='_search_is_overdue')
    plan_state = fields.Selection(related='plan_id.state', string='Plan Status',
                                  readonly=True)
    lead_id = fields.Many2one(related='plan_id.lead_id', string='Opportunity', readonly=True)
    partner_id = fields.Many2one(related='plan_id.partner_id', string='Customer',
                                 readonly=True, help='The customer of the opportunity.')

    def _crm_action_fields(self):
        return ('result_at', 'result_user_id')

    def _crm_target_fields(self):
        return {'plan_id': 'write'}

    @api.depends('result')
    def _compute_is_done(self):
        for step in self:
            step.is_done = bool((step.result or '').strip())

    @api.model
    def _crm_overdue_domain(self):
        return [('plan_id.state', '=', 'in_progress'), ('is_done', '=', False),
                ('date', '<', self.env['crm.clock'].today_str())]

    def _compute_is_overdue(self):
        today = self.env['crm.clock'].today_str()
        for step in self:
            step.is_overdue = bool(step.plan_id.state == 'in_progress' and not step.is_done
                                   and step.date and step.date < today)

    def _search_is_overdue(self, operator, value):
        if operator not in ('=', '!='):
            raise UserError(_('Search overdue steps with "=" or "!=".'))
        domain = expression.normalize_domain(self._crm_overdue_domain())
        if (operator == '=') == bool(value):
            return domain
        return ['!'] + domain

    # ------------------------------------------------------------------ create / write
    def _crm_result_values(self, result, vals):
        """Who wrote the result and when (a privileged caller, e.g. demo data, may give
        them itself)."""
        done = bool((result or '').strip())
        own = {'result_at': self.env['crm.clock'].now_str() if done else False,
               'result_user_id': self.env.uid if done else False}
        if privileged(self):
            own = {k: v for k, v in own.items() if k not in vals}
        return own

    def _crm_check_plan_open(self, plans):
        ended = plans.filtered(lambda p: p.state != 'in_progress')
        if ended and not privileged(self):
            raise UserError(_('The development plan "%s" has ended: its steps can no longer '
                              'change.') % ended[0].sudo().name)

    @api.model
    def create(self, vals):
        plan = self.env['crm.development.plan'].browse(vals.get('plan_id') or [])
        self._crm_check_plan_open(plan.sudo().exists())
        if (vals.get('result') or '').strip():
            records, vals = self._crm_own_values(vals, creating=True,
                                                 **self._crm_result_values(vals['result'], vals))
            return super(CrmDevelopmentPlanStep, records).create(vals).with_env(self.env)
        return super(CrmDevelopmentPlanStep, self).create(vals)

    @api.multi
    def write(self, vals):
        plans = self.sudo().mapped('plan_id')
        if 'plan_id' in vals:
            plans |= self.env['crm.development.plan'].sudo().browse(vals['plan_id']).exists()
        self._crm_check_plan_open(plans)
        if 'result' in vals:
            changed = self.filtered(lambda s: (s.result or '') != (vals['result'] or ''))
            if changed:
                own = self._crm_result_values(vals['result'], vals)
                records, own_vals = changed._crm_own_values(vals, **own)
                super(CrmDevelopmentPlanStep, records).write(own_vals)
                rest = self - changed
                return super(CrmDevelopmentPlanStep, rest).write(vals) if rest else True
        return super(CrmDevelopmentPlanStep, self).write(vals)

    @api.multi
    def unlink(self):
        self._crm_check_plan_open(self.sudo().mapped('plan_id'))
        return super(CrmDevelopmentPlanStep, self).unlink()

    @api.multi
    def get_formview_action(self, access_uid=None):
        """A step opens in its plan (from "my to-do")."""
        self.ensure_one()
        return self.plan_id.get_formview_action(access_uid=access_uid)

    @api.multi
    def action_open_plan(self):
        """The plan of this step (a button of the steps list)."""
        self.ensure_one()
        self.check_access_rule('read')
        return self.plan_id.get_formview_action()
