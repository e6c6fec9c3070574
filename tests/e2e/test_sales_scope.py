"""Data scope of crm_sales over XML-RPC: who sees and changes which customers, contacts,
leads, opportunities and follow-ups; status groups refuse foreign stages.

Records are created by admin for specific owners (no reliance on demo counts); the demo
users, teams and status groups of crm_sales are used."""
import uuid

import pytest

SALES = ('lina', 'wangfang', 'yanglei')
USERS = ('lina', 'wangfang', 'yanglei', 'zhangwei', 'sunqiang', 'wugang')
# who sees the records owned by each salesperson
SEES = {
    'lina': {'lina', 'zhangwei', 'sunqiang', 'wugang'},
    'wangfang': {'wangfang', 'zhangwei', 'sunqiang', 'wugang'},
    'yanglei': {'yanglei', 'sunqiang', 'wugang'},
}
# who may change them (the executive reads only)
WRITES = {owner: seen - {'wugang'} for owner, seen in SEES.items()}
MODELS = ('customer', 'contact', 'lead', 'opportunity', 'follow_up')
MODEL_NAMES = {'customer': 'res.partner', 'contact': 'res.partner', 'lead': 'crm.lead',
               'opportunity': 'crm.lead', 'follow_up': 'crm.follow.up'}


@pytest.fixture(scope='module')
def world(admin, rpc):
    tag = uuid.uuid4().hex[:6]
    uid = {login: rpc(login).uid for login in USERS}
    team = {'east': admin.ref('crm_sales.team_east'), 'south': admin.ref('crm_sales.team_south')}
    user_team = {'lina': team['east'], 'wangfang': team['east'], 'yanglei': team['south']}
    recs = {}
    for owner in SALES:
        customer = admin.call('res.partner', 'create', {
            'name': 'E2E 范围客户 %s %s' % (owner, tag), 'is_company': True, 'customer': True,
            'user_id': uid[owner], 'team_id': user_team[owner]})
        contact = admin.call('res.partner', 'create', {
            'name': 'E2E 联系人 %s %s' % (owner, tag), 'parent_id': customer, 'type': 'contact'})
        lead = admin.call('crm.lead', 'create', {
            'name': 'E2E 线索 %s %s' % (owner, tag), 'type': 'lead', 'user_id': uid[owner],
            'team_id': user_team[owner]})
        opp = admin.call('crm.lead', 'create', {
            'name': 'E2E 商机 %s %s' % (owner, tag), 'type': 'opportunity',
            'user_id': uid[owner], 'team_id': user_team[owner], 'partner_id': customer})
        follow_up = admin.call('crm.follow.up', 'create', {
            'partner_id': customer, 'user_id': uid[owner], 'follow_up_type': 'call',
            'content': 'E2E 电话沟通 %s' % tag})
        recs[owner] = {'customer': customer, 'contact': contact, 'lead': lead,
                       'opportunity': opp, 'follow_up': follow_up}
    unassigned = admin.call('crm.lead', 'create', {
        'name': 'E2E 未分配线索 %s' % tag, 'type': 'lead', 'user_id': False,
        'team_id': team['east']})
    return {'uid': uid, 'team': team, 'recs': recs, 'unassigned': unassigned, 'tag': tag}


def _all_ids(world, kind):
    return {world['recs'][owner][kind]: owner for owner in SALES}


@pytest.mark.parametrize('kind', MODELS)
@pytest.mark.parametrize('login', USERS)
def test_search_and_read(rpc, world, login, kind):
    user = rpc(login)
    ids = _all_ids(world, kind)
    found = set(user.call(MODEL_NAMES[kind], 'search', [('id', 'in', list(ids))]))
    expected = {rec_id for rec_id, owner in ids.items() if login in SEES[owner]}
    assert found == expected
    for rec_id, owner in ids.items():
        if login in SEES[owner]:
            assert user.call(MODEL_NAMES[kind], 'read', [rec_id], ['display_name'])[0]['id'] == rec_id
        else:
            user.fault(MODEL_NAMES[kind], 'read', [rec_id], ['display_name'])


WRITE_FIELD = {'customer': ('phone', '021-{n}'), 'contact': ('phone', '138{n}'),
               'lead': ('description', 'note {n}'), 'opportunity': ('description', 'note {n}'),
               'follow_up': ('content', 'E2E edited {n}')}


@pytest.mark.parametrize('kind', MODELS)
@pytest.mark.parametrize('login', USERS)
def test_write(rpc, admin, world, login, kind):
    user = rpc(login)
    field, pattern = WRITE_FIELD[kind]
    for n, (rec_id, owner) in enumerate(sorted(_all_ids(world, kind).items())):
        before = admin.call(MODEL_NAMES[kind], 'read', [rec_id], [field])[0][field]
        value = pattern.format(n='%s%d' % (login, n))
        if login in WRITES[owner]:
            user.call(MODEL_NAMES[kind], 'write', [rec_id], {field: value})
            assert admin.call(MODEL_NAMES[kind], 'read', [rec_id], [field])[0][field] == value
        else:
            user.fault(MODEL_NAMES[kind], 'write', [rec_id], {field: value})
            assert admin.call(MODEL_NAMES[kind], 'read', [rec_id], [field])[0][field] == before


