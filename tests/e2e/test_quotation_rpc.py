"""crm_quotation over XML-RPC, as the demo users: lina quotes an opportunity in one
call (products and prices copied), submits it; the tiers route it (total discount above
15 % -> her team leader zhangwei, above 1,000,000 -> the sales managers); the approved
quote is sent, frozen, revised into V2, accepted and made a contract. Every bad input
fails with a clear Chinese error and changes nothing; each role sees only its scope;
two reviewers deciding at once, and an accept racing a revision, leave one winner.

Records are created per test (names carry a random tag; customers and products have
ASCII names so that the Chinese of an error message can only come from its
translation)."""
import re
import threading
import uuid
import xmlrpc.client

import pytest

from conftest import Rpc

CJK = re.compile('[\u4e00-\u9fff]')
USERS = ('lina', 'wangfang', 'zhangwei', 'yanglei', 'sunqiang', 'zhoutao', 'wugang', 'xuli',
         'zhaoqiang')
NAMES = []


@pytest.fixture(scope='module')
def ctx(admin, rpc):
    tag = uuid.uuid4().hex[:6]
    uid = {login: rpc(login).uid for login in USERS}
    team = {'east': admin.ref('crm_sales.team_east'), 'south': admin.ref('crm_sales.team_south')}
    product = {
        'mes': admin.call('product.product', 'create', {
            'name': 'E2E Quote MES %s' % tag, 'lst_price': 180000, 'type': 'service'}),
        'cloud': admin.call('product.product', 'create', {
            'name': 'E2E Quote Cloud %s' % tag, 'lst_price': 36000, 'type': 'service'}),
    }
    NAMES[:] = sorted(
        {r['name'] for model in ('res.users', 'crm.team', 'tier.definition', 'res.company')
         for r in admin.call(model, 'search_read', [], ['name'],
                             context={'active_test': False}) if r['name']}
        | {r['name'] for r in admin.call('res.partner', 'search_read',
                                         [('user_ids', '!=', False)], ['name'])},
        key=len, reverse=True)
    return {'tag': tag, 'uid': uid, 'team': team, 'product': product, 'seq': [0]}


def _next(ctx):
    ctx['seq'][0] += 1
    return '%s-%d' % (ctx['tag'], ctx['seq'][0])


def expect(fault, code, *tokens):
    """A business error of ``code`` (2: UserError / ValidationError, 4: AccessError),
    naming ``tokens``, in Chinese (apart from the names in it), without a traceback."""
    message = fault.faultString
    assert fault.faultCode in (code if isinstance(code, tuple) else (code,)), message[-500:]
    assert 'Traceback' not in message, message[-500:]
    for token in tokens:
        assert str(token) in message, (token, message[-500:])
    rest = message
    for name in NAMES:
        rest = rest.replace(name, '')
    assert CJK.search(rest), 'the message is not in Chinese: %s' % message[-300:]
    return message


def customer(admin, ctx, owner='lina', team='east'):
    partner = admin.call('res.partner', 'create', {
        'name': 'E2E Quote Customer %s' % _next(ctx), 'is_company': True,
        'customer': True, 'user_id': ctx['uid'][owner], 'team_id': ctx['team'][team]})
    admin.call('res.partner', 'create', {'name': 'E2E Buyer %s' % _next(ctx),
                                         'parent_id': partner, 'type': 'contact'})
    return partner


def opportunity(admin, ctx, partner, lines, owner='lina', team='east'):
    return admin.call('crm.lead', 'create', {
        'name': 'E2E Quote Opportunity %s' % _next(ctx), 'type': 'opportunity',
        'partner_id': partner, 'user_id': ctx['uid'][owner], 'team_id': ctx['team'][team],
        'product_line_ids': [(0, 0, line) for line in lines]})


def quote(admin, ctx, lines, owner='lina', team='east', submit=False, send=False):
    """A quote created by ``owner`` over RPC; ``submit`` / ``send``: by the owner too."""
    user = Rpc(owner)
    qid = user.call('crm.quotation', 'create', {
        'partner_id': customer(admin, ctx, owner, team), 'user_id': ctx['uid'][owner],
        'team_id': ctx['team'][team], 'title': 'E2E Quote %s' % _next(ctx),
        'line_ids': [(0, 0, line) for line in lines]})
    if submit or send:
        user.call('crm.quotation', 'action_submit', [qid])
    if send:
        user.call('crm.quotation', 'action_send', [qid])
    return qid


def read(user, qid, *names):
    return user.call('crm.quotation', 'read', [qid], list(names))[0]


def footprint(admin, qid):
    doc = [('model', '=', 'crm.quotation'), ('res_id', '=', qid)]
    return {
        'quote': admin.call('crm.quotation', 'read', [qid], [])[0],
        'lines': admin.call('crm.quotation.line', 'search_read', [('quotation_id', '=', qid)], []),
        'reviews': admin.call('tier.review', 'search_read', doc, []),
        'messages': admin.call('mail.message', 'search_count', doc),
        'quotes': admin.call('crm.quotation', 'search_count', []),
        'contracts': admin.call('crm.contract', 'search_count', []),
    }


