"""Approval requests (审批申请, issue #25) over XML-RPC, per role: every CRM user files
their own; the leader then the managers decide a large expense tier by tier, in the
same "waiting for my approval" as contracts; nobody else decides or reads what is not
theirs; bad input is refused in Chinese and leaves nothing behind."""
import re
import uuid

import pytest

CJK = re.compile('[\u4e00-\u9fff]')
FILERS = ('lina', 'zhangwei', 'sunqiang', 'zhoutao')


@pytest.fixture(scope='module')
def world(admin, rpc):
    def tpl(name):
        return admin.ref('crm_approval.template_%s' % name)
    return {'tag': uuid.uuid4().hex[:6], 'expense': tpl('expense'), 'trip': tpl('trip'),
            'leave': tpl('leave'), 'general': tpl('general')}


def expense(user, world, *amounts):
    return user.call('crm.approval.request', 'create', {
        'template_id': world['expense'], 'title': 'E2E 报销 %s' % world['tag'],
        'line_ids': [(0, 0, {'date': '2026-06-02', 'name': '费用', 'amount': a})
                     for a in amounts]})


@pytest.mark.parametrize('login', FILERS)
def test_every_crm_user_files_and_cancels_their_own(rpc, world, login):
    user = rpc(login)
    rid = user.call('crm.approval.request', 'create', {
        'template_id': world['general'], 'title': 'E2E 通用 %s' % world['tag'],
        'description': '申请采购一台投影仪'})
    row = user.call('crm.approval.request', 'read', [rid], ['user_id', 'state', 'reference'])[0]
    assert row['user_id'][0] == user.uid and row['state'] == 'draft'
    assert row['reference'].startswith('SP')
    user.call('crm.approval.request', 'action_cancel', [rid])
    assert user.call('crm.approval.request', 'read', [rid], ['state'])[0]['state'] == 'cancelled'


@pytest.mark.parametrize('login', ('wugang', 'xuli', 'zhaoqiang'))
def test_readers_and_outsiders_file_nothing(rpc, world, login):
    fault = rpc(login).fault('crm.approval.request', 'create', {
        'template_id': world['general'], 'title': 'x', 'description': 'y'})
    assert fault.faultCode in (2, 4), fault.faultString[-300:]
    assert 'Traceback' not in fault.faultString


def test_expense_leader_then_managers(admin, rpc, world):
    lina, zhangwei, sunqiang = rpc('lina'), rpc('zhangwei'), rpc('sunqiang')
    wangfang, chenjing = rpc('wangfang'), rpc('chenjing')
    rid = expense(lina, world, 3000, 5000)
    lina.call('crm.approval.request', 'action_submit', [rid])
    mine = [('crm_my_turn', '=', True)]
    assert rid in zhangwei.call('crm.approval.request', 'search', mine)
    assert rid not in sunqiang.call('crm.approval.request', 'search', mine)
    todo = zhangwei.call('crm.todo', 'create', {})
    count = zhangwei.call('crm.todo', 'read', [todo], ['approval_request_review_count'])[0]
    assert count['approval_request_review_count'] >= 1
    # a colleague and another team's leader neither read nor decide it
    for other in (wangfang, chenjing):
        assert rid not in other.call('crm.approval.request', 'search', [('id', '=', rid)])
        fault = other.fault('crm.approval.request', 'action_approve', [rid], '同意')
        assert fault.faultCode in (2, 4) and CJK.search(fault.faultString)
    # the applicant cannot approve her own, nor the manager before his tier
    for user in (lina, sunqiang):
        fault = user.fault('crm.approval.request', 'action_approve', [rid])
        assert fault.faultCode in (2, 4) and CJK.search(fault.faultString), fault.faultString
    zhangwei.call('crm.approval.request', 'action_approve', [rid], '同意')
    assert rid in sunqiang.call('crm.approval.request', 'search', mine)
    sunqiang.call('crm.approval.request', 'action_approve', [rid])
    row = lina.call('crm.approval.request', 'read', [rid], ['state', 'amount_total'])[0]
    assert row == {'id': rid, 'state': 'approved', 'amount_total': 8000.0}
    assert rid in zhangwei.call('crm.approval.request', 'search',
                                [('crm_approved_by_me', '=', True)])


def test_rejected_by_the_leader(rpc, world):
    lina, zhangwei = rpc('lina'), rpc('zhangwei')
    rid = lina.call('crm.approval.request', 'create', {
        'template_id': world['leave'], 'title': 'E2E 请假 %s' % world['tag'],
        'date_from': '2026-08-03', 'date_to': '2026-08-04'})
    lina.call('crm.approval.request', 'action_submit', [rid])
    fault = zhangwei.fault('crm.approval.request', 'action_reject', [rid], '')
    assert fault.faultCode == 2 and CJK.search(fault.faultString)
    zhangwei.call('crm.approval.request', 'action_reject', [rid], '月底忙，请改期')
    row = lina.call('crm.approval.request', 'read', [rid], ['state', 'reject_reason'])[0]
    assert row['state'] == 'rejected' and row['reject_reason'] == '月底忙，请改期'


def test_bad_input_is_refused_in_chinese(admin, rpc, world):
    lina = rpc('lina')
    before = admin.call('crm.approval.request', 'search_count', [])
    fault = lina.fault('crm.approval.request', 'create', {
        'template_id': world['trip'], 'title': 'E2E 出差', 'date_from': '2026-06-12',
        'date_to': '2026-06-11'})
    assert fault.faultCode == 2 and '结束日期' in fault.faultString, fault.faultString[-300:]
    fault = lina.fault('crm.approval.request', 'create', {
        'template_id': world['expense'], 'title': 'E2E', 'line_ids': [
            (0, 0, {'date': '2026-06-02', 'name': '负数', 'amount': -1})]})
    assert fault.faultCode == 2 and CJK.search(fault.faultString)
    assert admin.call('crm.approval.request', 'search_count', []) == before
    rid = lina.call('crm.approval.request', 'create', {
        'template_id': world['expense'], 'title': 'E2E 空报销 %s' % world['tag']})
    fault = lina.fault('crm.approval.request', 'action_submit', [rid])
    assert fault.faultCode == 2 and '费用明细' in fault.faultString, fault.faultString[-300:]
    assert lina.call('crm.approval.request', 'read', [rid], ['state'])[0]['state'] == 'draft'
    # what only the CRM fills is refused
    for vals in ({'state': 'approved'}, {'user_id': rpc('wangfang').uid},
                 {'amount_total': 1}, {'crm_review_user_ids': [(4, lina.uid)]}):
        fault = lina.fault('crm.approval.request', 'write', [rid], vals)
        assert fault.faultCode in (2, 4) and CJK.search(fault.faultString), (vals, fault.faultString[-300:])
