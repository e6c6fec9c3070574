# -*- coding: utf-8 -*-
import json
import re

from lxml import etree

from .sales_common import SalesCase

ACTION_CONTEXT = {'default_is_company': True, 'default_customer': True,
                  'default_company_type': 'company'}


class TestChineseWords(SalesCase):
    """Odoo's leftovers on customers and contacts, fixed for every screen."""

    def zh(self, user):
        return self.env(user=user.id, context={'lang': 'zh_CN'})

    def test_partner_fields_say_the_crm_words(self):
        fields = self.zh(self.lina)['res.partner'].fields_get(
            ['industry_id', 'category_id', 'state_id', 'street2', 'street', 'vat', 'mobile', 'phone'],
            ['string'])
        labels = {name: desc['string'] for name, desc in fields.items()}
        self.assertEqual(labels, {'industry_id': '行业', 'category_id': '标签', 'state_id': '省份',
                                  'street2': '区县', 'street': '详细地址',
                                  'vat': '统一社会信用代码', 'mobile': '手机', 'phone': '电话'})
        lead = self.zh(self.lina)['crm.lead'].fields_get(['mobile', 'industry_id'], ['string'])
        self.assertEqual((lead['mobile']['string'], lead['industry_id']['string']), ('手机', '行业'))

    def test_address_types_in_chinese(self):
        types = dict(self.zh(self.lina)['res.partner'].fields_get(['type'])['type']['selection'])
        self.assertEqual((types['registered'], types['office']), ('注册地址', '办公地址'))

    def test_no_traditional_characters_in_odoo_terms(self):
        self.env.cr.execute("SELECT count(*) FROM ir_translation WHERE lang = 'zh_CN' AND value LIKE '%刪%'")
        self.assertEqual(self.env.cr.fetchone()[0], 0)

    def test_a_message_reads_the_same_whichever_module_says_it(self):
        # Odoo 11 looks a code message up by its English text in any module: two
        # modules translating "nobody" differently made the log read 无 or 无人 by chance
        self.env.cr.execute("""
            SELECT src, array_agg(DISTINCT module || ': ' || value) FROM ir_translation
             WHERE lang = 'zh_CN' AND type = 'code' AND module LIKE 'crm%%' AND value != ''
             GROUP BY src HAVING count(DISTINCT value) > 1""")
        self.assertEqual(dict(self.env.cr.fetchall()), {})

    def customer_form(self):
        view = self.zh(self.lina)['res.partner'].fields_view_get(
            view_id=self.env.ref('crm_sales.res_partner_view_form_customer').id, view_type='form')
        return etree.fromstring(view['arch'])

    def test_customer_form_has_a_chinese_address(self):
        arch = self.customer_form()
        block = arch.xpath("//div[hasclass('o_address_format')]")[0]
        shown = [n.get('name') for n in block.findall('field')
                 if json.loads(n.get('modifiers') or '{}').get('invisible') is not True]
        self.assertEqual(shown, ['state_id', 'city', 'street2', 'street'])
        self.assertEqual(block.find("field[@name='state_id']").get('placeholder'), '省份')
        text = etree.tostring(arch, encoding='unicode')
        for western in ('BE0477472701', 'www.odoo.com', 'ZIP', '州/省'):
            self.assertNotIn(western, text)

    def test_lead_and_opportunity_forms_too(self):
        for xmlid in ('crm.crm_case_form_view_leads', 'crm.crm_case_form_view_oppor'):
            view = self.zh(self.lina)['crm.lead'].fields_view_get(
                view_id=self.env.ref(xmlid).id, view_type='form')
            self.assertNotIn('www.odoo.com', view['arch'], xmlid)
            arch = etree.fromstring(view['arch'])
            for block in arch.xpath("//div[hasclass('o_address_format')]"):
                self.assertEqual(block.findall('field')[0].get('name'), 'state_id', xmlid)

    def test_customer_form_hides_language_and_sales_purchases(self):
        arch = self.customer_form()
        lang = arch.xpath("//sheet/group//field[@name='lang']")[0]
        self.assertTrue(json.loads(lang.get('modifiers'))['invisible'])
        page = arch.xpath("//page[@name='sales_purchases']")[0]
        self.assertTrue(json.loads(page.get('modifiers'))['invisible'])

    def test_chinese_provinces_to_pick(self):
        provinces = self.env['res.country.state'].search([('country_id.code', '=', 'CN')])
        self.assertEqual(len(provinces), 34)
        self.assertIn('浙江省', provinces.mapped('name'))

    def test_b2b_lost_reasons_and_odoo_ones_archived(self):
        names = self.zh(self.lina)['crm.lost.reason'].search([]).mapped('name')
        for name in ('价格过高', '选择了竞争对手', '预算取消', '需求变化'):
            self.assertIn(name, names)
        for odoo_demo in ('太昂贵', 'Too expensive', "We don't have people/skills"):
            self.assertNotIn(odoo_demo, names)

    def test_odoo_demo_users_archived(self):
        for xmlid in ('base.user_demo', 'base.demo_user0'):
            user = self.env.ref(xmlid, raise_if_not_found=False)
            if user:
                self.assertFalse(user.active, xmlid)
        names = self.env['res.partner'].search([]).mapped('display_name')
        self.assertFalse([n for n in names if re.search('YourCompany|Demo User|Demo Portal', n)])
        # nor Odoo's demo mails to them (a failed-mail list would show "Demo User")
        stock = self.env.ref('base.partner_demo', raise_if_not_found=False)
        if stock:
            self.assertFalse(self.env['mail.mail'].sudo().search([
                ('state', 'in', ('outgoing', 'exception')), ('recipient_ids', 'in', stock.ids)]))


