# -*- coding: utf-8 -*-
from odoo import api, models


class CrmApprovalRequest(models.Model):
    _inherit = 'crm.approval.request'

    @api.model
    def _crm_demo_requests(self):
        """Demo data (demo/crm_approval_request_demo.xml, superuser only): lina's
        expense claim waiting for zhangwei, and her leave, approved by him."""
        if not self.env.user._is_superuser():
            return False
        ref = self.env.ref
        lina = ref('crm_sales.user_sales_east_1', raise_if_not_found=False)
        leader = ref('crm_sales.user_leader_east', raise_if_not_found=False)
        if not lina or not leader or self.search_count([('user_id', '=', lina.id)]):
            return False
        as_lina = self.sudo(lina).with_context(lang=lina.lang)
        expense = as_lina.create({
            'template_id': ref('crm_approval.template_expense').id,
            'title': '苏州客户现场实施差旅费',
            'description': '6月苏州精密机械MES实施，往返高铁及两晚住宿。',
            'line_ids': [
                (0, 0, {'date': '2026-06-03', 'name': '上海—苏州高铁往返', 'amount': 98.0}),
                (0, 0, {'date': '2026-06-04', 'name': '苏州住宿两晚', 'amount': 760.0}),
            ]})
        expense.action_submit()
        leave = as_lina.create({
            'template_id': ref('crm_approval.template_leave').id,
            'title': '年假三天',
            'description': '年假；期间客户由王芳跟进。',
            'date_from': '2026-07-06', 'date_to': '2026-07-08'})
        leave.action_submit()
        leave.sudo(leader).with_context(lang=leader.lang).action_approve('同意，注意交接。')
        return expense | leave
