"""Payments and their instalments over XML-RPC, as lina and her leader: instalments
number themselves by date, a payment is booked on the instalment it names or on the
instalments in order, more than is open (on the instalment or on the contract) is
refused in Chinese, the contract and its instalments agree, and two payments sent at
once on the same instalment never book more than it has open."""
from conftest import Rpc
from test_contract_concurrency import _one_winner, _race
from test_contract_rpc import contract, ctx, expect, state, unchanged  # noqa: F401 (fixture)


def _plans(lina, cid, *amounts_dates):
    # the web client sends the default instalment number with every new line
    return [lina.call('crm.receivable.plan', 'create', {
        'contract_id': cid, 'amount': amount, 'date_planned': day, 'sequence': 1})
        for amount, day in amounts_dates]


def _read_plans(lina, cid):
    return lina.call('crm.receivable.plan', 'search_read', [('contract_id', '=', cid)],
                     ['sequence', 'amount', 'amount_received', 'amount_due', 'state'],
                     order='sequence')


def _pay(lina, ctx, cid, amount, plan=False, day='2026-05-01'):
    return lina.call('crm.receivable', 'create', {
        'contract_id': cid, 'plan_id': plan, 'amount': amount, 'date': day,
        'method_id': ctx['method']})


def _agree(admin, cid):
    """The contract's outstanding amount is what its instalments and what no
    instalment covers still owe, in the receivables report too."""
    data = admin.call('crm.contract', 'read', [cid], ['amount_total', 'amount_received',
                                                      'amount_outstanding'])[0]
    plans = _read_plans(admin, cid)
    planned = sum(p['amount'] for p in plans)
    assert abs(sum(p['amount_received'] for p in plans)
               - min(data['amount_received'], planned)) < 0.01, (data, plans)
    if not data['amount_outstanding']:
        assert {p['state'] for p in plans} <= {'received'}, plans
    report = admin.call('crm.report.receivable', 'read_group', [('contract_id', '=', cid)],
                        ['amount_due'], [])
    assert abs(report[0]['amount_due'] - data['amount_outstanding']) < 0.01, (report, data)
    return data


def test_instalments_number_themselves_and_the_picker_tells_them_apart(rpc, admin, ctx):
    lina = rpc('lina')
    cid = contract(admin, ctx, amount=90000, submit=True)
    late, early = _plans(lina, cid, (50000, '2027-09-01'), (40000, '2027-06-01'))
    assert [(p['id'], p['sequence']) for p in _read_plans(lina, cid)] == [(early, 1), (late, 2)]
    names = dict(lina.call('crm.receivable.plan', 'name_search', '',
                           [('contract_id', '=', cid)],
                           context={'crm_plan_detail': True, 'lang': 'zh_CN'}))
    assert names[early].startswith('第 1 期 · 2027-06-01') and '40,000.00' in names[early]
    assert names[late].startswith('第 2 期 · 2027-09-01') and '50,000.00' in names[late]
    # picking an instalment proposes what it has open
    values = lina.call('crm.receivable', 'onchange',
                       [], {'contract_id': cid, 'plan_id': late, 'amount': 90000},
                       'plan_id', {'contract_id': '1', 'plan_id': '1', 'amount': ''})
    assert values['value']['amount'] == 50000


def test_more_than_is_open_is_refused_in_chinese(rpc, admin, ctx):
    lina = rpc('lina')
    cid = contract(admin, ctx, amount=90000, submit=True)
    first, second = _plans(lina, cid, (45000, '2027-06-01'), (45000, '2027-09-01'))
    with unchanged(admin, cid):
        message = expect(lina.fault('crm.receivable', 'create', {
            'contract_id': cid, 'plan_id': first, 'amount': 90000, 'date': '2026-05-01'}),
            2, '45000', '第 1 期')
        assert '尚未回款' in message
        expect(lina.fault('crm.receivable', 'create', {
            'contract_id': cid, 'amount': 90000.01, 'date': '2026-05-01'}), 2, '90000')
    assert [p['state'] for p in _read_plans(lina, cid)] == ['pending', 'pending']
    _agree(admin, cid)


