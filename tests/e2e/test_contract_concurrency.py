"""crm_contract under real concurrency (the test server runs 4 workers): decisions and
payments sent at the same moment from separate XML-RPC connections.

Expected: two sales managers approving the same contract's last tier together -> one
approval, the other gets a clean error (no traceback) and nothing is approved twice;
two payments that each fit in what is open on a contract but not together -> one is
booked, the other is refused, and the contract never holds more payments (approved or
in review) than its amount. Each race runs several times on fresh contracts."""
import re
import threading
import uuid
import xmlrpc.client

from conftest import Rpc

ROUNDS = 5
CJK = re.compile('[\u4e00-\u9fff]')


def _race(calls):
    """Run ``calls`` [(session, model, method, args)] at the same moment, each on its own
    connection; returns [('ok', result) | ('fault', Fault) | ('error', repr)] in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def worker(index, session, model, method, args):
        barrier.wait()
        try:
            results[index] = ('ok', session.call(model, method, *args))
        except xmlrpc.client.Fault as fault:
            results[index] = ('fault', fault)
        except Exception as exc:  # transport errors are failures too
            results[index] = ('error', repr(exc))

    threads = [threading.Thread(target=worker, args=(i,) + tuple(call))
               for i, call in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    return results


def _one_winner(results):
    assert all(r is not None for r in results), 'a thread did not finish: %s' % results
    errors = [r[1] for r in results if r[0] == 'error']
    assert not errors, errors
    wins = [i for i, r in enumerate(results) if r[0] == 'ok']
    losers = [r[1] for r in results if r[0] == 'fault']
    assert len(wins) == 1, results
    for fault in losers:
        assert fault.faultCode in (2, 4), 'not a clean error: %s' % fault.faultString[-500:]
        assert 'Traceback' not in fault.faultString, fault.faultString[-500:]
        assert CJK.search(fault.faultString), 'not in Chinese: %s' % fault.faultString[-300:]
    return wins[0], losers


def _customer(admin, tag, n, owner_uid, team):
    return admin.call('res.partner', 'create', {
        'name': 'E2E Race Customer %s %d' % (tag, n), 'is_company': True, 'customer': True,
        'user_id': owner_uid, 'team_id': team})


def test_two_managers_approve_the_last_tier_at_once(admin):
    lina, leader = Rpc('lina'), Rpc('zhangwei')
    east = admin.ref('crm_sales.team_east')
    tag = uuid.uuid4().hex[:6]
    for n in range(ROUNDS):
        cid = admin.call('crm.contract', 'create', {
            'name': 'E2E Race Approval %s %d' % (tag, n),
            'partner_id': _customer(admin, tag, n, lina.uid, east),
            'user_id': lina.uid, 'team_id': east, 'date_start': '2026-12-01',
            'date_end': '2027-11-30', 'amount_total': 1500000})
        lina.call('crm.contract', 'action_submit', [cid])
        leader.call('crm.contract', 'action_approve', [cid], 'tier 1')
        # fresh connections, one per manager
        managers = [Rpc('sunqiang'), Rpc('zhoutao')]
        for m in managers:
            assert m.call('crm.contract', 'read', [cid], ['crm_my_turn'])[0]['crm_my_turn']
        results = _race([(m, 'crm.contract', 'action_approve', [cid]) for m in managers])
        winner, _losers = _one_winner(results)
        data = admin.call('crm.contract', 'read', [cid], ['state'])[0]
        assert data['state'] == 'approved'
        reviews = admin.call('tier.review', 'search_read',
                             [('model', '=', 'crm.contract'), ('res_id', '=', cid)],
                             ['sequence', 'status', 'done_by'], order='sequence')
        assert [(r['sequence'], r['status']) for r in reviews] == [(1, 'approved'),
                                                                   (2, 'approved')]
        assert reviews[1]['done_by'][0] == managers[winner].uid
        # the chatter says "approved" once: one tier-2 note by the winner, none by the loser
        loser = managers[1 - winner]
        loser_partner = admin.call('res.users', 'read', [loser.uid], ['partner_id'])[0]['partner_id'][0]
        assert admin.call('mail.message', 'search_count', [
            ('model', '=', 'crm.contract'), ('res_id', '=', cid),
            ('author_id', '=', loser_partner)]) == 0


def test_two_payments_that_do_not_fit_together(admin):
    """An approved contract of 60,000: lina submits 40,000 and her leader 30,000 at the
    same moment (both below 50,000, so booked at submit): only one fits."""
    east = admin.ref('crm_sales.team_east')
    lina = Rpc('lina')
    tag = uuid.uuid4().hex[:6]
    for n in range(ROUNDS):
        cid = admin.call('crm.contract', 'create', {
            'name': 'E2E Race Payment %s %d' % (tag, n),
            'partner_id': _customer(admin, tag, n, lina.uid, east),
            'user_id': lina.uid, 'team_id': east, 'date_start': '2026-12-01',
            'date_end': '2027-11-30', 'amount_total': 60000})
        admin.call('crm.contract', 'action_submit', [cid])
        assert admin.call('crm.contract', 'read', [cid], ['state'])[0]['state'] == 'approved'
        sessions = [Rpc('lina'), Rpc('zhangwei')]
        amounts = [40000, 30000]
        payments = [s.call('crm.receivable', 'create', {
            'contract_id': cid, 'amount': amount, 'date': '2026-12-05'})
            for s, amount in zip(sessions, amounts)]
        results = _race([(s, 'crm.receivable', 'action_submit', [p])
                         for s, p in zip(sessions, payments)])
        winner, losers = _one_winner(results)
        assert all(f.faultCode == 2 for f in losers), [f.faultString for f in losers]
        states = [r['state'] for r in admin.call('crm.receivable', 'read', payments, ['state'])]
        assert states[winner] == 'approved' and states[1 - winner] == 'draft', states
        data = admin.call('crm.contract', 'read', [cid], [
            'amount_total', 'amount_received', 'amount_in_review', 'amount_outstanding'])[0]
        assert data['amount_received'] + data['amount_in_review'] <= data['amount_total']
        assert data['amount_received'] == amounts[winner]
        assert data['amount_outstanding'] == 60000 - amounts[winner]
        booked = admin.call('crm.receivable', 'search_read', [
            ('contract_id', '=', cid), ('state', 'in', ('approved', 'waiting'))], ['amount'])
        assert sum(p['amount'] for p in booked) == amounts[winner]


def test_two_payments_in_review_do_not_fit_together(admin):
    """The same with payments of 50,000 or more (they wait for the leader): an approved
    contract of 90,000, two payments of 50,000 and 60,000 submitted at once; one waits
    for review, the other is refused."""
    east = admin.ref('crm_sales.team_east')
    lina = Rpc('lina')
    tag = uuid.uuid4().hex[:6]
    for n in range(ROUNDS):
        cid = admin.call('crm.contract', 'create', {
            'name': 'E2E Race Review %s %d' % (tag, n),
            'partner_id': _customer(admin, tag, 100 + n, lina.uid, east),
            'user_id': lina.uid, 'team_id': east, 'date_start': '2026-12-01',
            'date_end': '2027-11-30', 'amount_total': 90000})
        admin.call('crm.contract', 'action_submit', [cid])
        sessions = [Rpc('lina'), Rpc('lina')]
        amounts = [50000, 60000]
        payments = [sessions[0].call('crm.receivable', 'create', {
            'contract_id': cid, 'amount': amount, 'date': '2026-12-05'}) for amount in amounts]
        results = _race([(s, 'crm.receivable', 'action_submit', [p])
                         for s, p in zip(sessions, payments)])
        winner, _losers = _one_winner(results)
        states = [r['state'] for r in admin.call('crm.receivable', 'read', payments, ['state'])]
        assert states[winner] == 'waiting' and states[1 - winner] == 'draft', states
        data = admin.call('crm.contract', 'read', [cid], ['amount_in_review', 'amount_received'])[0]
        assert data['amount_in_review'] == amounts[winner] and data['amount_received'] == 0
        reviews = admin.call('tier.review', 'search_count', [
            ('model', '=', 'crm.receivable'), ('res_id', 'in', payments)])
        assert reviews == 1


CLIENTS = 25


def _approved_contract(admin, lina, east, tag, n, amount):
    cid = admin.call('crm.contract', 'create', {
        'name': 'E2E Race %s %d' % (tag, n),
        'partner_id': _customer(admin, tag, 200 + n, lina.uid, east),
        'user_id': lina.uid, 'team_id': east, 'date_start': '2026-12-01',
        'date_end': '2027-11-30', 'amount_total': amount})
    admin.call('crm.contract', 'action_submit', [cid])
    for _tier in range(3):      # large amounts: the administrator decides every tier
        if admin.call('crm.contract', 'read', [cid], ['state'])[0]['state'] != 'waiting':
            break
        admin.call('crm.contract', 'action_approve', [cid])
    assert admin.call('crm.contract', 'read', [cid], ['state'])[0]['state'] == 'approved'
    return cid


def _clean_faults(results):
    for kind, value in results:
        assert kind != 'error', value
        if kind == 'fault':
            assert value.faultCode in (2, 4), 'not a clean error: %s' % value.faultString[-500:]
            assert 'Traceback' not in value.faultString, value.faultString[-500:]
            assert CJK.search(value.faultString), 'not in Chinese: %s' % value.faultString[-300:]


def test_plans_added_at_once_never_exceed_the_contract(admin):
    """25 clients each add a 54,000 plan to a 90,000 contract at the same moment: plans
    lock their contract like payments, so exactly one gets through."""
    east = admin.ref('crm_sales.team_east')
    lina = Rpc('lina')
    cid = _approved_contract(admin, lina, east, uuid.uuid4().hex[:6], 0, 90000)
    sessions = [Rpc('lina') for _i in range(CLIENTS)]
    results = _race([(s, 'crm.receivable.plan', 'create', [{
        'contract_id': cid, 'amount': 54000, 'date_planned': '2027-01-15'}]) for s in sessions])
    _clean_faults(results)
    assert [r[0] for r in results].count('ok') == 1, results
    plans = admin.call('crm.receivable.plan', 'search_read', [('contract_id', '=', cid)],
                       ['amount'])
    assert sum(p['amount'] for p in plans) == 54000


def test_approvals_of_different_payments_of_one_contract_all_succeed(admin):
    """The leader approves 25 payments of one contract at once (each 50,000 or more, so
    each waits for him): every approval goes through (Odoo retries the ones that met
    another on the contract's totals), and the contract adds them all up."""
    east = admin.ref('crm_sales.team_east')
    lina = Rpc('lina')
    amount = 50000
    cid = _approved_contract(admin, lina, east, uuid.uuid4().hex[:6], 1, amount * CLIENTS)
    payments = [lina.call('crm.receivable', 'create', {
        'contract_id': cid, 'amount': amount, 'date': '2026-12-05'}) for _i in range(CLIENTS)]
    lina.call('crm.receivable', 'action_submit', payments)
    assert {r['state'] for r in admin.call('crm.receivable', 'read', payments, ['state'])} == \
        {'waiting'}
    leaders = [Rpc('zhangwei') for _i in range(CLIENTS)]
    results = _race([(leader, 'crm.receivable', 'action_approve', [[p], 'ok'])
                     for leader, p in zip(leaders, payments)])
    assert all(r[0] == 'ok' for r in results), [
        r[1] if r[0] == 'error' else r[1].faultString[-300:] for r in results if r[0] != 'ok']
    states = {r['state'] for r in admin.call('crm.receivable', 'read', payments, ['state'])}
    assert states == {'approved'}, states
    data = admin.call('crm.contract', 'read', [cid], ['amount_received', 'amount_in_review'])[0]
    assert (data['amount_received'], data['amount_in_review']) == (amount * CLIENTS, 0)
