"""crm_task over XML-RPC, as the demo users: zhangwei (team leader) gives lina a task on
her customer with a checklist and wangfang as collaborator; lina starts it, cannot finish
it before the required item is ticked, ticks it, finishes it; she may not reassign or
cancel it. Each role sees its scope only (yanglei of another team nothing, the executive
reads and changes nothing, the service agent and the portal user have no tasks). Bad
input fails with a clear Chinese error and leaves nothing; the deadline reminders and
the "my to-do" counters follow the moved CRM clock.

Names carry a random tag and are ASCII, so that the Chinese of an error message can only
come from its translation."""
import re
import uuid

import pytest

CJK = re.compile('[\u4e00-\u9fff]')
USERS = ('lina', 'wangfang', 'zhangwei', 'yanglei', 'sunqiang', 'wugang', 'xuli', 'zhaoqiang')


@pytest.fixture(scope='module')
def ctx(admin, rpc):
    tag = uuid.uuid4().hex[:6]
    uid = {login: rpc(login).uid for login in USERS}
    partner = admin.call('res.partner', 'create', {
        'name': 'E2E Task Customer %s' % tag, 'is_company': True, 'customer': True,
        'user_id': uid['lina'], 'team_id': admin.ref('crm_sales.team_east')})
    return {'tag': tag, 'uid': uid, 'partner': partner, 'seq': [0]}


def name(ctx):
    ctx['seq'][0] += 1
    return 'E2E Task %s-%d' % (ctx['tag'], ctx['seq'][0])


def expect(fault, code, *tokens):
    """A business error of ``code`` (2: UserError / ValidationError, 4: AccessError) in
    Chinese naming ``tokens``, without a traceback."""
    message = fault.faultString
    assert fault.faultCode == code, message[-500:]
    assert 'Traceback' not in message, message[-500:]
    for token in tokens:
        assert str(token) in message, (token, message[-500:])
    assert CJK.search(message), 'the message is not in Chinese: %s' % message[-300:]
    return message


def today(admin):
    return admin.call('crm.clock', 'today_str')


def new_task(rpc, ctx, who='zhangwei', **vals):
    values = {'name': name(ctx), 'assignee_id': ctx['uid']['lina'], 'partner_id': ctx['partner'],
              'collaborator_ids': [(6, 0, [ctx['uid']['wangfang']])],
              'checklist_ids': [(0, 0, {'name': 'Confirm volume', 'required': True}),
                                (0, 0, {'name': 'Old quotes'})]}
    values.update(vals)
    return rpc(who).call('crm.task', 'create', values)


def test_leader_assigns_and_lina_works_it_to_done(rpc, ctx, admin):
    task = new_task(rpc, ctx)
    lina = rpc('lina')
    mine = lina.call('crm.task', 'search', ['|', ('assignee_id', '=', ctx['uid']['lina']),
                                            ('assignee_ids', 'in', [ctx['uid']['lina']])])
    assert task in mine
    row = lina.call('crm.task', 'read', [task], ['user_id', 'state', 'checklist_ids'])[0]
    assert row['user_id'][0] == ctx['uid']['zhangwei'] and row['state'] == 'todo'
    lina.call('crm.task', 'action_start', [task])
    expect(lina.fault('crm.task', 'action_done', [task]), 2, 'Confirm volume')
    expect(lina.fault('crm.task', 'write', [task], {'assignee_id': ctx['uid']['wangfang']}), 4)
    expect(lina.fault('crm.task', 'action_cancel', [task]), 4)
    expect(lina.fault('crm.task.checklist', 'write', row['checklist_ids'][:1], {'name': 'x'}), 4)
    items = lina.call('crm.task.checklist', 'search_read', [('task_id', '=', task)],
                      ['name', 'required'])
    required = [i['id'] for i in items if i['required']]
    lina.call('crm.task.checklist', 'action_toggle', required)
    lina.call('crm.task', 'action_done', [task])
    row = lina.call('crm.task', 'read', [task], ['state', 'checklist_progress', 'assignee_id'])[0]
    assert row['state'] == 'done' and row['checklist_progress'] == '1/2'
    assert row['assignee_id'][0] == ctx['uid']['lina']
    # the collaborator comments, does not change it
    rpc('wangfang').call('crm.task', 'message_post', [task], body='note from wangfang',
                         message_type='comment')
    expect(rpc('wangfang').fault('crm.task', 'action_reopen', [task]), 4)
    rpc('zhangwei').call('crm.task', 'action_reopen', [task])
    assert admin.call('crm.task', 'read', [task], ['state'])[0]['state'] == 'todo'


