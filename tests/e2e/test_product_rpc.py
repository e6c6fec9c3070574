"""crm_product over XML-RPC, per role: every salesperson reads the catalogue and the
price lists, only the CRM administrator edits them; an off-sale product cannot go on an
opportunity; an A-level customer's opportunity line takes the A-level price list's
price (quantity breaks included); the ERP (the CRM administrator or an "ERP integration"
login) pushes stock levels by product code, unknown codes reported back, bad input and
other roles refused in Chinese with nothing written."""
import re
import uuid

import pytest

CJK = re.compile('[\u4e00-\u9fff]')


def _tag():
    return uuid.uuid4().hex[:8].upper()


@pytest.fixture(scope='module')
def product(rpc):
    """A product of the CRM administrator's, with a unique code."""
    zhoutao = rpc('zhoutao')
    code = 'E2E-%s' % _tag()
    tmpl = zhoutao.call('product.template', 'create', {
        'name': 'E2E 测试网关 %s' % code, 'default_code': code, 'list_price': 2000.0,
        'floor_price': 1600.0, 'type': 'consu'})
    variant = zhoutao.call('product.product', 'search', [('product_tmpl_id', '=', tmpl)])[0]
    return {'tmpl': tmpl, 'id': variant, 'code': code}


def _opportunity(lina, partner_id):
    return lina.call('crm.lead', 'create', {
        'name': 'E2E 产品商机 %s' % _tag(), 'type': 'opportunity', 'partner_id': partner_id})


def test_every_role_reads_only_the_administrator_edits(rpc, product):
    for login in ('lina', 'zhangwei', 'sunqiang', 'wugang'):
        user = rpc(login)
        rows = user.call('product.template', 'search_read', [('id', '=', product['tmpl'])],
                         fields=['default_code', 'list_price', 'floor_price', 'sale_ok'])
        assert rows == [{'id': product['tmpl'], 'default_code': product['code'],
                         'list_price': 2000.0, 'floor_price': 1600.0, 'sale_ok': True}]
        assert user.call('product.pricelist', 'search_count', []) >= 1
        fault = user.fault('product.template', 'write', [product['tmpl']], {'list_price': 1.0})
        assert fault.faultCode == 4 and CJK.search(fault.faultString), fault.faultString
        fault = user.fault('product.pricelist', 'create', {'name': 'E2E 私自价目表'})
        assert fault.faultCode == 4
    assert rpc('zhoutao').call('product.template', 'read', [product['tmpl']],
                               ['list_price'])[0]['list_price'] == 2000.0
    # the portal customer sees no catalogue
    fault = rpc('zhaoqiang').fault('product.template', 'search', [])
    assert fault.faultCode == 4


def test_bad_product_values_refused_in_chinese(rpc, product):
    zhoutao = rpc('zhoutao')
    fault = zhoutao.fault('product.template', 'write', [product['tmpl']], {'floor_price': 9999.0})
    assert fault.faultCode == 2 and '最低价' in fault.faultString
    fault = zhoutao.fault('product.template', 'create', {'name': 'E2E 重复编码',
                                                         'default_code': product['code']})
    assert fault.faultCode == 2 and product['code'] in fault.faultString
    fault = zhoutao.fault('product.product', 'write', [product['id']], {'crm_stock_qty': 5})
    assert fault.faultCode == 4 and CJK.search(fault.faultString)


def test_off_sale_product_refused_on_an_opportunity(rpc, admin):
    zhoutao, lina = rpc('zhoutao'), rpc('lina')
    code = 'E2E-OFF-%s' % _tag()
    tmpl = zhoutao.call('product.template', 'create', {'name': 'E2E 停产 %s' % code,
                                                       'default_code': code, 'list_price': 10.0})
    variant = zhoutao.call('product.product', 'search', [('product_tmpl_id', '=', tmpl)])[0]
    zhoutao.call('product.template', 'action_crm_take_off_sale', [tmpl])
    customer = lina.ref('crm_sales.demo_customer_01')
    opp = _opportunity(lina, customer)
    fault = lina.fault('crm.lead.product.line', 'create', {'lead_id': opp, 'product_id': variant})
    assert fault.faultCode == 2 and '已下架' in fault.faultString, fault.faultString
    assert lina.call('crm.lead.product.line', 'search_count', [('lead_id', '=', opp)]) == 0
    fault = lina.fault('product.template', 'action_crm_put_on_sale', [tmpl])
    assert fault.faultCode == 4
    zhoutao.call('product.template', 'action_crm_put_on_sale', [tmpl])
    assert lina.call('crm.lead.product.line', 'create', {'lead_id': opp, 'product_id': variant})