@pytest.mark.parametrize('kind', MODELS)
@pytest.mark.parametrize('login', ('lina', 'wangfang', 'yanglei', 'zhangwei', 'wugang'))
def test_unlink_refused_for_others(rpc, admin, world, login, kind):
    """Salespeople and leaders cannot delete customers, contacts, leads or opportunities
    (Odoo's ACL), nor follow-ups outside their scope; the executive deletes nothing."""
    user = rpc(login)
    for rec_id, owner in _all_ids(world, kind).items():
        if kind == 'follow_up' and login in WRITES[owner]:
            continue   # follow-ups: whoever may change one may delete it
        user.fault(MODEL_NAMES[kind], 'unlink', [rec_id])
        assert admin.call(MODEL_NAMES[kind], 'search_count', [('id', '=', rec_id)]) == 1


def test_manager_unlinks_lead(rpc, admin, world):
    lead = admin.call('crm.lead', 'create', {
        'name': 'E2E 待删除 %s' % world['tag'], 'type': 'lead',
        'user_id': world['uid']['lina'], 'team_id': world['team']['east']})
    assert rpc('sunqiang').call('crm.lead', 'unlink', [lead]) is True
    assert admin.call('crm.lead', 'search_count', [('id', '=', lead)]) == 0


@pytest.mark.parametrize('login,sees', [('lina', False), ('wangfang', False), ('yanglei', False),
                                        ('zhangwei', True), ('sunqiang', True), ('wugang', True)])
def test_unassigned_lead_only_for_leaders_and_managers(rpc, world, login, sees):
    found = rpc(login).call('crm.lead', 'search', [('id', '=', world['unassigned'])])
    assert bool(found) == sees


def test_other_group_stage_fails_cleanly(rpc, admin, world):
    opp = world['recs']['lina']['opportunity']
    before = admin.call('crm.lead', 'read', [opp], ['stage_id', 'probability', 'stage_group_id'])[0]
    assert before['stage_group_id'], 'team_east must use a status group (demo data)'
    south_group = admin.call('crm.team', 'read', [world['team']['south']],
                             ['stage_group_id'])[0]['stage_group_id']
    assert south_group and south_group[0] != before['stage_group_id'][0]
    foreign = admin.call('crm.stage', 'search', [('stage_group_id', '=', south_group[0])])
    fault = rpc('lina').fault('crm.lead', 'write', [opp], {'stage_id': foreign[-1]})
    assert 'status group' in fault.faultString or '状态组' in fault.faultString
    after = admin.call('crm.lead', 'read', [opp], ['stage_id', 'probability', 'stage_group_id'])[0]
    assert after == before
    own = admin.call('crm.stage', 'search', [('stage_group_id', '=', before['stage_group_id'][0])])
    rpc('lina').call('crm.lead', 'write', [opp], {'stage_id': own[1]})
    moved = admin.call('crm.lead', 'read', [opp], ['stage_id', 'probability'])[0]
    assert moved['stage_id'][0] == own[1]


def test_share_and_transfer_over_rpc(rpc, admin, world):
    uid = world['uid']
    customer = world['recs']['wangfang']['customer']
    assert not rpc('lina').call('res.partner', 'search', [('id', '=', customer)])
    rpc('wangfang').call('res.partner', 'action_share', [customer], [uid['lina']], 'read')
    assert rpc('lina').call('res.partner', 'search', [('id', '=', customer)]) == [customer]
    # the customer's contacts and follow-up history come with it
    contact = world['recs']['wangfang']['contact']
    follow_up = world['recs']['wangfang']['follow_up']
    assert rpc('lina').call('res.partner', 'search', [('parent_id', '=', customer)]) == [contact]
    assert rpc('lina').call('crm.follow.up', 'search', [('partner_id', '=', customer)]) == [follow_up]
    fault = rpc('lina').fault('res.partner', 'write', [contact], {'mobile': '13900000000'})
    assert '由于安全限制' in fault.faultString, fault.faultString  # Odoo's zh_CN AccessError
    assert not admin.call('res.partner', 'read', [contact], ['mobile'])[0]['mobile']
    rpc('lina').fault('res.partner', 'action_transfer', [customer], uid['lina'])
    assert admin.call('res.partner', 'read', [customer], ['user_id'])[0]['user_id'][0] == uid['wangfang']
    rpc('zhangwei').call('res.partner', 'action_transfer', [customer], uid['yanglei'],
                         True, True, 'write')
    data = admin.call('res.partner', 'read', [customer],
                      ['user_id', 'team_id', 'share_write_user_ids'])[0]
    assert data['user_id'][0] == uid['yanglei']
    assert data['team_id'][0] == world['team']['south']
    assert uid['wangfang'] in data['share_write_user_ids']
    opp = admin.call('crm.lead', 'read', [world['recs']['wangfang']['opportunity']],
                     ['user_id', 'stage_group_id'])[0]
    assert opp['user_id'][0] == uid['yanglei']


def test_a_customer_with_a_name_only_is_the_creators_and_her_teams(rpc, admin):
    """我的客户 → 创建 → a name → 保存, as the web client sends it (the action's defaults)."""
    lina, zhangwei = rpc('lina'), rpc('zhangwei')
    context = {'default_is_company': True, 'default_customer': True,
               'default_company_type': 'company', 'lang': 'zh_CN'}
    name = 'E2E 只填名称 %s' % uuid.uuid4().hex[:6]
    pid = lina.call('res.partner', 'create', {'name': name}, context=context)
    row = lina.call('res.partner', 'read', [pid], ['user_id', 'team_id'])[0]
    assert row['user_id'][0] == lina.uid
    assert row['team_id'][0] == admin.ref('crm_sales.team_east')
    assert lina.call('res.partner', 'write', [pid], {'phone': '021-55551234'})
    assert zhangwei.call('res.partner', 'search', [('id', '=', pid)]) == [pid]
