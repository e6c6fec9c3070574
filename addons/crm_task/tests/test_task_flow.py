# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import TaskCase


class TestTaskFlow(TaskCase):

    def test_a_leader_assigns_and_the_assignee_works_it_to_done(self):
        task = self.make_task(partner_id=self.customer.id, assignee_ids=[(6, 0, [self.wangfang.id])],
                              collaborator_ids=[(6, 0, [self.sunqiang.id])])
        self.assertEqual(task.user_id, self.zhangwei)
        self.assertEqual(task.crm_scope_user_id, self.zhangwei)
        self.assertEqual(task.state, 'todo')
        followers = task.message_partner_ids
        for user in (self.lina, self.wangfang, self.sunqiang):
            self.assertIn(user.partner_id, followers)
        # the other assignee was told by e-mail
        mails = self.env['mail.mail'].sudo().search([('recipient_ids', 'in', self.wangfang.partner_id.ids)])
        self.assertIn('整理报价资料', ' '.join(mails.mapped('subject')))

        mine = task.sudo(self.lina)
        mine.action_start()
        self.assertEqual(task.state, 'doing')
        self.assertEqual(task.task_started_at, self.NOW)
        with self.refused(UserError, '确认采购量'):
            mine.action_done()
        self.assertEqual(task.state, 'doing')
        required = task.checklist_ids.filtered('required')
        required.sudo(self.lina).action_toggle()
        self.assertTrue(required.is_done)
        self.assertEqual(required.checked_by_id, self.lina)
        self.assertEqual(task.checklist_progress, '1/2')
        mine.action_done()
        self.assertEqual(task.state, 'done')
        self.assertEqual(task.task_done_at, self.NOW)
        self.assertIn('任务已完成', ' '.join(task.message_ids.mapped('body')))

    def test_the_assignee_does_not_reassign_nor_cancel(self):
        task = self.make_task()
        mine = task.sudo(self.lina)
        with self.refused(AccessError):
            mine.write({'assignee_id': self.wangfang.id})
        with self.refused(AccessError):
            mine.write({'date_deadline': '2026-07-01'})
        with self.refused(AccessError):
            mine.action_cancel()
        with self.refused(AccessError):
            task.checklist_ids[:1].sudo(self.lina).write({'name': '改掉'})
        with self.refused(AccessError):
            task.checklist_ids[:1].sudo(self.lina).unlink()
        self.assertEqual(task.assignee_id, self.lina)
        self.assertEqual(len(task.checklist_ids), 2)
        # ticking through the form (the task's write with the checklist) is fine
        mine.write({'checklist_ids': [(1, task.checklist_ids[0].id, {'is_done': True})]})
        self.assertTrue(task.checklist_ids[0].is_done)
        # the owner reassigns; the leader of the team cancels
        task.sudo(self.zhangwei).write({'assignee_id': self.wangfang.id})
        self.assertEqual(task.assignee_id, self.wangfang)
        self.assertFalse(task.sudo(self.lina).search([('id', '=', task.id)]))

    def test_status_only_through_actions(self):
        task = self.make_task()
        with self.refused(AccessError):
            self.Task.sudo(self.lina).create({'name': 'x', 'assignee_id': self.lina.id,
                                              'state': 'done'})
        with self.refused(AccessError):
            task.sudo(self.zhangwei).write({'state': 'done', 'name': 'y'})
        with self.refused(AccessError):
            task.sudo(self.zhangwei).write({'task_done_at': self.NOW})
        with self.refused(AccessError):
            self.Task.sudo(self.lina).create({'name': 'x', 'assignee_id': self.lina.id,
                                              'user_id': self.zhangwei.id})
        with self.refused(AccessError):
            task.sudo(self.lina).write({'state': 'doing'})
        task.sudo(self.lina).action_start()
        self.assertEqual(task.state, 'doing')
        with self.refused(AccessError):
            task.sudo(self.lina).action_cancel()
        task.sudo(self.zhangwei).action_cancel()
        self.assertEqual(task.state, 'cancel')
        with self.refused(AccessError):
            task.sudo(self.lina).action_reopen()
        task.sudo(self.zhangwei).action_reopen()
        self.assertEqual(task.state, 'todo')

    def test_bad_input_is_refused_in_words(self):
        with self.refused(ValidationError, '2026-06-09'):
            self.make_task(date_deadline='2026-06-09')
        self.make_task(date_deadline=self.TODAY)
        with self.refused(ValidationError, '负责'):
            self.Task.sudo(self.zhangwei).create({'name': '无人负责'})
        portal = self.env.ref('base.demo_user0', raise_if_not_found=False) or \
            self.env['res.users'].sudo().search([('share', '=', True)], limit=1)
        with self.refused(ValidationError, portal.name):
            self.make_task(assignee_id=portal.id)
        other = self.env['res.company'].sudo().create({'name': '别的公司'})
        outsider = self.env['res.users'].sudo().create({
            'name': '外部用户', 'login': 'outsider_task', 'company_id': other.id,
            'company_ids': [(6, 0, [other.id])],
            'groups_id': [(6, 0, [self.env.ref('crm_sales.group_crm_salesman').id])]})
        with self.refused(ValidationError, '外部用户'):
            self.make_task(assignee_ids=[(6, 0, [outsider.id])])
        self.assertFalse(self.Task.sudo().search([('name', '=', '无人负责')]))