def test_payments_are_booked_in_order_and_agree_with_the_contract(rpc, admin, ctx):
    lina, leader = rpc('lina'), rpc('zhangwei')
    cid = contract(admin, ctx, amount=90000, submit=True)
    first, second, third = _plans(lina, cid, (30000, '2027-06-01'), (30000, '2027-07-01'),
                                  (20000, '2027-08-01'))
    # no instalment: the oldest first
    pay = _pay(lina, ctx, cid, 40000)
    assert lina.call('crm.receivable', 'read', [pay], ['plan_booking'],
                     context={'lang': 'zh_CN'})[0]['plan_booking'] == \
        '第 1 期 ¥ 30,000.00，第 2 期 ¥ 10,000.00'
    lina.call('crm.receivable', 'action_submit', [pay])
    assert state(lina, 'crm.receivable', pay) == 'approved'
    assert [(p['amount_received'], p['state']) for p in _read_plans(lina, cid)] == [
        (30000, 'received'), (10000, 'partial'), (0, 'pending')]
    _agree(admin, cid)
    # a chosen instalment; 50,000 and more wait for the leader
    chosen = _pay(lina, ctx, cid, 20000, third)
    lina.call('crm.receivable', 'action_submit', [chosen])
    assert [p['state'] for p in _read_plans(lina, cid)] == ['received', 'partial', 'received']
    # the rest of the contract (20,000 of the second instalment, 10,000 in no plan)
    rest = _pay(lina, ctx, cid, 30000)
    lina.call('crm.receivable', 'action_submit', [rest])
    data = _agree(admin, cid)
    assert (data['amount_received'], data['amount_outstanding']) == (90000, 0)
    assert [p['state'] for p in _read_plans(lina, cid)] == ['received'] * 3
    # a cancelled payment in review frees what it took
    cid2 = contract(admin, ctx, amount=99000, submit=True)
    plan, = _plans(lina, cid2, (60000, '2027-09-01'))
    big = _pay(lina, ctx, cid2, 55000, plan)
    lina.call('crm.receivable', 'action_submit', [big])
    assert state(lina, 'crm.receivable', big) == 'waiting'
    # the contract has 44,000 open, its instalment 5,000
    with unchanged(admin, cid2):
        expect(lina.fault('crm.receivable', 'create', {
            'contract_id': cid2, 'plan_id': plan, 'amount': 5000.01, 'date': '2026-05-01'}),
            2, '5000', '第 1 期')
    lina.call('crm.receivable', 'action_cancel', [big])
    again = _pay(lina, ctx, cid2, 60000, plan)
    lina.call('crm.receivable', 'action_submit', [again])
    leader.call('crm.receivable', 'action_approve', [again], '已到账')
    assert _read_plans(lina, cid2)[0]['state'] == 'received'
    _agree(admin, cid2)


def test_two_payments_at_once_on_one_instalment(rpc, admin, ctx):
    lina = rpc('lina')
    for _round in range(3):
        cid = contract(admin, ctx, amount=90000, submit=True)
        plan, _other = _plans(lina, cid, (40000, '2027-06-01'), (50000, '2027-09-01'))
        one, two = _pay(lina, ctx, cid, 30000, plan), _pay(lina, ctx, cid, 30000, plan)
        sessions = [Rpc('lina'), Rpc('lina')]
        results = _race([(sessions[0], 'crm.receivable', 'action_submit', ([one],)),
                         (sessions[1], 'crm.receivable', 'action_submit', ([two],))])
        _one_winner(results)
        plans = _read_plans(lina, cid)
        assert plans[0]['amount_received'] == 30000, plans
        _agree(admin, cid)
