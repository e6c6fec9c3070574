# -*- coding: utf-8 -*-
from odoo import models


class CrmContract(models.Model):
    _name = 'crm.contract'
    _inherit = ['crm.contract', 'crm.audit.mixin']


class CrmReceivable(models.Model):
    _name = 'crm.receivable'
    _inherit = ['crm.receivable', 'crm.audit.mixin']
