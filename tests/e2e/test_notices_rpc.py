"""通知公告 over XML-RPC (crm_notice), per role: the sales manager publishes a pinned
notice to everyone, it shows on lina's to-do until she marks it read and the manager sees
her read receipt; a leader publishes to his own team only; salespeople, the executive and
the portal user publish nothing and forge no state or receipt; an expired notice leaves
the banner when the clock moves."""
import time

import pytest


@pytest.fixture(scope='module')
def suffix():
    return '%d' % int(time.time() * 1000 % 10 ** 9)


def banner(session):
    todo = session.call('crm.todo', 'create', {})
    return session.call('crm.todo', 'read', [todo], ['notice_banner_ids', 'notice_unread_ids'])[0]


def publish(session, vals):
    nid = session.call('crm.notice', 'create', vals)
    session.call('crm.notice', 'action_publish', [nid])
    return nid


def test_manager_publishes_pinned_notice_read_receipts(rpc, suffix):
    sunqiang, lina, yanglei = rpc('sunqiang'), rpc('lina'), rpc('yanglei')
    before = lina.call('crm.todo', 'get_counts')['notice_unread_count']
    nid = publish(sunqiang, {'name': '全员公告 %s' % suffix, 'pinned': True,
                             'body': '<p>年终盘点</p>'})
    assert nid in banner(lina)['notice_banner_ids']
    assert lina.call('crm.todo', 'get_counts')['notice_unread_count'] == before + 1
    row = lina.call('crm.notice', 'read', [nid], ['state', 'user_id', 'is_read', 'read_count'])[0]
    assert row['state'] == 'published' and row['user_id'][0] == sunqiang.uid
    assert (row['is_read'], row['read_count']) == (False, 0)
    lina.call('crm.notice', 'action_mark_read', [nid])
    assert nid not in banner(lina)['notice_banner_ids']
    assert nid in banner(yanglei)['notice_banner_ids']
    assert lina.call('crm.todo', 'get_counts')['notice_unread_count'] == before
    mine = sunqiang.call('crm.notice', 'read', [nid], ['read_count', 'unread_count',
                                                       'unread_user_ids', 'read_ids'])[0]
    assert mine['read_count'] == 1 and lina.uid not in mine['unread_user_ids']
    assert yanglei.uid in mine['unread_user_ids']
    receipts = sunqiang.call('crm.notice.read', 'read', mine['read_ids'], ['user_id', 'read_at'])
    assert [r['user_id'][0] for r in receipts] == [lina.uid] and receipts[0]['read_at']
    # yanglei sees neither the count nor lina's receipt
    assert yanglei.call('crm.notice', 'read', [nid], ['read_count'])[0]['read_count'] == 0
    assert not yanglei.call('crm.notice.read', 'search', [('notice_id', '=', nid)])
    # the executive reads it too; the portal user does not
    wugang = rpc('wugang')
    assert wugang.call('crm.notice', 'search', [('id', '=', nid)]) == [nid]
    assert rpc('zhaoqiang').fault('crm.notice', 'read', [nid], ['name']).faultCode == 4


def test_leader_publishes_to_his_team_only(rpc, suffix):
    zhangwei, lina, yanglei = rpc('zhangwei'), rpc('lina'), rpc('yanglei')
    east, south = zhangwei.ref('crm_sales.team_east'), zhangwei.ref('crm_sales.team_south')
    nid = publish(zhangwei, {'name': '上海组周会 %s' % suffix, 'audience': 'teams',
                             'team_ids': [(6, 0, [east])]})
    assert nid in banner(lina)['notice_unread_ids']
    assert not yanglei.call('crm.notice', 'search', [('id', '=', nid)])
    assert yanglei.fault('crm.notice', 'action_mark_read', [nid]).faultCode == 4
    fault = zhangwei.fault('crm.notice', 'create', {'name': '越权 %s' % suffix,
                                                    'audience': 'teams',
                                                    'team_ids': [(6, 0, [south])]})
    assert fault.faultCode == 4 and '华南销售部' in fault.faultString
    fault = zhangwei.fault('crm.notice', 'create', {'name': '全员 %s' % suffix})
    assert fault.faultCode == 4 and '团队主管' in fault.faultString
    assert rpc('chenjing').fault('crm.notice', 'action_archive_notice', [nid]).faultCode == 4
    zhangwei.call('crm.notice', 'action_archive_notice', [nid])
    assert nid not in banner(lina)['notice_unread_ids']


def test_no_one_else_publishes_or_forges(rpc, suffix):
    sunqiang, lina = rpc('sunqiang'), rpc('lina')
    for login in ('lina', 'wugang', 'xuli', 'zhaoqiang'):
        fault = rpc(login).fault('crm.notice', 'create', {'name': '%s 发布 %s' % (login, suffix)})
        assert fault.faultCode == 4, login
    draft = sunqiang.call('crm.notice', 'create', {'name': '草稿 %s' % suffix})
    assert not lina.call('crm.notice', 'search', [('id', '=', draft)])
    for vals in ({'state': 'published'}, {'publish_date': '2026-01-01 00:00:00'},
                 {'user_id': lina.uid}):
        assert sunqiang.fault('crm.notice', 'write', [draft], vals).faultCode == 4, vals
    assert sunqiang.fault('crm.notice', 'create', {
        'name': '伪造 %s' % suffix, 'state': 'published'}).faultCode == 4
    assert sunqiang.call('crm.notice', 'read', [draft], ['state'])[0]['state'] == 'draft'
    nid = publish(sunqiang, {'name': '回执 %s' % suffix})
    fault = lina.fault('crm.notice.read', 'create', {'notice_id': nid, 'user_id': rpc('yanglei').uid,
                                                     'read_at': '2026-01-01 00:00:00'})
    assert fault.faultCode == 4
    assert lina.fault('crm.notice', 'write', [nid], {'name': '改'}).faultCode == 4
    fault = sunqiang.fault('crm.notice', 'write', [nid], {'body': '<p>改正文</p>'})
    assert fault.faultCode == 2 and '已发布' in fault.faultString
    assert not sunqiang.call('crm.notice', 'read', [nid], ['read_ids'])[0]['read_ids']


def test_expired_notice_leaves_the_banner(rpc, suffix, clock):
    sunqiang, lina = rpc('sunqiang'), rpc('lina')
    clock('2031-03-02 02:00:00')
    nid = publish(sunqiang, {'name': '限时 %s' % suffix, 'pinned': True,
                             'expiry_date': '2031-03-03'})
    assert nid in banner(lina)['notice_banner_ids']
    clock('2031-03-03 17:00:00')     # 03-04 in Shanghai
    assert nid not in banner(lina)['notice_banner_ids']
    assert lina.call('crm.notice', 'read', [nid], ['is_current'])[0]['is_current'] is False