def test_a_level_customer_gets_the_a_price_list(rpc):
    lina, sunqiang = rpc('lina'), rpc('sunqiang')
    customer = lina.ref('crm_sales.demo_customer_01')     # A level, lina's
    ig800 = lina.call('product.product', 'search', [('default_code', '=', 'HW-IG800')])[0]
    partner = lina.call('res.partner', 'read', [customer], ['crm_effective_pricelist_id'])[0]
    assert partner['crm_effective_pricelist_id'][1].startswith('A 级客户价目表')
    opp = _opportunity(lina, customer)
    one = lina.call('crm.lead.product.line', 'create',
                    {'lead_id': opp, 'product_id': ig800, 'quantity': 1})
    ten = lina.call('crm.lead.product.line', 'create',
                    {'lead_id': opp, 'product_id': ig800, 'quantity': 10})
    rows = {r['id']: r for r in lina.call(
        'crm.lead.product.line', 'read', [one, ten],
        ['list_price', 'pricelist_price', 'offer_price'])}
    assert (rows[one]['list_price'], rows[one]['pricelist_price'], rows[one]['offer_price']) == \
        (18800.0, 17000.0, 17000.0)
    assert (rows[ten]['pricelist_price'], rows[ten]['offer_price']) == (16000.0, 16000.0)
    # the salesperson cannot give her customer another price list; the manager can
    other = sunqiang.call('product.pricelist', 'search', [('id', '!=', partner['crm_effective_pricelist_id'][0])], limit=1)
    fault = lina.fault('res.partner', 'write', [customer], {'crm_pricelist_id': other[0]})
    assert fault.faultCode == 4 and CJK.search(fault.faultString)


def test_stock_push_per_role_and_bad_input(rpc, admin, product):
    zhoutao = rpc('zhoutao')
    unknown = 'E2E-NOPE-%s' % _tag()
    result = zhoutao.call('product.product', 'crm_push_stock',
                          [{'code': product['code'], 'qty': 3}, {'code': unknown, 'qty': 1}])
    assert result['updated'] == 1 and result['unknown'] == [unknown]
    row = zhoutao.call('product.template', 'read', [product['tmpl']],
                       ['crm_stock_qty', 'crm_stock_synced_at'])[0]
    assert row['crm_stock_qty'] == 3.0 and row['crm_stock_synced_at'] == result['synced_at']

    # an ERP integration login may push; no CRM role may
    login = 'e2e_erp_%s' % _tag().lower()
    admin.call('res.users', 'create', {
        'name': 'E2E ERP 接口', 'login': login, 'password': login,
        'groups_id': [(6, 0, [admin.ref('crm_product.group_crm_erp_sync')])]})
    erp = rpc(login)
    assert erp.call('product.product', 'crm_push_stock',
                    [{'code': product['code'], 'qty': 7.5}])['updated'] == 1
    for login in ('lina', 'zhangwei', 'sunqiang', 'wugang', 'xuli'):
        fault = rpc(login).fault('product.product', 'crm_push_stock',
                                 [{'code': product['code'], 'qty': 100}])
        assert fault.faultCode == 4 and CJK.search(fault.faultString), (login, fault.faultString)

    for bad in ('HW-IG800', [['HW-IG800', 1]], [{'code': product['code'], 'qty': 'many'}],
                [{'code': product['code'], 'qty': 1}, {'code': '', 'qty': 1}],
                [{'code': product['code'], 'qty': 1}, {'qty': 1}], [{'code': product['code']}]):
        fault = zhoutao.fault('product.product', 'crm_push_stock', bad)
        assert fault.faultCode == 2 and CJK.search(fault.faultString), (bad, fault.faultString)
        assert 'Traceback' not in fault.faultString
    assert zhoutao.call('product.template', 'read', [product['tmpl']],
                        ['crm_stock_qty'])[0]['crm_stock_qty'] == 7.5, 'nothing half-written'


def test_line_short_of_stock_is_flagged(rpc, product):
    zhoutao, lina = rpc('zhoutao'), rpc('lina')
    zhoutao.call('product.product', 'crm_push_stock', [{'code': product['code'], 'qty': 4}])
    opp = _opportunity(lina, lina.ref('crm_sales.demo_customer_01'))
    line = lina.call('crm.lead.product.line', 'create',
                     {'lead_id': opp, 'product_id': product['id'], 'quantity': 5})
    row = lina.call('crm.lead.product.line', 'read', [line], ['stock_qty', 'stock_short'])[0]
    assert (row['stock_qty'], row['stock_short']) == (4.0, True)
    lina.call('crm.lead.product.line', 'write', [line], {'quantity': 4})
    assert not lina.call('crm.lead.product.line', 'read', [line], ['stock_short'])[0]['stock_short']
