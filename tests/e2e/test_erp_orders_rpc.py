"""ERP orders over XML-RPC (crm_product, crm_member_product): the CRM administrator gives
the ERP's login its right in 成员管理; the ERP pushes a customer's orders in bulk
(crm.erp.order.crm_push_orders), bad rows come back with their reason in Chinese and the
good ones are kept, pushing again replaces; lina reads the orders of her customers only
and cannot push or edit; the right is taken back by changing the role, and only the CRM
administrator may give or take it."""
import re
import time

import pytest

PASSWORD = 'Yunfan#2026'
CJK = re.compile('[\u4e00-\u9fff]')


@pytest.fixture(scope='module')
def suffix():
    return '%d' % int(time.time() * 1000 % 10 ** 9)


@pytest.fixture(scope='module')
def customers(admin, rpc, suffix):
    """lina's demo customer (with its code) and a customer of yanglei (华南)."""
    lina = admin.ref('crm_sales.user_sales_east_1')
    own = admin.ref('crm_sales.demo_customer_01')
    row = admin.call('res.partner', 'read', [own], ['customer_code', 'user_id'])[0]
    assert row['user_id'][0] == lina and row['customer_code']
    yanglei = rpc('yanglei').uid
    foreign = admin.call('res.partner', 'create', {
        'name': 'E2E 订单 华南客户 %s' % suffix, 'is_company': True, 'customer': True,
        'user_id': yanglei, 'team_id': admin.ref('crm_sales.team_south')})
    return {'own': own, 'own_code': row['customer_code'], 'foreign': foreign}


@pytest.fixture(scope='module')
def erp(rpc, suffix):
    """The ERP's login, added by zhoutao in 成员管理 with the role ERP 接口."""
    zhoutao = rpc('zhoutao')
    login = 'rpc_erp_%s' % suffix
    wid = zhoutao.call('crm.member.add', 'create', {
        'name': 'ERP 对接 %s' % suffix, 'login': login, 'password': PASSWORD,
        'email': '%s@yunfan-tech.cn' % login,
        'role_id': zhoutao.ref('crm_member_product.role_erp_sync')})
    uid = zhoutao.call('crm.member.add', 'action_confirm', [wid])['res_id']
    role = zhoutao.call('res.users', 'read', [uid], ['crm_role_id'])[0]['crm_role_id']
    assert role[1] == 'ERP 接口'
    return {'uid': uid, 'session': rpc(login, PASSWORD), 'login': login}


def _orders(suffix, customers, tag):
    return [
        {'number': 'E2E-%s-%s-1' % (tag, suffix), 'customer_code': customers['own_code'],
         'date': '2026-05-20', 'state': '已发货',
         'lines': [{'code': 'HW-IG800', 'qty': 2, 'price': 17000.0},
                   {'code': 'E2E-NO-SUCH', 'name': '安装服务', 'qty': 1, 'price': 800}]},
        {'number': 'E2E-%s-%s-2' % (tag, suffix), 'customer_id': customers['foreign'],
         'date': '2026-06-01', 'lines': [{'code': 'HW-EC100', 'qty': 5, 'price': 900}]},
    ]


def test_erp_pushes_orders_bad_rows_reported_in_chinese(erp, customers, suffix, admin):
    session = erp['session']
    good = _orders(suffix, customers, 'A')
    bad = [
        ['not', 'an', 'order'],
        {'number': 'E2E-A-%s-3' % suffix, 'customer_code': 'E2E-无此客户', 'date': '2026-06-01'},
        {'number': 'E2E-A-%s-4' % suffix, 'customer_code': customers['own_code'],
         'date': '2026-13-01'},
        {'number': 'E2E-A-%s-5' % suffix, 'customer_code': customers['own_code'],
         'date': '2026-06-01', 'lines': [{'code': 'HW-IG800', 'qty': 'many', 'price': 1}]},
    ]
    result = session.call('crm.erp.order', 'crm_push_orders', good + bad)
    assert (result['created'], result['updated']) == (2, 0), result
    assert result['unknown_products'] == ['E2E-NO-SUCH']
    assert [e['row'] for e in result['errors']] == [3, 4, 5, 6]
    assert all(CJK.search(e['reason']) for e in result['errors']), result['errors']
    assert 'E2E-无此客户' in result['errors'][1]['reason']
    numbers = [o['number'] for o in good]
    rows = admin.call('crm.erp.order', 'search_read', [('name', 'like', 'E2E-A-%s-' % suffix)],
                      ['name', 'amount_total', 'synced_at', 'line_ids'], order='name')
    assert [r['name'] for r in rows] == numbers, 'the good rows are kept, the bad ones not'
    assert rows[0]['amount_total'] == 34800.0 and len(rows[0]['line_ids']) == 2
    assert rows[0]['synced_at'] == result['synced_at']
    # pushed again: replaced, not doubled
    again = session.call('crm.erp.order', 'crm_push_orders', good)
    assert (again['created'], again['updated'], again['errors']) == (0, 2, [])
    assert admin.call('crm.erp.order.line', 'search_count',
                      [('order_id.name', 'in', numbers)]) == 3
    # a malformed call is refused whole, in Chinese
    fault = session.fault('crm.erp.order', 'crm_push_orders', 'E2E-A-1')
    assert fault.faultCode == 2 and CJK.search(fault.faultString), fault.faultString
    assert 'Traceback' not in fault.faultString


