# -*- coding: utf-8 -*-
from odoo.exceptions import ValidationError

from .common import PoolCase


class TestPoolRules(PoolCase):

    def test_days_must_be_positive(self):
        count = self.Rule.with_context(active_test=False).search_count([])
        for days in (0, -5):
            with self.assertRaisesRegex(ValidationError, 'must be positive'):
                self.make_rule(days=days)
        self.assertEqual(self.Rule.with_context(active_test=False).search_count([]), count)
        rule = self.make_rule(days=10)
        with self.assertRaisesRegex(ValidationError, 'must be positive'):
            rule.write({'days': -1})
        rule.invalidate_cache()
        self.assertEqual(rule.days, 10)

    def test_invalid_domain(self):
        for domain in ("[('no_such_field', '=', 1)]", "[('name', 'bad-op', 1)]", "not a domain",
                       "{'a': 1}"):
            with self.assertRaisesRegex(ValidationError, 'Invalid domain'):
                self.make_rule(domain=domain)
        rule = self.make_rule(domain="[('city', '=', 'Suzhou')]")
        with self.assertRaisesRegex(ValidationError, 'Invalid domain'):
            rule.write({'domain': "[('nope', '=', 1)]"})
        rule.invalidate_cache()
        self.assertEqual(rule.domain, "[('city', '=', 'Suzhou')]")

    def test_pool_negative_values(self):
        with self.assertRaises(ValidationError):
            self.pool_a.write({'protection_days': -1})
        self.assertEqual(self.pool_a.protection_days, 7)
        with self.assertRaises(ValidationError):
            self.Limit.create({'name': 'neg', 'max_count': -1,
                               'user_ids': [(6, 0, self.sales_a1.ids)]})

    def test_visible_pools(self):
        self.assertEqual(self.sales_a1.crm_pool_visible_ids, self.pool_a | self.pool_all)
        self.assertEqual(self.sales_b1.crm_pool_visible_ids, self.pool_all)
        self.assertEqual(self.env['crm.pool']._get_for_team(self.team_a), self.pool_a)
        self.assertEqual(self.env['crm.pool']._get_for_team(self.team_b), self.pool_all)

    def test_rule_description(self):
        rule = self.make_rule(kind='no_deal', days=90)
        self.assertIn('90', rule.description)
