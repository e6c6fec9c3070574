"""crm_development_plan over XML-RPC, per demo role: lina plans the development of her
opportunity step by step, records a result, sees an overdue step in her to-do when the
clock moves, and ends the plan in success (the opportunity is won, its customer a deal
customer); her leader zhangwei sees his team's plans and ends a colleague's in failure
(the opportunity is lost with the reason); wugang (executive) reads but cannot act; xuli
(service) is refused. A client-sent status is refused, in Chinese.

Customers and opportunities have ASCII names, so the Chinese of an error message can
only come from its translation."""
import uuid

import pytest

from test_visits_rpc import chinese   # the fault's code, no traceback, Chinese beyond the names

USERS = ('lina', 'wangfang', 'zhangwei', 'sunqiang', 'wugang', 'xuli')


@pytest.fixture(scope='module')
def ctx(admin, rpc):
    tag = uuid.uuid4().hex[:6]
    uid = {login: rpc(login).uid for login in USERS}
    team = admin.ref('crm_sales.team_east')
    names = sorted({r['name'] for r in admin.call('res.users', 'search_read', [], ['name'],
                                                   context={'active_test': False})},
                   key=len, reverse=True)
    return {'tag': tag, 'uid': uid, 'team': team, 'names': names,
            'reason': admin.ref('crm_sales.lost_reason_budget')}


def opportunity(admin, ctx, login, label):
    customer = admin.call('res.partner', 'create', {
        'name': 'E2E Plan Customer %s %s' % (label, ctx['tag']), 'is_company': True,
        'customer': True, 'user_id': ctx['uid'][login], 'team_id': ctx['team']})
    lead = admin.call('crm.lead', 'create', {
        'name': 'E2E Plan Opportunity %s %s' % (label, ctx['tag']), 'type': 'opportunity',
        'partner_id': customer, 'user_id': ctx['uid'][login], 'team_id': ctx['team']})
    return customer, lead


def read(session, model, ids, fields):
    return session.call(model, 'read', ids, fields)[0]


def test_salesperson_plans_records_results_and_succeeds(rpc, ctx, admin, clock):
    lina = rpc('lina')
    clock('2031-04-01 02:00:00')
    customer, lead = opportunity(admin, ctx, 'lina', 'A')
    plan = lina.call('crm.development.plan', 'create', {
        'lead_id': lead,
        'step_ids': [(0, 0, {'date': '2031-04-02', 'name': 'Call the buyer'}),
                     (0, 0, {'date': '2031-04-09', 'name': 'Demo on site'})]})
    steps = lina.call('crm.development.plan.step', 'search', [('plan_id', '=', plan)],
                      order='date')
    before = lina.call('crm.todo', 'get_counts')['plan_step_overdue_count']
    clock('2031-04-05 02:00:00')
    assert lina.call('crm.todo', 'get_counts')['plan_step_overdue_count'] == before + 1
    assert lina.call('crm.development.plan', 'search',
                     [('is_overdue', '=', True), ('id', '=', plan)]) == [plan]
    lina.call('crm.development.plan.step', 'write', [steps[0]], {'result': 'Budget confirmed'})
    step = read(lina, 'crm.development.plan.step', [steps[0]],
                ['is_done', 'is_overdue', 'result_at', 'result_user_id'])
    assert step['is_done'] and not step['is_overdue']
    assert step['result_at'] == '2031-04-05 02:00:00'
    assert step['result_user_id'][0] == ctx['uid']['lina']
    assert lina.call('crm.todo', 'get_counts')['plan_step_overdue_count'] == before
    # a client-sent status or end is refused, in Chinese, and changes nothing
    chinese(lina.fault('crm.development.plan', 'write', [plan], {'state': 'success'}), ctx, 4)
    chinese(lina.fault('crm.development.plan', 'create', {'lead_id': lead, 'state': 'success'}),
            ctx, 4)
    chinese(lina.fault('crm.development.plan', 'write', [plan], {'state': 'failure'},
                       context={'crm_action_write': True, 'crm_grant': {'action_write': True}}),
            ctx, 4)
    chinese(lina.fault('crm.development.plan.step', 'write', [steps[1]],
                       {'result_user_id': ctx['uid']['wangfang']}), ctx, 4)
    assert read(lina, 'crm.development.plan', [plan], ['state'])['state'] == 'in_progress'
    # a second plan in progress for the same opportunity: refused in Chinese
    chinese(lina.fault('crm.development.plan', 'create', {'lead_id': lead}), ctx)
    # 开发成功
    assert lina.call('crm.development.plan', 'action_success', [plan]) is True
    row = read(lina, 'crm.development.plan', [plan], ['state', 'ended_by_id', 'ended_at',
                                                       'partner_id'])
    assert row['state'] == 'success'
    assert row['ended_by_id'][0] == ctx['uid']['lina']
    assert row['ended_at'] == '2031-04-05 02:00:00'
    assert row['partner_id'][0] == customer
    assert read(lina, 'crm.lead', [lead], ['end_status'])['end_status'] == 'won'
    partner = read(lina, 'res.partner', [customer], ['is_deal', 'customer_status',
                                                     'development_plan_count'])
    assert (partner['is_deal'], partner['customer_status']) == (True, 'deal')
    assert partner['development_plan_count'] == 1
    # an ended plan: its steps no longer change, and it says so in Chinese
    chinese(lina.fault('crm.development.plan.step', 'write', [steps[1]], {'result': 'late'}),
            ctx)
    chinese(lina.fault('crm.development.plan', 'action_success', [plan]), ctx)


