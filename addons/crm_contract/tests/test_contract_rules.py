# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ContractCase


class TestContractRules(ContractCase):
    """Bad input is refused with a clear error, approved contracts are read-only, and
    the data scope of crm_sales holds for contracts, their plans and payments."""

    def test_bad_amounts_and_dates_are_refused(self):
        with self.refused(ValidationError):
            self.make_contract(-1)
        with self.refused(ValidationError):
            self.make_contract(1000, date_start='2026-06-01', date_end='2026-05-01')
        with self.refused(ValidationError):
            self.make_contract(1000, discount=100)
        for line in ({'quantity': 0}, {'quantity': -2}, {'price_unit': -5}):
            with self.refused(ValidationError):
                self.make_contract(0, line_ids=[(0, 0, dict({'product_id': self.product.id}, **line))])
        with self.refused(ValidationError):
            self.make_contract(1000, partner_id=self.contact.id)
        with self.refused(ValidationError):
            self.make_contract(1000, customer_signer_id=self.env.ref('crm_sales.demo_contact_01').id)
        self.assertFalse(self.Contract.search([('partner_id', 'in', (self.customer | self.contact).ids)]))

    def test_submit_needs_an_amount_and_dates(self):
        contract = self.make_contract(0)
        with self.refused(UserError):
            contract.action_submit()
        contract.write({'amount_total': 1000, 'date_end': False})
        with self.refused(UserError):
            contract.action_submit()
        self.assertEqual(contract.state, 'draft')

    def test_amount_follows_the_lines_and_discount(self):
        contract = self.make_contract(5, discount=5, line_ids=[
            (0, 0, {'product_id': self.product.id, 'price_unit': 1000.5, 'quantity': 3})])
        self.assertEqual(contract.amount_products, 3001.5)
        self.assertAlmostEqual(contract.amount_total, 2851.43, places=2)
        contract.line_ids.write({'quantity': 1})
        self.assertAlmostEqual(contract.amount_total, 950.48, places=2)

    def test_an_approved_contract_is_read_only(self):
        contract = self.approved_contract()
        with self.refused(UserError):
            contract.write({'name': '改名'})
        with self.refused(UserError):
            contract.write({'amount_total': 1})
        with self.refused(UserError):
            self.env['crm.contract.line'].sudo(self.lina).create({
                'contract_id': contract.id, 'product_id': self.product.id})
        with self.refused(UserError):
            contract.unlink()
        self.assertEqual(contract.amount_total, 80000)
        # chatter and followers still work
        contract.message_post(body='客户已盖章')

    def test_state_and_numbers_are_not_written_directly(self):
        contract = self.make_contract(1000)
        self.assertTrue(contract.number.startswith('HT'))
        guard = self.env['crm.guard'].sudo(self.lina)
        for vals in ({'state': 'approved'}, {'number': 'HT1'}, {'approved_at': '2026-06-01'}):
            with self.refused(AccessError):
                guard._check_vals('crm.contract', vals, records=contract)
        self.assertEqual(contract.state, 'draft')

    def test_cancel_and_delete(self):
        draft = self.make_contract(1000)
        draft.unlink()
        contract = self.approved_contract()
        payment = self.env['crm.receivable'].sudo(self.lina).create({
            'contract_id': contract.id, 'amount': 1000})
        with self.refused(UserError):
            contract.action_cancel()
        payment.action_cancel()
        contract.action_cancel()
        self.assertEqual(contract.state, 'cancelled')

    def test_data_scope(self):
        contract = self.approved_contract()
        plan = self.env['crm.receivable.plan'].sudo(self.lina).create({
            'contract_id': contract.id, 'amount': 1000, 'date_planned': '2026-07-01'})
        payment = self.env['crm.receivable'].sudo(self.lina).create({
            'contract_id': contract.id, 'amount': 1000})
        for model, record in (('crm.contract', contract), ('crm.receivable.plan', plan),
                              ('crm.receivable', payment)):
            Model = self.env[model]
            self.assertFalse(Model.sudo(self.yanglei).search([('id', '=', record.id)]), model)
            with self.refused(AccessError):
                record.sudo(self.yanglei).read(['display_name'])
            self.assertTrue(Model.sudo(self.zhangwei).search([('id', '=', record.id)]), model)
            self.assertTrue(Model.sudo(self.executive).search([('id', '=', record.id)]), model)
            self.assertFalse(Model.sudo(self.executive).check_access_rights('write', False), model)
        self.assertFalse(self.Contract.sudo(self.yanglei).name_search(contract.number))
        self.assertFalse(self.Contract.sudo(self.yanglei).read_group(
            [('id', '=', contract.id)], ['amount_total', 'state'], ['state']))
        # sharing opens it
        contract.action_share([self.yanglei.id], 'read')
        self.assertTrue(self.Contract.sudo(self.yanglei).search([('id', '=', contract.id)]))
        with self.refused(AccessError):
            contract.sudo(self.yanglei).write({'note': 'x'})

    def test_a_reviewer_from_elsewhere_reads_what_he_must_approve(self):
        definition = self.env.ref('crm_contract.tier_contract_leader')
        definition.write({'review_type': 'individual', 'reviewer_id': self.chenjing.id})
        contract = self.make_contract(300000)
        self.assertFalse(self.Contract.sudo(self.chenjing).search([('id', '=', contract.id)]))
        contract.action_submit()
        self.assertTrue(self.Contract.sudo(self.chenjing).search([('crm_my_turn', '=', True),
                                                                  ('id', '=', contract.id)]))
        contract.sudo(self.chenjing).action_approve('同意')
        self.assertEqual(contract.state, 'approved')

    def test_transfer_carries_the_contracts(self):
        contract = self.approved_contract()
        self.customer.sudo(self.zhangwei).action_transfer(self.wangfang.id, True, True, 'none')
        self.assertEqual(contract.sudo().user_id, self.wangfang)
        self.assertTrue(self.Contract.sudo(self.wangfang).search([('id', '=', contract.id)]))
        self.assertFalse(self.Contract.sudo(self.lina).search([('id', '=', contract.id)]))

    def test_printable_contract_and_xlsx(self):
        contract = self.approved_contract(line_ids=[(0, 0, {
            'product_id': self.product.id, 'price_unit': 40000, 'quantity': 2})])
        html = self.env.ref('crm_contract.action_report_crm_contract').render_qweb_html(contract.ids)[0]
        self.assertIn(contract.number.encode(), html)
        self.assertIn('测试合同客户有限公司'.encode(), html)
        for xmlid, records in (('crm_contract.action_report_crm_contract_xlsx', contract),
                               ('crm_contract.action_report_partner_statement_xlsx', self.customer)):
            report = self.env.ref(xmlid)
            content, kind = self.env['report.%s' % report.report_name].with_context(
                active_model=records._name).create_xlsx_report(records.ids, {})
            self.assertEqual(kind, 'xlsx')
            self.assertEqual(content[:2], b'PK')
