"""crm_contract over XML-RPC, as the demo users: a won opportunity becomes a contract,
which is approved tier by tier (leader above 100,000, then a sales manager above
1,000,000), rejected with a reason, revised, paid by plans and payments; every bad input
fails with a clear Chinese error and changes nothing; each user sees only the contracts
of their scope (plus what they are asked to approve).

Records are created per test (names carry a random tag; customers, opportunities and
products have ASCII names so that the Chinese of an error message can only come from
its translation); the demo users, teams and approval tiers of crm_sales / crm_contract
are used. Dates that decide a state (overdue plans) are set with the ``clock`` fixture."""
import base64
import re
import uuid
from contextlib import contextmanager

import pytest

CJK = re.compile('[\u4e00-\u9fff]')
USERS = ('lina', 'wangfang', 'zhangwei', 'yanglei', 'chenjing', 'sunqiang', 'zhoutao',
         'wugang')
# Chinese names that may appear inside a message whatever its language (users, teams,
# tiers, demo records): removed before checking that the message itself is Chinese
NAMES = []


@pytest.fixture(scope='module')
def ctx(admin, rpc):
    tag = uuid.uuid4().hex[:6]
    uid = {login: rpc(login).uid for login in USERS}
    uid['admin'] = admin.uid
    team = {'east': admin.ref('crm_sales.team_east'), 'south': admin.ref('crm_sales.team_south')}
    product = {
        'mes': admin.call('product.product', 'create', {
            'name': 'E2E MES %s' % tag, 'lst_price': 180000, 'type': 'service'}),
        'cloud': admin.call('product.product', 'create', {
            'name': 'E2E Cloud %s' % tag, 'lst_price': 36000, 'type': 'service'}),
    }
    NAMES[:] = sorted(
        {r['name'] for model in ('res.users', 'crm.team', 'tier.definition', 'res.company')
         for r in admin.call(model, 'search_read', [], ['name'],
                             context={'active_test': False}) if r['name']}
        | {r['name'] for r in admin.call('res.partner', 'search_read',
                                         [('user_ids', '!=', False)], ['name'])},
        key=len, reverse=True)
    return {'tag': tag, 'uid': uid, 'team': team, 'product': product, 'seq': [0],
            'method': admin.ref('crm_contract.method_bank_transfer')}


def _next(ctx):
    ctx['seq'][0] += 1
    return '%s-%d' % (ctx['tag'], ctx['seq'][0])


def expect(fault, code, *tokens):
    """The fault is a business error of ``code`` (2: UserError / ValidationError, 4:
    AccessError), names ``tokens`` and reads in Chinese (apart from the names in it)."""
    message = fault.faultString
    assert fault.faultCode in (code if isinstance(code, tuple) else (code,)), message[-500:]
    for token in tokens:  # amounts may come formatted: 30000 matches "¥ 30,000.00"
        assert str(token) in message or str(token) in message.replace(',', ''), (
            token, message[-500:])
    rest = message
    for name in NAMES:
        rest = rest.replace(name, '')
    assert CJK.search(rest), 'the message is not in Chinese: %s' % message[-300:]
    return message


def customer(admin, ctx, owner='lina', team='east'):
    return admin.call('res.partner', 'create', {
        'name': 'E2E Contract Customer %s' % _next(ctx), 'is_company': True,
        'customer': True, 'user_id': ctx['uid'][owner], 'team_id': ctx['team'][team]})


def contract(admin, ctx, owner='lina', team='east', amount=90000.0, partner=None,
             submit=False, **vals):
    """A contract created by admin for ``owner``; ``submit``: admin submits it (below
    100,000 it is approved at once)."""
    values = {
        'name': 'E2E Contract %s' % _next(ctx),
        'partner_id': partner or customer(admin, ctx, owner, team),
        'user_id': ctx['uid'][owner], 'team_id': ctx['team'][team],
        'sign_date': '2026-03-02', 'date_start': '2026-03-02', 'date_end': '2027-03-01',
        'amount_total': amount}
    values.update(vals)
    cid = admin.call('crm.contract', 'create', values)
    if submit:
        admin.call('crm.contract', 'action_submit', [cid])
    return cid


def state(user, model, rec_id):
    return user.call(model, 'read', [rec_id], ['state'])[0]['state']


def footprint(admin, cid):
    """Everything a failed call could have changed about one contract."""
    data = admin.call('crm.contract', 'read', [cid], [])[0]
    on = [('contract_id', '=', cid)]
    doc = [('model', '=', 'crm.contract'), ('res_id', '=', cid)]
    return {
        'contract': data,
        'lines': admin.call('crm.contract.line', 'search_read', on, []),
        'plans': admin.call('crm.receivable.plan', 'search_read', on, []),
        'payments': admin.call('crm.receivable', 'search_read', on, []),
        'reviews': admin.call('tier.review', 'search_read', doc, []),
        'messages': admin.call('mail.message', 'search_count', doc),
        'activities': admin.call('mail.activity', 'search_count',
                                 [('res_model', '=', 'crm.contract'), ('res_id', '=', cid)]),
        'contracts': admin.call('crm.contract', 'search_count',
                                [('partner_id', '=', data['partner_id'][0])]),
        'partner': admin.call('res.partner', 'read', [data['partner_id'][0]],
                              ['is_deal', 'first_deal_date', 'contract_amount',
                               'contract_received', 'contract_outstanding'])[0],
    }


@contextmanager
def unchanged(admin, *contract_ids):
    before = [footprint(admin, cid) for cid in contract_ids]
    yield
    after = [footprint(admin, cid) for cid in contract_ids]
    for old, new in zip(before, after):
        for key in old:
            assert new[key] == old[key], key


def reviews(user, cid):
    return user.call('tier.review', 'search_read',
                     [('model', '=', 'crm.contract'), ('res_id', '=', cid)],
                     ['sequence', 'status', 'done_by', 'reviewed_date', 'comment', 'crm_turn',
                      'reviewer_ids'], order='sequence')


def my_turn(user, cid):
    return user.call('crm.contract', 'read', [cid], ['crm_my_turn'])[0]['crm_my_turn']


# ---------------------------------------------------------------------- the chain
def _won_opportunity(admin, rpc, ctx, partner, lines, discount):
    lina = rpc('lina')
    opp = admin.call('crm.lead', 'create', {
        'name': 'E2E Won Opportunity %s' % _next(ctx), 'type': 'opportunity',
        'partner_id': partner, 'user_id': ctx['uid']['lina'], 'team_id': ctx['team']['east'],
        'discount': discount,
        'product_line_ids': [(0, 0, line) for line in lines]})
    assert lina.call('crm.lead', 'action_set_end_status', [opp], 'won') is True
    return opp


