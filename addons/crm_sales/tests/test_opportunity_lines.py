# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, ValidationError

from .crm_sales_scope_common import CrmScopeCase


class TestOpportunityLines(CrmScopeCase):

    @classmethod
    def setUpClass(cls):
        super(TestOpportunityLines, cls).setUpClass()
        Product = cls.env['product.product']
        cls.gateway = Product.create({'name': 'T-工业网关', 'list_price': 1000.0, 'type': 'consu'})
        cls.licence = Product.create({'name': 'T-MES 授权', 'list_price': 5000.0, 'type': 'service'})

    def test_total_with_discount_becomes_expected_revenue(self):
        opp = self._opp('Lines deal', self.sa1)
        opp = opp.sudo(self.sa1)
        opp.write({'product_line_ids': [
            (0, 0, {'product_id': self.gateway.id, 'quantity': 3, 'offer_price': 900.0}),
            (0, 0, {'product_id': self.licence.id, 'quantity': 1}),
        ]})
        line_gw = opp.product_line_ids.filtered(lambda l: l.product_id == self.gateway)
        line_lic = opp.product_line_ids - line_gw
        self.assertEqual(line_gw.list_price, 1000.0, 'list price comes from the product')
        self.assertEqual(line_gw.subtotal, 2700.0)
        self.assertEqual(line_lic.offer_price, 5000.0, 'offered price defaults to list price')
        self.assertEqual(opp.product_amount, 7700.0)
        self.assertEqual(opp.planned_revenue, 7700.0)
        opp.write({'discount': 10.0})
        self.assertAlmostEqual(opp.amount_total, 6930.0)
        self.assertAlmostEqual(opp.planned_revenue, 6930.0)
        line_lic.unlink()
        self.assertAlmostEqual(opp.planned_revenue, 2430.0)
        line_gw.write({'quantity': 1})
        self.assertAlmostEqual(opp.planned_revenue, 810.0)

    def test_bad_amounts_refused(self):
        opp = self._opp('Bad lines', self.sa1, planned_revenue=500.0)
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                opp.write({'discount': 120.0})
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                opp.write({'product_line_ids': [(0, 0, {'product_id': self.gateway.id,
                                                        'quantity': 0})]})
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                opp.write({'product_line_ids': [(0, 0, {'product_id': self.gateway.id,
                                                        'offer_price': -5})]})
        opp.invalidate_cache()
        self.assertFalse(opp.product_line_ids)
        self.assertEqual(opp.discount, 0.0)
        self.assertEqual(opp.planned_revenue, 500.0, 'without lines the revenue is typed in')

    def test_lines_follow_opportunity_scope(self):
        opp = self._opp('Private lines', self.sa1)
        opp.write({'product_line_ids': [(0, 0, {'product_id': self.gateway.id})]})
        Line = self.env['crm.lead.product.line']
        self.assertEqual(Line.sudo(self.sa1).search([('lead_id', '=', opp.id)]),
                         opp.product_line_ids)
        self.assertFalse(Line.sudo(self.sa2).search([('lead_id', '=', opp.id)]))
        self.assertEqual(Line.sudo(self.leader_a).search([('lead_id', '=', opp.id)]),
                         opp.product_line_ids)
        with self.assertRaises(AccessError):
            opp.product_line_ids.sudo(self.sa2).write({'quantity': 5})
        with self.assertRaises(AccessError):
            opp.product_line_ids.sudo(self.executive).write({'quantity': 5})
