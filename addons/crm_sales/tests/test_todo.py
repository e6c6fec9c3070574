# -*- coding: utf-8 -*-
from .sales_common import SalesCase


class TestTodo(SalesCase):

    def test_counters_and_buttons(self):
        Todo = self.env['crm.todo'].sudo(self.wangfang)
        before = Todo.create({})
        base_today = before.customer_today_count
        base_overdue = before.customer_overdue_count
        base_leads = before.lead_new_count
        c_today = self.make_customer('待办今天有限公司', user=self.wangfang)
        c_late = self.make_customer('待办逾期有限公司', user=self.wangfang)
        c_other = self.make_customer('待办别人有限公司', user=self.lina)
        FU = self.FollowUp
        FU.create({'partner_id': c_today.id, 'content': 'a', 'date': '2026-06-01 02:00:00',
                   'next_contact_at': '2026-06-10 09:00:00'})
        FU.create({'partner_id': c_late.id, 'content': 'b', 'date': '2026-06-01 02:00:00',
                   'next_contact_at': '2026-06-05 09:00:00'})
        FU.create({'partner_id': c_other.id, 'content': 'c', 'date': '2026-06-01 02:00:00',
                   'next_contact_at': '2026-06-10 09:00:00'})
        lead = self.Lead.create({'name': '待办线索', 'type': 'lead', 'user_id': self.wangfang.id})
        todo = Todo.create({})
        self.assertEqual(todo.customer_today_count, base_today + 1)
        self.assertEqual(todo.customer_overdue_count, base_overdue + 1)
        self.assertEqual(todo.lead_new_count, base_leads + 1)
        action = todo.action_open_customer_today()
        found = self.Partner.sudo(self.wangfang).search(action['domain'])
        self.assertIn(c_today, found)
        self.assertNotIn(c_other, found)
        self.assertEqual(len(found), todo.customer_today_count)
        found = self.Partner.sudo(self.wangfang).search(todo.action_open_customer_overdue()['domain'])
        self.assertIn(c_late, found)
        found = self.Lead.sudo(self.wangfang).search(todo.action_open_lead_new()['domain'])
        self.assertIn(lead, found)
        # following the lead up removes it from the to-do
        FU.create({'lead_id': lead.id, 'content': 'called'})
        self.assertEqual(Todo.create({}).lead_new_count, base_leads)
        self.assertEqual(Todo.get_counts()['customer_today_count'], todo.customer_today_count)

    def test_open_action(self):
        action = self.env['crm.todo'].sudo(self.lina).action_open()
        self.assertEqual(action['res_model'], 'crm.todo')
        self.assertTrue(action['res_id'])
