# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import CustomFieldCase


class TestCustomFieldRules(CustomFieldCase):
    """Names and types are validated (in Chinese), only the CRM administrator manages
    custom fields, crafted values reach neither ``ir.model.fields`` nor ``ir.ui.view``,
    and a field holding values is not deleted."""

    def assertRefused(self, exc, vals, contains, record=None):
        with self.assertRaises(exc) as caught:
            if record is None:
                self.Field.create(dict(dict(target='customer', field_type='char'), **vals))
            else:
                record.write(vals)
        self.assertIn(contains, caught.exception.name)
        return caught.exception.name

    def test_labels_and_options_are_validated_in_chinese(self):
        self.assertRefused(ValidationError, {'name': '  '}, '请输入自定义字段的标签')
        self.assertRefused(ValidationError, {'name': '一二三四五六七八九十一二三四五六七八九十一'},
                           '最多 20 个字符')
        self.assertRefused(ValidationError, {'name': '<b>规模</b>'}, '只能包含汉字')
        self.assertRefused(ValidationError, {'name': '客户规模'}, '已有自定义字段“客户规模”')
        self.assertRefused(ValidationError, {'name': '电话'}, '已是客户的字段')
        self.assertRefused(ValidationError, {'name': '级别', 'field_type': 'selection'},
                           '至少需要一个选项')
        self.assertRefused(ValidationError, {'name': '级别', 'field_type': 'selection',
                                             'options': 'A级\nB级\nA级'}, '选项“A级”重复')
        # the same label on another target is fine
        other = self.Field.create({'target': 'lead', 'name': '客户规模', 'field_type': 'char'})
        self.assertTrue(other.field_name)

    def test_type_and_target_cannot_change(self):
        self.assertRefused(UserError, {'field_type': 'integer'}, '类型创建后不能更改',
                           record=self.f_char)
        self.assertRefused(UserError, {'target': 'lead'}, '创建后不能更改', record=self.f_char)
        self.assertEqual(self.f_char.ir_field_id.ttype, 'char')

    def test_options_keep_their_keys_and_an_option_in_use_stays(self):
        customer = self.env['res.partner'].sudo(self.lina).create({
            'name': '选项测试有限公司', 'is_company': True, 'customer': True,
            self.f_sel.field_name: 'o1'})
        self.f_sel.write({'options': '大型\n中型\n小型\n微型'})
        self.assertEqual(self.f_sel._crm_option_pairs(),
                         [('o1', '大型'), ('o2', '中型'), ('o3', '小型'), ('o4', '微型')])
        self.f_sel.write({'options': '大型\n中型\n微型'})   # 小型 unused: removed
        selection = self.env['res.partner'].with_context(lang='zh_CN').fields_get(
            [self.f_sel.field_name])[self.f_sel.field_name]['selection']
        self.assertEqual([tuple(s) for s in selection], [('o1', '大型'), ('o2', '中型'), ('o4', '微型')])
        self.assertRefused(UserError, {'options': '中型\n微型'}, '“大型”已被 1 条记录选用',
                           record=self.f_sel)
        self.assertEqual(customer[self.f_sel.field_name], 'o1')

    def test_only_the_crm_administrator_manages_custom_fields(self):
        for user in (self.lina, self.zhangwei, self.sunqiang, self.wugang):
            Field = self.env['crm.custom.field'].sudo(user).with_context(lang='zh_CN')
            with self.assertRaises(AccessError) as caught:
                Field.create({'target': 'customer', 'name': '越权字段', 'field_type': 'char'})
            self.assertIn('只有 CRM 管理员', caught.exception.name)
            with self.assertRaises(AccessError):
                Field.browse(self.f_char.id).write({'name': '越权改名'})
            with self.assertRaises(AccessError):
                Field.browse(self.f_char.id).unlink()
        self.assertEqual(self.f_char.name, '客户简称')
        self.assertFalse(self.env['ir.model.fields'].search([('field_description', '=', '越权字段')]))

    def test_crafted_values_never_reach_the_odoo_field_or_views(self):
        for crafted in ({'field_name': 'x_evil'},
                        {'ir_field_id': self.f_char.ir_field_id.id},
                        {'view_ids': [(6, 0, self.f_char.view_ids.ids)]},
                        {'option_keys': '[["x", "y"]]'}):
            with self.assertRaises(AccessError):
                self.Field.create(dict(target='customer', name='伪造字段', field_type='char',
                                       **crafted))
            with self.assertRaises(AccessError):
                self.f_int.write(crafted)
        # keys that are no field of crm.custom.field are ignored by the ORM (and refused
        # over RPC, tests/e2e/test_custom_field_rpc.py)
        field = self.Field.create({
            'target': 'customer', 'name': '安全字段', 'field_type': 'char',
            'model': 'res.users', 'compute': "self.env.cr.execute('drop table x')",
            'related': 'user_id.password', 'groups': 'base.group_system',
            'arch': '<field name="password"/>'})
        ir_field = field.ir_field_id
        self.assertEqual(ir_field.name, 'x_crm_%d' % field.id)
        self.assertEqual((ir_field.model, ir_field.state), ('res.partner', 'manual'))
        self.assertFalse(ir_field.compute or ir_field.related or ir_field.groups)
        for view in field.sudo().view_ids:
            self.assertNotIn('password', view.arch_db)
        # the field name inside views never comes from the label
        tricky = self.Field.create({'target': 'lead', 'name': 'VIP/重点 (A-1)', 'field_type': 'boolean'})
        search, _f = self.view(self.lina, 'lead', 'search')
        node = search.xpath("//filter[@name='crm_custom_%s']" % tricky.field_name)[0]
        self.assertEqual(node.get('string'), 'VIP/重点 (A-1)')
        self.assertEqual(node.get('domain'), "[('%s', '=', True)]" % tricky.field_name)

    def test_a_field_holding_values_is_not_deleted(self):
        customer = self.env['res.partner'].sudo(self.lina).create({
            'name': '删除测试有限公司', 'is_company': True, 'customer': True,
            self.f_text.field_name: '重要'})
        with self.assertRaises(UserError) as caught:
            self.f_text.unlink()
        self.assertIn('1 条记录有值', caught.exception.name)
        self.assertEqual(customer[self.f_text.field_name], '重要')
        # an empty one goes with its column and screens
        name, views = self.f_float.field_name, self.f_float.sudo().view_ids
        self.f_float.unlink()
        self.assertNotIn(name, self.env['res.partner']._fields)
        self.assertFalse(views.exists())
        form, _f = self.view(self.lina, 'customer', 'form')
        self.assertFalse(self.field_nodes(form, name))

    def test_the_guard_type_checks_custom_values(self):
        Guard = self.env['crm.guard'].sudo(self.lina).with_context(lang='zh_CN')
        with self.assertRaises(UserError) as caught:
            Guard._check_vals('res.partner', {self.f_int.field_name: '二百五'})
        self.assertIn('门店数量', caught.exception.name)
        with self.assertRaises(UserError):
            Guard._check_vals('res.partner', {self.f_sel.field_name: 'o9'})
        with self.assertRaises(UserError):
            Guard._check_vals('res.partner', {self.f_date.field_name: '明天'})
        Guard._check_vals('res.partner', {self.f_int.field_name: 250,
                                          self.f_sel.field_name: 'o1'})
