# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmReceivableMethod(models.Model):
    """How a payment was made (bank transfer, cheque, cash...): configured by CRM
    administrators."""
    _name = 'crm.receivable.method'
    _description = 'Payment Method'
    _order = 'sequence, id'

    name = fields.Char('Payment Method', required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [('name_uniq', 'unique(name)', 'This payment method exists already.')]