def test_contract_from_a_won_opportunity(rpc, admin, ctx):
    """The demo's won opportunity of lina becomes a draft contract of hers with its
    customer and products; an open opportunity does not."""
    lina = rpc('lina')
    opp = admin.ref('crm_sales.demo_opportunity_09')
    lead = admin.call('crm.lead', 'read', [opp], ['partner_id', 'amount_total',
                                                   'product_line_ids', 'team_id'])[0]
    action = lina.call('crm.lead', 'action_create_contract', [opp])
    assert action['res_model'] == 'crm.contract' and action['res_id']
    cid = action['res_id']
    data = lina.call('crm.contract', 'read', [cid], [
        'state', 'partner_id', 'lead_id', 'user_id', 'team_id', 'amount_total', 'line_ids',
        'number', 'revision'])[0]
    assert data['state'] == 'draft' and data['revision'] == 1 and data['number']
    assert data['partner_id'][0] == lead['partner_id'][0]
    assert data['lead_id'][0] == opp and data['user_id'][0] == lina.uid
    assert data['team_id'][0] == lead['team_id'][0]
    assert data['amount_total'] == lead['amount_total']
    assert len(data['line_ids']) == len(lead['product_line_ids'])
    assert cid in lina.call('crm.lead', 'read', [opp], ['contract_ids'])[0]['contract_ids']
    # an opportunity that is not won
    open_opp = admin.call('crm.lead', 'create', {
        'name': 'E2E Open Opportunity %s' % _next(ctx), 'type': 'opportunity',
        'partner_id': customer(admin, ctx), 'user_id': lina.uid,
        'team_id': ctx['team']['east']})
    count = admin.call('crm.contract', 'search_count', [])
    fault = lina.fault('crm.lead', 'action_create_contract', [open_opp])
    expect(fault, 2, 'E2E Open Opportunity')
    assert admin.call('crm.contract', 'search_count', []) == count
    assert not lina.call('crm.lead', 'read', [open_opp], ['contract_ids'])[0]['contract_ids']


def test_approval_chain_leader_then_manager(rpc, admin, ctx):
    lina, leader, manager = rpc('lina'), rpc('zhangwei'), rpc('sunqiang')
    partner = customer(admin, ctx)
    lines = [{'product_id': ctx['product']['mes'], 'list_price': 180000, 'offer_price': 171000,
              'quantity': 8},
             {'product_id': ctx['product']['cloud'], 'list_price': 36000, 'offer_price': 30000,
              'quantity': 2}]
    opp = _won_opportunity(admin, rpc, ctx, partner, lines, 5.0)
    opp_total = admin.call('crm.lead', 'read', [opp], ['amount_total'])[0]['amount_total']
    expected_total = round((171000 * 8 + 30000 * 2) * 0.95, 2)
    assert opp_total == expected_total

    # lina makes the contract: lines, discount and amount carried over
    cid = lina.call('crm.lead', 'action_create_contract', [opp])['res_id']
    data = lina.call('crm.contract', 'read', [cid], [
        'partner_id', 'lead_id', 'discount', 'amount_total', 'amount_products', 'state',
        'user_id', 'team_id'])[0]
    assert data['partner_id'][0] == partner and data['lead_id'][0] == opp
    assert data['discount'] == 5.0 and data['amount_total'] == expected_total
    assert data['amount_products'] == 171000 * 8 + 30000 * 2
    assert data['state'] == 'draft' and data['user_id'][0] == lina.uid
    assert data['team_id'][0] == ctx['team']['east']
    got = lina.call('crm.contract.line', 'search_read', [('contract_id', '=', cid)],
                    ['product_id', 'list_price', 'price_unit', 'quantity'], order='id')
    assert sorted((l['product_id'][0], l['list_price'], l['price_unit'], l['quantity'])
                  for l in got) == sorted((l['product_id'], l['list_price'], l['offer_price'],
                                           l['quantity']) for l in lines)
    assert lina.call('crm.lead', 'read', [opp], ['contract_ids'])[0]['contract_ids'] == [cid]

    # no dates yet: submitting is refused and nothing changes
    with unchanged(admin, cid):
        expect(lina.fault('crm.contract', 'action_submit', [cid]), 2)
    lina.call('crm.contract', 'write', [cid], {'date_start': '2026-12-01',
                                              'date_end': '2028-11-30'})
    leader_count = leader.call('crm.todo', 'get_counts')['contract_review_count']
    assert lina.call('crm.contract', 'action_submit', [cid]) is True
    assert state(lina, 'crm.contract', cid) == 'waiting'

    # tier 1 is zhangwei's turn, not the manager's
    revs = reviews(admin, cid)
    assert [r['sequence'] for r in revs] == [1, 2]
    assert [r['status'] for r in revs] == ['pending', 'pending']
    assert revs[0]['crm_turn'] and not revs[1]['crm_turn']
    assert revs[0]['reviewer_ids'] == [leader.uid]
    assert manager.uid in revs[1]['reviewer_ids']
    assert my_turn(leader, cid) is True and my_turn(manager, cid) is False
    assert cid in leader.call('crm.contract', 'search', [('crm_my_turn', '=', True)])
    assert cid not in manager.call('crm.contract', 'search', [('crm_my_turn', '=', True)])
    assert leader.call('crm.todo', 'get_counts')['contract_review_count'] == leader_count + 1
    label = lina.call('crm.contract', 'read', [cid], ['crm_turn_label'])[0]['crm_turn_label']
    assert '张伟' in label

    # out of turn: the owner and the manager cannot approve tier 1
    with unchanged(admin, cid):
        expect(lina.fault('crm.contract', 'action_approve', [cid], 'mine'), 4)
        expect(manager.fault('crm.contract', 'action_approve', [cid], 'skip'), 4)
        expect(rpc('zhoutao').fault('crm.contract', 'action_approve', [cid]), 4)

    comment = 'Price within authority %s' % ctx['tag']
    assert leader.call('crm.contract', 'action_approve', [cid], comment) is True
    assert state(lina, 'crm.contract', cid) == 'waiting'
    assert my_turn(leader, cid) is False and my_turn(manager, cid) is True
    assert my_turn(rpc('zhoutao'), cid) is True
    assert leader.call('crm.contract', 'read', [cid], ['crm_approved_by_me'])[0]['crm_approved_by_me']
    assert leader.call('crm.todo', 'get_counts')['contract_review_count'] == leader_count
    # the leader cannot decide tier 2 as well
    with unchanged(admin, cid):
        expect(leader.fault('crm.contract', 'action_approve', [cid]), 4)

    assert manager.call('crm.contract', 'action_approve', [cid], 'OK %s' % ctx['tag']) is True
    assert state(lina, 'crm.contract', cid) == 'approved'
    assert not my_turn(rpc('zhoutao'), cid)

    # the customer became a deal; the totals count the contract
    cust = lina.call('res.partner', 'read', [partner], [
        'is_deal', 'first_deal_date', 'contract_amount', 'contract_outstanding'])[0]
    assert cust['is_deal'] and cust['first_deal_date']
    assert cust['contract_amount'] == expected_total == cust['contract_outstanding']

    # who decided, when and why, readable by the owner
    revs = lina.call('tier.review', 'search_read',
                     [('model', '=', 'crm.contract'), ('res_id', '=', cid)],
                     ['sequence', 'status', 'done_by', 'reviewed_date', 'comment'],
                     order='sequence')
    assert [(r['sequence'], r['status'], r['done_by'][0]) for r in revs] == [
        (1, 'approved', leader.uid), (2, 'approved', manager.uid)]
    assert revs[0]['comment'] == comment and revs[1]['comment'] == 'OK %s' % ctx['tag']
    assert all(r['reviewed_date'] for r in revs)
    assert sorted(lina.call('crm.contract', 'read', [cid], ['review_ids'])[0]['review_ids']) == \
        sorted(r['id'] for r in revs)

    # the chatter has each step, by the person who did it
    messages = lina.call('mail.message', 'search_read',
                         [('model', '=', 'crm.contract'), ('res_id', '=', cid)],
                         ['body', 'author_id'], order='id')
    by = {}
    for m in messages:
        by.setdefault(m['author_id'] and m['author_id'][0], []).append(m['body'])
    partner_of = {login: admin.call('res.users', 'read', [ctx['uid'][login]],
                                    ['partner_id'])[0]['partner_id'][0]
                  for login in ('lina', 'zhangwei', 'sunqiang')}
    assert any('李娜' in b for b in by.get(partner_of['lina'], [])), messages  # submitted
    assert any(comment in b and '张伟' in b for b in by.get(partner_of['zhangwei'], [])), messages
    assert any('孙强' in b for b in by.get(partner_of['sunqiang'], [])), messages
    # one message per decision: tier 2 approved, which completes the approval
    assert len(by.get(partner_of['sunqiang'], [])) == 1, messages
    assert '审批完成' in by[partner_of['sunqiang']][0], messages


