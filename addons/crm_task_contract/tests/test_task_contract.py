# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase


class TestTaskContract(SavepointCase):

    def test_a_task_on_a_contract_shows_there_and_needs_read_access(self):
        ref = self.env.ref
        lina = ref('crm_sales.user_sales_east_1')
        yanglei = ref('crm_sales.user_sales_south_1')
        doc = self.env['crm.contract'].sudo().search([('user_id', '=', lina.id)], limit=1)
        self.assertTrue(doc, 'the demo data has a crm.contract of lina')
        Task = self.env['crm.task'].with_context(lang='zh_CN')
        task = Task.sudo(lina).create({'name': 'bridge task', 'assignee_id': lina.id, 'contract_id': doc.id})
        self.assertEqual(doc.sudo(lina).crm_task_count, 1)
        action = doc.sudo(lina).action_view_crm_tasks()
        self.assertEqual(Task.sudo(lina).search(action['domain']), task)
        self.assertEqual(action['context']['default_contract_id'], doc.id)
        with self.assertRaises(AccessError):
            Task.sudo(yanglei).create({'name': 'not mine', 'assignee_id': yanglei.id, 'contract_id': doc.id})
        self.assertEqual(doc.sudo(yanglei).crm_task_count, 0)
