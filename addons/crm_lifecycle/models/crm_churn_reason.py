# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmChurnReason(models.Model):
    """Why a customer was lost (流失原因): the list the sales manager picks from when
    confirming a churn; CRM administrators maintain it (CRM > Configuration)."""
    _name = 'crm.churn.reason'
    _description = 'Churn Reason'
    _order = 'sequence, id'

    name = fields.Char('Reason', required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text('Description', translate=True)

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'This churn reason already exists.'),
    ]
