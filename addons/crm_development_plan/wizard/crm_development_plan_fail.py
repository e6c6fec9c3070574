# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmDevelopmentPlanFail(models.TransientModel):
    """开发失败 dialog: the reason (required) and a note; the plan's own action
    (``crm.development.plan.action_fail``) does every check."""
    _name = 'crm.development.plan.fail'
    _description = 'Development Failed'

    plan_id = fields.Many2one('crm.development.plan', 'Development Plan', required=True,
                              ondelete='cascade')
    reason_id = fields.Many2one('crm.lost.reason', 'Reason of Failure', required=True,
                                help='The opportunity is marked lost for this reason.')
    note = fields.Text('Note')

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        return self.plan_id.with_context(crm_notify=True).action_fail(
            self.reason_id.id, note=self.note or None)
