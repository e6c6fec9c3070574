# -*- coding: utf-8 -*-
from odoo import api, fields, models

KINDS = [
    ('defer', 'Churn Deferred'),
    ('confirm', 'Churn Confirmed'),
    ('restore', 'Churn Undone'),
]
OUTCOMES = [
    ('waiting', 'Waiting for the Check Date'),
    ('ordered', 'Ordered Since'),
    ('returned', 'Warning Returned'),
]


class CrmChurnRecord(models.Model):
    """One step of a customer's churn handling (客户流失记录): a deferral (暂缓流失:
    measures, next check date), a confirmation (确认流失: reason) or its undoing. Only
    the actions on ``res.partner`` write them, in sudo: users have no create / write /
    delete access at all (ACLs), so every field is the actions'. The scope is the
    customer's owner and team."""
    _name = 'crm.churn.record'
    _description = 'Churn Record'
    _inherit = ['crm.scope.mixin', 'crm.guard.mixin']
    _crm_scope_owner_field = 'partner_id.crm_owner_id'
    _crm_scope_team_field = 'partner_id.crm_team_id'
    _order = 'date desc, id desc'
    _rec_name = 'partner_id'

    partner_id = fields.Many2one('res.partner', 'Customer', required=True, index=True,
                                 ondelete='cascade', readonly=True)
    kind = fields.Selection(KINDS, 'Action', required=True, readonly=True, index=True)
    date = fields.Date('Date', required=True, readonly=True, index=True)
    user_id = fields.Many2one('res.users', 'Recorded By', required=True, readonly=True,
                              ondelete='restrict')
    measures = fields.Text('Measures / Note', readonly=True)
    next_check_date = fields.Date('Next Check', readonly=True)
    reason_id = fields.Many2one('crm.churn.reason', 'Churn Reason', readonly=True,
                                ondelete='restrict')
    last_order_date = fields.Date('Last Order Then', readonly=True)
    outcome = fields.Selection(OUTCOMES, 'Outcome', compute='_compute_outcome',
                               help='For a deferral: an approved contract since (the warning '
                                    'is cleared), or the check date still to come, or passed '
                                    'without an order (the warning is back).')

    @api.depends('kind', 'date', 'next_check_date', 'partner_id.last_order_date')
    def _compute_outcome(self):
        today = self.env['crm.clock'].today_str()
        for rec in self:
            if rec.kind != 'defer':
                rec.outcome = False
                continue
            last = rec.partner_id.sudo().last_order_date
            if last and last > (rec.last_order_date or '') and last >= rec.date:
                rec.outcome = 'ordered'
            elif rec.next_check_date and rec.next_check_date > today:
                rec.outcome = 'waiting'
            else:
                rec.outcome = 'returned'
