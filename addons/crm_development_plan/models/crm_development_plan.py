# -*- coding: utf-8 -*-
"""客户开发计划: how the owner of an opportunity means to win the customer, step by step.

The plan belongs to its opportunity: its owner and team are the opportunity's
(``crm.scope.mixin`` from ``lead_id``), so a salesperson sees the plans of her
opportunities, a leader her teams', a manager all, the executive reads them. The owner
plans dated steps (``crm.development.plan.step``), writes each step's result as it is
carried out, and ends the plan:

* 开发成功 (``action_success``): the opportunity is won through crm_sales' own API
  (``crm.lead.action_set_end_status('won')``), which makes its customer a deal customer
  (``res.partner._crm_register_deal``); an opportunity without a customer gets one first,
  created from its company name (the customer record 系统自动创建);
* 开发失败 (``action_fail(reason_id, note)``): the opportunity is lost with that reason
  (``action_set_end_status('lost', ...)``).

Whichever way the opportunity closes (these actions or its own 赢单 / 丢单 buttons), its
plan in progress ends with it (``crm.lead.write``, ``crm_lead.py``). The status and the
end of a plan are action-only fields (``_crm_action_fields``)."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.crm_sales.grant import grant, privileged

PLAN_STATES = [
    ('in_progress', 'In Progress'),
    ('success', 'Succeeded'),
    ('failure', 'Failed'),
]

#: fields only the plan's actions write
ACTION_FIELDS = ('state', 'ended_at', 'ended_by_id', 'failure_reason_id', 'failure_note')

#: values that come from the opportunity: never taken from a client
DERIVED_FIELDS = ('user_id', 'team_id', 'partner_id', 'company_id')

#: what no longer changes once the plan has ended (its history)
FROZEN_WHEN_ENDED = ('name', 'lead_id', 'goal', 'step_ids')


class CrmDevelopmentPlan(models.Model):
    _name = 'crm.development.plan'
    _description = 'Development Plan'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'crm.scope.mixin', 'crm.guard.mixin']
    _crm_scope_owner_field = 'lead_id.user_id'
    _crm_scope_team_field = 'lead_id.team_id'
    _order = 'ended_at desc, id desc'   # in progress (no end yet) first

    name = fields.Char('Plan', required=True, track_visibility='onchange')
    lead_id = fields.Many2one(
        'crm.lead', 'Opportunity', required=True, index=True, ondelete='cascade',
        auto_join=True, domain=[('type', '=', 'opportunity'), ('end_status', '=', False)],
        track_visibility='onchange')
    partner_id = fields.Many2one(
        related='lead_id.partner_id', string='Customer', store=True, readonly=True,
        index=True, help='The customer of the opportunity: the plan stays visible on it.')
    user_id = fields.Many2one(
        related='lead_id.user_id', string='Salesperson', store=True, readonly=True,
        help='The owner of the opportunity: the plan is in their data scope.')
    team_id = fields.Many2one(related='lead_id.team_id', string='Sales Team', store=True,
                              readonly=True,
                              help='The team of the opportunity: its leader sees the plan.')
    company_id = fields.Many2one(related='lead_id.company_id', string='Company', store=True,
                                 readonly=True)
    stage_id = fields.Many2one(related='lead_id.stage_id', string='Opportunity Stage',
                               readonly=True)
    goal = fields.Text('Goal', help='What the development should achieve.')
    step_ids = fields.One2many('crm.development.plan.step', 'plan_id', 'Steps', copy=True)
    state = fields.Selection(PLAN_STATES, 'Status', required=True, default='in_progress',
                             index=True, readonly=True, copy=False,
                             track_visibility='onchange')
    ended_at = fields.Datetime('Ended On', readonly=True, copy=False)
    ended_by_id = fields.Many2one('res.users', 'Ended By', readonly=True, copy=False,
                                  ondelete='set null')
    failure_reason_id = fields.Many2one(
        'crm.lost.reason', 'Reason of Failure', readonly=True, copy=False,
        ondelete='restrict', help='Why the development failed (the opportunity was lost for '
                                  'this reason).')
    failure_note = fields.Text('Failure Note', readonly=True, copy=False)
    step_count = fields.Integer('Steps', compute='_compute_steps')
    step_done_count = fields.Integer('Steps Done', compute='_compute_steps')
    progress = fields.Float('Progress (%)', compute='_compute_steps',
                            help='Share of the steps whose result has been recorded.')
    next_step_date = fields.Date('Next Step On', compute='_compute_steps',
                                 help='The date of the earliest step without a result.')
    next_step_name = fields.Char('Next Step', compute='_compute_steps')
    overdue_step_count = fields.Integer(
        'Overdue Steps', compute='_compute_overdue',
        help='Steps planned before today (CRM clock) without a result.')
    is_overdue = fields.Boolean('Overdue', compute='_compute_overdue',
                                search='_search_is_overdue')

    def _crm_action_fields(self):
        return ACTION_FIELDS

    def _crm_target_fields(self):
        return {'lead_id': 'write'}

    # ------------------------------------------------------------------ computes
    @api.depends('step_ids.date', 'step_ids.is_done', 'step_ids.name')
    def _compute_steps(self):
        for plan in self:
            steps = plan.step_ids
            done = steps.filtered('is_done')
            plan.step_count = len(steps)
            plan.step_done_count = len(done)
            plan.progress = 100.0 * len(done) / len(steps) if steps else 0.0
            todo = (steps - done).sorted(lambda s: (s.date or '', s.sequence, s.id))
            plan.next_step_date = todo[:1].date
            plan.next_step_name = todo[:1].name

    def _compute_overdue(self):
        today = self.env['crm.clock'].today_str()
        for plan in self:
            count = 0
            if plan.state == 'in_progress':
                count = len(plan.step_ids.filtered(
                    lambda s: not s.is_done and s.date and s.date < today))
            plan.overdue_step_count = count
            plan.is_overdue = bool(count)

    def _search_is_overdue(self, operator, value):
        if operator not in ('=', '!='):
            raise UserError(_('Search overdue plans with "=" or "!=".'))
        steps = self.env['crm.development.plan.step'].sudo().search(
            self.env['crm.development.plan.step']._crm_overdue_domain())
        positive = (operator == '=') == bool(value)
        return [('id', 'in' if positive else 'not in', steps.mapped('plan_id').ids)]

    @api.model
    def _crm_plan_counts(self, field, ids):
        """{id: number of plans the user may read} of the records ``ids`` that plans
        point at through ``field`` (the buttons of opportunities and customers)."""
        if not ids or not self.check_access_rights('read', raise_exception=False):
            return {}
        data = self.read_group([(field, 'in', ids)], [field], [field])
        return {d[field][0]: d['%s_count' % field] for d in data}

    # ------------------------------------------------------------------ checks
    @api.constrains('lead_id', 'state')
    def _check_lead(self):
        for plan in self.sudo().filtered(lambda p: p.state == 'in_progress'):
            lead = plan.lead_id
            if lead.type != 'opportunity':
                raise ValidationError(_('"%s" is a lead: convert it to an opportunity before '
                                        'planning its development.') % lead.name)
            if lead.end_status:
                raise ValidationError(_('The opportunity "%s" is closed: its development '
                                        'cannot be planned any more.') % lead.name)
            others = self.sudo().search([('lead_id', '=', lead.id), ('id', '!=', plan.id),
                                         ('state', '=', 'in_progress')], limit=1)
            if others:
                raise ValidationError(_('The opportunity "%s" already has a development plan '
                                        'in progress: "%s".') % (lead.name, others.name))

    # ------------------------------------------------------------------ create / write
    @api.model
    def create(self, vals):
        self.check_access_rights('create')   # (a read-only role hears it first)
        vals = {k: v for k, v in vals.items() if k not in DERIVED_FIELDS}
        if vals.get('lead_id') and not vals.get('name'):
            lead = self.env['crm.lead'].sudo().browse(vals['lead_id']).exists()
            if lead:
                vals['name'] = _('Development plan: %s') % lead.name
        return super(CrmDevelopmentPlan, self).create(vals)

    @api.multi
    def write(self, vals):
        vals = {k: v for k, v in vals.items() if k not in DERIVED_FIELDS}
        if not privileged(self):
            if 'lead_id' in vals and any(p.lead_id.id != vals['lead_id'] for p in self):
                self._crm_guard_vals(vals)   # another's opportunity: the guard's AccessError
                raise UserError(_('A development plan stays with its opportunity: create a '
                                  'new plan for another opportunity.'))
            frozen = set(FROZEN_WHEN_ENDED) & set(vals)
            ended = self.filtered(lambda p: p.state != 'in_progress')
            if frozen and ended:
                raise UserError(_('The development plan "%s" has ended: it can no longer '
                                  'change.') % ended[0].name)
        return super(CrmDevelopmentPlan, self).write(vals)

    @api.multi
    def unlink(self):
        if not privileged(self) and self.filtered(lambda p: p.state != 'in_progress'):
            raise UserError(_('An ended development plan cannot be deleted: it is part of the '
                              'history of the opportunity and its customer.'))
        return super(CrmDevelopmentPlan, self).unlink()

    # ------------------------------------------------------------------ actions
    def _crm_plan_check_act(self):
        """The caller may end this plan: a working CRM role with write access to it (the
        owner, her leader, a manager, a colleague the opportunity is shared with for
        writing), and the plan is in progress."""
        if len(self) != 1:
            raise UserError(_('End one development plan at a time.'))
        self.env.user._crm_check_can_act()
        self.check_access_rights('write')
        self.check_access_rule('write')
        if self.state != 'in_progress':
            raise UserError(_('The development plan "%s" has already ended.') % self.name)
        if self.lead_id.end_status:
            raise UserError(_('The opportunity "%s" is already closed.') % self.lead_id.name)

    def _crm_plan_create_customer(self):
        """The customer of an opportunity that has none, from its company name and contact
        (created as the caller: the customer checks of crm_sales apply, e.g. a name
        already taken names the customer and its owner)."""
        lead = self.lead_id
        name = (lead.partner_name or '').strip()
        if not name:
            raise UserError(_('The opportunity "%s" has no customer: enter its customer (or the '
                              'company name) on the opportunity first.') % lead.name)
        Partner = self.env['res.partner']
        owner = lead.user_id or self.env.user
        customer = Partner.create({
            'name': name, 'is_company': True, 'customer': True,
            'user_id': owner.id, 'team_id': lead.team_id.id or False,
            'phone': lead.phone or False, 'mobile': lead.mobile or False,
            'email': lead.email_from or False, 'website': lead.website or False,
            'street': lead.street or False, 'city': lead.city or False,
            'state_id': lead.state_id.id or False, 'country_id': lead.country_id.id or False,
        })
        if (lead.contact_name or '').strip():
            Partner.create({'name': lead.contact_name.strip(), 'parent_id': customer.id,
                            'type': 'contact', 'function': lead.function or False,
                            'mobile': lead.mobile or False, 'email': lead.email_from or False})
        lead.write({'partner_id': customer.id})
        return customer

    @api.multi
    def action_success(self):
        """开发成功: win the opportunity (its customer, created from the opportunity if
        it has none, becomes a deal customer); the plan ends with it."""
        self._crm_plan_check_act()
        lead = self.lead_id
        if not lead.partner_id:
            self._crm_plan_create_customer()
        lead.action_set_end_status('won')
        customer = lead.partner_id.commercial_partner_id
        return self.env['crm.notify'].done(
            _('Development succeeded: "%s" is now a deal customer.') % customer.name,
            title=_('Development succeeded'))

    @api.multi
    def action_fail(self, reason_id=None, note=None):
        """开发失败: ``reason_id`` (a ``crm.lost.reason``, required) and an optional
        ``note``; the opportunity is lost for that reason and the plan ends with it."""
        self._crm_plan_check_act()
        Guard = self.env['crm.guard']
        reason = Guard._arg_record('crm.lost.reason', reason_id, _('the reason of the failure'))
        note = Guard._arg_text(note, _('the note'), required=False, max_len=4000) or False
        self.lead_id.action_set_end_status('lost', reason.id, note)
        return self.env['crm.notify'].done(
            _('Development failed: the opportunity "%s" was marked lost (%s).')
            % (self.lead_id.name, reason.name), title=_('Development failed'), warning=True)

    @api.multi
    def action_open_fail(self):
        """The 开发失败 dialog (reason, note) of this plan."""
        self._crm_plan_check_act()
        action = self.env.ref('crm_development_plan.crm_development_plan_fail_action').read()[0]
        action['context'] = {'default_plan_id': self.id}
        return action

    @api.model
    def _crm_lead_closed(self, leads, acting_uid):
        """The opportunities ``leads`` were just closed (won, lost or invalid), by
        whatever path: their plans in progress end with them (won: succeeded; lost or
        invalid: failed, with the opportunity's reason and note)."""
        plans = self.sudo().search([('lead_id', 'in', leads.ids),
                                    ('state', '=', 'in_progress')])
        if not plans:
            return plans
        now = self.env['crm.clock'].now_str()
        author = self.env['res.users'].sudo().browse(acting_uid).partner_id
        for plan in plans:
            lead = plan.lead_id
            won = lead.end_status == 'won'
            vals = {'state': 'success' if won else 'failure', 'ended_at': now,
                    'ended_by_id': acting_uid,
                    'failure_reason_id': False if won else lead.end_reason_id.id,
                    'failure_note': False if won else lead.end_note}
            grant(plan, 'action_write').write(vals)
            if won:
                body = _('Development succeeded: the opportunity was won and %s is a deal '
                         'customer.') % (lead.partner_id.display_name or _('its customer'))
            else:
                body = _('Development failed: %s') % (lead.end_reason_id.name or '')
                if lead.end_note:
                    body += ' (%s)' % lead.end_note
            plan.message_post(body=body, subtype='mail.mt_note', author_id=author.id)
        return plans