def test_first_approved_contract_makes_the_customer_a_deal(rpc, admin, ctx):
    """A customer without any won opportunity becomes a deal when its first contract is
    approved, dated the contract's sign date."""
    lina = rpc('lina')
    partner = customer(admin, ctx)
    assert not lina.call('res.partner', 'read', [partner], ['is_deal'])[0]['is_deal']
    cid = contract(admin, ctx, partner=partner, amount=80000, sign_date='2026-02-14')
    draft = lina.call('res.partner', 'read', [partner], ['is_deal', 'contract_amount'])[0]
    assert not draft['is_deal'] and draft['contract_amount'] == 0
    assert lina.call('crm.contract', 'action_submit', [cid]) is True  # below 100,000
    assert state(lina, 'crm.contract', cid) == 'approved'
    cust = lina.call('res.partner', 'read', [partner], ['is_deal', 'first_deal_date',
                                                        'contract_amount'])[0]
    assert cust['is_deal'] and cust['first_deal_date'] == '2026-02-14'
    assert cust['contract_amount'] == 80000
    assert reviews(admin, cid) == []


# ---------------------------------------------------------------------- reject
def test_reject_needs_a_reason_then_resubmit(rpc, admin, ctx):
    lina, leader = rpc('lina'), rpc('zhangwei')
    cid = contract(admin, ctx, amount=150000)
    lina.call('crm.contract', 'action_submit', [cid])
    assert state(lina, 'crm.contract', cid) == 'waiting'
    with unchanged(admin, cid):
        for empty in ('', '   ', False):
            expect(leader.fault('crm.contract', 'action_reject', [cid], empty), 2)
        expect(leader.fault('crm.contract', 'reject_tier', [cid]), 2)
        # the owner cannot reject her own contract either
        expect(lina.fault('crm.contract', 'action_reject', [cid], 'no'), 4)
    reason = 'Discount too high %s' % ctx['tag']
    assert leader.call('crm.contract', 'action_reject', [cid], reason) is True
    data = lina.call('crm.contract', 'read', [cid], ['state', 'reject_reason', 'crm_my_turn'])[0]
    assert data['state'] == 'draft' and data['reject_reason'] == reason
    assert not my_turn(leader, cid)
    revs = reviews(admin, cid)
    assert [(r['status'], r['done_by'][0], r['comment']) for r in revs] == [
        ('rejected', leader.uid, reason)]
    # the owner is told (in her inbox: the one message of the rejection, naming the
    # reason) and no activity counts it a second time
    lina_partner = lina.call('res.users', 'read', [lina.uid], ['partner_id'])[0]['partner_id'][0]
    told = lina.call('mail.message', 'search_read', [
        ('model', '=', 'crm.contract'), ('res_id', '=', cid), ('body', 'ilike', reason)],
        ['partner_ids', 'author_id'])
    assert len(told) == 1 and lina_partner in told[0]['partner_ids'], told
    assert told[0]['author_id'][0] == leader.call(
        'res.users', 'read', [leader.uid], ['partner_id'])[0]['partner_id'][0], told
    assert lina.call('mail.activity', 'search_count', [
        ('res_model', '=', 'crm.contract'), ('res_id', '=', cid)]) == 0
    # back in draft: lina edits and resubmits
    lina.call('crm.contract', 'write', [cid], {'amount_total': 140000})
    assert lina.call('crm.contract', 'action_submit', [cid]) is True
    data = lina.call('crm.contract', 'read', [cid], ['state', 'reject_reason'])[0]
    assert data['state'] == 'waiting' and not data['reject_reason']
    revs = reviews(admin, cid)
    assert [(r['status'], r['crm_turn']) for r in revs] == [('pending', True)]
    assert my_turn(leader, cid) is True
    assert leader.call('crm.contract', 'action_approve', [cid]) is True
    assert state(lina, 'crm.contract', cid) == 'approved'


# ---------------------------------------------------------------------- own documents
def test_nobody_approves_a_contract_they_own(rpc, admin, ctx):
    """zhangwei's own contract in his team: tier 1 (the team leader) goes to the sales
    managers; zhangwei cannot approve it."""
    leader, manager = rpc('zhangwei'), rpc('sunqiang')
    cid = contract(admin, ctx, owner='zhangwei', amount=200000)
    assert leader.call('crm.contract', 'action_submit', [cid]) is True
    revs = reviews(admin, cid)
    assert len(revs) == 1
    assert leader.uid not in revs[0]['reviewer_ids']
    assert {manager.uid, ctx['uid']['zhoutao']} <= set(revs[0]['reviewer_ids'])
    assert my_turn(leader, cid) is False and my_turn(manager, cid) is True
    with unchanged(admin, cid):
        expect(leader.fault('crm.contract', 'action_approve', [cid], 'mine'), 4)
        expect(leader.fault('crm.contract', 'validate_tier', [cid]), 4)
    assert manager.call('crm.contract', 'action_approve', [cid]) is True
    assert state(leader, 'crm.contract', cid) == 'approved'


def test_nobody_approves_a_contract_they_submitted(rpc, admin, ctx):
    """zhangwei submits wangfang's contract: he is its tier-1 reviewer but submitted it,
    so the managers decide."""
    leader, manager = rpc('zhangwei'), rpc('zhoutao')
    cid = contract(admin, ctx, owner='wangfang', amount=300000)
    assert leader.call('crm.contract', 'action_submit', [cid]) is True
    revs = reviews(admin, cid)
    assert leader.uid not in revs[0]['reviewer_ids']
    assert ctx['uid']['wangfang'] not in revs[0]['reviewer_ids']
    assert my_turn(leader, cid) is False and my_turn(manager, cid) is True
    with unchanged(admin, cid):
        expect(leader.fault('crm.contract', 'action_approve', [cid]), 4)
        expect(rpc('wangfang').fault('crm.contract', 'action_approve', [cid]), 4)
    assert manager.call('crm.contract', 'action_approve', [cid]) is True
    assert state(leader, 'crm.contract', cid) == 'approved'