def small(ctx, price=34000):
    return [{'product_id': ctx['product']['cloud'], 'quantity': 1, 'price_unit': price}]


# ---------------------------------------------------------------------- the chain
def test_from_opportunity_to_contract(rpc, admin, ctx):
    lina, leader = rpc('lina'), rpc('zhangwei')
    partner = customer(admin, ctx)
    opp = opportunity(admin, ctx, partner, [
        {'product_id': ctx['product']['mes'], 'quantity': 2, 'offer_price': 150000},
        {'product_id': ctx['product']['cloud'], 'quantity': 1, 'offer_price': 36000}])
    qid = lina.call('crm.lead', 'action_create_quotation', [opp])['res_id']
    data = read(lina, qid, 'reference', 'state', 'partner_id', 'contact_id', 'lead_id', 'line_ids',
                'amount_list', 'amount_total', 'discount_total', 'validity_date')
    assert re.match(r'^BJ\d{8}\d{4}$', data['reference']), data['reference']
    assert data['state'] == 'draft' and data['lead_id'][0] == opp
    assert data['partner_id'][0] == partner and data['contact_id']
    assert len(data['line_ids']) == 2
    assert data['amount_list'] == 2 * 180000 + 36000
    assert data['amount_total'] == 2 * 150000 + 36000
    assert data['discount_total'] > 15
    lead = lina.call('crm.lead', 'read', [opp], ['quotation_count', 'current_quotation_id'])[0]
    assert lead['quotation_count'] == 1 and lead['current_quotation_id'][0] == qid

    lina.call('crm.quotation', 'action_submit', [qid])
    assert read(lina, qid, 'state')['state'] == 'waiting'
    assert qid in leader.call('crm.quotation', 'search', [('crm_my_turn', '=', True)])
    counts = leader.call('crm.todo', 'get_counts')
    assert counts['quotation_review_count'] >= 1
    leader.call('crm.quotation', 'action_approve', [qid], '同意')
    lina.call('crm.quotation', 'action_send', [qid])
    assert read(lina, qid, 'state')['state'] == 'sent'

    # frozen: a change is a new version
    expect(lina.fault('crm.quotation', 'write', [qid], {'discount': 1}), 2, data['reference'])
    v2 = lina.call('crm.quotation', 'action_revise', [qid])['res_id']
    assert read(lina, v2, 'reference')['reference'] == data['reference'] + '-V2'
    assert read(lina, qid, 'state')['state'] == 'superseded'
    lead = lina.call('crm.lead', 'read', [opp], ['quotation_count', 'current_quotation_id'])[0]
    assert lead['current_quotation_id'][0] == v2 and lead['quotation_count'] == 1
    line = read(lina, v2, 'line_ids')['line_ids'][0]
    lina.call('crm.quotation.line', 'write', [line], {'discount': 5})
    lina.call('crm.quotation', 'action_submit', [v2])
    if read(lina, v2, 'state')['state'] == 'waiting':
        leader.call('crm.quotation', 'action_approve', [v2])
    lina.call('crm.quotation', 'action_send', [v2])
    lina.call('crm.quotation', 'action_accept', [v2], '客户签字确认')
    action = lina.call('crm.quotation', 'action_create_contract', [v2])
    contract = lina.call('crm.contract', 'read', [action['res_id']], [
        'partner_id', 'lead_id', 'customer_signer_id', 'amount_total', 'line_ids'])[0]
    v2data = read(lina, v2, 'amount_total', 'contract_id', 'contact_id')
    assert contract['partner_id'][0] == partner and contract['lead_id'][0] == opp
    assert contract['customer_signer_id'][0] == v2data['contact_id'][0]
    assert contract['amount_total'] == v2data['amount_total']
    assert v2data['contract_id'][0] == action['res_id']


def test_big_quotes_go_to_the_sales_managers(rpc, admin, ctx):
    lina, leader, manager = rpc('lina'), rpc('zhangwei'), rpc('sunqiang')
    qid = quote(admin, ctx, [{'product_id': ctx['product']['mes'], 'quantity': 6,
                              'price_unit': 175000}], submit=True)
    assert read(lina, qid, 'state')['state'] == 'waiting'
    assert qid not in leader.call('crm.quotation', 'search', [('crm_my_turn', '=', True)])
    assert qid in manager.call('crm.quotation', 'search', [('crm_my_turn', '=', True)])
    expect(leader.fault('crm.quotation', 'action_approve', [qid]), 4)
    expect(lina.fault('crm.quotation', 'action_approve', [qid]), 4)
    manager.call('crm.quotation', 'action_approve', [qid])
    assert read(lina, qid, 'state')['state'] == 'approved'


