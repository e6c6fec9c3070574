# -*- coding: utf-8 -*-
from odoo import fields, models


class ResPartner(models.Model):
    """The customer's 订单历史 tab (crm_product) lists its contracts too: the approved and
    expired ones (what was signed; drafts, superseded versions and cancelled contracts are
    on the 合同 button), as each reader may read them."""
    _inherit = 'res.partner'

    crm_history_contract_ids = fields.One2many(
        'crm.contract', 'partner_id', 'Signed Contracts', readonly=True,
        domain=[('state', 'in', ('approved', 'expired'))],
        groups='crm_sales.group_crm_salesman,crm_sales.group_crm_executive',
        help='Approved and expired contracts of the customer.')
