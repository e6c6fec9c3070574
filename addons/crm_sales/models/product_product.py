# -*- coding: utf-8 -*-
from odoo import api, models


class ProductProduct(models.Model):
    """Pricing extension points shared by every line that sells a product
    (opportunity products, contract lines, quotation lines)."""
    _inherit = 'product.product'

    @api.multi
    def _crm_prices(self, partner, quantities=None, date=None):
        """Prices of these products sold to ``partner`` (a res.partner, may be empty).

        :param quantities: {product id: quantity}, 1.0 for a product not listed
        :param date: the day the price applies (a date string), today by default
        :return: {product id: {'list_price': catalogue price,
                               'price': the customer's price (price list)}}

        Here both are the catalogue price; a module with price lists overrides this
        and answers for all products in a few queries (a quote may have hundreds).
        """
        return {product.id: {'list_price': product.lst_price, 'price': product.lst_price}
                for product in self}

    @api.multi
    def _crm_check_sellable(self):
        """Raise a UserError naming a product that may not be offered or contracted
        (e.g. off sale). Here every product may be sold."""
        return True