# ---------------------------------------------------------------------- bad input
def test_lines_need_positive_quantity_and_prices(rpc, admin, ctx):
    lina = rpc('lina')
    mes = ctx['product']['mes']
    partner = customer(admin, ctx)
    count = admin.call('crm.contract', 'search_count', [('partner_id', '=', partner)])
    for bad in ({'quantity': 0}, {'quantity': -2}, {'price_unit': -1}, {'list_price': -5}):
        line = dict({'product_id': mes, 'list_price': 180000, 'price_unit': 170000,
                     'quantity': 1}, **bad)
        fault = lina.fault('crm.contract', 'create', {
            'name': 'E2E Bad Line %s' % ctx['tag'], 'partner_id': partner,
            'line_ids': [(0, 0, line)]})
        expect(fault, 2, 'E2E MES')
    assert admin.call('crm.contract', 'search_count', [('partner_id', '=', partner)]) == count
    cid = contract(admin, ctx, partner=partner, line_ids=[(0, 0, {
        'product_id': mes, 'list_price': 180000, 'price_unit': 170000, 'quantity': 1})])
    line_id = lina.call('crm.contract', 'read', [cid], ['line_ids'])[0]['line_ids'][0]
    with unchanged(admin, cid):
        for bad in ({'quantity': 0}, {'quantity': -1}, {'price_unit': -0.01}):
            expect(lina.fault('crm.contract.line', 'write', [line_id], bad), 2, 'E2E MES')
            expect(lina.fault('crm.contract', 'write', [cid], {
                'line_ids': [(1, line_id, bad)]}), 2, 'E2E MES')
    # the amount follows the lines
    lina.call('crm.contract.line', 'write', [line_id], {'quantity': 3})
    assert lina.call('crm.contract', 'read', [cid], ['amount_total'])[0]['amount_total'] == 510000


def test_amount_discount_and_dates_are_checked(rpc, admin, ctx):
    lina = rpc('lina')
    partner = customer(admin, ctx)
    base = {'name': 'E2E Bad Values %s' % ctx['tag'], 'partner_id': partner,
            'date_start': '2026-06-01', 'date_end': '2027-05-31'}
    for bad, token in (({'amount_total': -100}, None), ({'discount': 100}, '100%'),
                       ({'discount': 150}, '100%'), ({'discount': -1}, None),
                       ({'date_start': '2026-06-01', 'date_end': '2026-05-31'}, 'E2E Bad Values')):
        fault = lina.fault('crm.contract', 'create', dict(base, **bad))
        message = expect(fault, 2, *([token] if token else []))
        assert '%%' not in message, message  # a percent sign, not a format escape
    assert admin.call('crm.contract', 'search_count', [('partner_id', '=', partner)]) == 0
    cid = contract(admin, ctx, partner=partner)
    with unchanged(admin, cid):
        for bad in ({'amount_total': -1}, {'discount': 100}, {'date_end': '2026-01-01'}):
            expect(lina.fault('crm.contract', 'write', [cid], bad), 2)
    # no amount: cannot be submitted
    lina.call('crm.contract', 'write', [cid], {'amount_total': 0})
    with unchanged(admin, cid):
        expect(lina.fault('crm.contract', 'action_submit', [cid]), 2)
    assert state(lina, 'crm.contract', cid) == 'draft'


def test_approved_contract_is_locked(rpc, admin, ctx):
    lina, manager = rpc('lina'), rpc('sunqiang')
    cid = contract(admin, ctx, submit=True, line_ids=[(0, 0, {
        'product_id': ctx['product']['cloud'], 'list_price': 36000, 'price_unit': 30000,
        'quantity': 2})])
    data = lina.call('crm.contract', 'read', [cid], ['state', 'number', 'line_ids'])[0]
    assert data['state'] == 'approved'
    with unchanged(admin, cid):
        expect(lina.fault('crm.contract', 'write', [cid], {'name': 'Edited'}), 2, data['number'])
        expect(manager.fault('crm.contract', 'write', [cid], {'amount_total': 1}), 2,
               data['number'])
        expect(lina.fault('crm.contract', 'unlink', [cid]), 2, data['number'])
        expect(manager.fault('crm.contract', 'unlink', [cid]), 2, data['number'])
        expect(lina.fault('crm.contract.line', 'write', data['line_ids'], {'quantity': 9}), 2)
        expect(lina.fault('crm.contract.line', 'unlink', data['line_ids']), 2)
        expect(lina.fault('crm.contract', 'write', [cid], {'line_ids': [(0, 0, {
            'product_id': ctx['product']['mes'], 'quantity': 1})]}), 2)
        expect(lina.fault('crm.contract', 'action_submit', [cid]), 2, data['number'])
        # the executive reads but does nothing
        assert rpc('wugang').call('crm.contract', 'read', [cid], ['state'])[0]['state'] == 'approved'
        expect(rpc('wugang').fault('crm.contract', 'action_cancel', [cid]), 4)
        expect(rpc('wugang').fault('crm.contract', 'action_change', [cid]), 4)


def test_direct_writes_of_state_and_reviews_are_refused(rpc, admin, ctx):
    lina, leader, manager = rpc('lina'), rpc('zhangwei'), rpc('sunqiang')
    cid = contract(admin, ctx, amount=120000)
    lina.call('crm.contract', 'action_submit', [cid])
    review = reviews(admin, cid)[0]['id']
    with unchanged(admin, cid):
        for user in (lina, leader, manager):
            expect(user.fault('crm.contract', 'write', [cid], {'state': 'approved'}), 4)
            for vals in ({'status': 'approved'}, {'done_by': user.uid},
                         {'reviewer_ids': [(6, 0, [user.uid])]}):
                expect(user.fault('tier.review', 'write', [review], vals), 4)
            expect(user.fault('tier.review', 'unlink', [review]), 4)
        expect(lina.fault('tier.review', 'create', {
            'model': 'crm.contract', 'res_id': cid, 'status': 'approved',
            'definition_id': admin.ref('crm_contract.tier_contract_leader')}), 4)
        expect(lina.fault('crm.contract', 'request_validation', [cid]), 2)
        expect(lina.fault('crm.contract', 'restart_validation', [cid]), 2)
    assert state(lina, 'crm.contract', cid) == 'waiting'
    # a draft cannot be created in another state either
    partner = customer(admin, ctx)
    expect(lina.fault('crm.contract', 'create', {
        'name': 'E2E Born Approved %s' % ctx['tag'], 'partner_id': partner,
        'amount_total': 10, 'state': 'approved'}), 4)
    assert admin.call('crm.contract', 'search_count', [('partner_id', '=', partner)]) == 0


def test_executive_cannot_approve(rpc, admin, ctx):
    cid = contract(admin, ctx, amount=2000000)
    rpc('lina').call('crm.contract', 'action_submit', [cid])
    with unchanged(admin, cid):
        expect(rpc('wugang').fault('crm.contract', 'action_approve', [cid], 'ok'), 4)
        expect(rpc('wugang').fault('crm.contract', 'action_reject', [cid], 'no'), 4)
    rpc('zhangwei').call('crm.contract', 'action_approve', [cid])
    with unchanged(admin, cid):
        expect(rpc('wugang').fault('crm.contract', 'action_approve', [cid]), 4)
    assert my_turn(rpc('wugang'), cid) is False


