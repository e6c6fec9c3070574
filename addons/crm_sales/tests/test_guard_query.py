# -*- coding: utf-8 -*-
"""Bad queries at the RPC boundary (``api.call_kw``, as XML-RPC, JSON-RPC and the web
client call it): a clear Chinese UserError instead of a traceback, nothing written."""
import re

from odoo import api
from odoo.exceptions import UserError

from .sales_common import SalesCase

CJK = re.compile('[\u4e00-\u9fff]')


class TestGuardQuery(SalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestGuardQuery, cls).setUpClass()
        cls.customer = cls.make_customer('查询守卫测试客户')
        cls.lead = cls.Lead.sudo(cls.lina).create({
            'name': '查询守卫测试商机', 'type': 'opportunity', 'partner_id': cls.customer.id,
            'planned_revenue': 5000.0})

    def call(self, model, method, *args, **kwargs):
        """A call as lina through the RPC boundary, without a context (as XML-RPC)."""
        return api.call_kw(self.env(user=self.lina.id, context={})[model], method,
                           list(args), kwargs)

    def assertRefused(self, model, method, *args, **kwargs):
        expect = kwargs.pop('expect', None)
        with self.assertRaises(UserError) as info:
            self.call(model, method, *args, **kwargs)
        message = info.exception.name
        self.assertTrue(CJK.search(message), message)
        if expect:
            self.assertIn(expect, message)
        return message

    # ------------------------------------------------------------------ domains
    def test_bad_search_filters_are_refused(self):
        bad = [
            ('not a list', '搜索条件必须是条件列表'),
            ({'name': 'x'}, '搜索条件必须是条件列表'),
            ([('no_such_field', '=', 1)], '没有字段“no_such_field”'),
            ([('partner_id.no_such_field', '=', 1)], '没有字段“no_such_field”'),
            ([('name.foo', '=', 1)], '不是有效的字段路径'),
            ([('name', 'bad', 'x')], '不是有效的搜索运算符'),
            ([('name', '=')], '不是有效的搜索条件'),
            (['|', ('name', '=', 'x')], '搜索条件不完整'),
            ([42], '不是有效的搜索条件'),
            ([('name', '=', {'a': 1})], '不是用“=”搜索时的有效值'),
            ([('planned_revenue', '>', 'abc')], '不是用“>”搜索时的有效值'),
            ([('id', 'in', 5)], '不是用“in”搜索时的有效值'),
            ([('create_date', '>', 'garbage')], '不是有效的'),
            ([('date_deadline', '=', '2026-13-45')], '不是有效的'),
            ([('name', 'child_of', 1)], '不是用“child_of”搜索时的有效值'),
        ]
        for domain, expect in bad:
            self.assertRefused('crm.lead', 'search', domain, expect=expect)
            self.assertRefused('crm.lead', 'search_count', domain, expect=expect)
        # the same checks on a model outside the CRM reached through its screens
        self.assertRefused('res.users', 'search', [('no_such_field', '=', 1)],
                           expect='没有字段“no_such_field”')

    def test_good_search_filters_still_work(self):
        ids = self.call('crm.lead', 'search', ['|', ('name', 'ilike', '查询守卫'),
                                               ('partner_id', '=', '查询守卫测试客户'),
                                               ('planned_revenue', '>', '100'),
                                               ('create_date', '>', '2000-01-01'),
                                               ('tag_ids', 'not in', 999999),
                                               ('partner_id', 'child_of', self.customer.id)])
        self.assertIn(self.lead.id, ids)

    # ------------------------------------------------------------------ order, limits
    def test_bad_order_limit_offset_are_refused(self):
        for order in ('no_such_field', 'name; DROP TABLE crm_lead', 'name sideways', 42):
            self.assertRefused('crm.lead', 'search', [], order=order, expect='不是有效的排序')
        for kw in ({'limit': -1}, {'limit': 'abc'}, {'offset': -5}, {'offset': '1'},
                   {'limit': 1.5}):
            self.assertRefused('crm.lead', 'search_read', [], ['name'],
                               expect='必须是大于或等于 0 的整数', **kw)
        self.assertEqual(self.call('crm.lead', 'search', [('id', '=', self.lead.id)],
                                   order='name desc, id', limit=1, offset=0), [self.lead.id])

    # ------------------------------------------------------------------ fields, group-bys
    def test_bad_fields_and_group_bys_are_refused(self):
        self.assertRefused('crm.lead', 'read', [self.lead.id], ['no_such_field'],
                           expect='没有字段“no_such_field”')
        self.assertRefused('crm.lead', 'search_read', [], 'name', expect='要读取的字段必须是')
        self.assertRefused('crm.lead', 'export_data', [self.lead.id], ['partner_id/no_such'],
                           expect='没有字段“no_such”')
        self.assertRefused('crm.lead', 'read_group', [], ['name'], ['stage_id'],
                           expect='也需要把它列入要读取的字段')
        self.assertRefused('crm.lead', 'read_group', [], ['create_date'],
                           ['create_date:century'], expect='不是有效的分组')
        self.assertRefused('crm.lead', 'read_group', [], ['name'], ['name:day'],
                           expect='不是有效的分组')
        self.assertRefused('crm.lead', 'read_group', [], ['stage_id'], ['stage_id'],
                           orderby='stage_id; DROP', expect='不是有效的排序')
        self.assertRefused('crm.lead', 'read_group', [], ['id'], ['id'], expect='不能用于分组')
        self.assertRefused('crm.lead', 'search', [('duplicate_warning', '=', 'x')],
                           expect='不能用于搜索记录')
        rows = self.call('crm.lead', 'read_group', [('id', '=', self.lead.id)],
                         ['stage_id', 'planned_revenue'], ['stage_id'], orderby='stage_id desc')
        # the web client's list grouped twice: lazy, only the first group-by is read now
        self.call('crm.lead', 'read_group', [], ['name', 'stage_id'], ['stage_id', 'user_id'],
                  orderby='stage_id', lazy=True)
        # (every stage comes back, the empty ones too)
        self.assertEqual([r['planned_revenue'] for r in rows if r['stage_id_count']], [5000.0])

    def test_read_group_without_group_by_on_nothing_answers_no_none(self):
        """XML-RPC cannot send None: the totals of an empty set come back as False."""
        rows = self.call('crm.lead', 'read_group', [('id', '=', -1)], ['planned_revenue'], [])
        self.assertEqual(len(rows), 1)
        self.assertNotIn(None, rows[0].values())
        self.assertEqual(rows[0]['__count'], 0)

    def test_bad_name_search_and_copy_default_are_refused(self):
        self.assertRefused('crm.lead', 'name_search', 'x', operator='bad',
                           expect='不是有效的搜索运算符')
        self.assertRefused('crm.lead', 'name_search', 'x', operator='in',
                           expect='不是有效的搜索运算符')
        count = self.Lead.sudo().search_count([])
        self.assertRefused('crm.lead', 'copy', [self.lead.id], 'x', expect='必须是以字段名为键的字典')
        self.assertRefused('crm.lead', 'copy', [self.lead.id], {'no_such_field': 1},
                           expect='没有字段“no_such_field”')
        self.assertEqual(self.Lead.sudo().search_count([]), count)

    # ------------------------------------------------------------------ values
    def test_amounts_beyond_bounds_are_refused_on_every_path(self):
        count = self.Lead.sudo().search_count([])
        self.assertRefused('crm.lead', 'create', {'name': '巨额商机', 'type': 'opportunity'},
                           context={'default_planned_revenue': 1e28}, expect='1e+28')
        self.assertRefused('crm.lead', 'load', ['name', 'planned_revenue'],
                           [['巨额导入', '1e28']], expect='1e28')
        self.assertRefused('crm.lead', 'copy', [self.lead.id], {'planned_revenue': 1e28},
                           expect='1e+28')
        self.assertEqual(self.Lead.sudo().search_count([]), count)
        self.assertEqual(self.lead.planned_revenue, 5000.0)

    def test_blank_names_are_refused(self):
        count = self.Lead.sudo().search_count([])
        self.assertRefused('crm.lead', 'create', {'name': '   ', 'type': 'opportunity'},
                           expect='请填写')
        self.assertRefused('crm.lead', 'write', [self.lead.id], {'name': ' \t '}, expect='请填写')
        self.assertRefused('crm.lead', 'name_create', '   ', expect='请填写')
        self.assertRefused('res.partner', 'create', {'name': '  ', 'is_company': True},
                           expect='请填写')
        self.assertEqual(self.Lead.sudo().search_count([]), count)
        self.assertEqual(self.lead.name, '查询守卫测试商机')

    # ------------------------------------------------------------------ language
    def test_labels_and_messages_come_in_the_users_language(self):
        """Without a context (XML-RPC) fields_get answers in the user's language; with a
        context naming the language (odoorpc sends the user's), so do the checks."""
        labels = self.call('crm.lead', 'fields_get', ['stage_id'], attributes=['string'])
        self.assertEqual(labels['stage_id']['string'], '阶段')
        message = self.assertRefused('crm.lead', 'search', [('x', '=', 1)],
                                     context={'lang': 'zh_CN', 'tz': 'Asia/Shanghai'})
        self.assertIn('线索/商机', message)
