# -*- coding: utf-8 -*-
"""Privilege never travels in what a client sends (issue #21): context keys, defaults,
copy values, e-mail values and teams. What a salesperson does here with ``sudo(user)``
and ``with_context`` is what an XML-RPC client can send."""
import re

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_sales.grant import GRANT_KEY

from .common import ContractCase

CJK = re.compile('[\u4e00-\u9fff]')
FORGED = {'crm_action_write': True, 'crm_approval_ok': True, 'crm_share_ok': True,
          'crm_no_bus': True, GRANT_KEY: {'action_write': True, 'approval': True}}


class TestContractTrust(ContractCase):

    def assertChinese(self, error):
        self.assertTrue(CJK.search(error.exception.name), error.exception.name)

    def zh(self, user):
        return self.env(user=user.id, context={'lang': 'zh_CN'})

    # ------------------------------------------------------------------ context (1)
    def test_default_state_in_the_context_does_not_approve(self):
        contract = self.Contract.sudo(self.lina).with_context(
            default_state='approved', default_approved_at='2026-06-01 00:00:00',
            default_number='HT-FORGED').create({
                'name': '默认值合同', 'partner_id': self.customer.id, 'amount_total': 5000000})
        self.assertEqual(contract.state, 'draft')
        self.assertFalse(contract.approved_at)
        self.assertTrue(contract.number.startswith('HT2'))
        approved = self.approved_contract(80000)
        payment = self.env['crm.receivable'].sudo(self.lina).with_context(
            default_state='approved').create({'contract_id': approved.id, 'amount': 1000})
        self.assertEqual(payment.state, 'draft')
        self.assertEqual(approved.amount_received, 0)

    def test_forged_context_keys_edit_nothing_approved(self):
        contract = self.approved_contract(80000)
        forged = contract.sudo(self.lina).with_context(**FORGED)
        with self.refused(UserError):
            forged.write({'amount_total': 7000000})
        with self.refused(UserError):
            forged.write({'line_ids': [(0, 0, {'product_id': self.product.id,
                                               'price_unit': 7000000})]})
        with self.refused(UserError):
            self.env['crm.contract.line'].sudo(self.lina).with_context(**FORGED).create({
                'contract_id': contract.id, 'product_id': self.product.id})
        with self.refused(UserError):
            forged.request_validation()
        self.assertEqual(contract.amount_total, 80000)
        payment = self.env['crm.receivable'].sudo(self.lina).create(
            {'contract_id': contract.id, 'amount': 1000})
        payment.action_submit()
        with self.refused(UserError):
            payment.with_context(**FORGED).write({'amount': 80000})
        self.assertEqual(payment.amount, 1000)

    def test_reviews_change_only_through_the_actions(self):
        contract = self.make_contract(1500000)
        contract.action_submit()
        review = contract.sudo().review_ids.filtered('crm_turn')
        for user in (self.lina, self.executive, self.wangfang):
            with self.refused(AccessError):
                review.sudo(user).with_context(**FORGED).write(
                    {'status': 'approved', 'done_by': self.zhangwei.id})
            with self.refused(AccessError):
                self.env['tier.review'].sudo(user).with_context(**FORGED).create(
                    {'model': 'crm.contract', 'res_id': contract.id, 'status': 'approved'})
        self.assertEqual(review.status, 'pending')
        self.assertEqual(contract.state, 'waiting')

    # ------------------------------------------------------------------ other paths (2)
    def test_copy_cannot_approve(self):
        contract = self.approved_contract(80000)
        mine = contract.sudo(self.lina)
        with self.refused(AccessError):
            mine.copy({'state': 'approved', 'amount_total': 6000000})
        with self.refused(AccessError):
            mine.with_context(default_state='approved').copy({'number': 'HT1'})
        copy = mine.with_context(default_state='approved').copy({'amount_total': 6000})
        self.assertEqual((copy.state, copy.amount_total), ('draft', 6000))
        self.assertNotEqual(copy.number, contract.number)

    def test_e_mail_values_change_nothing(self):
        contract = self.make_contract(5000000)
        msg = {'subject': '邮件', 'body': '<p>x</p>', 'from': 'a@example.com',
               'to': 'b@example.com', 'email_from': 'a@example.com'}
        Contract = self.Contract.sudo(self.lina).with_context(lang='zh_CN')
        with self.refused(AccessError) as error:
            Contract.message_new(msg, {'state': 'approved', 'name': '邮件合同',
                                       'partner_id': self.customer.id})
        self.assertChinese(error)
        with self.refused(AccessError):
            contract.sudo(self.lina).message_update(msg, {'state': 'approved'})
        with self.refused(AccessError):
            self.env['crm.receivable'].sudo(self.lina).message_new(msg, {'state': 'approved'})
        self.assertEqual(contract.state, 'draft')
        self.assertFalse(self.Contract.search([('name', '=', '邮件合同')]))

    def test_computed_money_is_not_written(self):
        contract = self.make_contract(0, line_ids=[(0, 0, {'product_id': self.product.id,
                                                           'price_unit': 5000000})])
        mine = contract.sudo(self.lina)
        with self.refused(AccessError):
            mine.line_ids.write({'subtotal': 1})
        with self.refused(AccessError):
            self.env['crm.contract.line'].sudo(self.lina).create({
                'contract_id': contract.id, 'product_id': self.product.id, 'subtotal': 1})
        for field in ('amount_received', 'amount_products'):
            with self.refused(AccessError):
                mine.write({field: 1})
        self.assertEqual((contract.amount_total, contract.amount_received), (5000000, 0))
        approved = self.approved_contract(80000)
        plan = self.env['crm.receivable.plan'].sudo(self.lina).create({
            'contract_id': approved.id, 'amount': 1000, 'date_planned': '2026-07-01'})
        with self.refused(AccessError):
            plan.write({'amount_received': 1000})
        self.assertEqual(plan.amount_due, 1000)

    # ------------------------------------------------------------------ teams (3)
    def test_a_salesperson_files_contracts_under_her_own_team(self):
        south = self.env.ref('crm_sales.team_south')
        with self.refused(AccessError) as error:
            self.Contract.with_env(self.zh(self.lina)).create({
                'name': '换团队合同', 'partner_id': self.customer.id, 'team_id': south.id,
                'amount_total': 1000})
        self.assertChinese(error)
        contract = self.make_contract(1000)
        self.assertEqual(contract.team_id, self.team_east)
        with self.refused(AccessError):
            contract.sudo(self.lina).write({'team_id': south.id})
        # a sales manager may choose any team
        contract.sudo(self.sunqiang).write({'team_id': south.id})
        self.assertEqual(contract.team_id, south)

    def test_a_payment_follows_its_contracts_owner_and_team(self):
        contract = self.approved_contract(80000)
        Payment = self.env['crm.receivable'].with_env(self.zh(self.lina))
        south = self.env.ref('crm_sales.team_south')
        for vals in ({'team_id': south.id}, {'user_id': self.wangfang.id}):
            with self.refused(AccessError) as error:
                Payment.create(dict(vals, contract_id=contract.id, amount=1000))
            self.assertChinese(error)
        payment = Payment.create({'contract_id': contract.id, 'amount': 1000})
        self.assertEqual((payment.user_id, payment.team_id), (self.lina, self.team_east))
        with self.refused(AccessError):
            payment.write({'user_id': self.wangfang.id})
        self.assertEqual(payment.user_id, self.lina)

    # ------------------------------------------------------------------ reading (4)
    def test_agents_and_portal_users_read_no_reviews_nor_contract_totals(self):
        contract = self.make_contract(1500000)
        contract.action_submit()
        Users = self.env['res.users'].with_context(no_reset_password=True)
        agent = Users.create({'name': '客服测试', 'login': 'agent_trust',
                              'groups_id': [(6, 0, [self.env.ref('base.group_user').id])]})
        portal = Users.create({'name': '门户测试', 'login': 'portal_trust',
                               'groups_id': [(6, 0, [self.env.ref('base.group_portal').id])]})
        for user in (agent, portal):
            self.assertFalse(self.env['tier.review'].sudo(user).search(
                [('model', '=', 'crm.contract')]), user.name)
        self.assertFalse(self.env['tier.definition'].sudo(portal).search(
            [('model', '=', 'crm.contract')]))
        self.assertTrue(self.env['tier.review'].sudo(self.lina).search(
            [('model', '=', 'crm.contract'), ('res_id', '=', contract.id)]))
        self.assertTrue(self.env['tier.review'].sudo(self.executive).search(
            [('model', '=', 'crm.contract'), ('res_id', '=', contract.id)]))
        self.approved_contract(80000)
        self.assertEqual(self.customer.sudo(self.lina).contract_amount, 80000)
        self.assertEqual(self.customer.sudo(agent).contract_amount, 0)
        self.assertEqual(self.customer.sudo(agent).contract_count, 0)

    # ------------------------------------------------------------------ tiers (5)
    def test_only_system_administrators_write_python_in_tiers(self):
        Tier = self.env['tier.definition'].with_env(self.zh(self.zhoutao))
        model = self.env.ref('crm_contract.model_crm_contract')
        evil = "rec.sudo().env['ir.config_parameter'].set_param('x', 'y') or True"
        with self.refused(AccessError) as error:
            Tier.create({'name': '公式', 'model_id': model.id, 'definition_type': 'formula',
                         'python_code': evil, 'review_type': 'individual',
                         'reviewer_id': self.zhangwei.id})
        self.assertChinese(error)
        leader_tier = self.env.ref('crm_contract.tier_contract_leader')
        with self.refused(AccessError):
            leader_tier.sudo(self.zhoutao).write({'python_code': evil})
        with self.refused(AccessError):
            leader_tier.sudo(self.zhoutao).write({'reviewer_expression': 'rec.user_id'})
        # domains and reviewers stay theirs
        tier = Tier.create({'name': '域条件', 'model_id': model.id, 'definition_type': 'domain',
                            'definition_domain': "[('amount_total', '>', 3000000)]",
                            'review_type': 'individual', 'reviewer_id': self.zhangwei.id})
        leader_tier.sudo(self.zhoutao).write({'sequence': 11})
        self.assertEqual(tier.definition_type, 'domain')
        self.assertEqual(leader_tier.definition_type, 'crm_conditions')
        self.assertFalse(leader_tier.crm_python_by_id)

    def test_python_not_written_by_a_system_administrator_does_not_run(self):
        leader_tier = self.env.ref('crm_contract.tier_contract_leader')
        # as if written before the check existed, by a CRM administrator
        self.env.cr.execute('UPDATE tier_definition SET crm_python_by_id = %s, '
                            "definition_type = 'formula', python_code = %s WHERE id = %s",
                            (self.zhoutao.id, "rec.sudo().write({'note': 'x'}) or True",
                             leader_tier.id))
        leader_tier.invalidate_cache()
        contract = self.make_contract(150000)
        with self.refused(UserError):
            contract.action_submit()
        self.assertEqual(contract.state, 'draft')
        self.assertFalse(contract.note)

    # ------------------------------------------------------------------ small (7)
    def test_huge_amounts_and_blank_names_are_refused(self):
        Contract = self.Contract.with_env(self.zh(self.lina))
        base = {'partner_id': self.customer.id}
        for vals in ({'name': '   ', 'amount_total': 1000}, {'name': '巨额', 'amount_total': 1e28},
                     {'name': '巨额行', 'line_ids': [(0, 0, {'product_id': self.product.id,
                                                           'price_unit': 1e14,
                                                           'quantity': 1e14})]}):
            with self.refused(ValidationError) as error:
                Contract.create(dict(base, **vals))
            self.assertChinese(error)
        contract = self.approved_contract(80000)
        with self.refused(ValidationError):
            self.env['crm.receivable.plan'].sudo(self.lina).create({
                'contract_id': contract.id, 'amount': 1e28, 'date_planned': '2026-07-01'})
        with self.refused(ValidationError):
            self.env['crm.receivable'].sudo(self.lina).create({
                'contract_id': contract.id, 'amount': 1e28})
        self.assertFalse(contract.plan_ids or contract.receivable_ids)

    def test_under_validation_speaks_chinese_and_sharing_still_works(self):
        contract = self.make_contract(1500000)
        contract.action_submit()
        with self.refused(ValidationError) as error:
            contract.with_env(self.zh(self.lina))._check_allow_write_under_validation(
                {'name': '改名'})
        self.assertChinese(error)
        with self.refused(UserError) as error:
            contract.with_env(self.zh(self.lina)).write({'name': '改名'})
        self.assertChinese(error)
        contract.sudo(self.lina).action_share([self.wangfang.id])
        self.assertIn(contract, self.Contract.sudo(self.wangfang).search([]))