# ---------------------------------------------------------------------- bad input
def test_bad_input_is_refused_in_chinese_and_changes_nothing(rpc, admin, ctx):
    lina = rpc('lina')
    qid = quote(admin, ctx, small(ctx))
    before = footprint(admin, qid)
    line = read(lina, qid, 'line_ids')['line_ids'][0]
    bad = [
        ('crm.quotation', 'write', [[qid], {'state': 'accepted'}], 4),
        ('crm.quotation', 'write', [[qid], {'amount_total': 1}], 4),
        ('crm.quotation', 'write', [[qid], {'discount': 120}], 2),
        ('crm.quotation', 'write', [[qid], {'number': 'BJX'}], 4),
        ('crm.quotation.line', 'write', [[line], {'floor_price': 5}], 4),
        ('crm.quotation.line', 'write', [[line], {'list_price': 1}], 4),
        ('crm.quotation.line', 'write', [[line], {'quantity': -1}], 2),
        ('crm.quotation', 'action_send', [[qid]], 2),
        ('crm.quotation', 'action_accept', [[qid]], 2),
        ('crm.quotation', 'action_decline', [[qid], ''], 2),
        ('crm.quotation', 'action_revise', [[qid]], 2),
        ('crm.quotation', 'action_create_contract', [[qid]], 2),
        ('crm.quotation', 'action_accept', [[qid], {'x': 1}], 2),
        ('crm.quotation', 'action_submit', [['x']], (1, 2)),
    ]
    for model, method, args, code in bad:
        fault = lina.fault(model, method, *args)
        if code == (1, 2):
            assert fault.faultCode in (1, 2) and 'Traceback' not in fault.faultString
        else:
            expect(fault, code)
    expect(lina.fault('crm.quotation', 'create', {
        'partner_id': customer(admin, ctx), 'line_ids': [(0, 0, {
            'product_id': ctx['product']['cloud'], 'list_price': 1})]}), 4)
    expect(lina.fault('crm.quotation', 'create', {
        'partner_id': customer(admin, ctx), 'state': 'approved'}), 4)
    after = footprint(admin, qid)
    after['quotes'] = before['quotes']   # the refused creates above made nothing: checked
    assert after == before
    assert admin.call('crm.quotation', 'search_count', []) == before['quotes']


def test_each_role_sees_its_scope(rpc, admin, ctx):
    qid = quote(admin, ctx, small(ctx))
    sees = {login: bool(Rpc(login).call('crm.quotation', 'search', [('id', '=', qid)]))
            for login in ('lina', 'wangfang', 'zhangwei', 'yanglei', 'sunqiang', 'wugang')}
    assert sees == {'lina': True, 'wangfang': False, 'zhangwei': True, 'yanglei': False,
                    'sunqiang': True, 'wugang': True}
    for login in ('xuli', 'zhaoqiang'):
        expect(Rpc(login).fault('crm.quotation', 'search', []), 4)
    expect(Rpc('wangfang').fault('crm.quotation', 'read', [qid], ['reference']), 4)
    expect(Rpc('wugang').fault('crm.quotation', 'action_submit', [qid]), (2, 4))
    expect(Rpc('yanglei').fault('crm.quotation', 'write', [qid], {'title': 'x'}), 4)


# ---------------------------------------------------------------------- races
def _race(calls):
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
    assert all(r is not None for r in results), results
    assert not [r for r in results if r[0] == 'error'], results
    wins = [i for i, r in enumerate(results) if r[0] == 'ok']
    assert len(wins) == 1, results
    for kind, fault in results:
        if kind == 'fault':
            expect(fault, (2, 4))
    return wins[0]


def test_two_reviewers_deciding_at_once(admin, ctx):
    """Two sales managers decide the same tier at the same moment: one decision wins,
    the other hears the quote moved on; the review is decided once."""
    for _round in range(3):
        qid = quote(admin, ctx, [{'product_id': ctx['product']['mes'], 'quantity': 6,
                                  'price_unit': 175000}], submit=True)
        managers = [Rpc('sunqiang'), Rpc('zhoutao')]
        for m in managers:
            assert m.call('crm.quotation', 'read', [qid], ['crm_my_turn'])[0]['crm_my_turn']
        results = _race([(managers[0], 'crm.quotation', 'action_approve', [[qid]]),
                         (managers[1], 'crm.quotation', 'action_reject', [[qid], '太贵'])])
        winner = _one_winner(results)
        state = admin.call('crm.quotation', 'read', [qid], ['state'])[0]['state']
        assert state == ('approved' if winner == 0 else 'draft')
        reviews = admin.call('tier.review', 'search_read',
                             [('model', '=', 'crm.quotation'), ('res_id', '=', qid)],
                             ['status', 'done_by'])
        assert len([r for r in reviews if r['done_by']]) == 1


def test_accept_while_revising(admin, ctx):
    """The customer's acceptance is recorded while a colleague revises the same sent
    quote: one of them wins; never an accepted quote that is also superseded."""
    for _round in range(3):
        qid = quote(admin, ctx, small(ctx), send=True)
        lina, leader = Rpc('lina'), Rpc('zhangwei')
        results = _race([(lina, 'crm.quotation', 'action_accept', [[qid]]),
                         (leader, 'crm.quotation', 'action_revise', [[qid]])])
        winner = _one_winner(results)
        state = admin.call('crm.quotation', 'read', [qid], ['state'])[0]['state']
        assert state == ('accepted' if winner == 0 else 'superseded')
        versions = admin.call('crm.quotation', 'search_count', [('root_id', '=', qid)])
        assert versions == (0 if winner == 0 else 1)
