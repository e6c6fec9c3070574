# -*- coding: utf-8 -*-
from contextlib import contextmanager

from odoo.tests.common import SavepointCase


class TaskCase(SavepointCase):
    """Demo users, a frozen CRM clock (Wednesday 2026-06-10, 12:00 Beijing time) and a
    customer of 李娜's."""

    NOW = '2026-06-10 04:00:00'
    TODAY = '2026-06-10'

    @classmethod
    def setUpClass(cls):
        super(TaskCase, cls).setUpClass()
        cls.env['crm.clock'].set_now(cls.NOW)
        ref = cls.env.ref
        cls.lina = ref('crm_sales.user_sales_east_1')
        cls.wangfang = ref('crm_sales.user_sales_east_2')
        cls.zhangwei = ref('crm_sales.user_leader_east')
        cls.yanglei = ref('crm_sales.user_sales_south_1')
        cls.chenjing = ref('crm_sales.user_leader_south')
        cls.sunqiang = ref('crm_sales.user_sales_manager')
        cls.executive = ref('crm_sales.user_executive')
        for user in (cls.lina, cls.wangfang, cls.zhangwei, cls.yanglei, cls.sunqiang):
            user.sudo().write({'tz': 'Asia/Shanghai'})
        cls.customer = cls.env['res.partner'].sudo(cls.lina).create({
            'name': '测试任务客户有限公司', 'is_company': True, 'customer': True,
            'user_id': cls.lina.id, 'team_id': ref('crm_sales.team_east').id})
        cls.Task = cls.env['crm.task'].with_context(lang='zh_CN')

    def make_task(self, user=None, **kw):
        vals = dict(name='整理报价资料', assignee_id=self.lina.id, date_deadline='2026-06-12',
                    checklist_ids=[(0, 0, {'name': '确认采购量', 'required': True}),
                                   (0, 0, {'name': '整理历史报价'})])
        vals.update(kw)
        return self.Task.sudo(user or self.zhangwei).with_context(lang='zh_CN').create(vals)

    @contextmanager
    def refused(self, exception, words=None):
        """Like assertRaises (optionally checking the message), and the failed call
        leaves nothing behind."""
        with self.assertRaises(exception) as caught:
            with self.env.cr.savepoint():
                yield caught
        if words:
            self.assertIn(words, caught.exception.name)
