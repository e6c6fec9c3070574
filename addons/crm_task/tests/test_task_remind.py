# -*- coding: utf-8 -*-
from .common import TaskCase


class TestTaskReminders(TaskCase):

    def activities(self, task):
        return self.env['mail.activity'].sudo().search([
            ('res_model', '=', 'crm.task'), ('res_id', '=', task.id),
            ('activity_type_id', '=', self.env.ref('crm_task.mail_activity_type_task_deadline').id)])

    def test_reminders_follow_the_clock(self):
        task = self.make_task(date_deadline='2026-06-12', assignee_ids=[(6, 0, [self.wangfang.id])])
        Task = self.env['crm.task']
        Task._cron_deadline_reminders()
        self.assertFalse(self.activities(task))                 # due in two days
        self.env['crm.clock'].set_now('2026-06-11 04:00:00')    # the day before
        Task._cron_deadline_reminders()
        acts = self.activities(task)
        self.assertEqual(acts.mapped('user_id'), self.lina | self.wangfang)
        self.assertEqual(set(acts.mapped('summary')), {'任务明天到期'})
        Task._cron_deadline_reminders()                          # kept, not duplicated
        self.assertEqual(len(self.activities(task)), 2)
        self.env['crm.clock'].set_now('2026-06-13 04:00:00')    # overdue
        Task._cron_deadline_reminders()
        self.assertEqual(set(self.activities(task).mapped('summary')), {'任务已逾期（截止 2026-06-12）'})
        todo = self.env['crm.todo'].sudo(self.lina).create({})
        self.assertEqual(todo.task_overdue_count, 1)
        self.assertEqual(todo.task_overdue_ids, task)
        self.assertEqual(self.env['crm.todo'].sudo(self.lina).get_counts()['task_overdue_count'], 1)
        self.assertTrue(self.Task.sudo(self.lina).search([('deadline_due', '=', 'overdue'),
                                                          ('id', '=', task.id)]))
        # done: the reminders go, the counter drops
        task.checklist_ids.sudo(self.lina).write({'is_done': True})
        task.sudo(self.lina).action_done()
        self.assertFalse(self.activities(task))
        self.assertEqual(self.env['crm.todo'].sudo(self.lina).create({}).task_overdue_count, 0)

    def test_due_today_counter_and_filters(self):
        task = self.make_task(date_deadline=self.TODAY)
        todo = self.env['crm.todo'].sudo(self.lina).create({})
        self.assertEqual(todo.task_today_count, 1)
        self.assertEqual(todo.task_overdue_count, 0)
        self.assertEqual(self.env['crm.todo'].sudo(self.zhangwei).create({}).task_today_count, 0)
        Mine = self.Task.sudo(self.lina)
        for due, found in (('today', True), ('week', True), ('tomorrow', False), ('overdue', False)):
            self.assertEqual(bool(Mine.search([('deadline_due', '=', due), ('id', '=', task.id)])),
                             found, due)
        self.env['crm.clock'].set_now('2026-06-15 04:00:00')    # next Monday
        self.assertFalse(Mine.search([('deadline_due', '=', 'week'), ('id', '=', task.id)]))
        self.assertTrue(task.is_overdue or Mine.browse(task.id).is_overdue)
