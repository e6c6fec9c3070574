"""crm_pool under real concurrency: 20 salespeople, each with its own XML-RPC connection,
claim the same 10 pool customers at the same moment against a server with 4 workers.

Expected: every customer ends with exactly one owner, nobody exceeds the customer limit,
every loser gets the "already claimed" error (or the limit error once they hit it), and
the pool log holds exactly one claim per customer."""
import random
import threading
import time
import xmlrpc.client

from conftest import Rpc

N_USERS = 20
N_CUSTOMERS = 10
LIMIT = 2


def _setup_users(admin, prefix, n, limit):
    salesman = admin.ref('crm_sales.group_crm_salesman')
    employee = admin.ref('base.group_user')
    user_ids = []
    for i in range(n):
        login = '%s_%02d' % (prefix, i)
        user_ids.append(admin.call('res.users', 'create', {
            'name': 'Pool Racer %s %02d' % (prefix[-6:], i), 'login': login, 'password': login, 'lang': 'zh_CN',
            'groups_id': [(6, 0, [employee, salesman])]}))
    admin.call('crm.customer.limit', 'create', {
        'name': 'Race limit %s' % prefix, 'limit_type': 'owned', 'max_count': limit,
        'user_ids': [(6, 0, user_ids)]})
    return user_ids


def _setup_pool_customers(admin, prefix, n):
    pool_id = admin.call('crm.pool', 'create', {'name': 'Race pool %s' % prefix,
                                                'sequence': 99})
    ids = [admin.call('res.partner', 'create', {
        'name': 'Race Customer %s %02d' % (prefix, i), 'is_company': True, 'customer': True,
        'phone': '021-6000 %04d' % i, 'pool_id': pool_id}) for i in range(n)]
    return pool_id, ids


def _race(sessions, customer_ids, shuffle=True):
    """Every session claims every customer (one call each), all starting together."""
    barrier = threading.Barrier(len(sessions))
    results = {}

    def worker(index, rpc):
        order = list(customer_ids)
        if shuffle:
            random.Random(index).shuffle(order)
        out = []
        barrier.wait()
        for pid in order:
            try:
                rpc.call('res.partner', 'action_pool_claim', [pid])
                out.append((pid, 'ok', None))
            except xmlrpc.client.Fault as fault:
                out.append((pid, 'fault', fault.faultString))
            except Exception as exc:  # transport errors are failures too
                out.append((pid, 'error', repr(exc)))
        results[rpc.uid] = out

    threads = [threading.Thread(target=worker, args=(i, s)) for i, s in enumerate(sessions)]
    start = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    return results, time.time() - start


def test_twenty_salespeople_claim_ten_customers(admin):
    prefix = 'race%d' % int(time.time() * 1000 % 10 ** 9)
    user_ids = _setup_users(admin, prefix, N_USERS, LIMIT)
    _pool_id, customer_ids = _setup_pool_customers(admin, prefix, N_CUSTOMERS)
    sessions = [Rpc('%s_%02d' % (prefix, i)) for i in range(N_USERS)]

    results, elapsed = _race(sessions, customer_ids)
    assert len(results) == N_USERS, 'a thread did not finish'

    wins = [(uid, pid) for uid, out in results.items() for pid, status, _ in out if status == 'ok']
    faults = [msg for out in results.values() for _pid, status, msg in out if status == 'fault']
    errors = [msg for out in results.values() for _pid, status, msg in out if status == 'error']
    assert not errors, errors[:3]
    # each customer claimed exactly once
    assert sorted(pid for _uid, pid in wins) == sorted(customer_ids)
    # every loser got a clear error: already claimed, or (after LIMIT wins) the limit
    already = [m for m in faults if '已被' in m and '领取' in m]  # zh_CN: "already claimed by"
    limited = [m for m in faults if 'Race limit %s' % prefix in m]
    assert len(already) + len(limited) == len(faults), [
        m for m in faults if m not in already and m not in limited][:3]
    assert len(already) >= N_CUSTOMERS, 'expected many "already claimed" losers'
    assert len(wins) + len(faults) == N_USERS * N_CUSTOMERS

    # database state: one owner each, the winner; nobody above the limit
    rows = admin.call('res.partner', 'read', customer_ids, ['user_id', 'pool_id', 'phone'])
    owner_by_customer = {r['id']: r['user_id'] and r['user_id'][0] for r in rows}
    assert all(r['user_id'] and not r['pool_id'] for r in rows)
    assert owner_by_customer == {pid: uid for uid, pid in wins}
    for uid in user_ids:
        owned = admin.call('res.partner', 'search_count',
                           [('user_id', '=', uid), ('is_crm_customer', '=', True)])
        assert owned <= LIMIT, 'user %s owns %s customers' % (uid, owned)

    # the log holds exactly one claim per customer, by the owner
    logs = admin.call('crm.pool.log', 'search_read',
                      [('partner_id', 'in', customer_ids), ('action', '=', 'claim')],
                      ['partner_id', 'user_id', 'to_user_id'])
    assert len(logs) == N_CUSTOMERS
    assert {l['partner_id'][0]: l['to_user_id'][0] for l in logs} == owner_by_customer
    print('\n20 x 10 concurrent claims in %.1f s: %d won, %d "already claimed", %d limit'
          % (elapsed, len(wins), len(already), len(limited)))


def test_one_salesperson_parallel_claims_respect_limit(admin):
    """Five parallel connections of the same salesperson (limit 1) claim five different
    customers: the per-user serialization lets exactly one through."""
    prefix = 'solo%d' % int(time.time() * 1000 % 10 ** 9)
    _setup_users(admin, prefix, 1, 1)
    _pool_id, customer_ids = _setup_pool_customers(admin, prefix, 5)
    login = '%s_00' % prefix
    sessions = [Rpc(login) for _ in range(5)]
    barrier = threading.Barrier(5)
    outcome = []

    def worker(rpc, pid):
        barrier.wait()
        try:
            rpc.call('res.partner', 'action_pool_claim', [pid])
            outcome.append('ok')
        except xmlrpc.client.Fault as fault:
            outcome.append(fault.faultString)

    threads = [threading.Thread(target=worker, args=(s, pid))
               for s, pid in zip(sessions, customer_ids)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert outcome.count('ok') == 1, outcome
    assert all('Race limit %s' % prefix in m for m in outcome if m != 'ok'), outcome
    uid = sessions[0].uid
    assert admin.call('res.partner', 'search_count', [('user_id', '=', uid)]) == 1
