"""crm_lifecycle over XML-RPC, per demo role: lina's customer who last ordered eight
months ago is in her churn warnings; she defers it (暂缓流失) until a date, it leaves the
warnings and comes back on that date (clock moved); her leader zhangwei sees it and may
defer it; the sales manager sunqiang confirms the churn (确认流失) with a reason and the
customer shows in the lost-customer analysis with its reason and last order; the
executive wugang reads but acts on nothing; the service agent xuli is refused. Client
sent state (action-only fields, a forged grant in the context, churn records) is
refused, bad input answers in Chinese, nothing written.

Customers have ASCII names, so the Chinese of an error message can only come from its
translation."""
import uuid

import pytest

from test_visits_rpc import chinese

NOW = '2026-12-01 04:00:00'


@pytest.fixture(scope='module')
def ctx(admin, rpc):
    tag = uuid.uuid4().hex[:6]
    uid = {login: rpc(login).uid for login in ('lina', 'yanglei', 'sunqiang')}
    admin.call('crm.clock', 'set_now', NOW)
    product = admin.ref('crm_sales.demo_product_gateway')

    def customer(name, login, team_xmlid, sign_date):
        partner = admin.call('res.partner', 'create', {
            'name': '%s %s' % (name, tag), 'is_company': True, 'customer': True,
            'user_id': uid[login], 'team_id': admin.ref(team_xmlid)})
        contract = rpc(login).call('crm.contract', 'create', {
            'name': 'E2E churn order %s' % tag, 'partner_id': partner,
            'user_id': uid[login], 'team_id': admin.ref(team_xmlid),
            'sign_date': sign_date, 'date_start': sign_date, 'date_end': '2027-03-31',
            'line_ids': [(0, 0, {'product_id': product, 'list_price': 12000,
                                 'price_unit': 12000, 'quantity': 2})]})
        rpc(login).call('crm.contract', 'action_submit', [contract])
        return partner
    try:
        data = {
            'tag': tag, 'uid': uid,
            'mine': customer('E2E Churn Lina', 'lina', 'crm_sales.team_east', '2026-04-01'),
            'south': customer('E2E Churn South', 'yanglei', 'crm_sales.team_south', '2026-03-01'),
            'reason': admin.ref('crm_lifecycle.churn_reason_price'),
            'names': sorted({r['name'] for r in admin.call(
                'res.users', 'search_read', [], ['name'], context={'active_test': False})},
                key=len, reverse=True),
        }
    finally:
        admin.call('crm.clock', 'set_now', False)
    return data


def warned(rpc, login, partner):
    return rpc(login).call('crm.churn.warning', 'search_read', [('partner_id', '=', partner)],
                           fields=['reason', 'last_order_date', 'was_deferred', 'user_id'])


def test_defer_then_the_warning_comes_back_then_the_manager_confirms(rpc, ctx, clock):
    clock(NOW)
    lina, mine = rpc('lina'), ctx['mine']
    rows = warned(rpc, 'lina', mine)
    assert [(r['reason'], r['last_order_date']) for r in rows] == [('both', '2026-04-01')]
    assert warned(rpc, 'zhangwei', mine), 'the leader sees her team\'s warning'
    record = lina.call('res.partner', 'action_churn_defer', [mine], 'Visited the buyer',
                       '2026-12-20')
    assert isinstance(record, int)
    assert not warned(rpc, 'lina', mine)
    clock('2026-12-20 04:00:00')
    rows = warned(rpc, 'lina', mine)
    assert rows and rows[0]['was_deferred'], 'back on the check date'
    history = lina.call('crm.churn.record', 'search_read', [('partner_id', '=', mine)],
                        fields=['kind', 'next_check_date', 'outcome'])
    assert [(h['kind'], h['next_check_date'], h['outcome']) for h in history] == \
        [('defer', '2026-12-20', 'returned')]
    # only the sales manager confirms
    chinese(lina.fault('res.partner', 'action_churn_confirm', [mine], ctx['reason']), ctx, 4)
    chinese(rpc('zhangwei').fault('res.partner', 'action_churn_confirm', [mine], ctx['reason']),
            ctx, 4)
    rpc('sunqiang').call('res.partner', 'action_churn_confirm', [mine], ctx['reason'],
                         'Signed with a competitor')
    assert not warned(rpc, 'sunqiang', mine)
    partner = rpc('sunqiang').call('res.partner', 'read', [mine],
                                   ['customer_status', 'lifecycle_stage', 'churned_date'])[0]
    assert (partner['customer_status'], partner['lifecycle_stage'], partner['churned_date']) == \
        ('lost', 'lost', '2026-12-20')
    for login in ('sunqiang', 'lina', 'wugang'):
        lost = rpc(login).call('crm.report.churn', 'search_read', [('partner_id', '=', mine)],
                               fields=['reason_id', 'last_order_date', 'date'])
        assert [(r['reason_id'][0], r['last_order_date'], r['date']) for r in lost] == \
            [(ctx['reason'], '2026-04-01', '2026-12-20')], login
    rpc('sunqiang').call('res.partner', 'action_churn_restore', [mine])


