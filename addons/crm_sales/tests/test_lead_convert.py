# -*- coding: utf-8 -*-
from lxml import etree

from odoo.exceptions import UserError

from .sales_common import SalesCase


class TestLeadConvert(SalesCase):

    def new_lead(self, user=None, **kw):
        user = user or self.lina
        vals = dict(name='官网咨询', type='lead', partner_name='转化测试科技有限公司',
                    contact_name='马经理', mobile='13912345678', email_from='ma@test.cn',
                    user_id=user.id, team_id=user.sale_team_id.id,
                    customer_source_id=self.env.ref('crm_sales.customer_source_website').id)
        vals.update(kw)
        return self.Lead.sudo(user).create(vals)

    def test_convert_creates_customer_contact_opportunity(self):
        lead = self.new_lead()
        res = lead.sudo(self.lina).action_convert(create_opportunity=True,
                                                  opportunity_name='ERP 项目')
        customer = self.Partner.browse(res['partner_id'])
        contact = self.Partner.browse(res['contact_id'])
        opp = self.Lead.browse(res['opportunity_id'])
        self.assertEqual(customer.name, '转化测试科技有限公司')
        self.assertTrue(customer.is_crm_customer and customer.customer_code)
        self.assertEqual(customer.user_id, self.lina)
        self.assertEqual(customer.customer_source_id.name, lead.customer_source_id.name)
        self.assertEqual(contact.parent_id, customer)
        self.assertTrue(contact.is_primary_contact)
        self.assertEqual(contact.mobile, '13912345678')
        self.assertEqual(opp.type, 'opportunity')
        self.assertEqual(opp.name, 'ERP 项目')
        self.assertEqual(opp.partner_id, customer)
        self.assertNotEqual(opp, lead, 'a NEW opportunity record, the lead stays a lead')
        self.assertEqual(lead.type, 'lead')
        self.assertEqual(lead.lead_state, 'converted')
        self.assertEqual(lead.converted_partner_id, customer)
        self.assertEqual(lead.converted_contact_id, contact)
        self.assertEqual(lead.converted_opportunity_id, opp)
        self.assertTrue(lead.message_ids.filtered(lambda m: '转化测试科技有限公司' in (m.body or '')))

    def test_convert_twice_fails_and_changes_nothing(self):
        lead = self.new_lead()
        lead.action_convert()
        partners = self.Partner.search_count([])
        opps = self.Lead.search_count([('type', '=', 'opportunity')])
        with self.assertRaises(UserError):
            lead.sudo(self.lina).action_convert(create_opportunity=True)
        self.assertEqual(self.Partner.search_count([]), partners)
        self.assertEqual(self.Lead.search_count([('type', '=', 'opportunity')]), opps)
        self.assertFalse(lead.converted_opportunity_id)

    def test_convert_links_existing_duplicate(self):
        existing = self.make_customer('转化 测试科技有限公司')  # same name, other spacing
        lead = self.new_lead(partner_name='转化测试科技 有限公司')
        self.assertIn(existing, lead.duplicate_partner_ids)
        self.assertIn('转化 测试科技有限公司', lead.duplicate_warning)
        count = self.Partner.search_count([('is_crm_customer', '=', True)])
        res = lead.action_convert()
        self.assertEqual(res['partner_id'], existing.id)
        self.assertEqual(self.Partner.search_count([('is_crm_customer', '=', True)]), count)
        # wizard proposes the existing customer
        lead2 = self.new_lead(partner_name='转化测试科技有限公司', contact_name='牛经理',
                              mobile='13700000001')
        wiz = self.env['crm.lead.convert'].sudo(self.lina).with_context(
            active_id=lead2.id, active_model='crm.lead').create({})
        self.assertEqual(wiz.action, 'exist')
        self.assertEqual(wiz.partner_id, existing)
        wiz.action_apply()
        self.assertEqual(lead2.converted_partner_id, existing)
        self.assertEqual(lead2.converted_contact_id.name, '牛经理')
        self.assertEqual(len(existing.child_ids.filtered('is_primary_contact')), 1)

    def test_convert_customer_of_other_salesperson(self):
        self.make_customer('别人的客户有限公司', user=self.yanglei)
        lead = self.new_lead(partner_name='别人的客户有限公司')
        with self.assertRaises(UserError) as ctx:
            lead.sudo(self.lina).action_convert()
        self.assertIn(self.yanglei.name, ctx.exception.name)
        self.assertEqual(lead.lead_state, 'open')

    def test_mark_invalid(self):
        lead = self.new_lead()
        with self.assertRaises(UserError):
            lead.sudo(self.lina).action_mark_invalid('  ')
        self.assertEqual(lead.lead_state, 'open')
        lead.sudo(self.lina).action_mark_invalid('空号')
        self.assertEqual(lead.lead_state, 'invalid')
        self.assertEqual(lead.invalid_reason, '空号')
        working = self.Lead.search([('type', '=', 'lead'), ('lead_state', '=', 'open')])
        self.assertNotIn(lead, working)
        self.assertIn(lead, self.Lead.search([('lead_state', '=', 'invalid')]))
        with self.assertRaises(UserError):
            lead.action_convert()
        lead.action_restore()
        self.assertEqual(lead.lead_state, 'open')
        # the wizard
        wiz = self.env['crm.lead.invalid'].with_context(active_ids=lead.ids).create(
            {'reason': '重复线索'})
        wiz.action_apply()
        self.assertEqual(lead.invalid_reason, '重复线索')

    def test_assign(self):
        lead = self.new_lead(user=self.env.user, user_id=False)
        lead.action_assign(user_id=self.yanglei.id)
        self.assertEqual(lead.user_id, self.yanglei)
        self.assertEqual(lead.team_id, self.team_south)
        self.assertEqual(lead.assigned_at, self.NOW)
        with self.assertRaises(UserError):
            lead.action_assign()

    def test_duplicate_lead_reported(self):
        first = self.new_lead(mobile='13611112222')
        second = self.Lead.new({'name': 'x', 'type': 'lead', 'mobile': '13611112222'})
        self.assertIn(first, second.duplicate_lead_ids)

    def test_odoo_convert_button_replaced(self):
        arch = self.Lead.fields_view_get(view_id=self.env.ref('crm.crm_case_form_view_leads').id,
                                         view_type='form')['arch']
        doc = etree.fromstring(arch)
        names = [b.get('name') for b in doc.iter('button')]
        self.assertIn('action_open_convert_wizard', names)
        action = self.env.ref('crm.action_crm_lead2opportunity_partner')
        self.assertNotIn(str(action.id), names)
        self.assertFalse(self.env.ref('crm.action_crm_send_mass_convert').binding_model_id)


class TestLeadImportTemplate(SalesCase):

    def test_template_imports_as_a_chinese_salesperson(self):
        """The downloadable template goes through Odoo's import (Model.load) unchanged."""
        import csv
        import io
        from odoo.modules.module import get_module_resource
        path = get_module_resource('crm_sales', 'static', 'import', 'crm_lead_import_template.csv')
        with io.open(path, encoding='utf-8') as handle:
            rows = list(csv.reader(handle))
        header, data = rows[0], rows[1:]
        Lead = self.env['crm.lead'].sudo(self.lina).with_context(lang='zh_CN', default_type='lead')
        result = Lead.load(header, data)
        self.assertFalse([m for m in result['messages'] if m['type'] == 'error'], result['messages'])
        lead = Lead.browse(result['ids'][0])
        self.assertEqual(lead.partner_name, '杭州示例科技有限公司')
        self.assertEqual(lead.customer_source_id, self.env.ref('crm_sales.customer_source_exhibition'))
        self.assertEqual(lead.user_id, self.lina)
        self.assertEqual(lead.type, 'lead')
