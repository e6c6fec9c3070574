# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.crm_sales.grant import grant, privileged


class CrmTaskChecklist(models.Model):
    """A checklist item of a task. Whoever manages the task writes the items; its
    assignees tick them (``is_done`` only, or ``action_toggle``). A required item must be
    ticked before the task is done."""
    _name = 'crm.task.checklist'
    _description = 'Task Checklist Item'
    _inherit = ['crm.scope.mixin', 'crm.guard.mixin']
    _order = 'sequence, id'
    _crm_scope_owner_field = 'task_id.user_id'
    _crm_scope_team_field = 'task_id.team_id'

    task_id = fields.Many2one('crm.task', 'Task', required=True, index=True, ondelete='cascade')
    sequence = fields.Integer('Sequence', default=10)
    name = fields.Char('Item', required=True)
    required = fields.Boolean('Required', default=False,
                              help='The task cannot be done while this item is open.')
    is_done = fields.Boolean('Done', default=False, copy=False)
    checked_by_id = fields.Many2one('res.users', 'Ticked By', readonly=True, copy=False)
    checked_at = fields.Datetime('Ticked At', readonly=True, copy=False)

    def _crm_action_fields(self):
        return ('checked_by_id', 'checked_at')

    def _crm_target_fields(self):
        return {'task_id': 'write'}

    def _crm_tick_values(self, is_done):
        return {'is_done': bool(is_done),
                'checked_by_id': self.env.user.id if is_done else False,
                'checked_at': self.env['crm.clock'].now_str() if is_done else False}

    @api.model
    def create(self, vals):
        if 'task_id' in vals and not privileged(self):
            task = self.env['crm.task'].browse(vals['task_id'])
            if task.exists() and not task._crm_task_may_manage(self.env.user):
                raise AccessError(_('Only the person who assigned the task "%s", their team '
                                    'leader or a sales manager may add checklist items.')
                                  % task.sudo().name)
        if vals.get('is_done'):
            records, vals = self._crm_own_values(vals, creating=True,
                                                 **self._crm_tick_values(True))
            return super(CrmTaskChecklist, records).create(vals)
        return super(CrmTaskChecklist, self).create(vals)

    @api.multi
    def write(self, vals):
        if privileged(self):
            return super(CrmTaskChecklist, self).write(vals)
        user = self.env.user
        if set(vals) - {'is_done'}:
            for item in self:
                if not item.task_id._crm_task_may_manage(user):
                    raise AccessError(_('Assignees tick the checklist of the task "%s"; only '
                                        'the person who assigned it, their team leader or a '
                                        'sales manager may change its items.')
                                      % item.task_id.sudo().name)
        if 'is_done' in vals:
            for item in self:
                if not item.task_id._crm_task_may_work(user):
                    raise AccessError(_('You are not an assignee of the task "%s".')
                                      % item.task_id.sudo().name)
            records, vals = self._crm_own_values(vals, **self._crm_tick_values(vals['is_done']))
            return super(CrmTaskChecklist, records).write(vals)
        return super(CrmTaskChecklist, self).write(vals)

    @api.multi
    def unlink(self):
        user = self.env.user
        for item in self:
            if not privileged(self) and not item.task_id._crm_task_may_manage(user):
                raise AccessError(_('Only the person who assigned the task "%s", their team '
                                    'leader or a sales manager may remove checklist items.')
                                  % item.task_id.sudo().name)
        return super(CrmTaskChecklist, self).unlink()

    @api.multi
    def action_toggle(self):
        """Tick or untick the items (an assignee, or whoever manages the task)."""
        self.env.user._crm_check_can_act()
        self.check_access_rule('read')
        for item in self:
            if not item.task_id._crm_task_may_work(self.env.user):
                raise AccessError(_('You are not an assignee of the task "%s".')
                                  % item.task_id.sudo().name)
            grant(item, 'action_write').write(item._crm_tick_values(not item.is_done))
        return True
