"""工作报告 over XML-RPC (crm_work_report), per role: lina writes her daily report, it
counts her follow-ups of the day (by the CRM clock), one per day; she submits it to her
leader zhangwei, who comments and marks it read; other salespeople and leaders do not
read it, the manager and the executive do; nobody forges a state or a figure."""
import datetime
import time

import pytest

# days far from the demo and from the other suites (2033 on), another one each run
BASE = datetime.date(2033, 1, 1) + datetime.timedelta(days=3 * (int(time.time()) % 3000))


@pytest.fixture
def day(clock):
    """day(n): the clock at 10:00 (Shanghai) of the run's n-th day; its date."""
    def at(n):
        date = (BASE + datetime.timedelta(days=n)).isoformat()
        clock('%s 02:00:00' % date)
        return date
    return at


def test_daily_report_prefilled_submitted_and_read(rpc, admin, day):
    lina, zhangwei = rpc('lina'), rpc('zhangwei')
    date = day(0)
    customer = lina.call('res.partner', 'create', {'name': '日报客户 %s' % date, 'is_company': True,
                                                    'customer': True})
    for kind in ('call', 'visit'):
        lina.call('crm.follow.up', 'create', {'partner_id': customer, 'content': '跟进',
                                              'follow_up_type': kind})
    rid = lina.call('crm.work.report', 'create', {'summary': '回访两次', 'plan': '出方案'})
    row = lina.call('crm.work.report', 'read', [rid], [
        'date', 'period', 'follow_up_count', 'visit_count', 'new_customer_count', 'state',
        'follow_up_ids'])[0]
    assert (row['date'], row['period'], row['state']) == (date, 'day', 'draft')
    assert (row['follow_up_count'], row['visit_count'], len(row['follow_up_ids'])) == (2, 1, 2)
    fault = lina.fault('crm.work.report', 'create', {'summary': '第二份'})
    assert fault.faultCode == 2 and '已经有' in fault.faultString
    lina.call('crm.work.report', 'action_submit', [rid])
    row = lina.call('crm.work.report', 'read', [rid], ['state', 'leader_id'])[0]
    assert row['state'] == 'submitted' and row['leader_id'][0] == zhangwei.uid
    assert lina.fault('crm.work.report', 'write', [rid], {'summary': '改'}).faultCode == 2
    # the leader comments and marks it read
    zhangwei.call('crm.work.report', 'message_post', [rid], body='方案周三前发我',
                  message_type='comment', subtype='mail.mt_comment')
    assert zhangwei.fault('crm.work.report', 'write', [rid], {'summary': '主管改'}).faultCode == 4
    assert lina.fault('crm.work.report', 'action_mark_read', [rid]).faultCode == 4
    zhangwei.call('crm.work.report', 'action_mark_read', [rid])
    row = lina.call('crm.work.report', 'read', [rid], ['state', 'read_by_id', 'read_at',
                                                       'message_ids'])[0]
    assert row['state'] == 'read' and row['read_by_id'][0] == zhangwei.uid
    assert row['read_at'] == '%s 02:00:00' % date
    bodies = [m['body'] for m in lina.call('mail.message', 'read', row['message_ids'], ['body'])]
    assert any('方案周三前发我' in b for b in bodies)


def test_who_reads_whose_reports(rpc, day):
    lina = rpc('lina')
    day(1)
    rid = lina.call('crm.work.report', 'create', {'summary': '李娜的日报'})
    for login in ('zhangwei', 'sunqiang', 'wugang'):
        assert rpc(login).call('crm.work.report', 'search', [('id', '=', rid)]) == [rid], login
    for login in ('wangfang', 'yanglei', 'chenjing'):
        assert not rpc(login).call('crm.work.report', 'search', [('id', '=', rid)]), login
        assert rpc(login).fault('crm.work.report', 'read', [rid], ['summary']).faultCode == 4
    for login in ('wugang', 'xuli', 'zhaoqiang'):
        assert rpc(login).fault('crm.work.report', 'create', {'summary': 'x'}).faultCode == 4
    lina.call('crm.work.report', 'action_submit', [rid])
    assert rpc('chenjing').fault('crm.work.report', 'action_mark_read', [rid]).faultCode == 4


def test_nobody_forges_state_or_figures(rpc, day):
    lina = rpc('lina')
    day(2)
    for vals in ({'state': 'read'}, {'follow_up_count': 9}, {'user_id': rpc('wangfang').uid},
                 {'leader_id': rpc('sunqiang').uid}):
        assert lina.fault('crm.work.report', 'create', dict(vals, summary='x')).faultCode == 4
    rid = lina.call('crm.work.report', 'create', {'summary': '真的'})
    for vals in ({'state': 'read'}, {'visit_count': 5}, {'read_by_id': lina.uid}):
        assert lina.fault('crm.work.report', 'write', [rid], vals).faultCode == 4
    row = lina.call('crm.work.report', 'read', [rid], ['state', 'visit_count'])[0]
    assert (row['state'], row['visit_count']) == ('draft', 0)
