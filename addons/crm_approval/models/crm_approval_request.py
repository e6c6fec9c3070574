# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_sales.grant import granted, privileged

STATES = [
    ('draft', 'Draft'),
    ('waiting', 'Waiting Approval'),
    ('approved', 'Approved'),
    ('rejected', 'Rejected'),
    ('cancelled', 'Cancelled'),
]
#: fields anyone with write access may change on a request that is no longer a draft
FREE_FIELDS = {'message_follower_ids', 'message_partner_ids', 'message_channel_ids',
               'message_ids', 'activity_ids', 'message_main_attachment_id',
               'message_last_post'}


class CrmApprovalRequest(models.Model):
    """An approval request (审批申请) filed by an employee on a template (报销, 出差,
    请假, 通用): a title, a description, dates or expense lines, approved tier by tier
    through ``crm.approval.mixin`` (the same inbox, counters and decisions as contracts
    and quotations). States: draft -> waiting -> approved / rejected; the applicant
    cancels a draft or a waiting request, and reopens a rejected or cancelled one as
    a draft."""
    _name = 'crm.approval.request'
    _description = 'Approval Request'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'crm.approval.mixin', 'crm.guard.mixin',
                'crm.scope.mixin']
    _order = 'id desc'
    _rec_name = 'reference'
    _crm_approval_owner_field = 'user_id'
    _crm_amount_fields = ('amount_total',)
    _crm_partner_field = None

    reference = fields.Char('Reference', readonly=True, copy=False, index=True,
                            default=lambda self: _('New'))
    template_id = fields.Many2one('crm.approval.template', 'Template', required=True,
                                  ondelete='restrict', index=True, track_visibility='onchange')
    kind = fields.Selection(related='template_id.kind', readonly=True, string='Fields to Fill')
    instructions = fields.Text(related='template_id.description', readonly=True,
                               string='Instructions')
    title = fields.Char('Title', required=True, track_visibility='onchange')
    description = fields.Text('Description')
    user_id = fields.Many2one('res.users', 'Applicant', required=True, index=True,
                              readonly=True, default=lambda self: self.env.user)
    team_id = fields.Many2one('crm.team', 'Sales Team', index=True, readonly=True,
                              default=lambda self: self.env.user.sale_team_id)
    company_id = fields.Many2one('res.company', 'Company', required=True, readonly=True,
                                 default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True,
                                  string='Currency')
    date_from = fields.Date('From', track_visibility='onchange')
    date_to = fields.Date('To', track_visibility='onchange')
    days = fields.Integer('Days', compute='_compute_days',
                          help='Calendar days from the first to the last day, both included.')
    line_ids = fields.One2many('crm.approval.request.line', 'request_id', 'Expenses',
                               copy=True)
    amount_total = fields.Monetary('Total', compute='_compute_amount_total', store=True,
                                   track_visibility='onchange')
    state = fields.Selection(STATES, 'Status', default='draft', required=True, readonly=True,
                             copy=False, index=True, track_visibility='onchange')
    crm_review_user_ids = fields.Many2many(
        'res.users', 'crm_approval_request_reviewer_rel', 'request_id', 'user_id',
        string='Reviewers (all tiers)', readonly=True, copy=False)

    # ------------------------------------------------------------------ computes
    @api.depends('line_ids.amount')
    def _compute_amount_total(self):
        for rec in self:
            rec.amount_total = sum(rec.line_ids.mapped('amount'))

    @api.depends('date_from', 'date_to')
    def _compute_days(self):
        for rec in self:
            if rec.date_from and rec.date_to and rec.date_to >= rec.date_from:
                start = fields.Date.from_string(rec.date_from)
                rec.days = (fields.Date.from_string(rec.date_to) - start).days + 1
            else:
                rec.days = 0

    @api.multi
    @api.depends('reference', 'title')
    def name_get(self):
        return [(rec.id, '%s %s' % (rec.reference or '', rec.title or '')) for rec in self]

    # ------------------------------------------------------------------ checks
    @api.constrains('date_from', 'date_to')
    def _check_dates(self):
        for rec in self:
            if rec.date_from and rec.date_to and rec.date_to < rec.date_from:
                raise ValidationError(_('The end date (%s) is before the start date (%s): '
                                        'correct the dates.') % (rec.date_to, rec.date_from))

    @api.constrains('amount_total')
    def _check_size(self):
        for rec in self:
            rec._crm_check_size(rec.amount_total)

    def _crm_approval_check_ready(self):
        """What a request of its template must hold before it is submitted."""
        self.ensure_one()
        kind = self.sudo().template_id.kind
        if kind == 'expense' and not self.line_ids:
            raise UserError(_('"%s" has no expense line: add at least one (date, what for, '
                              'amount, receipt) before submitting it.') % self.display_name)
        if kind == 'period' and not (self.date_from and self.date_to):
            raise UserError(_('"%s" needs its dates (from and to) before it is submitted.')
                            % self.display_name)
        if kind == 'text' and not (self.description or '').strip():
            raise UserError(_('"%s" has no description: write what you ask for before '
                              'submitting it.') % self.display_name)
        if not self.sudo().template_id.active:
            raise UserError(_('The template "%s" is no longer in use: choose another one.')
                            % self.sudo().template_id.name)
        return True

    def _crm_tier_applies(self, tier):
        """A tier naming templates applies to requests of those templates only."""
        templates = tier.sudo().crm_approval_template_ids
        if templates and self.sudo().template_id not in templates:
            return False
        return super(CrmApprovalRequest, self)._crm_tier_applies(tier)

    # ------------------------------------------------------------------ guard
    def _crm_action_fields(self):
        return super(CrmApprovalRequest, self)._crm_action_fields() + (
            'state', 'submitted_by_id', 'submitted_at', 'approved_at', 'reject_reason',
            'crm_review_user_ids')

    def _crm_check_own_fields(self, vals):
        """Fields only the request itself fills, whose names other models use for
        fields users type (so not ``_crm_action_fields``): the applicant, the team, the
        company, the reference and the total."""
        if privileged(self) or not isinstance(vals, dict):
            return
        names = []
        for name in ('user_id', 'team_id', 'company_id', 'reference', 'amount_total'):
            if name not in vals:
                continue
            if not self:
                # on create the team and company are the applicant's (filled in)
                if name == 'user_id' and vals[name] and vals[name] != self.env.uid or \
                        name in ('reference', 'amount_total') and vals[name]:
                    names.append(name)
            elif any(self._fields[name].convert_to_write(rec[name], rec) != vals[name]
                     for rec in self.sudo()):
                names.append(name)
        if names:
            labels = _(', ').join(self._fields[n].get_description(self.env)['string']
                                  for n in names)
            raise AccessError(_('%s cannot be changed directly: a request is filed by the '
                                'employee who asks, and numbered and totalled by the CRM.')
                              % labels)

    # ------------------------------------------------------------------ ORM
    @api.model
    def create(self, vals):
        env, vals = self.env, dict(vals)
        self._crm_check_own_fields(vals)
        if not privileged(self):
            user = self.env.user
            vals.update(user_id=user.id, team_id=user.sale_team_id.id or False,
                        company_id=user.company_id.id)
        elif vals.get('user_id') and 'team_id' not in vals:
            vals['team_id'] = self.env['res.users'].browse(vals['user_id']).sale_team_id.id
        number = self.env['ir.sequence'].next_by_code('crm.approval.request') or _('New')
        self, vals = self._crm_own_values(vals, creating=True, reference=number)
        record = super(CrmApprovalRequest, self).create(vals)
        return record.with_env(env)

    @api.multi
    def write(self, vals):
        self._crm_check_own_fields(vals)
        if not granted(self, 'action_write'):
            locked = self.filtered(lambda r: r.state != 'draft')
            if locked and set(vals) - FREE_FIELDS:
                self.check_access_rights('write')
                self.check_access_rule('write')
                raise UserError(_('"%s" is %s and cannot be edited: only drafts can be '
                                  'changed.') % (
                    locked[0].display_name,
                    dict(self._fields['state']._description_selection(self.env))[locked[0].state]))
        return super(CrmApprovalRequest, self).write(vals)

    @api.multi
    def unlink(self):
        for rec in self:
            if rec.state != 'draft' or rec.submitted_at:
                raise UserError(_('"%s" was submitted and cannot be deleted: cancel it '
                                  'instead.') % rec.display_name)
        return super(CrmApprovalRequest, self).unlink()

    @api.multi
    @api.returns('self', lambda value: value.id)
    def copy(self, default=None):
        """A copy is a new draft of the employee who copies it."""
        self.check_access_rule('read')
        if self.sudo().user_id != self.env.user and not privileged(self):
            raise AccessError(_('Only the applicant may copy "%s".') % self.display_name)
        return super(CrmApprovalRequest, self).copy(default)
