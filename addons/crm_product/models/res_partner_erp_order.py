# -*- coding: utf-8 -*-
from odoo import fields, models

ORDER_READERS = 'crm_sales.group_crm_salesman,crm_sales.group_crm_executive'


class ResPartner(models.Model):
    """A customer's order history (订单历史 tab): the orders the ERP pushed for it, their
    number and when the ERP last pushed one. Bridges add the customer's contracts
    (crm_product_contract)."""
    _inherit = 'res.partner'

    # the sales side and the executive only: service staff read customers, not orders
    # (a field of these groups leaves the form of everyone else, who would fail to read it)
    crm_erp_order_ids = fields.One2many('crm.erp.order', 'partner_id', 'ERP Orders',
                                        readonly=True, groups=ORDER_READERS)
    crm_erp_order_count = fields.Integer('ERP Orders', compute='_compute_crm_erp_orders',
                                         groups=ORDER_READERS)
    crm_erp_synced_at = fields.Datetime(
        'Orders Last Synced', compute='_compute_crm_erp_orders', groups=ORDER_READERS,
        help='When the ERP last pushed an order of this customer.')

    def _compute_crm_erp_orders(self):
        """One grouped query for the customers shown, over the orders the reader may
        read (a reader without access to orders reads nothing)."""
        found = {}
        ids = [i for i in self.ids if isinstance(i, int)]
        Order = self.env['crm.erp.order']
        if ids and Order.check_access_rights('read', raise_exception=False):
            query = Order._where_calc([('partner_id', 'in', ids)])
            Order._apply_ir_rules(query, 'read')
            from_clause, where_clause, params = query.get_sql()
            self.env.cr.execute("""
                SELECT "crm_erp_order".partner_id, count(*), max("crm_erp_order".synced_at)
                  FROM """ + from_clause + " WHERE " + where_clause + """
                 GROUP BY "crm_erp_order".partner_id""", params)
            found = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        for partner in self:
            count, synced_at = found.get(partner.id, (0, False))
            partner.crm_erp_order_count = count
            partner.crm_erp_synced_at = synced_at
