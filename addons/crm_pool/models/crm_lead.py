# -*- coding: utf-8 -*-
from odoo import models


class CrmLead(models.Model):
    """``partner_address_email`` (= partner_id.email) is masked while the customer waits
    in a pool, like the customer's own fields."""
    _name = 'crm.lead'
    _inherit = ['crm.lead', 'crm.pool.mask.mixin']