def test_plans_cannot_exceed_the_contract(rpc, admin, ctx):
    lina = rpc('lina')
    cid = contract(admin, ctx, amount=90000, submit=True)
    plan = lina.call('crm.receivable.plan', 'create', {
        'contract_id': cid, 'date_planned': '2026-09-01', 'amount': 60000})
    with unchanged(admin, cid):
        expect(lina.fault('crm.receivable.plan', 'create', {
            'contract_id': cid, 'date_planned': '2026-10-01', 'amount': 30000.01}), 2, '90000')
        expect(lina.fault('crm.receivable.plan', 'write', [plan], {'amount': 90000.5}), 2)
        for bad in (0, -10):
            expect(lina.fault('crm.receivable.plan', 'create', {
                'contract_id': cid, 'date_planned': '2026-10-01', 'amount': bad}), 2)
        expect(lina.fault('crm.receivable.plan', 'create', {
            'contract_id': cid, 'date_planned': '2026-10-01', 'amount': 100,
            'remind_days': -1}), 2)
    assert lina.call('crm.receivable.plan', 'create', {
        'contract_id': cid, 'date_planned': '2026-10-01', 'amount': 30000})
    # the sequence follows
    plans = lina.call('crm.receivable.plan', 'search_read', [('contract_id', '=', cid)],
                      ['sequence', 'amount'], order='sequence')
    assert [(p['sequence'], p['amount']) for p in plans] == [(1, 60000), (2, 30000)]


def test_payments_only_on_approved_contracts_and_within_the_open_amount(rpc, admin, ctx):
    lina = rpc('lina')
    draft = contract(admin, ctx, amount=90000)
    with unchanged(admin, draft):
        expect(lina.fault('crm.receivable', 'create', {
            'contract_id': draft, 'amount': 1000, 'date': '2026-05-01'}), 2)
    cid = contract(admin, ctx, amount=90000, submit=True)
    number = lina.call('crm.contract', 'read', [cid], ['number'])[0]['number']
    with unchanged(admin, cid):
        expect(lina.fault('crm.receivable', 'create', {
            'contract_id': cid, 'amount': 90000.01, 'date': '2026-05-01'}), 2, number)
        for bad in (0, -100):
            expect(lina.fault('crm.receivable', 'create', {
                'contract_id': cid, 'amount': bad, 'date': '2026-05-01'}), 2)
        # an instalment of another contract
        other = contract(admin, ctx, amount=50000, submit=True)
        other_plan = admin.call('crm.receivable.plan', 'create', {
            'contract_id': other, 'date_planned': '2026-09-01', 'amount': 1000})
        expect(lina.fault('crm.receivable', 'create', {
            'contract_id': cid, 'plan_id': other_plan, 'amount': 1000, 'date': '2026-05-01'}), 2)
    # a draft of 40,000, then 60,000 waiting for the leader: the draft no longer fits
    small = lina.call('crm.receivable', 'create', {
        'contract_id': cid, 'amount': 40000, 'date': '2026-05-01', 'method_id': ctx['method']})
    big = lina.call('crm.receivable', 'create', {
        'contract_id': cid, 'amount': 60000, 'date': '2026-05-02', 'method_id': ctx['method']})
    assert lina.call('crm.receivable', 'action_submit', [big]) is True
    assert state(lina, 'crm.receivable', big) == 'waiting'
    with unchanged(admin, cid):
        expect(lina.fault('crm.receivable', 'action_submit', [small]), 2, '30000')
        expect(lina.fault('crm.receivable', 'create', {
            'contract_id': cid, 'amount': 30000.01, 'date': '2026-05-03'}), 2, '30000')
        expect(lina.fault('crm.receivable', 'write', [small], {'amount': 35000}), 2)
        expect(lina.fault('crm.receivable', 'write', [small], {'amount': 0}), 2)
        # a contract with payments cannot be cancelled (nor deleted)
        expect(lina.fault('crm.contract', 'action_cancel', [cid]), 2, number)
        # a payment in review is not edited nor deleted
        expect(lina.fault('crm.receivable', 'write', [big], {'amount': 1}), 2)
        expect(lina.fault('crm.receivable', 'unlink', [big]), 2)
    assert state(lina, 'crm.receivable', small) == 'draft'
    lina.call('crm.receivable', 'write', [small], {'amount': 30000})
    assert lina.call('crm.receivable', 'action_submit', [small]) is True
    assert state(lina, 'crm.receivable', small) == 'approved'   # below 50,000
    data = lina.call('crm.contract', 'read', [cid], [
        'amount_received', 'amount_in_review', 'amount_outstanding'])[0]
    assert data == dict(data, amount_received=30000, amount_in_review=60000,
                        amount_outstanding=60000)


# ---------------------------------------------------------------------- data scope
def test_other_team_cannot_see_a_contract(rpc, admin, ctx):
    lina, south, leader = rpc('lina'), rpc('yanglei'), rpc('zhangwei')
    cid = contract(admin, ctx, submit=True, line_ids=[(0, 0, {
        'product_id': ctx['product']['cloud'], 'list_price': 36000, 'price_unit': 30000,
        'quantity': 2})])
    name = lina.call('crm.contract', 'read', [cid], ['name'])[0]['name']
    plan = lina.call('crm.receivable.plan', 'create', {
        'contract_id': cid, 'date_planned': '2026-09-01', 'amount': 20000})
    payment = lina.call('crm.receivable', 'create', {
        'contract_id': cid, 'amount': 10000, 'date': '2026-05-01'})
    lina.call('crm.contract', 'message_post', [cid], body='Secret terms %s' % ctx['tag'],
              message_type='comment', subtype='mail.mt_note')
    attachment = lina.call('ir.attachment', 'create', {
        'name': 'scan-%s.pdf' % ctx['tag'], 'datas_fname': 'scan.pdf',
        'datas': base64.b64encode(b'%PDF-1.4 contract').decode(),
        'res_model': 'crm.contract', 'res_id': cid})
    message_ids = admin.call('mail.message', 'search',
                             [('model', '=', 'crm.contract'), ('res_id', '=', cid)])
    assert message_ids

    # yanglei (south): nothing, however he asks
    expect(south.fault('crm.contract', 'read', [cid], ['name']), 4)
    assert south.call('crm.contract', 'search', [('id', '=', cid)]) == []
    assert south.call('crm.contract', 'search', [('name', '=', name)]) == []
    assert south.call('crm.contract', 'search_count', [('id', '=', cid)]) == 0
    assert south.call('crm.contract', 'name_search', name) == []
    assert south.call('crm.contract', 'name_search', ctx['tag'], [], 'ilike', 100) == []
    groups = south.call('crm.contract', 'read_group', [('id', '=', cid)],
                        ['amount_total', 'partner_id'], ['partner_id'])
    assert all(not g.get('partner_id_count') for g in groups), groups
    groups = south.call('crm.contract', 'read_group', [], ['amount_total', 'name'], ['name'])
    assert name not in [g['name'] for g in groups], groups
    fault = south.fault('crm.contract', 'export_data', [cid], ['name', 'amount_total'])
    assert fault.faultCode == 4 and name not in fault.faultString
    for model, rec in (('crm.contract.line', None), ('crm.receivable.plan', plan),
                       ('crm.receivable', payment)):
        assert south.call(model, 'search', [('contract_id', '=', cid)]) == []
        if rec:
            expect(south.fault(model, 'read', [rec], ['amount']), 4)
    assert south.call('tier.review', 'search', [('model', '=', 'crm.contract'),
                                                 ('res_id', '=', cid)]) == []
    assert south.call('mail.message', 'search', [('model', '=', 'crm.contract'),
                                                  ('res_id', '=', cid)]) == []
    assert south.call('mail.message', 'search', [('body', 'ilike', ctx['tag'])]) == []
    for mid in message_ids:
        south.fault('mail.message', 'read', [mid], ['body'])
    assert south.call('ir.attachment', 'search', [('res_model', '=', 'crm.contract'),
                                                   ('res_id', '=', cid)]) == []
    south.fault('ir.attachment', 'read', [attachment], ['datas'])
    # nor through the customer
    partner = admin.call('crm.contract', 'read', [cid], ['partner_id'])[0]['partner_id'][0]
    assert south.call('res.partner', 'search', [('id', '=', partner)]) == []

    # the leader of lina's team sees it all
    assert leader.call('crm.contract', 'read', [cid], ['name'])[0]['name'] == name
    assert leader.call('crm.contract', 'search', [('name', '=', name)]) == [cid]
    assert [r[0] for r in leader.call('crm.contract', 'name_search', name)] == [cid]
    assert leader.call('crm.contract', 'export_data', [cid], ['name'])['datas'] == [[name]]
    assert set(message_ids) <= set(leader.call('mail.message', 'search', [
        ('model', '=', 'crm.contract'), ('res_id', '=', cid)]))
    assert leader.call('ir.attachment', 'search', [('res_model', '=', 'crm.contract'),
                                                    ('res_id', '=', cid)]) == [attachment]
    assert leader.call('crm.receivable.plan', 'search', [('contract_id', '=', cid)]) == [plan]
    assert leader.call('crm.receivable', 'search', [('contract_id', '=', cid)]) == [payment]
    # the south leader does not
    expect(rpc('chenjing').fault('crm.contract', 'read', [cid], ['name']), 4)


