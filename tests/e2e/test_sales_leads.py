"""Customers, contacts and leads over XML-RPC: the failures a salesperson can hit fail
cleanly (a readable UserError/ValidationError) and change nothing."""
import time

import pytest

from conftest import DB, URL  # noqa: F401


@pytest.fixture(params=['xmlrpc', 'odoorpc'])
def rpc(request, rpc_client):
    """Each test runs over XML-RPC and over JSON-RPC through odoorpc (the usual Python
    client): the same messages, in the user's language, and the same outcomes."""
    return lambda login, password=None: rpc_client(login, password, backend=request.param)


def _unique(prefix):
    return '%s-%d' % (prefix, int(time.time() * 1000) % 10 ** 9)


def test_convert_lead_twice_fails_and_changes_nothing(rpc):
    lina = rpc('lina')
    name = _unique('XMLRPC 转化测试有限公司')
    lead_id = lina.call('crm.lead', 'create', {
        'name': 'XML-RPC lead', 'type': 'lead', 'partner_name': name,
        'contact_name': '测试联系人', 'mobile': '1390000%04d' % (int(time.time()) % 10000),
        'user_id': lina.uid})
    res = lina.call('crm.lead', 'action_convert', [lead_id], create_opportunity=True,
                    opportunity_name='XML-RPC opportunity')
    assert res['partner_id'] and res['contact_id'] and res['opportunity_id']
    lead = lina.call('crm.lead', 'read', [lead_id],
                     ['lead_state', 'converted_partner_id', 'converted_opportunity_id'])[0]
    assert lead['lead_state'] == 'converted'
    assert lead['converted_partner_id'][0] == res['partner_id']
    partners = lina.call('res.partner', 'search_count', [('commercial_partner_id', '=', res['partner_id'])])
    opps = lina.call('crm.lead', 'search_count', [('partner_id', '=', res['partner_id']),
                                                  ('type', '=', 'opportunity')])
    fault = lina.fault('crm.lead', 'action_convert', [lead_id], create_opportunity=True)
    # a UserError: XML-RPC fault code 2 (warning) carrying the readable message
    assert fault.faultCode == 2 or 'UserError' in fault.faultString
    assert '已转化' in fault.faultString and '不能再次转化' in fault.faultString  # lina reads zh_CN
    assert lina.call('res.partner', 'search_count',
                     [('commercial_partner_id', '=', res['partner_id'])]) == partners
    assert lina.call('crm.lead', 'search_count', [('partner_id', '=', res['partner_id']),
                                                  ('type', '=', 'opportunity')]) == opps
    again = lina.call('crm.lead', 'read', [lead_id], ['converted_opportunity_id'])[0]
    assert again['converted_opportunity_id'][0] == res['opportunity_id']


def test_second_primary_contact_fails(rpc):
    lina = rpc('lina')
    customer = lina.call('res.partner', 'create', {
        'name': _unique('XMLRPC 联系人测试有限公司'), 'is_company': True, 'customer': True,
        'user_id': lina.uid})
    first = lina.call('res.partner', 'create', {'name': '第一联系人', 'parent_id': customer})
    second = lina.call('res.partner', 'create', {'name': '第二联系人', 'parent_id': customer})
    flags = lina.call('res.partner', 'read', [first, second], ['is_primary_contact'])
    assert [f['is_primary_contact'] for f in flags] == [True, False]
    fault = lina.fault('res.partner', 'write', [second], {'is_primary_contact': True})
    assert fault.faultCode == 2, 'a ValidationError comes back as a plain message, no traceback'
    assert 'Traceback' not in fault.faultString
    assert '已有主联系人' in fault.faultString
    flags = lina.call('res.partner', 'read', [first, second], ['is_primary_contact'])
    assert [f['is_primary_contact'] for f in flags] == [True, False]
    # the supported way switches
    lina.call('res.partner', 'action_set_primary', [second])
    flags = lina.call('res.partner', 'read', [first, second], ['is_primary_contact'])
    assert [f['is_primary_contact'] for f in flags] == [False, True]


def test_duplicate_customer_name_fails(rpc):
    lina, yanglei = rpc('lina'), rpc('yanglei')
    name = _unique('XMLRPC Duplicate Trading Co')
    lina.call('res.partner', 'create', {'name': name, 'is_company': True, 'customer': True,
                                        'user_id': lina.uid})
    before = yanglei.call('res.partner', 'search_count', [('is_crm_customer', '=', True)])
    fault = yanglei.fault('res.partner', 'create', {
        'name': '  ' + name.upper().replace(' ', '  '), 'is_company': True, 'customer': True,
        'user_id': yanglei.uid})
    assert fault.faultCode == 2, 'a ValidationError comes back as a plain message, no traceback'
    assert 'Traceback' not in fault.faultString
    assert name in fault.faultString and '已存在' in fault.faultString
    assert yanglei.call('res.partner', 'search_count', [('is_crm_customer', '=', True)]) == before
