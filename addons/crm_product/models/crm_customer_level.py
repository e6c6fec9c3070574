# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmCustomerLevel(models.Model):
    """A customer level names the price list its customers buy at (data the CRM
    administrator edits in CRM > 配置 > 客户等级)."""
    _inherit = 'crm.customer.level'

    pricelist_id = fields.Many2one('product.pricelist', 'Price List', ondelete='set null',
                                   help='Price list of the customers of this level, unless '
                                        'a customer has its own.')
