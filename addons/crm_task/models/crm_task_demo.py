# -*- coding: utf-8 -*-
from datetime import timedelta

from odoo import api, fields, models


class CrmTaskDemo(models.Model):
    _inherit = 'crm.task'

    @api.model
    def _crm_demo_tasks(self, leader_id, salesperson_id, partner_id):
        """Demo data (called by demo/crm_task_demo.xml as the superuser only): the leader
        gives the salesperson a task on the customer with a checklist, as in the web
        client, and an older one that is now overdue."""
        if not self.env.user._is_superuser() or self.search_count([('partner_id', '=', partner_id)]):
            return False
        leader = self.env['res.users'].browse(leader_id)
        today = self.env['crm.clock'].with_context(tz=leader.tz or 'Asia/Shanghai').today()
        as_leader = self.sudo(leader).with_context(lang=leader.lang, mail_notrack=True)
        task = as_leader.create({
            'name': '准备年度框架协议方案', 'assignee_id': salesperson_id,
            'partner_id': partner_id, 'priority': '2',
            'date_deadline': fields.Date.to_string(today + timedelta(days=3)),
            'description': '客户采购部要求下周前提交年度框架协议方案，请整理价格与交付条款。',
            'checklist_ids': [(0, 0, {'name': '确认采购量与交付周期', 'required': True}),
                              (0, 0, {'name': '整理历史报价', 'required': True}),
                              (0, 0, {'name': '法务审阅合同条款'})]})
        overdue = as_leader.create({
            'name': '回访客户确认试用反馈', 'assignee_id': salesperson_id,
            'partner_id': partner_id, 'priority': '1',
            'date_deadline': fields.Date.to_string(today)})
        # the deadline has passed since (only the superuser moves it into the past)
        overdue.sudo().write({'date_deadline': fields.Date.to_string(today - timedelta(days=2))})
        return task | overdue
