# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError

from .common import TaskCase


class TestTaskScope(TaskCase):

    def seen_by(self, user, task):
        return bool(self.Task.sudo(user).search([('id', '=', task.id)]))

    def test_who_sees_a_task(self):
        task = self.make_task(collaborator_ids=[(6, 0, [self.wangfang.id])])
        self.assertTrue(self.seen_by(self.zhangwei, task))     # assigned it
        self.assertTrue(self.seen_by(self.lina, task))         # assigned to her
        self.assertTrue(self.seen_by(self.wangfang, task))     # collaborates
        self.assertTrue(self.seen_by(self.sunqiang, task))     # manager
        self.assertTrue(self.seen_by(self.executive, task))    # reads everything
        self.assertFalse(self.seen_by(self.yanglei, task))     # another team
        self.assertFalse(self.seen_by(self.chenjing, task))    # leads another team
        self.assertTrue(self.env['crm.task.checklist'].sudo(self.lina).search(
            [('task_id', '=', task.id)]))
        self.assertFalse(self.env['crm.task.checklist'].sudo(self.yanglei).search(
            [('task_id', '=', task.id)]))
        # a collaborator comments but does not change it
        task.sudo(self.wangfang).message_post(body='我来补充客户资料', message_type='comment')
        with self.refused(AccessError):
            task.sudo(self.wangfang).write({'name': '改名'})
        with self.refused(AccessError):
            task.sudo(self.wangfang).action_start()
        with self.refused(AccessError):
            task.sudo(self.executive).action_start()

    def test_a_leader_sees_the_tasks_his_team_gives(self):
        own = self.make_task(user=self.lina, assignee_id=self.wangfang.id)
        self.assertEqual(own.team_id, self.env.ref('crm_sales.team_east'))
        self.assertTrue(self.seen_by(self.zhangwei, own))
        own.sudo(self.zhangwei).write({'priority': '3'})
        self.assertEqual(own.priority, '3')
        self.assertFalse(self.seen_by(self.yanglei, own))

    def test_linking_a_customer_needs_read_access(self):
        with self.refused(AccessError):
            self.make_task(user=self.yanglei, assignee_id=self.yanglei.id,
                           partner_id=self.customer.id)

    def test_smart_buttons_count_the_readable_tasks(self):
        self.make_task(partner_id=self.customer.id)
        self.assertEqual(self.customer.sudo(self.lina).crm_task_count, 1)
        action = self.customer.sudo(self.lina).action_view_crm_tasks()
        self.assertEqual(self.Task.sudo(self.lina).search_count(action['domain']), 1)
