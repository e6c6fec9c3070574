# -*- coding: utf-8 -*-
from .sales_common import SalesCase


class TestScopeMixin(SalesCase):
    """crm.scope.mixin on opportunity products (owner and team from ``lead_id``): the
    one rule pattern gives the salesperson their own lines, the leader the team's and
    the manager all; the stored scope follows the opportunity by every path."""

    @classmethod
    def setUpClass(cls):
        super(TestScopeMixin, cls).setUpClass()
        cls.product = cls.env['product.product'].create({'name': 'T-范围测试产品',
                                                         'list_price': 100.0})
        cls.customer = cls.make_customer('T-范围测试客户有限公司')
        # created by the salesperson with its line in one call: the line's create rule
        # reads the scope the INSERT already holds (lines are created before recompute)
        cls.opp = cls.env['crm.lead'].sudo(cls.lina).create({
            'name': 'T-范围测试商机', 'type': 'opportunity', 'partner_id': cls.customer.id,
            'user_id': cls.lina.id, 'team_id': cls.team_east.id,
            'product_line_ids': [(0, 0, {'product_id': cls.product.id, 'quantity': 2})]}).sudo()
        cls.line = cls.opp.product_line_ids
        cls.Line = cls.env['crm.lead.product.line']

    def _visible(self, user):
        return self.Line.sudo(user).search([('id', '=', self.line.id)]).sudo()

    def test_every_scoped_model_has_the_three_scope_rules(self):
        """Owner, teams in scope and "all records", each a rule of the salesperson role
        (every CRM role implies it) that the user's data-scope level switches on."""
        Rule = self.env['ir.rule'].sudo()
        salesman = self.env.ref('crm_sales.group_crm_salesman')
        models = [name for name in self.env['crm.scope.mixin']._inherit_children
                  if not self.env[name]._abstract]
        self.assertIn('crm.lead.product.line', models)
        for name in models:
            rules = Rule.search([('model_id.model', '=', name)]).filtered(
                lambda r: salesman in r.groups)
            for term in ("('crm_scope_user_id', '=', user.id)",
                         "('crm_scope_team_id', 'in', user.crm_led_team_ids.ids)",
                         "user._crm_scope_all_domain()"):
                self.assertTrue(any(term in r.domain_force for r in rules), (name, term))

    def test_own_team_all(self):
        self.assertEqual(self.line.crm_scope_user_id, self.lina)
        self.assertEqual(self.line.crm_scope_team_id, self.team_east)
        self.assertEqual(self._visible(self.lina), self.line, 'own')
        self.assertFalse(self._visible(self.wangfang), 'a colleague: not theirs')
        self.assertFalse(self._visible(self.yanglei), 'another team')
        self.assertEqual(self._visible(self.zhangwei), self.line, 'leader of the team')
        self.assertFalse(self._visible(self.chenjing), 'leader of another team')
        self.assertEqual(self._visible(self.sunqiang), self.line, 'manager: all')
        # sharing the opportunity opens its lines too
        self.opp.sudo(self.lina).action_share([self.wangfang.id], access='read')
        self.assertEqual(self._visible(self.wangfang), self.line)

    def test_scope_follows_the_opportunity(self):
        self.opp.sudo(self.sunqiang).write({'user_id': self.yanglei.id,
                                            'team_id': self.team_south.id})
        self.assertEqual(self.line.crm_scope_user_id, self.yanglei)
        self.assertEqual(self.line.crm_scope_team_id, self.team_south)
        self.assertFalse(self._visible(self.lina))
        self.assertFalse(self._visible(self.zhangwei))
        self.assertEqual(self._visible(self.yanglei), self.line)
        self.assertEqual(self._visible(self.chenjing), self.line)

    def test_scope_follows_a_customer_transfer(self):
        self.customer.sudo(self.lina).action_transfer(self.wangfang.id)
        self.assertEqual(self.opp.user_id, self.wangfang)
        self.assertEqual(self.line.crm_scope_user_id, self.wangfang)
        self.assertFalse(self._visible(self.lina))
        self.assertEqual(self._visible(self.wangfang), self.line)

    def test_the_scope_is_not_written_directly(self):
        self.line.sudo(self.lina).write({'crm_scope_user_id': self.yanglei.id,
                                         'crm_scope_team_id': self.team_south.id,
                                         'quantity': 3})
        self.assertEqual(self.line.quantity, 3)
        self.assertEqual(self.line.crm_scope_user_id, self.lina)
        self.assertEqual(self.line.crm_scope_team_id, self.team_east)
        line = self.Line.sudo(self.lina).create({
            'lead_id': self.opp.id, 'product_id': self.product.id,
            'crm_scope_user_id': self.yanglei.id})
        self.assertEqual(line.crm_scope_user_id, self.lina)
