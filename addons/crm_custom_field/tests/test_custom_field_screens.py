# -*- coding: utf-8 -*-
import json

from .common import CustomFieldCase


class TestCustomFieldScreens(CustomFieldCase):
    """A custom field appears at once on the form, the list, the search and the export
    of what it applies to, in Chinese, for the salesperson."""

    def customer_fields(self):
        return (self.f_char, self.f_text, self.f_int, self.f_float, self.f_date,
                self.f_bool, self.f_sel)

    def test_every_type_on_the_customer_form_list_and_search(self):
        form, form_fields = self.view(self.lina, 'customer', 'form')
        tree, _tree_fields = self.view(self.lina, 'customer', 'tree')
        search, _search_fields = self.view(self.lina, 'customer', 'search')
        page = form.xpath("//page[@name='crm_custom_fields_customer']")
        self.assertEqual(len(page), 1)
        self.assertEqual(page[0].get('string'), '自定义字段')
        for cf in self.customer_fields():
            name = cf.field_name
            self.assertTrue(name.startswith('x_crm_'))
            nodes = page[0].xpath(".//field[@name='%s']" % name)
            self.assertEqual(len(nodes), 1, cf.name)
            # hidden on the contacts that share the form
            self.assertEqual(json.loads(nodes[0].get('modifiers'))['invisible'],
                             [['is_company', '=', False]])
            self.assertEqual(form_fields[name]['string'], cf.name)
            self.assertEqual(len(self.field_nodes(tree, name)), 1, cf.name)
        for cf in (self.f_char, self.f_text, self.f_int, self.f_float, self.f_date, self.f_sel):
            self.assertEqual(len(self.field_nodes(search, cf.field_name)), 1, cf.name)
        groupbys = {f.get('string'): f.get('context') for f in search.iter('filter')
                    if 'group_by' in (f.get('context') or '')}
        for cf in (self.f_bool, self.f_sel, self.f_date):
            self.assertIn(cf.field_name, groupbys[cf.name])
        yes_filter = search.xpath("//filter[@name='crm_custom_%s']" % self.f_bool.field_name)
        self.assertEqual(yes_filter[0].get('string'), '重点客户')

    def test_values_are_saved_and_read_by_the_salesperson(self):
        customer = self.env['res.partner'].sudo(self.lina).create({
            'name': '上海自定义科技有限公司', 'is_company': True, 'customer': True,
            self.f_char.field_name: '自定义科技', self.f_text.field_name: '第一行\n第二行',
            self.f_int.field_name: 250, self.f_float.field_name: 1234.5,
            self.f_date.field_name: '2026-07-01', self.f_bool.field_name: True,
            self.f_sel.field_name: 'o2'})
        values = customer.with_context(lang='zh_CN').read(
            [cf.field_name for cf in self.customer_fields()])[0]
        self.assertEqual(values[self.f_char.field_name], '自定义科技')
        self.assertEqual(values[self.f_text.field_name], '第一行\n第二行')
        self.assertEqual(values[self.f_int.field_name], 250)
        self.assertEqual(values[self.f_float.field_name], 1234.5)
        self.assertEqual(values[self.f_date.field_name], '2026-07-01')
        self.assertIs(values[self.f_bool.field_name], True)
        self.assertEqual(values[self.f_sel.field_name], 'o2')
        selection = self.env['res.partner'].sudo(self.lina).with_context(lang='zh_CN').fields_get(
            [self.f_sel.field_name])[self.f_sel.field_name]['selection']
        self.assertEqual(selection, [['o1', '大型'], ['o2', '中型'], ['o3', '小型']]
                         if isinstance(selection[0], list) else
                         [('o1', '大型'), ('o2', '中型'), ('o3', '小型')])
        # the search finds it, as the list's filters do
        found = self.env['res.partner'].sudo(self.lina).search(
            [(self.f_sel.field_name, '=', 'o2')])
        self.assertEqual(found, customer)
        self.assertEqual(self.f_sel.value_count, 1)

    def test_each_target_on_its_own_screens_only(self):
        lead_form, _f = self.view(self.lina, 'lead', 'form')
        opp_form, _f = self.view(self.lina, 'opportunity', 'form')
        lead_tree, _f = self.view(self.lina, 'lead', 'tree')
        opp_search, _f = self.view(self.lina, 'opportunity', 'search')
        contact_tree, _f = self.view(self.lina, 'contact', 'tree')
        customer_form, _f = self.view(self.lina, 'customer', 'form')
        self.assertTrue(self.field_nodes(lead_form, self.f_lead.field_name))
        self.assertFalse(self.field_nodes(opp_form, self.f_lead.field_name))
        self.assertTrue(self.field_nodes(opp_form, self.f_opp.field_name))
        self.assertFalse(self.field_nodes(lead_form, self.f_opp.field_name))
        self.assertTrue(self.field_nodes(lead_tree, self.f_lead.field_name))
        self.assertTrue(self.field_nodes(opp_search, self.f_opp.field_name))
        self.assertTrue(self.field_nodes(contact_tree, self.f_contact.field_name))
        contact_node = self.field_nodes(customer_form, self.f_contact.field_name)[0]
        self.assertEqual(json.loads(contact_node.get('modifiers'))['invisible'],
                         [['is_company', '=', True]])
        if self.f_contract:
            contract_form, fields_ = self.view(self.lina, 'contract', 'form')
            self.assertTrue(self.field_nodes(contract_form, self.f_contract.field_name))
            self.assertEqual(fields_[self.f_contract.field_name]['string'], '归档日期')

    def test_export_dialog_lists_the_field_in_chinese(self):
        Partner = self.env['res.partner'].sudo(self.lina).with_context(lang='zh_CN')
        offered = self.env['crm.export'].sudo(self.lina).with_context(lang='zh_CN') \
            ._filter_export_fields('res.partner', Partner.fields_get())
        for cf in self.customer_fields() + (self.f_contact,):
            self.assertEqual(offered[cf.field_name]['string'], cf.name)
        Lead = self.env['crm.lead'].sudo(self.lina).with_context(lang='zh_CN')
        offered = self.env['crm.export'].sudo(self.lina).with_context(lang='zh_CN') \
            ._filter_export_fields('crm.lead', Lead.fields_get())
        self.assertEqual(offered[self.f_lead.field_name]['string'], '展会名称')
        self.assertEqual(offered[self.f_opp.field_name]['string'], '竞争对手')

    def test_required_on_form_and_label_change_follow(self):
        self.f_char.write({'required_on_form': True, 'name': '客户简写'})
        form, fields_ = self.view(self.lina, 'customer', 'form')
        node = self.field_nodes(form, self.f_char.field_name)[0]
        self.assertIs(json.loads(node.get('modifiers'))['required'], True)
        self.assertEqual(fields_[self.f_char.field_name]['string'], '客户简写')
        search, _f = self.view(self.lina, 'customer', 'search')
        self.f_bool.write({'name': '重要客户'})
        search, _f = self.view(self.lina, 'customer', 'search')
        yes_filter = search.xpath("//filter[@name='crm_custom_%s']" % self.f_bool.field_name)
        self.assertEqual(yes_filter[0].get('string'), '重要客户')

    def test_archiving_hides_the_field_and_keeps_its_values(self):
        customer = self.env['res.partner'].sudo(self.lina).create({
            'name': '杭州归档测试有限公司', 'is_company': True, 'customer': True,
            self.f_int.field_name: 88})
        self.f_int.write({'active': False})
        for kind in ('form', 'tree', 'search'):
            arch, _f = self.view(self.lina, 'customer', kind)
            self.assertFalse(self.field_nodes(arch, self.f_int.field_name), kind)
        self.assertEqual(customer.read([self.f_int.field_name])[0][self.f_int.field_name], 88)
        # the only contact field archived: its page goes too
        self.f_contact.write({'active': False})
        form, _f = self.view(self.lina, 'customer', 'form')
        self.assertFalse(form.xpath("//page[@name='crm_custom_fields_contact']"))
        self.assertTrue(form.xpath("//page[@name='crm_custom_fields_customer']"))
        self.f_int.write({'active': True})
        self.f_contact.toggle_active()
        for kind in ('form', 'tree', 'search'):
            arch, _f = self.view(self.lina, 'customer', kind)
            self.assertTrue(self.field_nodes(arch, self.f_int.field_name), kind)
        form, _f = self.view(self.lina, 'customer', 'form')
        self.assertTrue(form.xpath("//page[@name='crm_custom_fields_contact']"))
        self.assertEqual(customer.read([self.f_int.field_name])[0][self.f_int.field_name], 88)