def test_lina_reads_only_her_customers_orders_and_cannot_push(erp, customers, suffix, rpc):
    erp['session'].call('crm.erp.order', 'crm_push_orders', _orders(suffix, customers, 'B'))
    own, foreign = ('E2E-B-%s-1' % suffix, 'E2E-B-%s-2' % suffix)
    lina = rpc('lina')
    seen = lina.call('crm.erp.order', 'search_read', [('name', 'like', 'E2E-B-%s-' % suffix)],
                     ['name', 'partner_id', 'line_ids'])
    assert [r['name'] for r in seen] == [own]
    lines = lina.call('crm.erp.order.line', 'search_read',
                      [('order_id.name', 'like', 'E2E-B-%s-' % suffix)], ['product_code'])
    assert sorted(l['product_code'] for l in lines) == ['E2E-NO-SUCH', 'HW-IG800']
    row = lina.call('res.partner', 'read', [customers['own']],
                    ['crm_erp_order_count', 'crm_erp_synced_at'])[0]
    assert row['crm_erp_order_count'] >= 1 and row['crm_erp_synced_at']
    foreign_id = rpc('zhoutao').call('crm.erp.order', 'search', [('name', '=', foreign)])
    fault = lina.fault('crm.erp.order', 'read', foreign_id, ['name'])
    assert fault.faultCode == 4 and CJK.search(fault.faultString)
    for login in ('zhangwei', 'wugang', 'sunqiang'):
        names = {r['name'] for r in rpc(login).call(
            'crm.erp.order', 'search_read', [('name', 'like', 'E2E-B-%s-' % suffix)], ['name'])}
        assert own in names, login
    assert not rpc('zhangwei').call('crm.erp.order', 'search', [('name', '=', foreign)])
    # lina can neither push nor edit
    fault = lina.fault('crm.erp.order', 'crm_push_orders', _orders(suffix, customers, 'C'))
    assert fault.faultCode == 4 and CJK.search(fault.faultString), fault.faultString
    mine = lina.call('crm.erp.order', 'search', [('name', '=', own)])
    fault = lina.fault('crm.erp.order', 'write', mine, {'state': '已取消'})
    assert fault.faultCode == 4 and CJK.search(fault.faultString)
    fault = lina.fault('crm.erp.order', 'unlink', mine)
    assert fault.faultCode == 4
    assert rpc('zhoutao').call('crm.erp.order', 'search_count',
                               [('name', 'like', 'E2E-C-%s-' % suffix)]) == 0


def test_only_zhoutao_grants_and_takes_the_right(erp, customers, suffix, rpc, admin):
    zhoutao, lina = rpc('zhoutao'), rpc('lina')
    role_erp = zhoutao.ref('crm_member_product.role_erp_sync')
    role_sales = zhoutao.ref('crm_member.role_salesman')
    # lina cannot give herself the right, nor take it from the ERP's login
    for target, role in ((lina.uid, role_erp), (erp['uid'], role_sales)):
        wid = lina.call('crm.member.edit', 'create', {'user_id': target, 'role_id': role})
        fault = lina.fault('crm.member.edit', 'action_confirm', [wid])
        assert fault.faultCode == 4 and '只有 CRM 管理员可以管理成员' in fault.faultString
    fault = lina.fault('crm.erp.order', 'crm_push_orders', [])
    assert fault.faultCode == 4
    # zhoutao takes it (another role): the ERP's login can no longer push
    wid = zhoutao.call('crm.member.edit', 'create', {'user_id': erp['uid'], 'role_id': role_sales})
    zhoutao.call('crm.member.edit', 'action_confirm', [wid])
    fault = erp['session'].fault('crm.erp.order', 'crm_push_orders', _orders(suffix, customers, 'D'))
    assert fault.faultCode == 4 and CJK.search(fault.faultString)
    # and gives it back
    wid = zhoutao.call('crm.member.edit', 'create', {'user_id': erp['uid'], 'role_id': role_erp})
    zhoutao.call('crm.member.edit', 'action_confirm', [wid])
    result = erp['session'].call('crm.erp.order', 'crm_push_orders', _orders(suffix, customers, 'D'))
    assert result['created'] == 2
    assert admin.call('crm.erp.order', 'search_count', [('name', 'like', 'E2E-D-%s-' % suffix)]) == 2