def test_leader_sees_the_team_and_ends_a_plan_in_failure(rpc, ctx, admin):
    _c, lead_lina = opportunity(admin, ctx, 'lina', 'B')
    _c, lead_wf = opportunity(admin, ctx, 'wangfang', 'C')
    plan_lina = rpc('lina').call('crm.development.plan', 'create', {'lead_id': lead_lina})
    plan_wf = rpc('wangfang').call('crm.development.plan', 'create', {
        'lead_id': lead_wf, 'step_ids': [(0, 0, {'date': '2031-05-01', 'name': 'Visit'})]})
    both = [plan_lina, plan_wf]
    assert rpc('lina').call('crm.development.plan', 'search', [('id', 'in', both)]) == [plan_lina]
    chinese(rpc('lina').fault('crm.development.plan', 'read', [plan_wf], ['name']), ctx, 4)
    zhangwei = rpc('zhangwei')
    assert sorted(zhangwei.call('crm.development.plan', 'search', [('id', 'in', both)])) == \
        sorted(both)
    groups = zhangwei.call('crm.development.plan', 'read_group', [('id', 'in', both)],
                           ['user_id'], ['user_id'])
    assert sorted(g['user_id'][0] for g in groups) == \
        sorted([ctx['uid']['lina'], ctx['uid']['wangfang']])
    # failure needs a reason, in Chinese
    chinese(zhangwei.fault('crm.development.plan', 'action_fail', [plan_wf]), ctx)
    zhangwei.call('crm.development.plan', 'action_fail', [plan_wf], ctx['reason'],
                  note='Budget moved to next year')
    row = read(zhangwei, 'crm.development.plan', [plan_wf],
               ['state', 'failure_reason_id', 'failure_note', 'ended_by_id'])
    assert row['state'] == 'failure'
    assert row['failure_reason_id'][0] == ctx['reason']
    assert row['failure_note'] == 'Budget moved to next year'
    assert row['ended_by_id'][0] == ctx['uid']['zhangwei']
    lead = read(zhangwei, 'crm.lead', [lead_wf], ['end_status', 'end_reason_id'])
    assert (lead['end_status'], lead['end_reason_id'][0]) == ('lost', ctx['reason'])
    # the manager sees them all
    assert sorted(rpc('sunqiang').call('crm.development.plan', 'search',
                                       [('id', 'in', both)])) == sorted(both)


def test_executive_reads_only_and_service_is_refused(rpc, ctx, admin):
    _c, lead = opportunity(admin, ctx, 'lina', 'D')
    plan = rpc('lina').call('crm.development.plan', 'create', {'lead_id': lead})
    wugang = rpc('wugang')
    assert wugang.call('crm.development.plan', 'search', [('id', '=', plan)]) == [plan]
    chinese(wugang.fault('crm.development.plan', 'action_success', [plan]), ctx, 4)
    chinese(wugang.fault('crm.development.plan', 'write', [plan], {'goal': 'x'}), ctx, 4)
    chinese(wugang.fault('crm.development.plan', 'create', {'lead_id': lead}), ctx, 4)
    xuli = rpc('xuli')
    chinese(xuli.fault('crm.development.plan', 'search', []), ctx, 4)
    chinese(xuli.fault('crm.development.plan', 'action_success', [plan]), ctx, 4)
    chinese(xuli.fault('crm.development.plan.step', 'search', []), ctx, 4)
    assert read(admin, 'crm.development.plan', [plan], ['state'])['state'] == 'in_progress'
    assert read(admin, 'crm.lead', [lead], ['end_status'])['end_status'] is False
