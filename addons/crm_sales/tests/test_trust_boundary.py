# -*- coding: utf-8 -*-
"""Privilege never travels in what a client sends: context keys, defaults, copy values,
teams. What a salesperson does here is what an XML-RPC client can do."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_sales.grant import GRANT_KEY, grant, granted

from .sales_common import SalesCase

FORGED_CONTEXTS = [
    {GRANT_KEY: {'action_write': True}},
    {GRANT_KEY: 'action_write'},
    {GRANT_KEY: True},
    {'crm_action_write': True, 'crm_share_ok': True, 'crm_set_owner': True},
]


class TestTrustBoundary(SalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestTrustBoundary, cls).setUpClass()
        cls.customer = cls.make_customer('信任边界测试有限公司')
        cls.south_customer = cls.make_customer('华南边界测试有限公司', user=cls.yanglei)

    def test_a_forged_grant_grants_nothing(self):
        for ctx in FORGED_CONTEXTS:
            mine = self.customer.sudo(self.lina).with_context(**ctx)
            self.assertFalse(granted(mine, 'action_write'))
            with self.assertRaises(AccessError, msg=str(ctx)):
                mine.write({'is_deal': True})
        self.assertFalse(self.customer.is_deal)

    def test_an_action_grants_itself_and_the_grant_stays_with_its_records(self):
        mine = self.customer.sudo(self.lina)
        granted_mine = grant(mine, 'action_write')
        self.assertTrue(granted(granted_mine, 'action_write'))
        self.assertFalse(granted(mine, 'action_write'), 'the caller\'s records are unchanged')
        self.assertTrue(granted(grant(granted_mine, 'share'), 'action_write'), 'grants add up')
        mine.action_mark_deal()
        self.assertTrue(self.customer.is_deal)

    def test_defaults_in_the_context_do_not_fill_action_fields(self):
        Partner = self.Partner.sudo(self.lina).with_context(
            default_is_deal=True, default_first_deal_date='2020-01-01',
            default_crm_owner_id=self.yanglei.id)
        customer = Partner.create({'name': '默认值注入有限公司', 'is_company': True,
                                   'customer': True, 'user_id': self.lina.id})
        self.assertFalse(customer.is_deal)
        self.assertFalse(customer.first_deal_date)
        self.assertEqual(customer.crm_owner_id, self.lina)

    def test_a_granted_action_drops_a_clients_forbidden_defaults(self):
        mine = self.customer.sudo(self.lina).with_context(default_is_deal=True,
                                                          default_phone='021-1')
        context = grant(mine, 'action_write').env.context
        self.assertNotIn('default_is_deal', context)
        self.assertEqual(context.get('default_phone'), '021-1', 'ordinary defaults stay')

    def test_copy_checks_its_values_and_keeps_the_originals(self):
        lead = self.Lead.sudo(self.lina).create({'name': '复制测试线索', 'type': 'lead',
                                                  'user_id': self.lina.id})
        lead.action_mark_invalid('重复')
        with self.assertRaises(AccessError):
            lead.copy({'lead_state': 'converted'})
        with self.assertRaises(UserError):
            self.env['crm.guard'].sudo(self.lina)._check_copy_default(lead, 'x')
        copy = lead.copy({'name': '复制的线索'})
        self.assertEqual(copy.lead_state, 'open', 'a copy starts as a new lead')
        self.assertEqual(copy.user_id, self.lina)

    def test_a_salesperson_files_records_under_her_own_team(self):
        Lead = self.Lead.sudo(self.lina)
        with self.assertRaises(AccessError):
            Lead.create({'name': '别的团队', 'type': 'opportunity', 'user_id': self.lina.id,
                         'team_id': self.team_south.id})
        with self.assertRaises(AccessError):
            Lead.with_context(default_team_id=self.team_south.id).create(
                {'name': '别的团队（默认值）', 'type': 'opportunity', 'user_id': self.lina.id})
        lead = Lead.create({'name': '自己团队', 'type': 'opportunity', 'user_id': self.lina.id,
                            'team_id': self.team_east.id})
        with self.assertRaises(AccessError):
            lead.write({'team_id': self.team_south.id})
        with self.assertRaises(AccessError):
            self.customer.sudo(self.lina).write({'team_id': self.team_south.id})
        self.assertEqual(self.customer.team_id, self.team_east)
        # a sales manager may file it elsewhere
        lead.sudo(self.sunqiang).write({'team_id': self.team_south.id})
        self.assertEqual(lead.team_id, self.team_south)

    def test_sharing_needs_the_owner_whatever_the_context(self):
        self.customer.sudo(self.lina).action_share([self.wangfang.id], access='write')
        member = self.customer.sudo(self.wangfang)
        member.write({'phone': '021-66668888'})
        with self.assertRaises(AccessError):
            member.with_context(crm_share_ok=True).write(
                {'share_write_user_ids': [(4, self.yanglei.id)]})
        self.assertNotIn(self.yanglei, self.customer.share_write_user_ids)

    def test_activities_follow_their_document(self):
        activity = self.env['mail.activity'].create({
            'res_model_id': self.env['ir.model']._get_id('res.partner'),
            'res_id': self.south_customer.id, 'summary': '华南客户的回访',
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
            'user_id': self.yanglei.id})
        Activity = self.env['mail.activity']
        self.assertFalse(Activity.sudo(self.lina).search([('id', '=', activity.id)]))
        self.assertEqual(Activity.sudo(self.lina).search_count([('id', '=', activity.id)]), 0)
        with self.assertRaises(AccessError):
            activity.sudo(self.lina).read(['summary'])
        self.assertEqual(activity.sudo(self.yanglei).read(['summary'])[0]['summary'], '华南客户的回访')
        self.assertIn(activity, Activity.sudo(self.chenjing).search([('id', '=', activity.id)]),
                      'the leader of the customer\'s team sees it')

    def test_forbidden_defaults_name_every_action_field(self):
        Guard = self.env['crm.guard']
        names = Guard._forbidden_default_names()
        self.assertIn('is_deal', names)
        self.assertIn('lead_state', names)
        self.assertIn('crm_scope_user_id', names)
        self.assertIn('is_deal', Guard.action_fields_map()['res.partner'])
        clean = Guard._clean_client_context({'default_is_deal': True, 'default_name': 'x',
                                             'lang': 'zh_CN'})
        self.assertEqual(clean, {'default_name': 'x', 'lang': 'zh_CN'})
        own = self.lina.company_id.id
        Guard = Guard.sudo(self.lina)
        for forged in (True, own + 999, 'x', [own]):
            self.assertNotIn('force_company', Guard._clean_client_context({'force_company': forged}))
        self.assertEqual(Guard._clean_client_context({'force_company': own}), {'force_company': own})
        # what that context broke: a contract number from the sequence (integer = boolean)
        self.env['ir.sequence'].sudo(self.lina).with_context(
            Guard._clean_client_context({'force_company': True})).next_by_code('crm.customer.code')
        # nor may a client date a number: backdated, or a crash on a value that is no date
        for forged in (True, '2001-01-01'):
            clean = Guard._clean_client_context({'ir_sequence_date': forged, 'lang': 'zh_CN'})
            self.assertEqual(clean, {'lang': 'zh_CN'})

    def test_mail_gateway_entry_points_are_not_for_users(self):
        with self.assertRaises(AccessError):
            self.env['crm.guard'].sudo(self.lina)._check_mail_gateway_call('message_new')
        self.env['crm.guard']._check_mail_gateway_call('message_new')  # the superuser may
