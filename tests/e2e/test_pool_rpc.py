"""crm_pool public methods over XML-RPC: the happy path and bad input (clear errors, and
nothing changes)."""
import time

import pytest


@pytest.fixture(scope='module')
def suffix():
    return '%d' % int(time.time() * 1000 % 10 ** 9)


@pytest.fixture
def pool_customer(admin, suffix):
    counter = pool_customer.counter = getattr(pool_customer, 'counter', 0) + 1
    pool_id = admin.ref('crm_pool.pool_company')
    return admin.call('res.partner', 'create', {
        'name': 'RPC Pool Customer %s %d' % (suffix, counter), 'is_company': True,
        'customer': True, 'phone': '021-6100 0001', 'email': 'rpc@pool.example',
        'pool_id': pool_id})


def owner(admin, pid):
    value = admin.call('res.partner', 'read', [pid], ['user_id'])[0]['user_id']
    return value and value[0]


def test_claim_release_protection(rpc, admin, pool_customer):
    lina = rpc('lina')
    # contact data hidden while in the pool
    data = lina.call('res.partner', 'read', [pool_customer], ['phone', 'email'])[0]
    assert data['phone'] == '******' and data['email'] == '******'
    assert lina.call('res.partner', 'action_pool_claim', [pool_customer]) is True
    assert owner(admin, pool_customer) == lina.uid
    data = lina.call('res.partner', 'read', [pool_customer], ['phone'])[0]
    assert data['phone'] == '021-6100 0001'
    # lock / unlock
    assert lina.call('res.partner', 'action_pool_lock', [pool_customer]) is True
    fault = lina.fault('res.partner', 'action_pool_release', [pool_customer], 'bye')
    assert '已锁定，请先解锁再退回公海' in fault.faultString
    assert lina.call('res.partner', 'action_pool_unlock', [pool_customer]) is True
    # release with a reason, then the protection period stops lina, not wangfang
    assert lina.call('res.partner', 'action_pool_release', [pool_customer], 'No budget') is True
    assert owner(admin, pool_customer) is False
    fault = lina.fault('res.partner', 'action_pool_claim', [pool_customer])
    assert '保护期内' in fault.faultString
    wangfang = rpc('wangfang')
    assert wangfang.call('res.partner', 'action_pool_claim', [pool_customer]) is True
    logs = admin.call('crm.pool.log', 'search_read', [('partner_id', '=', pool_customer)],
                      ['action'], order='id')
    assert [l['action'] for l in logs] == ['claim', 'lock', 'unlock', 'release', 'claim']


def test_claim_owned_customer(rpc, admin, pool_customer):
    rpc('wangfang').call('res.partner', 'action_pool_claim', [pool_customer])
    fault = rpc('lina').fault('res.partner', 'action_pool_claim', [pool_customer])
    assert '已被' in fault.faultString and '领取' in fault.faultString
    assert owner(admin, pool_customer) == rpc('wangfang').uid


def test_release_someone_elses_customer(rpc, admin, pool_customer):
    rpc('wangfang').call('res.partner', 'action_pool_claim', [pool_customer])
    fault = rpc('lina').fault('res.partner', 'action_pool_release', [pool_customer], 'mine')
    assert '您只能退回自己的客户' in fault.faultString
    fault = rpc('wangfang').fault('res.partner', 'action_pool_release', [pool_customer], '')
    assert '原因' in fault.faultString
    assert owner(admin, pool_customer) == rpc('wangfang').uid
    assert admin.call('crm.pool.log', 'search_count', [('partner_id', '=', pool_customer),
                                                        ('action', '=', 'release')]) == 0


def test_assign_and_recycle_rights(rpc, admin, pool_customer):
    lina = rpc('lina')
    fault = lina.fault('res.partner', 'action_pool_assign', [pool_customer], lina.uid)
    assert '只有团队负责人和销售经理' in fault.faultString
    leader = rpc('zhangwei')
    assert leader.call('res.partner', 'action_pool_assign', [pool_customer], lina.uid) is True
    assert owner(admin, pool_customer) == lina.uid
    fault = lina.fault('res.partner', 'action_pool_recycle', [pool_customer], 'x')
    assert '只有团队负责人和销售经理' in fault.faultString
    assert leader.call('res.partner', 'action_pool_recycle', [pool_customer], 'Neglected') is True
    assert owner(admin, pool_customer) is False


def test_rule_bad_input(admin, suffix):
    pool_id = admin.ref('crm_pool.pool_company')
    before = admin.call('crm.pool.rule', 'search_count', [('active', 'in', [True, False])])
    fault = admin.fault('crm.pool.rule', 'create', {
        'name': 'Negative %s' % suffix, 'pool_id': pool_id, 'kind': 'no_follow_up', 'days': -3})
    assert '回收规则的天数必须大于0' in fault.faultString
    fault = admin.fault('crm.pool.rule', 'create', {
        'name': 'Bad domain %s' % suffix, 'pool_id': pool_id, 'kind': 'no_follow_up',
        'days': 3, 'domain': "[('no_such_field', '=', 1)]"})
    assert '筛选条件无效' in fault.faultString
    assert admin.call('crm.pool.rule', 'search_count', [('active', 'in', [True, False])]) == before


def test_preview_and_about_to_release(rpc, admin):
    rule_id = admin.ref('crm_pool.rule_company_no_follow_up')
    action = admin.call('crm.pool.rule', 'action_preview', [rule_id])
    assert action['res_model'] == 'crm.pool.preview.wizard'
    action = rpc('lina').call('res.partner', 'action_pool_about_to_release')
    assert action['res_model'] == 'res.partner'
