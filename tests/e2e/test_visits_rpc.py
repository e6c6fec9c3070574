"""crm_visit over XML-RPC, per demo role: lina plans a visit, checks in with a position
(or with an address only), checks out with notes: the visit is done and the customer has
a follow-up of type visit (面访) whose time is the CRM clock's; her leader zhangwei
assigns her a visit and sees it, a colleague and the other team's leader do not, the
executive reads, service and portal users are refused. Wrong order, double check-in,
someone else's visit, bad positions: clear Chinese errors, nothing written.

Customers have ASCII names, so the Chinese of an error message can only come from its
translation."""
import re
import uuid

import pytest

CJK = re.compile('[\u4e00-\u9fff]')
USERS = ('lina', 'wangfang', 'zhangwei', 'chenjing', 'sunqiang', 'wugang', 'xuli', 'zhaoqiang')


@pytest.fixture(scope='module')
def ctx(admin, rpc):
    tag = uuid.uuid4().hex[:6]
    logins = {login: rpc(login).uid for login in USERS if login != 'chenjing'}
    team = admin.ref('crm_sales.team_east')
    customer = admin.call('res.partner', 'create', {
        'name': 'E2E Visit Customer %s' % tag, 'is_company': True, 'customer': True,
        'user_id': logins['lina'], 'team_id': team})
    contact = admin.call('res.partner', 'create', {
        'name': 'E2E Visit Buyer %s' % tag, 'parent_id': customer, 'type': 'contact'})
    names = sorted({r['name'] for r in admin.call('res.users', 'search_read', [], ['name'],
                                                   context={'active_test': False})},
                   key=len, reverse=True)
    return {'tag': tag, 'uid': logins, 'team': team, 'customer': customer,
            'contact': contact, 'names': names}


def chinese(fault, ctx, code=2):
    message = fault.faultString
    assert fault.faultCode == code, message[-500:]
    assert 'Traceback' not in message, message[-500:]
    rest = message
    for name in ctx['names']:
        rest = rest.replace(name, '')
    assert CJK.search(rest), 'not in Chinese: %s' % message[-300:]
    return message


def plan(rpc, ctx, login='lina', **vals):
    values = {'customer_id': ctx['customer'], 'contact_id': ctx['contact'],
              'start': '2026-12-01 02:00:00', 'duration': 1.0}
    values.update(vals)
    return rpc(login).call('crm.visit', 'create', values)


def test_salesperson_field_visit_becomes_a_face_to_face_follow_up(rpc, ctx, clock):
    lina = rpc('lina')
    visit = plan(rpc, ctx)
    clock('2026-12-01 02:03:00')
    assert lina.call('crm.visit', 'action_check_in', [visit], latitude=30.27, longitude=120.15,
                     accuracy=20.0, address='Wensan Road 90') is True
    clock('2026-12-01 03:00:00')
    lina.call('crm.visit', 'action_check_out', [visit], 'Demo went well, quote next week',
              next_contact_at='2026-12-08 02:00:00')
    row = lina.call('crm.visit', 'read', [visit], ['visit_state', 'checkin_at', 'checkout_at',
                                                   'duration_minutes', 'follow_up_id',
                                                   'checkin_located'])[0]
    assert row['visit_state'] == 'done'
    assert row['checkin_at'] == '2026-12-01 02:03:00'
    assert row['checkout_at'] == '2026-12-01 03:00:00'
    assert row['duration_minutes'] == 57
    assert row['checkin_located'] is True
    fu = lina.call('crm.follow.up', 'read', [row['follow_up_id'][0]],
                   ['follow_up_type', 'partner_id', 'content', 'date', 'contact_ids'])[0]
    assert fu['follow_up_type'] == 'visit'
    assert fu['partner_id'][0] == ctx['customer']
    assert fu['content'] == 'Demo went well, quote next week'
    assert fu['date'] == '2026-12-01 03:00:00'
    assert fu['contact_ids'] == [ctx['contact']]
    partner = lina.call('res.partner', 'read', [ctx['customer']],
                        ['last_follow_up_at', 'next_contact_at'])[0]
    assert partner['last_follow_up_at'] == '2026-12-01 03:00:00'
    assert partner['next_contact_at'] == '2026-12-08 02:00:00'


