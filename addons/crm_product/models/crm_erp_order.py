# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmErpOrder(models.Model):
    """A customer's order in the company's ERP, pushed by the ERP over XML-RPC
    (``crm_push_orders``, models/crm_erp_order_push.py): the CRM's copy, read on the
    customer's 订单历史 tab. The ERP is the source: nobody types an order in the CRM.
    Read access follows the customer's data scope (crm.scope.mixin: the customer's owner
    and team stored on the order); only the ERP integration group and the CRM
    administrator write."""
    _name = 'crm.erp.order'
    _description = 'ERP Order'
    _inherit = ['crm.scope.mixin']
    _order = 'date_order desc, id desc'
    _crm_scope_owner_field = 'partner_id.crm_owner_id'
    _crm_scope_team_field = 'partner_id.crm_team_id'

    name = fields.Char('Order Number', required=True, index=True, readonly=True,
                       help='The order number in the ERP: one order per number.')
    partner_id = fields.Many2one(
        'res.partner', 'Customer', required=True, index=True, ondelete='restrict',
        readonly=True, domain=[('is_crm_customer', '=', True)])
    date_order = fields.Date('Order Date', index=True, readonly=True)
    currency_id = fields.Many2one('res.currency', 'Currency', readonly=True,
                                  default=lambda self: self.env.user.company_id.currency_id)
    amount_total = fields.Monetary('Amount', readonly=True)
    state = fields.Char('ERP Status', readonly=True,
                        help="The order's status as the ERP names it (e.g. 已发货).")
    line_ids = fields.One2many('crm.erp.order.line', 'order_id', 'Lines', readonly=True)
    synced_at = fields.Datetime('Last Sync', readonly=True,
                                help='When the ERP last pushed this order.')

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'This ERP order number already exists.'),
    ]
