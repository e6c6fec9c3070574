# -*- coding: utf-8 -*-
"""The operation log (操作日志): who moved this customer to whom, who shared it, who
assigned the lead; who sees which lines; nobody changes a line; the purge."""
from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError

from .sales_common import SalesCase


class TestOperationLog(SalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestOperationLog, cls).setUpClass()
        cls.Log = cls.env['crm.operation.log']
        # summaries are written in the company's language: Chinese, as the users read it
        cls.env.user.company_id.partner_id.lang = 'zh_CN'
        cls.customer = cls.make_customer('日志测试科技有限公司', cls.lina)
        cls.opp = cls.env['crm.lead'].create({
            'name': '日志测试商机', 'type': 'opportunity', 'partner_id': cls.customer.id,
            'user_id': cls.lina.id, 'team_id': cls.team_east.id})

    def lines(self, record, user=None):
        Log = self.Log.sudo(user) if user else self.Log
        return Log.search([('res_model', '=', record._name), ('res_id', '=', record.id)])

    def customer_lines(self, partner, user):
        return self.Log.sudo(user).search([('partner_id', '=', partner.id)])

    # ------------------------------------------------------------------ writers
    def test_transfer_writes_one_line_zhang_to_li(self):
        self.customer.sudo(self.zhangwei).action_transfer(self.wangfang.id,
                                                          keep_old_owner='read')
        line = self.lines(self.customer)
        self.assertEqual(len(line), 1, 'one line for the customer')
        self.assertEqual(line.kind, 'transfer')
        self.assertEqual(line.user_id, self.zhangwei, 'who did it')
        self.assertEqual((line.from_user_id, line.to_user_id), (self.lina, self.wangfang))
        self.assertEqual(line.partner_id, self.customer)
        self.assertTrue(line.summary.startswith('李娜 → 王芳'), line.summary)
        self.assertIn('只读', line.summary, 'the previous owner kept as a read member')
        self.assertEqual(line.date, self.NOW, 'dated by the CRM clock')
        self.assertEqual(line.res_name, '日志测试科技有限公司')
        # the open opportunity moved with it: its own line, on the same customer
        opp_line = self.lines(self.opp)
        self.assertEqual(len(opp_line), 1)
        self.assertEqual((opp_line.kind, opp_line.partner_id, opp_line.to_user_id),
                         ('transfer', self.customer, self.wangfang))
        self.assertIn('日志测试科技有限公司', opp_line.summary)
        # the customer's "Operations" button shows both
        self.assertEqual(self.customer.sudo(self.wangfang).operation_log_count, 2)
        action = self.customer.sudo(self.wangfang).action_view_operation_logs()
        shown = self.Log.sudo(self.wangfang).search(action['domain'])
        self.assertEqual(shown, line | opp_line)

    def test_direct_owner_edit_is_logged(self):
        self.customer.sudo(self.sunqiang).write({'user_id': self.wangfang.id})
        line = self.lines(self.customer)
        self.assertEqual((line.kind, line.user_id, line.from_user_id, line.to_user_id),
                         ('owner_change', self.sunqiang, self.lina, self.wangfang))
        self.assertEqual(line.summary, '李娜 → 王芳')

    def test_share_and_unshare(self):
        self.customer.sudo(self.lina).action_share([self.wangfang.id], access='write')
        self.customer.sudo(self.lina).action_unshare([self.wangfang.id])
        share, unshare = self.lines(self.customer).sorted('id')
        self.assertEqual((share.kind, share.user_id), ('share', self.lina))
        self.assertIn('王芳', share.summary)
        self.assertIn('读写', share.summary)
        self.assertEqual(unshare.kind, 'unshare')
        self.assertIn('王芳', unshare.summary)

    def test_lead_assignment(self):
        lead = self.env['crm.lead'].create({'name': '展会线索', 'type': 'lead',
                                            'team_id': self.team_east.id, 'user_id': False})
        lead.sudo(self.zhangwei).action_assign(user_id=self.lina.id)
        line = self.lines(lead)
        self.assertEqual((line.kind, line.user_id, line.to_user_id, line.partner_id.id),
                         ('assign', self.zhangwei, self.lina, False))
        self.assertEqual(line.summary, '无 → 李娜')
        # a line without a customer: the assignee and the team's leader see it
        self.assertEqual(self.lines(lead, self.lina), line)
        self.assertEqual(self.lines(lead, self.zhangwei), line)
        self.assertFalse(self.lines(lead, self.wangfang))
        self.assertFalse(self.lines(lead, self.yanglei))

    def test_api_bulk_one_line_per_record(self):
        """The API other modules call (the import): one statement for many records, the
        customer derived from the record, summaries per record."""
        others = self.make_customer('日志导入一', self.lina) | \
            self.make_customer('日志导入二', self.wangfang)
        lines = self.Log.sudo(self.lina)._crm_log(
            'import', others, {others[0].id: '第 2 行', others[1].id: '第 3 行'})
        self.assertEqual(len(lines), 2)
        self.assertEqual(lines.mapped('partner_id'), others)
        self.assertEqual(sorted(lines.mapped('summary')), ['第 2 行', '第 3 行'])
        self.assertEqual(set(lines.mapped('user_id')), {self.lina})

    # ------------------------------------------------------------------ who sees what
    def test_scope_follows_the_customer(self):
        self.customer.sudo(self.lina).action_share([self.wangfang.id], access='read')
        self.assertTrue(self.customer_lines(self.customer, self.lina), 'the owner')
        self.assertTrue(self.customer_lines(self.customer, self.wangfang), 'shared with her')
        self.assertTrue(self.customer_lines(self.customer, self.zhangwei), 'her leader')
        self.assertFalse(self.customer_lines(self.customer, self.yanglei), 'another team')
        self.assertFalse(self.customer_lines(self.customer, self.chenjing),
                         'the leader of another team')
        self.assertTrue(self.customer_lines(self.customer, self.sunqiang), 'the manager')
        self.assertTrue(self.customer_lines(self.customer, self.admin_crm), 'the CRM admin')
        self.assertTrue(self.customer_lines(self.customer, self.executive), 'the executive')
        # moved to the south team: its lines go with it
        self.customer.sudo(self.sunqiang).action_transfer(self.yanglei.id)
        self.assertFalse(self.customer_lines(self.customer, self.lina))
        self.assertFalse(self.customer_lines(self.customer, self.zhangwei))
        # every line of the customer: the share, the transfer and the opportunity that
        # moved with it
        every = self.Log.search([('partner_id', '=', self.customer.id)])
        self.assertEqual(len(every), 3)
        self.assertEqual(self.customer_lines(self.customer, self.yanglei), every)
        self.assertEqual(self.customer_lines(self.customer, self.chenjing), every)
        self.assertEqual(self.customer.sudo(self.chenjing).operation_log_count, 3)

    # ------------------------------------------------------------------ never changed
    def test_nobody_creates_changes_or_deletes_a_line(self):
        self.customer.sudo(self.lina).action_share([self.wangfang.id])
        line = self.lines(self.customer)
        for user in (self.lina, self.zhangwei, self.sunqiang, self.admin_crm):
            with self.assertRaises(AccessError):
                line.sudo(user).write({'summary': '改过'})
            with self.assertRaises(AccessError):
                line.sudo(user).unlink()
            with self.assertRaises(AccessError):
                self.Log.sudo(user).create({'kind': 'share', 'res_model': 'res.partner',
                                            'res_id': self.customer.id, 'date': self.NOW})
        root = line.sudo(SUPERUSER_ID)
        with self.assertRaises(AccessError):
            root.write({'summary': '改过'})
        with self.assertRaises(AccessError):
            root.unlink()
        with self.assertRaises(AccessError):
            root.copy()
        self.assertEqual(line.exists().summary, '共享给 王芳（只读）')

    # ------------------------------------------------------------------ purge
    def test_purge_by_the_clock(self):
        self.customer.sudo(self.lina).action_share([self.wangfang.id])
        old = self.lines(self.customer)
        self.env['crm.clock'].set_now('2027-01-10 04:00:00')      # 214 days later
        self.customer.sudo(self.lina).action_unshare([self.wangfang.id])
        recent = self.lines(self.customer) - old
        Config = self.env['ir.config_parameter'].sudo()
        self.assertEqual(Config.get_param('crm_sales.operation_log_days'), '365')
        self.Log._cron_purge()
        self.assertTrue(old.exists(), 'kept 365 days')
        self.env['crm.clock'].set_now('2027-06-11 04:00:00')      # 366 days after
        self.Log._cron_purge()
        self.assertFalse(old.exists(), 'older than 365 days: purged')
        self.assertTrue(recent.exists())
        Config.set_param('crm_sales.operation_log_days', '0')     # keep forever
        self.env['crm.clock'].set_now('2030-01-01 00:00:00')
        self.assertEqual(self.Log._cron_purge(), 0)
        self.assertTrue(recent.exists())
        Config.set_param('crm_sales.operation_log_days', '30')
        # every line older than 30 days goes: this one and the demo data's
        older = self.Log.search_count([('date', '<', '2029-12-02 00:00:00')])
        self.assertGreaterEqual(older, 1)
        self.assertEqual(self.Log._cron_purge(), older)
        self.assertFalse(recent.exists())
        self.assertFalse(self.Log.search_count([('date', '<', '2029-12-02 00:00:00')]))
