# -*- coding: utf-8 -*-
"""Tasks (任务): one person (the owner, who created and assigned it) gives work to one or
more colleagues (the responsible person and other assignees); collaborators follow it.

Who may change what:

* the owner, the leader of the owner's team (and of the teams above it) and the sales
  managers *manage* a task: every field, cancel, reopen;
* the assignees *work* on it: start, finish, tick the checklist (actions of
  ``crm_task_state.py`` and ``crm_task_checklist.py``), comment; nothing else;
* the collaborators read it and comment.

The status, the owner and the times of the status changes are action-only fields
(``crm.guard.mixin``): a client cannot send them."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.crm_sales.grant import privileged

PRIORITIES = [('0', 'Low'), ('1', 'Normal'), ('2', 'High'), ('3', 'Urgent')]
STATES = [('todo', 'To Do'), ('doing', 'In Progress'), ('done', 'Done'),
          ('cancel', 'Cancelled')]
OPEN_STATES = ('todo', 'doing')
#: fields an assignee who does not manage the task may send to ``write`` (the web
#: client's form sends the checklist when a box is ticked)
ASSIGNEE_WRITABLE = ('checklist_ids',)


class CrmTask(models.Model):
    _name = 'crm.task'
    _description = 'Task'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'crm.scope.mixin', 'crm.guard.mixin']
    _order = 'priority desc, date_deadline, id desc'
    _crm_owner_team_fields = ('user_id', 'team_id')
    #: collaborators (readers) comment too
    _mail_post_access = 'read'

    name = fields.Char('Task', required=True, track_visibility='onchange')
    description = fields.Text('Description')
    user_id = fields.Many2one(
        'res.users', 'Assigned By', required=True, index=True, readonly=True,
        default=lambda self: self.env.user, track_visibility='onchange',
        help='Who created and assigned the task: it is in their data scope.')
    team_id = fields.Many2one(
        'crm.team', 'Sales Team', index=True,
        default=lambda self: self.env.user.sale_team_id,
        help='The team of the person who assigned the task: its leader sees it.')
    company_id = fields.Many2one('res.company', 'Company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    assignee_id = fields.Many2one(
        'res.users', 'Responsible', required=True, index=True, track_visibility='onchange',
        help='The colleague responsible for the task (the team board groups by them).')
    assignee_ids = fields.Many2many(
        'res.users', 'crm_task_assignee_rel', 'task_id', 'user_id', 'Other Assignees',
        help='Colleagues who work on the task with the responsible person: they may start '
             'and finish it and tick its checklist.')
    collaborator_ids = fields.Many2many(
        'res.users', 'crm_task_collaborator_rel', 'task_id', 'user_id', 'Collaborators',
        help='Colleagues who follow the task: they read it and comment.')
    priority = fields.Selection(PRIORITIES, 'Priority', required=True, default='1', index=True,
                                track_visibility='onchange')
    date_deadline = fields.Date('Deadline', index=True, track_visibility='onchange')
    state = fields.Selection(STATES, 'Status', required=True, default='todo', index=True,
                             readonly=True, track_visibility='onchange', copy=False,
                             group_expand='_expand_states')
    task_started_at = fields.Datetime('Started', readonly=True, copy=False)
    task_done_at = fields.Datetime('Done', readonly=True, copy=False)
    partner_id = fields.Many2one(
        'res.partner', 'Customer', index=True,
        domain=[('is_crm_customer', '=', True)], track_visibility='onchange')
    lead_id = fields.Many2one('crm.lead', 'Opportunity', index=True,
                              domain=[('type', '=', 'opportunity')], track_visibility='onchange')
    checklist_ids = fields.One2many('crm.task.checklist', 'task_id', 'Checklist', copy=True)
    checklist_done = fields.Integer('Items Done', compute='_compute_checklist')
    checklist_total = fields.Integer('Items', compute='_compute_checklist')
    checklist_progress = fields.Char('Checklist', compute='_compute_checklist')
    color = fields.Integer('Color')
    crm_may_manage = fields.Boolean('I Manage It', compute='_compute_crm_rights')
    crm_may_work = fields.Boolean('I Work On It', compute='_compute_crm_rights')

    # ------------------------------------------------------------------ guard
    def _crm_action_fields(self):
        return ('state', 'task_started_at', 'task_done_at')

    def _crm_target_fields(self):
        return {'partner_id': 'read', 'lead_id': 'read'}

    @api.model
    def _expand_states(self, states, domain, order):
        return [key for key, _label in STATES]

    # ------------------------------------------------------------------ computes
    @api.depends('checklist_ids.is_done')
    def _compute_checklist(self):
        for task in self:
            items = task.checklist_ids
            task.checklist_total = len(items)
            task.checklist_done = len(items.filtered('is_done'))
            task.checklist_progress = '%d/%d' % (task.checklist_done, task.checklist_total) \
                if items else ''

    def _compute_crm_rights(self):
        user = self.env.user
        for task in self:
            task.crm_may_manage = task._crm_task_may_manage(user)
            task.crm_may_work = task._crm_task_may_work(user)

    def _crm_task_people(self):
        """Everyone who works on the task: the responsible person and the other assignees."""
        self.ensure_one()
        return self.sudo().assignee_id | self.sudo().assignee_ids

    def _crm_task_may_manage(self, user):
        """The owner, the leader of its team (or above) and the sales managers."""
        self.ensure_one()
        task = self.sudo()
        return bool(user._is_superuser() or user == task.user_id or user._crm_is_manager() or
                    (task.team_id and user._crm_leads_team(task.team_id)))

    def _crm_task_may_work(self, user):
        self.ensure_one()
        return user in self._crm_task_people() or self._crm_task_may_manage(user)

    # ------------------------------------------------------------------ checks
    @api.constrains('assignee_id', 'assignee_ids', 'collaborator_ids', 'company_id')
    def _check_people(self):
        for task in self.sudo():
            for user in task.assignee_id | task.assignee_ids | task.collaborator_ids:
                if (not user.active or user.share or task.company_id not in user.company_ids
                        or not user._crm_is_salesperson()):
                    raise ValidationError(_(
                        '%(user)s is not a CRM user of %(company)s: tasks are given to and '
                        'shared with colleagues of the company who work in the CRM.') % {
                            'user': user.name, 'company': task.company_id.name})

    def _crm_check_deadline(self, vals):
        """A new deadline may not be before today (crm.clock, the user's day)."""
        deadline = vals.get('date_deadline')
        if deadline and deadline < self.env['crm.clock'].today_str():
            raise ValidationError(_('The deadline %s is in the past: choose today or a later '
                                    'day.') % deadline)

    # ------------------------------------------------------------------ ORM
    def _crm_check_owner(self, vals):
        """Who assigned a task is who created it: nobody names another (not an action-only
        field: ``default_user_id`` of other models' forms stays allowed)."""
        if vals.get('user_id', self.env.uid) != self.env.uid:
            raise AccessError(_('The person who assigned a task is the one who creates it; it '
                                'cannot be changed.'))

    @api.model
    def create(self, vals):
        self._crm_check_deadline(vals)
        if not privileged(self):
            if not vals.get('assignee_id'):
                raise ValidationError(_('Choose who is responsible for the task.'))
            self._crm_check_owner(vals)
            vals = dict(vals, user_id=self.env.uid)   # also over a default_user_id
        task = super(CrmTask, self).create(vals)
        task._crm_task_follow()
        return task

    @api.multi
    def write(self, vals):
        if not privileged(self):
            if 'user_id' in vals and any(t.user_id.id != vals['user_id'] for t in self.sudo()):
                self._crm_check_owner({'user_id': -1})
            self._crm_check_write(vals)
            if 'date_deadline' in vals:
                self._crm_check_deadline(vals)
        before = {task.id: task._crm_task_people() for task in self}
        res = super(CrmTask, self).write(vals)
        if {'assignee_id', 'assignee_ids', 'collaborator_ids'} & set(vals):
            for task in self:
                task._crm_task_follow(notify=task._crm_task_people() - before[task.id])
        return res

    def _crm_check_write(self, vals):
        """An assignee who does not manage the task only ticks its checklist."""
        others = set(vals) - set(ASSIGNEE_WRITABLE)
        if not others:
            return
        user = self.env.user
        for task in self:
            if not task._crm_task_may_manage(user):
                raise AccessError(_(
                    'Only the person who assigned the task "%s", their team leader or a sales '
                    'manager may change it; assignees start and finish it and tick its '
                    'checklist.') % task.name)

    def _crm_task_follow(self, notify=None):
        """The assignees and collaborators follow the task; the assignees added (not the
        responsible person: Odoo's auto-subscription tells them) receive the e-mail
        "任务 … 已分派给你"."""
        for task in self.sudo():
            people = task.assignee_id | task.assignee_ids | task.collaborator_ids
            task.message_subscribe_users(user_ids=people.ids)
            extra = (notify if notify is not None else task.assignee_ids) - task.assignee_id
            extra = extra.filtered(lambda u: u != self.env.user)
            if extra:
                task.with_env(self.env)._message_auto_subscribe_notify(
                    extra.mapped('partner_id').ids)

    @api.model
    def _crm_task_list_action(self, domain, context):
        """The task list of a customer or an opportunity (its smart button)."""
        action = self.env.ref('crm_task.crm_task_action_all').read()[0]
        action.update({'domain': domain, 'context': context})
        return action

    def _crm_assignment_label(self):
        return '《%s》' % self.name
