# -*- coding: utf-8 -*-
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_sales.grant import grant

PERIODS = [('day', 'Daily report'), ('week', 'Weekly report')]
#: what the author writes; everything else is filled by the actions
CONTENT_FIELDS = ('summary', 'plan', 'problems', 'attachment_ids')


class CrmWorkReport(models.Model):
    """A work report (日报 / 周报) of one user for one day or one week (Monday to
    Sunday): what she did, her plan and her problems, with the period's figures from
    her own records (``crm_work_report_figures.py``). Written by its author while a
    draft, submitted to the leader of her team, who comments in the chatter and marks
    it read. One report per user per period."""
    _name = 'crm.work.report'
    _description = 'Work Report'
    _inherit = ['mail.thread', 'crm.scope.mixin', 'crm.guard.mixin']
    # filed under one of the author's teams (the team is hers, not action-only: team_id is
    # a name other models let users choose)
    _crm_owner_team_fields = ('user_id', 'team_id')
    _order = 'date desc, id desc'
    _mail_post_access = 'read'

    name = fields.Char('Title', compute='_compute_name', store=True)
    user_id = fields.Many2one('res.users', 'Author', required=True, readonly=True, index=True,
                              default=lambda self: self.env.user, ondelete='restrict')
    team_id = fields.Many2one('crm.team', 'Team', readonly=True, index=True,
                              default=lambda self: self.env.user.sale_team_id)
    leader_id = fields.Many2one('res.users', 'Submitted To', readonly=True, copy=False)
    period = fields.Selection(PERIODS, 'Type', required=True, default='day')
    date = fields.Date('Date', required=True, index=True,
                       default=lambda self: self.env['crm.clock'].today_str(),
                       help='The day of a daily report; any day of the week of a weekly '
                            'report (it is filed under that week\'s Monday).')
    date_to = fields.Date('Until', compute='_compute_date_to', store=True)
    summary = fields.Text('Work Done')
    plan = fields.Text('Plan')
    problems = fields.Text('Problems and Help Needed')
    attachment_ids = fields.Many2many('ir.attachment', 'crm_work_report_attachment_rel',
                                      'report_id', 'attachment_id', 'Attachments')
    state = fields.Selection([('draft', 'Draft'), ('submitted', 'Submitted'), ('read', 'Read')],
                             'Status', required=True, default='draft', readonly=True,
                             index=True, track_visibility='onchange', copy=False)
    submitted_at = fields.Datetime('Submitted On', readonly=True, copy=False)
    read_at = fields.Datetime('Read On', readonly=True, copy=False)
    read_by_id = fields.Many2one('res.users', 'Read By', readonly=True, copy=False)
    can_mark_read = fields.Boolean(compute='_compute_can_mark_read')

    _sql_constraints = [
        ('user_period_uniq', 'unique(user_id, period, date)',
         'You already have a report for this period.'),
    ]

    def _crm_action_fields(self):
        return ('leader_id', 'state', 'submitted_at', 'read_at',
                'read_by_id') + self._crm_figure_fields()

    def _crm_author_fields(self):
        return ('user_id',)

    @api.depends('user_id', 'period', 'date')
    def _compute_name(self):
        labels = dict(self._fields['period']._description_selection(self.env))
        for rec in self:
            rec.name = '%s %s %s' % (rec.user_id.name or '', labels.get(rec.period, ''),
                                     rec.date or '')

    @api.depends('period', 'date')
    def _compute_date_to(self):
        for rec in self:
            if rec.date:
                start = fields.Date.from_string(rec.date)
                rec.date_to = fields.Date.to_string(
                    start + timedelta(days=6 if rec.period == 'week' else 0))

    def _compute_can_mark_read(self):
        for rec in self:
            rec.can_mark_read = rec.state == 'submitted' and rec._crm_may_review()

    @api.constrains('user_id', 'period', 'date')
    def _check_one_per_period(self):
        for rec in self:
            rec._crm_check_unique(rec.user_id, rec.period, rec.date, rec.id)

    @api.model
    def _crm_check_unique(self, user, period, date, exclude_id=None):
        """One report per user, type and period: a clear error before the database's
        unique constraint (its message would not name the report)."""
        twin = self.sudo().search([('id', '!=', exclude_id or 0), ('user_id', '=', user.id),
                                   ('period', '=', period), ('date', '=', date)], limit=1)
        if twin:
            labels = dict(self._fields['period']._description_selection(self.env))
            raise ValidationError(
                _('%(user)s already has a %(period)s for %(date)s: open it instead of '
                  'writing a second one.')
                % {'user': user.name, 'period': labels[period], 'date': date})

    @api.model
    def _crm_period_start(self, period, date):
        """The first day of the period holding ``date`` (a weekly report: its Monday)."""
        day = fields.Date.from_string(date)
        if period == 'week':
            day -= timedelta(days=day.weekday())
        return fields.Date.to_string(day)

    # ------------------------------------------------------------------ ORM
    @api.model
    def create(self, vals):
        vals = dict(vals)
        vals['date'] = self._crm_period_start(
            vals.get('period') or 'day', vals.get('date') or self.env['crm.clock'].today_str())
        if not self.env['crm.guard']._is_privileged():
            self.env.user._crm_check_can_act()
        owner = self.env['res.users'].browse(vals.get('user_id') or self.env.uid)
        self._crm_check_unique(owner.sudo(), vals.get('period') or 'day', vals['date'])
        report = super(CrmWorkReport, self).create(vals)
        report._crm_fill_figures()
        return report

    @api.multi
    def write(self, vals):
        if not self.env['crm.guard']._is_privileged():
            for rec in self:
                if rec.user_id != self.env.user:
                    raise AccessError(_('Only its author may change the report "%s"; a leader '
                                        'comments in its messages.') % rec.name)
                if rec.state != 'draft':
                    raise UserError(_('The report "%s" was submitted: it can no longer be '
                                      'changed. Add what is missing as a message.') % rec.name)
            if 'date' in vals or 'period' in vals:
                for rec in self:
                    period = vals.get('period') or rec.period
                    date = self._crm_period_start(period, vals.get('date') or rec.date)
                    self._crm_check_unique(rec.user_id, period, date, rec.id)
                    super(CrmWorkReport, rec).write(dict(vals, date=date))
                self._crm_fill_figures()
                return True
        return super(CrmWorkReport, self).write(vals)

    @api.multi
    def unlink(self):
        if not self.env['crm.guard']._is_privileged():
            for rec in self:
                if rec.state != 'draft' or rec.user_id != self.env.user:
                    raise UserError(_('Only its author may delete a report, while it is a '
                                      'draft ("%s" is not).') % rec.name)
        return super(CrmWorkReport, self).unlink()

    # ------------------------------------------------------------------ actions
    def _crm_leader(self):
        """The leader the report goes to: the leader of the author's team (crm.team
        user_id), else of the nearest team above with one."""
        self.ensure_one()
        team = self.sudo().team_id
        while team and (not team.user_id or team.user_id == self.user_id):
            team = team.parent_id
        return team.user_id if team else self.env['res.users']

    def _crm_may_review(self, user=None):
        """The leader of the author's team (or above), or a sales manager; not the author."""
        self.ensure_one()
        user = user or self.env.user
        if user == self.user_id:
            return False
        return user._crm_is_manager() or (user._crm_is_leader() and
                                          user._crm_leads_team(self.sudo().team_id))

    @api.multi
    def action_submit(self):
        now = self.env['crm.clock'].now_str()
        for rec in self:
            if rec.user_id != self.env.user:
                raise AccessError(_('Only its author may submit the report "%s".') % rec.name)
            if rec.state != 'draft':
                raise UserError(_('The report "%s" was submitted already.') % rec.name)
            if not (rec.summary or '').strip():
                raise UserError(_('Write what you did before submitting the report.'))
            leader = rec._crm_leader()
            grant(rec, 'action_write').write({'state': 'submitted', 'submitted_at': now,
                                              'leader_id': leader.id})
            if leader:
                rec.sudo().message_subscribe_users(user_ids=leader.ids)
                rec.message_post(
                    body=_('Report submitted to %s.') % leader.name, subtype='mail.mt_comment',
                    partner_ids=leader.partner_id.ids)
        return True

    @api.multi
    def action_mark_read(self):
        now = self.env['crm.clock'].now_str()
        for rec in self:
            if not rec._crm_may_review():
                raise AccessError(_('Only the leader of %s\'s team or a sales manager marks the '
                                    'report read.') % rec.user_id.name)
            if rec.state != 'submitted':
                raise UserError(_('The report "%s" is not waiting to be read.') % rec.name)
            grant(rec.sudo(), 'action_write').write({'state': 'read', 'read_at': now,
                                              'read_by_id': self.env.uid})
        return True

    @api.multi
    def action_refresh_figures(self):
        """Count the period's records again (the author, on a draft)."""
        for rec in self:
            if rec.user_id != self.env.user or rec.state != 'draft':
                raise UserError(_('Only its author refreshes a draft report\'s figures.'))
        self._crm_fill_figures()
        return True
