# -*- coding: utf-8 -*-
"""Deadline reminders: once a day a cron gives each assignee of an open task due
tomorrow, today or overdue one activity (type 任务到期, in their activities menu and on
the task), kept up to date as the deadline approaches and removed when the task is
done or cancelled. "Today" comes from ``crm.clock``."""
from datetime import timedelta

from odoo import _, api, fields, models

from .crm_task import OPEN_STATES

ACTIVITY_TYPE = 'crm_task.mail_activity_type_task_deadline'
CRON = 'crm_task.ir_cron_crm_task_reminders'


class CrmTaskRemind(models.Model):
    _inherit = 'crm.task'

    @api.model
    def _crm_reminder_type(self):
        return self.env.ref(ACTIVITY_TYPE)

    def _crm_task_reminders(self):
        """The deadline activities of the tasks (every assignee's)."""
        return self.env['mail.activity'].sudo().search([
            ('res_model', '=', self._name), ('res_id', 'in', self.ids),
            ('activity_type_id', '=', self._crm_reminder_type().id)])

    def _crm_task_clear_reminders(self):
        self._crm_task_reminders().unlink()

    def _crm_reminder_summary(self, today):
        """What the activity says, in the language of the context."""
        if self.date_deadline < today:
            return _('Task overdue since %s') % self.date_deadline
        if self.date_deadline == today:
            return _('Task due today')
        return _('Task due tomorrow')

    @api.model
    def _cron_deadline_reminders(self):
        """Give every assignee of each open task due by tomorrow (crm.clock, the
        company's day) its deadline activity, each task on its own (crm.cron.run).
        Returns the run."""
        tz = self.env.user.tz or 'Asia/Shanghai'
        Task = self.sudo().with_context(tz=tz)
        today = Task.env['crm.clock'].today()
        tomorrow = fields.Date.to_string(today + timedelta(days=1))
        tasks = Task.search([('state', 'in', list(OPEN_STATES)),
                             ('date_deadline', '!=', False),
                             ('date_deadline', '<=', tomorrow)], order='date_deadline, id')
        today_str = fields.Date.to_string(today)
        return self.env['crm.cron.run']._crm_run_each(
            CRON, tasks, lambda task: task._crm_task_remind(today_str))

    def _crm_task_remind(self, today):
        """Create or refresh the deadline activity of each assignee; remove those of
        people no longer on the task. False when nothing changed."""
        self.ensure_one()
        task = self.sudo()
        kind = task._crm_reminder_type()
        existing = task._crm_task_reminders()
        people = task._crm_task_people().filtered('active')
        changed = False
        gone = existing.filtered(lambda a: a.user_id not in people)
        if gone:
            gone.unlink()
            changed = True
        model = self.env['ir.model']._get(self._name)
        for user in people:
            summary = task.with_context(lang=user.lang or 'zh_CN')._crm_reminder_summary(today)
            activity = existing.filtered(lambda a: a.user_id == user)[:1]
            if activity:
                if activity.summary != summary or activity.date_deadline != task.date_deadline:
                    activity.write({'summary': summary, 'date_deadline': task.date_deadline})
                    changed = True
                continue
            self.env['mail.activity'].sudo().with_context(mail_activity_quick_update=True).create({
                'res_model_id': model.id, 'res_id': task.id, 'activity_type_id': kind.id,
                'user_id': user.id, 'summary': summary, 'date_deadline': task.date_deadline})
            changed = True
        return changed
