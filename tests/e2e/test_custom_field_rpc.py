"""Custom fields (自定义字段, crm_custom_field) over XML-RPC: zhoutao adds one, lina uses it
at once (another worker reloads its registry), bad values and crafted definitions get
clear errors in Chinese, other roles are refused."""
import time

import pytest


@pytest.fixture(scope='module')
def suffix():
    return '%d' % int(time.time() * 1000 % 10 ** 6)


@pytest.fixture(scope='module')
def zhoutao(rpc):
    return rpc('zhoutao')


@pytest.fixture(scope='module')
def fields_added(zhoutao, suffix):
    added = {}
    for key, label, ftype, options in (('int', '人数' + suffix, 'integer', False),
                                       ('sel', '规模' + suffix, 'selection', '大\n中\n小')):
        fid = zhoutao.call('crm.custom.field', 'create', {
            'target': 'customer', 'name': label, 'field_type': ftype, 'options': options})
        added[key] = zhoutao.call('crm.custom.field', 'read', [fid],
                                  ['field_name', 'name'])[0]
    yield added
    # leave nothing on the screens of the suites that follow (values are kept)
    zhoutao.call('crm.custom.field', 'write', [f['id'] for f in added.values()],
                 {'active': False})


def test_added_field_is_used_at_once_by_the_salesperson(rpc, fields_added, suffix):
    lina = rpc('lina')
    name = fields_added['int']['field_name']
    sel = fields_added['sel']['field_name']
    desc = lina.call('res.partner', 'fields_get', [name, sel], attributes=['string', 'selection'])
    assert desc[name]['string'] == '人数' + suffix
    assert [tuple(s) for s in desc[sel]['selection']] == [('o1', '大'), ('o2', '中'), ('o3', '小')]
    pid = lina.call('res.partner', 'create', {
        'name': 'RPC 自定义字段客户 %s' % suffix, 'is_company': True, 'customer': True,
        name: 120, sel: 'o3'})
    assert lina.call('res.partner', 'read', [pid], [name, sel])[0][name] == 120
    assert lina.call('res.partner', 'search_count', [(sel, '=', 'o3'), ('id', '=', pid)]) == 1
    groups = lina.call('res.partner', 'read_group', [('id', '=', pid)], [sel], [sel])
    assert groups[0][sel] == 'o3'
    # export (Odoo's export_data) as the salesperson
    rows = lina.call('res.partner', 'export_data', [pid], ['name', name, sel])['datas']
    assert rows[0][1:] == ['120', '小'] or rows[0][1:] == [120, '小']


def test_a_text_into_a_number_field_is_a_clear_error(rpc, fields_added, suffix):
    lina = rpc('lina')
    name = fields_added['int']['field_name']
    sel = fields_added['sel']['field_name']
    pid = lina.call('res.partner', 'create', {
        'name': 'RPC 类型检查客户 %s' % suffix, 'is_company': True, 'customer': True})
    fault = lina.fault('res.partner', 'write', [pid], {name: '一百二十'})
    assert '"人数%s"' % suffix in fault.faultString and '不是有效的值' in fault.faultString
    assert 'Traceback' not in fault.faultString
    fault = lina.fault('res.partner', 'write', [pid], {sel: 'o7'})
    assert '不是允许的值' in fault.faultString
    fault = lina.fault('res.partner', 'create', {
        'name': 'RPC 类型检查客户二 %s' % suffix, 'is_company': True, 'customer': True,
        name: 1.5})
    assert '不是有效的值' in fault.faultString
    assert lina.call('res.partner', 'read', [pid], [name])[0][name] in (0, False)


def test_only_the_crm_administrator_adds_custom_fields(rpc, fields_added):
    for login in ('lina', 'zhangwei', 'sunqiang', 'wugang', 'xuli'):
        user = rpc(login)
        fault = user.fault('crm.custom.field', 'create', {
            'target': 'customer', 'name': '越权', 'field_type': 'char'})
        assert fault.faultCode == 4 or 'AccessError' in fault.faultString, login
        assert '只有 CRM 管理员' in fault.faultString or '不允许' in fault.faultString, login
        fault = user.fault('crm.custom.field', 'write', [fields_added['int']['id']],
                           {'name': '越权改名'})
        assert 'Traceback' not in fault.faultString


def test_crafted_definitions_are_refused(zhoutao, fields_added, suffix):
    for crafted in ({'arch': '<field name="password"/>'}, {'compute': 'x'},
                    {'related': 'user_id.password'}, {'groups': 'base.group_system'},
                    {'model': 'res.users'}):
        fault = zhoutao.fault('crm.custom.field', 'create', dict(
            target='customer', name='伪造' + suffix, field_type='char', **crafted))
        assert '没有字段' in fault.faultString, crafted
    for crafted in ({'field_name': 'x_evil'}, {'view_ids': [(6, 0, [1])]},
                    {'ir_field_id': 1}, {'option_keys': '[["o1", "x"]]'}):
        fault = zhoutao.fault('crm.custom.field', 'write', [fields_added['int']['id']], crafted)
        assert '不能直接修改' in fault.faultString, crafted
    assert zhoutao.call('crm.custom.field', 'search_count', [('name', '=', '伪造' + suffix)]) == 0
    # validation in Chinese
    fault = zhoutao.fault('crm.custom.field', 'create', {
        'target': 'customer', 'name': '<script>', 'field_type': 'char'})
    assert '只能包含汉字' in fault.faultString
    fault = zhoutao.fault('crm.custom.field', 'write', [fields_added['int']['id']],
                          {'field_type': 'char'})
    assert '类型创建后不能更改' in fault.faultString


def test_archived_field_keeps_its_data_and_comes_back(rpc, zhoutao, suffix):
    lina = rpc('lina')
    fid = zhoutao.call('crm.custom.field', 'create', {
        'target': 'customer', 'name': '归档' + suffix, 'field_type': 'char'})
    name = zhoutao.call('crm.custom.field', 'read', [fid], ['field_name'])[0]['field_name']
    pid = lina.call('res.partner', 'create', {
        'name': 'RPC 归档客户 %s' % suffix, 'is_company': True, 'customer': True, name: '保留'})
    fault = zhoutao.fault('crm.custom.field', 'unlink', [fid])
    assert '不能删除' in fault.faultString
    zhoutao.call('crm.custom.field', 'write', [fid], {'active': False})
    form = lina.call('res.partner', 'fields_view_get',
                     lina.ref('crm_sales.res_partner_view_form_customer'), 'form')
    assert name not in form['arch']
    assert lina.call('res.partner', 'read', [pid], [name])[0][name] == '保留'
    zhoutao.call('crm.custom.field', 'write', [fid], {'active': True})
    form = lina.call('res.partner', 'fields_view_get',
                     lina.ref('crm_sales.res_partner_view_form_customer'), 'form')
    assert name in form['arch']
    zhoutao.call('crm.custom.field', 'write', [fid], {'active': False})
