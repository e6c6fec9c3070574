# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

class CrmSalesTargetLine(models.Model):
    """One month of a sales target (a row of the 12-month grid)."""
    _name = 'crm.sales.target.line'
    _description = 'Monthly Sales Target'
    _order = 'target_id, month'

    target_id = fields.Many2one('crm.sales.target', 'Target', required=True, index=True,
                                ondelete='cascade')
    month = fields.Selection([
        ('01', 'January'), ('02', 'February'), ('03', 'March'), ('04', 'April'),
        ('05', 'May'), ('06', 'June'), ('07', 'July'), ('08', 'August'),
        ('09', 'September'), ('10', 'October'), ('11', 'November'), ('12', 'December')],
        'Month', required=True)
    contract_amount = fields.Float('Contract Amount', digits=(16, 2))
    payment_amount = fields.Float('Payments', digits=(16, 2))
    new_customer_count = fields.Integer('New Customers')
    # for the record rules: the target's salesperson and team
    user_id = fields.Many2one(related='target_id.user_id', store=True, index=True, readonly=True)
    team_id = fields.Many2one(related='target_id.team_id', store=True, index=True, readonly=True)

    @api.constrains('contract_amount', 'payment_amount', 'new_customer_count')
    def _check_amounts(self):
        for line in self:
            if min(line.contract_amount, line.payment_amount, line.new_customer_count) < 0:
                raise ValidationError(_('Targets cannot be negative.'))