@pytest.fixture
def cross_team_tier(admin, ctx):
    """A tier asking yanglei (team south) to approve contracts whose name carries a
    marker (only this test's contract)."""
    marker = 'XTEAM%s' % ctx['tag']
    model_id = admin.call('ir.model', 'search', [('model', '=', 'crm.contract')])[0]
    tier = admin.call('tier.definition', 'create', {
        'name': 'E2E cross-team review %s' % ctx['tag'], 'model_id': model_id,
        'definition_type': 'formula', 'python_code': "%r in (rec.name or '')" % marker,
        'review_type': 'individual', 'reviewer_id': ctx['uid']['yanglei'], 'sequence': 5})
    yield marker
    admin.call('tier.definition', 'write', [tier], {'active': False})


def test_reviewer_from_another_team_reads_what_he_must_approve(rpc, admin, ctx,
                                                               cross_team_tier):
    lina, south = rpc('lina'), rpc('yanglei')
    cid = contract(admin, ctx, amount=50000, name='E2E Contract %s' % cross_team_tier,
                   line_ids=[(0, 0, {'product_id': ctx['product']['cloud'],
                                     'list_price': 36000, 'price_unit': 25000, 'quantity': 2})])
    expect(south.fault('crm.contract', 'read', [cid], ['name']), 4)
    assert lina.call('crm.contract', 'action_submit', [cid]) is True
    assert state(lina, 'crm.contract', cid) == 'waiting'
    assert cid in south.call('crm.contract', 'search', [('crm_my_turn', '=', True)])
    data = south.call('crm.contract', 'read', [cid], ['name', 'amount_total', 'line_ids',
                                                      'crm_my_turn'])[0]
    assert data['amount_total'] == 50000 and data['crm_my_turn'] is True
    assert len(south.call('crm.contract.line', 'read', data['line_ids'], ['subtotal'])) == 1
    assert south.call('crm.todo', 'get_counts')['contract_review_count'] >= 1
    # reading is not editing
    with unchanged(admin, cid):
        expect(south.fault('crm.contract', 'write', [cid], {'note': 'x'}), (2, 4))
    assert south.call('crm.contract', 'action_approve', [cid], 'Checked') is True
    assert state(lina, 'crm.contract', cid) == 'approved'


def test_transferring_the_customer_carries_its_contracts(rpc, admin, ctx):
    lina, wangfang, leader = rpc('lina'), rpc('wangfang'), rpc('zhangwei')
    partner = customer(admin, ctx)
    approved = contract(admin, ctx, partner=partner, submit=True)
    draft = contract(admin, ctx, partner=partner, amount=20000)
    assert leader.call('res.partner', 'action_transfer', [partner], wangfang.uid,
                       True, True, 'none') is True
    rows = admin.call('crm.contract', 'read', [approved, draft], ['user_id', 'team_id', 'state'])
    assert [r['user_id'][0] for r in rows] == [wangfang.uid] * 2
    assert [r['team_id'][0] for r in rows] == [ctx['team']['east']] * 2
    assert [r['state'] for r in rows] == ['approved', 'draft']
    assert sorted(wangfang.call('crm.contract', 'search', [('partner_id', '=', partner)])) == \
        sorted([approved, draft])
    assert lina.call('crm.contract', 'search', [('partner_id', '=', partner)]) == []
    expect(lina.fault('crm.contract', 'read', [approved], ['name']), 4)
    # the new owner works on them
    assert wangfang.call('crm.contract', 'action_submit', [draft]) is True
    assert wangfang.call('crm.receivable', 'create', {
        'contract_id': approved, 'amount': 1000, 'date': '2026-05-01'})
    assert wangfang.call('mail.message', 'search_count', [
        ('model', '=', 'crm.contract'), ('res_id', '=', approved), ('body', 'ilike', '王芳')]) >= 1


