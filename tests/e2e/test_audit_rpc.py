"""The audit trail over XML-RPC: a change made by a salesperson is in the CRM
administrator's log (old → new, in Chinese); nobody writes or deletes a log line (the
superuser included); failed logins are recorded; repeated failures lock a login (from
127.0.0.1: the address is whitelisted only against the lock of the whole address, see
crm_audit's README), and the lock ends after the lock period (CRM clock) or when the
CRM administrator unlocks it."""
import datetime
import re
import uuid
import xmlrpc.client

import pytest

from conftest import DB, URL

CJK = re.compile('[\u4e00-\u9fff]')


def _common():
    return xmlrpc.client.ServerProxy(URL + '/xmlrpc/2/common', allow_none=True)


def _logs(rpc, model, res_id):
    return rpc.call('auditlog.log', 'search_read',
                    [('model_id.model', '=', model), ('res_id', '=', res_id)],
                    fields=['method', 'user_id', 'line_ids'], order='id')


def test_a_salespersons_change_is_in_the_administrators_log(rpc):
    lina, zhoutao, yanglei = rpc('lina'), rpc('zhoutao'), rpc('yanglei')
    levels = lina.call('crm.customer.level', 'search_read', [], fields=['name'], limit=2)
    name = 'E2E 审计客户 %s' % uuid.uuid4().hex[:6]
    pid = lina.call('res.partner', 'create', {'name': name, 'is_company': True, 'customer': True,
                                              'customer_level_id': levels[0]['id']})
    lina.call('res.partner', 'write', [pid], {'customer_level_id': levels[1]['id']})
    logs = _logs(zhoutao, 'res.partner', pid)
    assert [l['method'] for l in logs] == ['create', 'write']
    assert all(l['user_id'][0] == lina.uid for l in logs)
    lines = zhoutao.call('auditlog.log.line', 'search_read', [('log_id', '=', logs[1]['id'])],
                         fields=['field_description', 'old_value_text', 'new_value_text'])
    level = [l for l in lines if l['field_description'] == '客户等级']
    assert level and (level[0]['old_value_text'], level[0]['new_value_text']) == \
        (levels[0]['name'], levels[1]['name'])
    # lina reads her customer's log through its button; yanglei (another team) does not
    action = lina.call('res.partner', 'action_crm_audit_log', [pid])
    assert lina.call('auditlog.log', 'search_count', action['domain']) == 2
    assert yanglei.call('auditlog.log', 'search_count',
                        [('model_id.model', '=', 'res.partner'), ('res_id', '=', pid)]) == 0
    fault = yanglei.fault('res.partner', 'action_crm_audit_log', [pid])
    assert fault.faultCode == 4


def test_nobody_writes_or_deletes_a_log_line(rpc, admin):
    lina, zhoutao = rpc('lina'), rpc('zhoutao')
    pid = lina.call('res.partner', 'create', {'name': 'E2E 审计不可改 %s' % uuid.uuid4().hex[:6],
                                              'is_company': True, 'customer': True})
    log = _logs(lina, 'res.partner', pid)[0]
    for user in (lina, zhoutao, admin):
        for model, ids, vals in (('auditlog.log', [log['id']], {'name': '改过'}),
                                 ('auditlog.log.line', log['line_ids'], {'new_value_text': '改过'})):
            fault = user.fault(model, 'write', ids, vals)
            assert fault.faultCode == 4 and CJK.search(fault.faultString), fault.faultString
            fault = user.fault(model, 'unlink', ids)
            assert fault.faultCode == 4, fault.faultString
    assert _logs(zhoutao, 'res.partner', pid)[0]['line_ids'] == log['line_ids']
    fault = lina.fault('res.authentication.attempt', 'search_read', [], fields=['login'], limit=1)
    assert fault.faultCode == 4


def _attempts(zhoutao, login):
    return zhoutao.call('res.authentication.attempt', 'search_read', [('login', '=', login)],
                        fields=['result', 'remote', 'create_date'], order='id')


def test_failed_logins_lock_a_login_until_unlocked_or_the_period_ends(admin, rpc, clock):
    zhoutao = rpc('zhoutao')
    login = 'e2e_lock_%s' % uuid.uuid4().hex[:8]
    password = 'E2e%sPass9' % uuid.uuid4().hex[:4]
    admin.call('res.users', 'create', {'name': 'E2E 锁定测试', 'login': login, 'password': password,
                                       'groups_id': [(6, 0, [admin.ref('base.group_user')])]})
    common = _common()
    assert common.authenticate(DB, login, password, {})
    for _i in range(5):
        assert common.authenticate(DB, login, 'wrong-%d' % _i, {}) is False
    attempts = _attempts(zhoutao, login)
    assert [a['result'] for a in attempts] == ['successful'] + ['failed'] * 5
    assert {a['remote'] for a in attempts} == {'127.0.0.1'}
    # locked: the right password is refused and recorded as such
    assert common.authenticate(DB, login, password, {}) is False
    assert _attempts(zhoutao, login)[-1]['result'] == 'banned'
    # the CRM administrator unlocks it
    failed = [a['id'] for a in _attempts(zhoutao, login) if a['result'] == 'failed']
    assert rpc('lina').fault('res.authentication.attempt', 'action_crm_unlock', failed[-1:]).faultCode == 4
    zhoutao.call('res.authentication.attempt', 'action_crm_unlock', failed[-1:])
    assert common.authenticate(DB, login, password, {})
    # locked again, then free once the lock period (15 minutes) has passed on the CRM clock
    for _i in range(5):
        assert common.authenticate(DB, login, 'again-%d' % _i, {}) is False
    assert common.authenticate(DB, login, password, {}) is False
    last = datetime.datetime.strptime(_attempts(zhoutao, login)[-1]['create_date'], '%Y-%m-%d %H:%M:%S')
    clock((last + datetime.timedelta(minutes=10)).strftime('%Y-%m-%d %H:%M:%S'))
    assert common.authenticate(DB, login, password, {}) is False
    clock((last + datetime.timedelta(minutes=30)).strftime('%Y-%m-%d %H:%M:%S'))
    assert common.authenticate(DB, login, password, {})
    # the demo users were never locked by this
    assert common.authenticate(DB, 'lina', 'lina', {})