def test_each_role_sees_its_scope(rpc, ctx):
    task = new_task(rpc, ctx)
    for login, sees in (('lina', True), ('wangfang', True), ('zhangwei', True),
                        ('sunqiang', True), ('wugang', True), ('yanglei', False)):
        found = rpc(login).call('crm.task', 'search', [('id', '=', task)])
        assert bool(found) == sees, login
    expect(rpc('yanglei').fault('crm.task', 'read', [task], ['name']), 4)
    expect(rpc('yanglei').fault('crm.task', 'action_start', [task]), 4)
    expect(rpc('wugang').fault('crm.task', 'write', [task], {'name': 'x'}), 4)
    expect(rpc('wugang').fault('crm.task', 'action_start', [task]), 4)
    for login in ('xuli', 'zhaoqiang'):
        expect(rpc(login).fault('crm.task', 'search', []), 4)
    # the leader of the team changes it; the manager too
    rpc('zhangwei').call('crm.task', 'write', [task], {'priority': '3'})
    rpc('sunqiang').call('crm.task', 'write', [task], {'priority': '2'})


def test_bad_input_is_refused_in_chinese_and_leaves_nothing(rpc, ctx, admin):
    zhangwei = rpc('zhangwei')
    past = '2020-01-01'
    label = name(ctx)
    expect(zhangwei.fault('crm.task', 'create', {'name': label, 'assignee_id': ctx['uid']['lina'],
                                                 'date_deadline': past}), 2, past)
    expect(zhangwei.fault('crm.task', 'create', {'name': label}), 2)
    expect(zhangwei.fault('crm.task', 'create', {'name': label,
                                                 'assignee_id': ctx['uid']['zhaoqiang']}), 2)
    expect(zhangwei.fault('crm.task', 'create', {'name': label, 'assignee_id': ctx['uid']['lina'],
                                                 'state': 'done'}), 4)
    expect(zhangwei.fault('crm.task', 'create', {'name': label, 'assignee_id': ctx['uid']['lina'],
                                                 'user_id': ctx['uid']['lina']}), 4)
    # a client's context grants nothing
    expect(zhangwei.fault('crm.task', 'create', {'name': label, 'assignee_id': ctx['uid']['lina'],
                                                 'state': 'done'},
                          context={'crm_action_write': True, 'crm_grant': {'action_write': True}}), 4)
    # yanglei may not link lina's customer
    expect(rpc('yanglei').fault('crm.task', 'create', {
        'name': label, 'assignee_id': ctx['uid']['yanglei'], 'partner_id': ctx['partner']}), 4)
    assert not admin.call('crm.task', 'search', [('name', '=', label)])
    task = new_task(rpc, ctx)
    expect(zhangwei.fault('crm.task', 'write', [task], {'date_deadline': past}), 2, past)
    expect(zhangwei.fault('crm.task', 'write', [task], {'state': 'bogus'}), 2)


def test_reminders_and_todo_counters_follow_the_clock(rpc, ctx, admin, clock):
    clock('2031-03-05 04:00:00')    # a Wednesday, 12:00 in Beijing
    task = new_task(rpc, ctx, date_deadline='2031-03-06')
    cron = admin.ref('crm_task.ir_cron_crm_task_reminders')
    kind = admin.ref('crm_task.mail_activity_type_task_deadline')

    def reminders():
        return admin.call('mail.activity', 'search_read', [
            ('res_model', '=', 'crm.task'), ('res_id', '=', task),
            ('activity_type_id', '=', kind)], ['user_id', 'summary'])

    admin.call('ir.cron', 'method_direct_trigger', [cron])
    acts = reminders()
    assert [a['user_id'][0] for a in acts] == [ctx['uid']['lina']]
    assert acts[0]['summary'] == '任务明天到期'
    lina = rpc('lina')
    assert lina.call('crm.task', 'search', [('deadline_due', '=', 'tomorrow'), ('id', '=', task)])
    clock('2031-03-08 04:00:00')
    admin.call('ir.cron', 'method_direct_trigger', [cron])
    assert [a['summary'] for a in reminders()] == ['任务已逾期（截止 2031-03-06）']
    counts = lina.call('crm.todo', 'get_counts')
    assert counts['task_overdue_count'] >= 1
    assert lina.call('crm.task', 'search', [('deadline_due', '=', 'overdue'), ('id', '=', task)])
    rpc('zhangwei').call('crm.task', 'action_cancel', [task])
    assert reminders() == []
    assert rpc('lina').call('crm.todo', 'get_counts')['task_overdue_count'] == \
        counts['task_overdue_count'] - 1