def test_transfer_to_another_team_carries_plans_payments_and_history(rpc, admin, ctx):
    """Transferred to yanglei (south) without keeping lina: the new owner and his
    leader see the contract with its plans, payments and approval history; lina sees
    none of them any more."""
    lina, leader, south, south_leader = (rpc('lina'), rpc('zhangwei'), rpc('yanglei'),
                                         rpc('chenjing'))
    partner = customer(admin, ctx)
    cid = contract(admin, ctx, partner=partner, amount=150000)
    lina.call('crm.contract', 'action_submit', [cid])
    leader.call('crm.contract', 'action_approve', [cid], 'fine')
    plan = lina.call('crm.receivable.plan', 'create', {
        'contract_id': cid, 'date_planned': '2026-09-01', 'amount': 50000})
    payment = lina.call('crm.receivable', 'create', {
        'contract_id': cid, 'plan_id': plan, 'amount': 20000, 'date': '2026-05-01'})
    lina.call('crm.receivable', 'action_submit', [payment])
    review_ids = [r['id'] for r in reviews(admin, cid)]
    assert leader.call('res.partner', 'action_transfer', [partner], south.uid,
                       True, True, 'none') is True
    data = admin.call('crm.contract', 'read', [cid], ['user_id', 'team_id'])[0]
    assert data['user_id'][0] == south.uid and data['team_id'][0] == ctx['team']['south']
    problems = []
    for user in (south, south_leader):
        for model, domain, expected in (
                ('crm.contract', [('id', '=', cid)], [cid]),
                ('crm.receivable.plan', [('contract_id', '=', cid)], [plan]),
                ('crm.receivable', [('contract_id', '=', cid)], [payment]),
                ('tier.review', [('model', '=', 'crm.contract'), ('res_id', '=', cid)],
                 review_ids)):
            if user.call(model, 'search', domain) != expected:
                problems.append('%s does not see the %s' % (user.login, model))
    for model, domain in (('crm.contract', [('partner_id', '=', partner)]),
                          ('crm.receivable.plan', [('contract_id', '=', cid)]),
                          ('crm.receivable', [('contract_id', '=', cid)])):
        if lina.call(model, 'search', domain):
            problems.append('lina still sees the %s of the customer she gave away' % model)
    assert not problems, problems
    expect(lina.fault('crm.receivable', 'read', [payment], ['amount']), 4)


def test_cancelling_a_contract_in_review_takes_it_off_the_reviewers_list(rpc, admin, ctx):
    lina, leader = rpc('lina'), rpc('zhangwei')
    cid = contract(admin, ctx, amount=150000)
    approved = contract(admin, ctx, amount=90000, submit=True)
    payment = lina.call('crm.receivable', 'create', {
        'contract_id': approved, 'amount': 60000, 'date': '2026-05-01'})
    counts = leader.call('crm.todo', 'get_counts')
    lina.call('crm.contract', 'action_submit', [cid])
    lina.call('crm.receivable', 'action_submit', [payment])
    assert cid in leader.call('crm.contract', 'search', [('crm_my_turn', '=', True)])
    assert payment in leader.call('crm.receivable', 'search', [('crm_my_turn', '=', True)])
    after = leader.call('crm.todo', 'get_counts')
    assert after['contract_review_count'] == counts['contract_review_count'] + 1
    assert after['receivable_review_count'] == counts['receivable_review_count'] + 1

    assert lina.call('crm.contract', 'action_cancel', [cid]) is True
    assert lina.call('crm.receivable', 'action_cancel', [payment]) is True
    assert state(lina, 'crm.contract', cid) == 'cancelled'
    assert state(lina, 'crm.receivable', payment) == 'cancelled'
    assert my_turn(leader, cid) is False
    # the list "waiting for my approval" and the to-do counters agree with the form
    assert cid not in leader.call('crm.contract', 'search', [('crm_my_turn', '=', True)]), \
        'a cancelled contract is still listed as waiting for my approval'
    assert payment not in leader.call('crm.receivable', 'search', [('crm_my_turn', '=', True)]), \
        'a cancelled payment is still listed as waiting for my approval'
    after = leader.call('crm.todo', 'get_counts')
    assert after['contract_review_count'] == counts['contract_review_count']
    assert after['receivable_review_count'] == counts['receivable_review_count']
    with unchanged(admin, cid):
        expect(leader.fault('crm.contract', 'action_approve', [cid]), 2)
    expect(leader.fault('crm.receivable', 'action_approve', [payment]), 2)
    assert state(lina, 'crm.receivable', payment) == 'cancelled'


def test_expiring_contracts_are_counted(rpc, admin, ctx, clock):
    lina = rpc('lina')
    clock('2029-06-01 09:00:00')
    cid = contract(admin, ctx, sign_date='2028-06-21', date_start='2028-06-21',
                   date_end='2029-06-20')
    later = contract(admin, ctx, sign_date='2029-05-01', date_start='2029-05-01',
                     date_end='2030-04-30')
    before = lina.call('crm.todo', 'get_counts')['contract_expiring_count']
    lina.call('crm.contract', 'action_submit', [cid, later])
    assert [r['state'] for r in lina.call('crm.contract', 'read', [cid, later], ['state'])] == \
        ['approved', 'approved']
    assert lina.call('crm.contract', 'read', [cid, later], ['is_expiring']) == [
        {'id': cid, 'is_expiring': True}, {'id': later, 'is_expiring': False}]
    found = lina.call('crm.contract', 'search', [('is_expiring', '=', True)])
    assert cid in found and later not in found
    assert lina.call('crm.todo', 'get_counts')['contract_expiring_count'] == before + 1


# ---------------------------------------------------------------------- revisions
def test_change_makes_a_new_version_that_supersedes_the_old(rpc, admin, ctx):
    lina = rpc('lina')
    v1 = contract(admin, ctx, amount=90000, submit=True, line_ids=[(0, 0, {
        'product_id': ctx['product']['cloud'], 'list_price': 36000, 'price_unit': 30000,
        'quantity': 3})])
    partner = admin.call('crm.contract', 'read', [v1], ['partner_id'])[0]['partner_id'][0]
    plan = lina.call('crm.receivable.plan', 'create', {
        'contract_id': v1, 'date_planned': '2026-09-01', 'amount': 40000})
    payment = lina.call('crm.receivable', 'create', {
        'contract_id': v1, 'plan_id': plan, 'amount': 20000, 'date': '2026-05-01'})
    lina.call('crm.receivable', 'action_submit', [payment])
    assert state(lina, 'crm.receivable', payment) == 'approved'
    # only approved contracts change
    draft = contract(admin, ctx, partner=partner)
    with unchanged(admin, draft):
        expect(lina.fault('crm.contract', 'action_change', [draft]), 2)

    action = lina.call('crm.contract', 'action_change', [v1])
    v2 = action['res_id']
    assert action['res_model'] == 'crm.contract' and v2 != v1
    old = lina.call('crm.contract', 'read', [v1], ['number', 'state', 'display_name'])[0]
    new = lina.call('crm.contract', 'read', [v2], [
        'number', 'revision', 'state', 'previous_id', 'root_id', 'amount_total', 'line_ids',
        'display_name', 'partner_id'])[0]
    assert old['state'] == 'approved'
    assert new['number'] == old['number'] and new['revision'] == 2 and new['state'] == 'draft'
    assert new['previous_id'][0] == v1 and new['root_id'][0] == v1
    assert new['amount_total'] == 90000 and len(new['line_ids']) == 1
    assert 'V2' in new['display_name']
    # one change at a time
    with unchanged(admin, v1):
        expect(lina.fault('crm.contract', 'action_change', [v1]), 2, old['number'])
    # V2 may not go below what was received
    line = new['line_ids'][0]
    lina.call('crm.contract', 'write', [v2], {'line_ids': [(1, line, {'quantity': 0.5})]})
    assert lina.call('crm.contract', 'read', [v2], ['amount_total'])[0]['amount_total'] == 15000
    with unchanged(admin, v1, v2):
        expect(lina.fault('crm.contract', 'action_submit', [v2]), 2, '20000')
    lina.call('crm.contract', 'write', [v2], {'line_ids': [(1, line, {'quantity': 3.1})]})
    assert lina.call('crm.contract', 'action_submit', [v2]) is True  # 93,000: no tier
    assert state(lina, 'crm.contract', v2) == 'approved'
    assert state(lina, 'crm.contract', v1) == 'superseded'
    # plans and payments moved; both versions stay readable
    assert lina.call('crm.receivable.plan', 'read', [plan], ['contract_id'])[0]['contract_id'][0] == v2
    assert lina.call('crm.receivable', 'read', [payment], ['contract_id'])[0]['contract_id'][0] == v2
    assert lina.call('crm.receivable.plan', 'search', [('contract_id', '=', v1)]) == []
    data = lina.call('crm.contract', 'read', [v2], [
        'amount_received', 'amount_outstanding', 'version_ids'])[0]
    assert data['amount_received'] == 20000 and data['amount_outstanding'] == 73000
    assert sorted(data['version_ids']) == sorted([v1, v2])
    for user in (lina, rpc('zhangwei')):
        assert len(user.call('crm.contract', 'read', [v1, v2], ['state'])) == 2
    # only the effective version counts for the customer
    cust = lina.call('res.partner', 'read', [partner], [
        'contract_amount', 'contract_received', 'contract_outstanding'])[0]
    assert cust == dict(cust, contract_amount=93000, contract_received=20000,
                        contract_outstanding=73000)
    # a superseded version is not changed, paid nor cancelled any more
    with unchanged(admin, v1):
        expect(lina.fault('crm.contract', 'action_change', [v1]), 2)
        expect(lina.fault('crm.receivable', 'create', {
            'contract_id': v1, 'amount': 100, 'date': '2026-05-01'}), 2)
        expect(lina.fault('crm.contract', 'action_cancel', [v1]), 2)