class TestExport(SalesCase):
    """导出: user-facing field list in Chinese, files named after what they hold."""

    def test_field_list_is_what_the_screens_show(self):
        Export = self.env['crm.export'].sudo(self.lina).with_context(lang='zh_CN')
        fields = self.env['res.partner'].sudo(self.lina).with_context(lang='zh_CN').fields_get()
        offered = Export._filter_export_fields('res.partner', fields)
        for name in ('name', 'customer_code', 'customer_level_id', 'phone', 'user_id', 'industry_id'):
            self.assertIn(name, offered)
        for technical in ('message_ids', 'activity_ids', 'name_normalized', 'phone_normalized',
                          'is_crm_scoped', 'crm_readonly', 'image', '__last_update', 'display_name'):
            self.assertNotIn(technical, offered)
        self.assertLess(len(offered), len(fields) * 0.6)
        self.assertEqual(offered['industry_id']['string'], '行业')

    def test_file_named_after_its_records(self):
        Export = self.env['crm.export'].sudo(self.lina).with_context(lang='zh_CN')
        customer = self.make_customer('导出命名有限公司')
        contact = self.Partner.sudo(self.lina).create({'name': '导出联系人', 'parent_id': customer.id})
        self.assertEqual(Export._export_file_name('res.partner', customer.ids), '客户')
        self.assertEqual(Export._export_file_name('res.partner', contact.ids), '联系人')
        lead = self.Lead.sudo(self.lina).create({'name': '导出线索', 'type': 'lead'})
        self.assertEqual(Export._export_file_name('crm.lead', lead.ids), '线索')
        self.assertEqual(Export._export_file_name('crm.lead', [], [('type', '=', 'opportunity')]), '商机')
        self.assertNotIn('.', Export._export_file_name('crm.follow.up', []))


class TestNewCustomerPaths(SalesCase):
    """Item 1: a customer with only a name is the user's, in her team, on every path."""

    def assertHers(self, customer):
        self.assertEqual((customer.user_id, customer.team_id), (self.lina, self.team_east))
        self.assertTrue(customer.is_crm_customer)

    def test_import_from_the_customer_list(self):
        Partner = self.Partner.sudo(self.lina).with_context(**ACTION_CONTEXT)
        result = Partner.load(['name', 'phone'], [['导入客户有限公司', '0571-88880000']])
        self.assertFalse(result['messages'], result['messages'])
        self.assertHers(self.Partner.browse(result['ids']))

    def test_quick_create_from_an_opportunity(self):
        view = self.env['crm.lead'].sudo(self.lina).fields_view_get(
            view_id=self.env.ref('crm.crm_case_form_view_oppor').id, view_type='form')
        field = etree.fromstring(view['arch']).xpath("//sheet//field[@name='partner_id']")[0]
        context = field.get('context')
        for key in ("'default_is_company': True", "'default_customer': True"):
            self.assertIn(key, context)
        # what the web client sends for the quick create, the opportunity being lina's
        Partner = self.Partner.sudo(self.lina).with_context(
            default_is_company=True, default_company_type='company', default_customer=True,
            default_user_id=self.lina.id, default_team_id=self.team_east.id)
        partner_id, _name = Partner.name_create('快速新建客户有限公司')
        self.assertHers(self.Partner.browse(partner_id))

    def test_rpc_without_context(self):
        customer = self.Partner.sudo(self.lina).create(
            {'name': '接口新建客户有限公司', 'is_company': True, 'customer': True})
        self.assertHers(customer)