def test_check_in_without_position_records_the_address_and_says_so(rpc, ctx):
    lina = rpc('lina')
    visit = plan(rpc, ctx)
    chinese(lina.fault('crm.visit', 'action_check_in', [visit]), ctx)
    res = lina.call('crm.visit', 'action_check_in', [visit], address='Front desk',
                    context={'crm_notify': True, 'lang': 'zh_CN'})
    assert res['params']['warning'] is True
    assert 'Front desk' in res['params']['message'] and CJK.search(res['params']['message'])
    row = lina.call('crm.visit', 'read', [visit], ['visit_state', 'checkin_located',
                                                   'checkin_address'])[0]
    assert (row['visit_state'], row['checkin_located'], row['checkin_address']) == \
        ('checked_in', False, 'Front desk')


def test_wrong_order_double_check_in_and_bad_input_are_refused_in_chinese(rpc, ctx):
    lina = rpc('lina')
    visit = plan(rpc, ctx)
    chinese(lina.fault('crm.visit', 'action_check_out', [visit], 'notes'), ctx)
    for kwargs in ({'latitude': 95, 'longitude': 120}, {'latitude': 30},
                   {'latitude': 'x', 'longitude': 1}, {'address': 'a', 'photo': 'nope'}):
        chinese(lina.fault('crm.visit', 'action_check_in', [visit], **kwargs), ctx)
    lina.call('crm.visit', 'action_check_in', [visit], address='Gate 2')
    chinese(lina.fault('crm.visit', 'action_check_in', [visit], address='Gate 2'), ctx)
    chinese(lina.fault('crm.visit', 'action_check_out', [visit], '  '), ctx)
    # action-only fields over RPC
    fault = lina.fault('crm.visit', 'write', [visit], {'visit_state': 'done'})
    assert fault.faultCode in (2, 4)
    assert lina.call('crm.visit', 'read', [visit], ['visit_state'])[0]['visit_state'] == \
        'checked_in'


def test_leader_assigns_and_sees_team_visits_others_do_not(rpc, ctx):
    zhangwei = rpc('zhangwei')
    visit = plan(rpc, ctx, login='zhangwei', user_id=ctx['uid']['lina'])
    row = rpc('lina').call('crm.visit', 'read', [visit], ['user_id', 'assigned_by_id'])[0]
    assert row['user_id'][0] == ctx['uid']['lina']
    assert row['assigned_by_id'][0] == ctx['uid']['zhangwei']
    assert zhangwei.call('crm.visit', 'search', [('id', '=', visit)]) == [visit]
    # the leader cannot check in for her
    chinese(zhangwei.fault('crm.visit', 'action_check_in', [visit], address='x'), ctx)
    # a colleague, the other team's leader: not visible
    assert rpc('wangfang').call('crm.visit', 'search', [('id', '=', visit)]) == []
    assert rpc('chenjing').call('crm.visit', 'search', [('id', '=', visit)]) == []
    chinese(rpc('wangfang').fault('crm.visit', 'action_check_in', [visit], address='x'),
            ctx, code=4)
    # lina cannot assign a visit to a colleague
    chinese(rpc('lina').fault('crm.visit', 'create', {
        'customer_id': ctx['customer'], 'start': '2026-12-02 02:00:00',
        'user_id': ctx['uid']['wangfang']}), ctx)
    # the manager sees it, the executive reads but cannot act
    assert rpc('sunqiang').call('crm.visit', 'search', [('id', '=', visit)]) == [visit]
    assert rpc('wugang').call('crm.visit', 'search', [('id', '=', visit)]) == [visit]
    chinese(rpc('wugang').fault('crm.visit', 'action_cancel', [visit]), ctx, code=4)
    chinese(rpc('wugang').fault('crm.visit', 'create', {
        'customer_id': ctx['customer'], 'start': '2026-12-02 02:00:00'}), ctx, code=4)


@pytest.mark.parametrize('login', ['xuli', 'zhaoqiang'])
def test_service_and_portal_users_have_no_visits(rpc, ctx, login):
    user = rpc(login)
    assert user.fault('crm.visit', 'search', []).faultCode == 4
    assert user.fault('crm.visit', 'create', {
        'customer_id': ctx['customer'], 'start': '2026-12-02 02:00:00'}).faultCode == 4