# ---------------------------------------------------------------------- payments
def test_plans_payments_and_totals(rpc, admin, ctx, clock):
    lina, leader = rpc('lina'), rpc('zhangwei')
    clock('2030-01-05 09:00:00')
    partner = customer(admin, ctx)
    cid = contract(admin, ctx, partner=partner, amount=150000, sign_date='2030-01-02',
                   date_start='2030-01-02', date_end='2031-01-01')
    lina.call('crm.contract', 'action_submit', [cid])
    leader.call('crm.contract', 'action_approve', [cid], 'ok')
    assert state(lina, 'crm.contract', cid) == 'approved'
    plans = [lina.call('crm.receivable.plan', 'create', {
        'contract_id': cid, 'date_planned': day, 'amount': amount})
        for day, amount in (('2030-02-01', 60000), ('2030-04-01', 50000), ('2030-07-01', 40000))]

    def plan_states():
        return [p['state'] for p in lina.call('crm.receivable.plan', 'read', plans, ['state'])]
    assert plan_states() == ['pending', 'pending', 'pending']

    # 60,000 needs the leader; until then it is "in review", not received
    p1 = lina.call('crm.receivable', 'create', {
        'contract_id': cid, 'plan_id': plans[0], 'amount': 60000, 'date': '2030-01-30',
        'method_id': ctx['method']})
    assert lina.call('crm.receivable', 'action_submit', [p1]) is True
    assert state(lina, 'crm.receivable', p1) == 'waiting'
    assert p1 in leader.call('crm.receivable', 'search', [('crm_my_turn', '=', True)])
    assert leader.call('crm.todo', 'get_counts')['receivable_review_count'] >= 1
    data = lina.call('crm.contract', 'read', [cid], [
        'amount_received', 'amount_in_review', 'amount_outstanding'])[0]
    assert (data['amount_received'], data['amount_in_review'], data['amount_outstanding']) == \
        (0, 60000, 150000)
    expect(lina.fault('crm.receivable', 'action_approve', [p1]), 4)
    assert leader.call('crm.receivable', 'action_approve', [p1], 'received') is True
    assert state(lina, 'crm.receivable', p1) == 'approved'

    # 20,000 of the second instalment: below 50,000, approved on submit
    p2 = lina.call('crm.receivable', 'create', {
        'contract_id': cid, 'plan_id': plans[1], 'amount': 20000, 'date': '2030-03-01'})
    lina.call('crm.receivable', 'action_submit', [p2])
    assert state(lina, 'crm.receivable', p2) == 'approved'
    assert plan_states() == ['received', 'partial', 'pending']
    rows = lina.call('crm.receivable.plan', 'read', plans, ['amount_received', 'amount_due'])
    assert [(r['amount_received'], r['amount_due']) for r in rows] == [
        (60000, 0), (20000, 30000), (0, 40000)]
    data = lina.call('crm.contract', 'read', [cid], [
        'amount_received', 'amount_in_review', 'amount_outstanding', 'amount_overdue'])[0]
    assert (data['amount_received'], data['amount_in_review'], data['amount_outstanding'],
            data['amount_overdue']) == (80000, 0, 70000, 0)
    cust = lina.call('res.partner', 'read', [partner], [
        'contract_amount', 'contract_received', 'contract_outstanding'])[0]
    assert (cust['contract_amount'], cust['contract_received'], cust['contract_outstanding']) == \
        (150000, 80000, 70000)
    assert lina.call('crm.receivable.plan', 'search', [
        ('contract_id', '=', cid), ('state', '=', 'partial')]) == [plans[1]]

    # two months later the second instalment is overdue
    clock('2030-05-10 09:00:00')
    assert plan_states() == ['received', 'overdue', 'pending']
    assert lina.call('crm.contract', 'read', [cid], ['amount_overdue'])[0]['amount_overdue'] == 30000
    assert lina.call('crm.receivable.plan', 'search', [
        ('contract_id', '=', cid), ('state', '=', 'overdue')]) == [plans[1]]
    assert lina.call('crm.receivable.plan', 'search', [
        ('contract_id', '=', cid), ('is_overdue', '=', True)]) == [plans[1]]
    assert cid in lina.call('crm.contract', 'search', [('has_overdue', '=', True)])
    overdue_count = lina.call('crm.todo', 'get_counts')['plan_overdue_count']
    assert overdue_count >= 1
    # paying the rest of it clears it
    p3 = lina.call('crm.receivable', 'create', {
        'contract_id': cid, 'plan_id': plans[1], 'amount': 30000, 'date': '2030-05-10'})
    lina.call('crm.receivable', 'action_submit', [p3])
    assert plan_states() == ['received', 'received', 'pending']
    assert lina.call('crm.todo', 'get_counts')['plan_overdue_count'] == overdue_count - 1
    # a cancelled draft does not count; an approved payment cannot be cancelled
    p4 = lina.call('crm.receivable', 'create', {
        'contract_id': cid, 'plan_id': plans[2], 'amount': 10000, 'date': '2030-05-11'})
    assert lina.call('crm.receivable', 'action_cancel', [p4]) is True
    expect(lina.fault('crm.receivable', 'action_cancel', [p3]), 2)
    data = lina.call('crm.contract', 'read', [cid], [
        'amount_received', 'amount_outstanding', 'amount_overdue'])[0]
    assert (data['amount_received'], data['amount_outstanding'], data['amount_overdue']) == \
        (110000, 40000, 0)
    cust = lina.call('res.partner', 'read', [partner], ['contract_received',
                                                        'contract_outstanding'])[0]
    assert (cust['contract_received'], cust['contract_outstanding']) == (110000, 40000)