def test_scope_of_the_warnings_and_of_the_actions(rpc, ctx, clock):
    clock(NOW)
    south = ctx['south']
    assert not warned(rpc, 'lina', south)
    assert not warned(rpc, 'zhangwei', south)
    assert warned(rpc, 'sunqiang', south) and warned(rpc, 'wugang', south)
    chinese(rpc('lina').fault('res.partner', 'action_churn_defer', [south], 'x', '2026-12-20'),
            ctx, 4)
    chinese(rpc('wugang').fault('res.partner', 'action_churn_defer', [south], 'x', '2026-12-20'),
            ctx, 4)
    chinese(rpc('wugang').fault('res.partner', 'action_churn_confirm', [south], ctx['reason']),
            ctx, 4)
    xuli = rpc('xuli')
    assert xuli.fault('crm.churn.warning', 'search', []).faultCode == 4
    assert xuli.fault('crm.churn.record', 'search', []).faultCode == 4
    assert xuli.fault('res.partner', 'action_churn_defer', [south], 'x', '2026-12-20').faultCode == 4
    assert rpc('sunqiang').call('crm.churn.record', 'search_count',
                                [('partner_id', '=', south)]) == 0


def test_client_sent_state_and_bad_input_are_refused(rpc, ctx, clock):
    clock(NOW)
    lina, mine = rpc('lina'), ctx['mine']
    for vals in ({'churn_deferred_until': '2027-06-01'}, {'lifecycle_stage': 'repurchase'},
                 {'last_order_date': '2026-11-30'}):
        chinese(lina.fault('res.partner', 'write', [mine], vals), ctx, 4)
        chinese(lina.fault('res.partner', 'write', [mine], vals,
                           context={'crm_grant': {'action_write': True},
                                    'crm_action_write': True}), ctx, 4)
    assert lina.fault('crm.churn.record', 'create', {
        'partner_id': mine, 'kind': 'confirm', 'date': '2026-12-01',
        'user_id': ctx['uid']['lina']}).faultCode == 4
    chinese(lina.fault('res.partner', 'action_churn_defer', [mine], 'Visit', '2026-11-30'), ctx)
    chinese(lina.fault('res.partner', 'action_churn_defer', [mine], '', '2026-12-20'), ctx)
    chinese(lina.fault('res.partner', 'action_churn_defer', [mine], 'Visit', 'soon'), ctx)
    chinese(rpc('sunqiang').fault('res.partner', 'action_churn_confirm', [mine], 987654), ctx)
    partner = rpc('sunqiang').call('res.partner', 'read', [mine],
                                   ['churn_deferred_until', 'customer_status'])[0]
    assert partner['customer_status'] != 'lost'
    assert rpc('sunqiang').call('crm.churn.record', 'search_count',
                                [('partner_id', '=', mine), ('kind', '=', 'confirm'),
                                 ('measures', '=', False)]) == 0
