# -*- coding: utf-8 -*-
"""The status of a task changes through these actions only (to do -> in progress ->
done, cancelled, reopened); each checks who acts, then writes with the ``action_write``
grant."""
from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_sales.grant import grant

from .crm_task import OPEN_STATES


class CrmTaskState(models.Model):
    _inherit = 'crm.task'

    def _crm_task_check(self, manage=False):
        """The caller may act on every task of ``self``: work on it (an assignee) or,
        with ``manage``, manage it (owner, leader, manager)."""
        user = self.env.user
        user._crm_check_can_act()
        self.check_access_rights('read')
        self.check_access_rule('read')
        for task in self:
            allowed = task._crm_task_may_manage(user) if manage else task._crm_task_may_work(user)
            if not allowed:
                if manage:
                    raise AccessError(_('Only the person who assigned the task "%s", their team '
                                        'leader or a sales manager may do this.') % task.name)
                raise AccessError(_('You are not an assignee of the task "%s".') % task.name)

    def _crm_task_set(self, vals, message):
        grant(self, 'action_write').write(vals)
        for task in self:
            task.message_post(body=message, subtype='mail.mt_note')
        if vals.get('state') not in OPEN_STATES:
            self._crm_task_clear_reminders()
        return True

    @api.multi
    def action_start(self):
        """To do -> in progress (an assignee, or whoever manages the task)."""
        self._crm_task_check()
        for task in self:
            if task.state != 'todo':
                raise UserError(_('The task "%s" can be started only when it is to do.') % task.name)
        return self._crm_task_set({'state': 'doing', 'task_started_at': self.env['crm.clock'].now_str()},
                                  _('Task started.'))

    @api.multi
    def action_done(self):
        """To do / in progress -> done; every required checklist item must be ticked."""
        self._crm_task_check()
        for task in self:
            if task.state not in OPEN_STATES:
                raise UserError(_('The task "%s" is already done or cancelled.') % task.name)
            missing = task.sudo().checklist_ids.filtered(lambda i: i.required and not i.is_done)
            if missing:
                raise UserError(_('The task "%(task)s" cannot be done yet: these required '
                                  'checklist items are open: %(items)s.') % {
                                      'task': task.name, 'items': '、'.join(missing.mapped('name'))})
        now = self.env['crm.clock'].now_str()
        vals = {'state': 'done', 'task_done_at': now}
        return self._crm_task_set(vals, _('Task done.'))

    @api.multi
    def action_cancel(self):
        """Open -> cancelled (whoever manages the task)."""
        self._crm_task_check(manage=True)
        for task in self:
            if task.state not in OPEN_STATES:
                raise UserError(_('The task "%s" is already done or cancelled.') % task.name)
        return self._crm_task_set({'state': 'cancel'}, _('Task cancelled.'))

    @api.multi
    def action_reopen(self):
        """Back to "to do": from in progress (an assignee), from done or cancelled
        (whoever manages the task)."""
        closed = self.filtered(lambda t: t.state in ('done', 'cancel'))
        (self - closed)._crm_task_check()
        closed._crm_task_check(manage=True)
        for task in self:
            if task.state == 'todo':
                raise UserError(_('The task "%s" is already to do.') % task.name)
        return self._crm_task_set({'state': 'todo', 'task_done_at': False}, _('Task reopened.'))
