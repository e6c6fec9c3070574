"""Approval decisions over XML-RPC, per role (issue #29, item 4): only a reviewer of the
current tier approves, hands over (转办), adds a reviewer (加签) or returns (退回); every
other role is refused with a Chinese message and the contract, its reviews and its
chatter stay as they were. The reviewer's own decisions then work: the count of "waiting
for my approval" follows, one message per decision."""
import re
import uuid

import pytest

CJK = re.compile('[\u4e00-\u9fff]')
# not reviewers of tier 1 of an east contract: salespeople, another team's leader, the
# managers (tier 2, not yet), the CRM administrator, the executive, a service manager
OTHERS = ('lina', 'wangfang', 'yanglei', 'chenjing', 'sunqiang', 'wugang', 'zhoutao',
          'xuli', 'gaokai')
DECISIONS = (
    ('action_approve', ['同意']),
    ('action_hand_over', None),  # filled with a user id
    ('action_add_reviewer', None),
    ('action_return', ['退回原因']),
    ('action_reject', ['驳回原因']),
)


@pytest.fixture(scope='module')
def world(admin, rpc):
    tag = uuid.uuid4().hex[:6]
    uid = {login: rpc(login).uid for login in OTHERS + ('zhangwei',)}
    team = admin.ref('crm_sales.team_east')
    return {'tag': tag, 'uid': uid, 'team': team, 'seq': [0]}


def waiting_contract(admin, world, amount=300000.0):
    world['seq'][0] += 1
    name = 'E2E Approval %s-%d' % (world['tag'], world['seq'][0])
    partner = admin.call('res.partner', 'create', {
        'name': name, 'is_company': True, 'customer': True,
        'user_id': world['uid']['lina'], 'team_id': world['team']})
    cid = admin.call('crm.contract', 'create', {
        'name': name, 'partner_id': partner, 'user_id': world['uid']['lina'],
        'team_id': world['team'], 'sign_date': '2026-03-02', 'date_start': '2026-03-02',
        'date_end': '2027-03-01', 'amount_total': amount})
    admin.call('crm.contract', 'action_submit', [cid])
    return cid


def footprint(admin, cid):
    doc = [('model', '=', 'crm.contract'), ('res_id', '=', cid)]
    return (admin.call('crm.contract', 'read', [cid], ['state', 'crm_review_user_ids']),
            admin.call('tier.review', 'search_read', doc,
                       ['status', 'reviewer_ids', 'crm_turn', 'done_by']),
            admin.call('mail.message', 'search_count', doc))


def args_for(method, args, world):
    if args is None:
        return [world['uid']['chenjing']]
    return args


@pytest.mark.parametrize('login', OTHERS)
def test_only_the_current_reviewer_decides(admin, rpc, world, login):
    cid = waiting_contract(admin, world)
    user = rpc(login)
    before = footprint(admin, cid)
    for method, args in DECISIONS:
        fault = user.fault('crm.contract', method, [cid], *args_for(method, args, world))
        assert fault.faultCode in (2, 4), fault.faultString[-300:]
        assert CJK.search(fault.faultString), fault.faultString[-300:]
        assert 'Traceback' not in fault.faultString
    assert footprint(admin, cid) == before


def test_the_reviewer_hands_over_returns_and_the_count_follows(admin, rpc, world):
    zhangwei, chenjing = rpc('zhangwei'), rpc('chenjing')
    cid = waiting_contract(admin, world)
    mine = [('crm_my_turn', '=', True)]
    count = zhangwei.call('crm.contract', 'search_count', mine)
    assert cid in zhangwei.call('crm.contract', 'search', mine)
    # bad colleagues are refused (the owner, the reviewer himself, nonsense)
    for bad in (world['uid']['lina'], zhangwei.uid, 'x', -1):
        fault = zhangwei.fault('crm.contract', 'action_hand_over', [cid], bad)
        assert fault.faultCode == 2 and CJK.search(fault.faultString), fault.faultString[-300:]
    messages = admin.call('mail.message', 'search_count',
                          [('model', '=', 'crm.contract'), ('res_id', '=', cid)])
    zhangwei.call('crm.contract', 'action_hand_over', [cid], chenjing.uid, '出差')
    assert zhangwei.call('crm.contract', 'search_count', mine) == count - 1
    assert cid in chenjing.call('crm.contract', 'search', mine)
    # chenjing (another team) reads the contract and its customer
    partner = chenjing.call('crm.contract', 'read', [cid], ['partner_id'])[0]['partner_id']
    assert chenjing.call('res.partner', 'read', [partner[0]], ['name'])[0]['name']
    # the one who handed over can no longer decide
    fault = zhangwei.fault('crm.contract', 'action_return', [cid], '不行')
    assert fault.faultCode == 4, fault.faultString[-300:]
    chenjing.call('crm.contract', 'action_return', [cid], '请补充')
    assert admin.call('crm.contract', 'read', [cid], ['state'])[0]['state'] == 'draft'
    assert cid not in chenjing.call('crm.contract', 'search', mine)
    # one message per decision: the hand-over, the return
    assert admin.call('mail.message', 'search_count',
                      [('model', '=', 'crm.contract'), ('res_id', '=', cid)]) == messages + 2
