# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError

from .common import QuoteCase


class TestApprovalRouting(QuoteCase):

    def test_small_quote_is_approved_on_submit(self):
        quote = self.make_quote()
        quote.action_submit()
        self.assertEqual(quote.state, 'approved')

    def test_total_discount_above_15_goes_to_the_team_leader(self):
        quote = self.make_quote(lines=[{'product_id': self.cloud.id, 'price_unit': 30000}])
        self.assertGreater(quote.discount_total, 15)
        quote.action_submit()
        self.assertEqual(quote.state, 'waiting')
        self.assertIn(quote, self.Quote.sudo(self.zhangwei).search([('crm_my_turn', '=', True)]))
        self.assertFalse(self.Quote.sudo(self.sunqiang).search([('crm_my_turn', '=', True),
                                                                ('id', '=', quote.id)]))
        todo = self.env['crm.todo'].sudo(self.zhangwei).create({})
        self.assertIn(quote, todo.quotation_review_ids)
        quote.sudo(self.zhangwei).action_approve('同意')
        self.assertEqual(quote.state, 'approved')

    def test_above_a_million_goes_to_the_sales_managers(self):
        quote = self.make_quote(lines=[{'product_id': self.mes.id, 'quantity': 6,
                                        'price_unit': 175000}])
        quote.action_submit()
        self.assertEqual(quote.state, 'waiting')
        self.assertFalse(quote.sudo(self.zhangwei).crm_my_turn)
        self.assertTrue(quote.sudo(self.sunqiang).crm_my_turn)
        with self.refused(AccessError):
            quote.sudo(self.zhangwei).action_approve()
        quote.sudo(self.sunqiang).action_approve()
        self.assertEqual(quote.state, 'approved')

    def test_both_tiers_in_order_and_a_rejection_returns_a_draft(self):
        quote = self.make_quote(lines=[{'product_id': self.mes.id, 'quantity': 8,
                                        'price_unit': 150000}])
        quote.action_submit()
        self.assertTrue(quote.sudo(self.zhangwei).crm_my_turn)
        self.assertFalse(quote.sudo(self.sunqiang).crm_my_turn)
        quote.sudo(self.zhangwei).action_approve()
        self.assertTrue(quote.sudo(self.sunqiang).crm_my_turn)
        quote.sudo(self.sunqiang).action_reject('折扣过大')
        self.assertEqual((quote.state, quote.reject_reason), ('draft', '折扣过大'))

    def test_the_owner_cannot_approve_and_a_quote_without_products_is_not_submitted(self):
        with self.refused(UserError):
            self.make_quote(lines=[]).action_submit()


class TestStatesAndVersions(QuoteCase):

    def test_a_sent_quote_is_frozen_and_revised_into_v2(self):
        lead_quote = self.Quote.browse(
            self.lead.sudo(self.lina).action_create_quotation()['res_id'])
        lead_quote.write({'line_ids': [(1, lead_quote.line_ids[0].id, {'price_unit': 179000})]})
        lead_quote.action_submit()
        self.assertEqual(lead_quote.state, 'approved')
        lead_quote.action_send()
        self.assertEqual(lead_quote.state, 'sent')
        with self.refused(UserError):
            lead_quote.sudo(self.lina).write({'discount': 5})
        with self.refused(UserError):
            lead_quote.line_ids[0].sudo(self.lina).write({'quantity': 9})
        action = lead_quote.sudo(self.lina).action_revise()
        v2 = self.Quote.browse(action['res_id'])
        self.assertEqual(v2.reference, lead_quote.reference + '-V2')
        self.assertEqual((v2.state, v2.revision, v2.previous_id), ('draft', 2, lead_quote))
        self.assertEqual(lead_quote.state, 'superseded')
        self.assertEqual(v2.line_ids.mapped('price_unit'), lead_quote.line_ids.mapped('price_unit'))
        with self.refused(UserError):
            lead_quote.sudo(self.lina).write({'title': 'x'})
        self.assertEqual(self.lead.current_quotation_id, v2)
        self.assertEqual(self.lead.quotation_count, 1)
        v2.action_submit()
        v2.action_send()
        v3 = self.Quote.browse(v2.sudo(self.lina).action_revise()['res_id'])
        self.assertEqual(v3.reference, lead_quote.reference + '-V3')
        self.assertEqual(v3.version_count, 3)

    def test_accept_decline_and_states_by_buttons_only(self):
        quote = self.sent_quote()
        with self.refused(UserError):
            quote.sudo(self.lina).action_send()
        quote.sudo(self.lina).action_accept('客户同意')
        self.assertEqual((quote.state, quote.customer_comment), ('accepted', '客户同意'))
        with self.refused(UserError):
            quote.sudo(self.lina).action_revise()
        other = self.sent_quote()
        with self.refused(UserError):
            other.sudo(self.lina).action_decline('')
        other.sudo(self.lina).action_decline('价格太高')
        self.assertEqual(other.state, 'declined')

    def test_sent_quotes_expire_when_the_clock_passes_their_validity(self):
        quote = self.sent_quote()
        self.Quote._cron_quotation_expire()
        self.assertEqual(quote.state, 'sent')
        self.env['crm.clock'].set_now('2026-07-11 04:00:00')
        self.Quote._cron_quotation_expire()
        self.assertEqual(quote.state, 'expired')
        activity = self.env['mail.activity'].search([('res_model', '=', 'crm.quotation'),
                                                     ('res_id', '=', quote.id)])
        self.assertEqual(activity.user_id, self.lina)
        with self.refused(UserError):
            quote.sudo(self.lina).action_accept()

    def test_an_outdated_quote_is_not_sent(self):
        quote = self.make_quote()
        quote.action_submit()
        self.env['crm.clock'].set_now('2026-07-20 04:00:00')
        with self.refused(UserError):
            quote.action_send()


class TestContract(QuoteCase):

    def test_an_accepted_quote_becomes_a_contract_and_moves_the_opportunity(self):
        quote = self.Quote.browse(self.lead.sudo(self.lina).action_create_quotation()['res_id'])
        quote.write({'discount': 1})
        quote.action_submit()
        quote.sudo(self.zhangwei).action_approve() if quote.state == 'waiting' else None
        quote.action_send()
        with self.refused(UserError):
            quote.sudo(self.lina).action_create_contract()
        quote.action_accept()
        action = quote.sudo(self.lina).action_create_contract()
        contract = self.env['crm.contract'].browse(action['res_id'])
        self.assertEqual(quote.contract_id, contract)
        self.assertEqual((contract.partner_id, contract.customer_signer_id, contract.lead_id,
                          contract.user_id), (self.customer, self.contact, self.lead, self.lina))
        self.assertEqual(contract.discount, 1)
        self.assertEqual(contract.line_ids.mapped('price_unit'), quote.line_ids.mapped('price_unit'))
        self.assertEqual(contract.amount_total, quote.amount_total)
        self.assertEqual(contract.state, 'draft')
        self.assertEqual(self.lead.stage_id, self.lead._crm_quote_contract_stage())
        self.assertEqual(self.lead.stage_id.name, '合同签订')
        with self.refused(UserError):
            quote.sudo(self.lina).action_create_contract()
