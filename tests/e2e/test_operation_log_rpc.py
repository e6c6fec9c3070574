"""The operation log (操作日志) over XML-RPC: a transfer is answered by the log ("who moved
this customer to whom"), each role sees the lines of the customers it may read, and
nobody -- the salesperson, the CRM administrator, the Odoo superuser -- adds, changes or
deletes a line."""
import uuid

import pytest

ACCESS_ERROR = 4


@pytest.fixture(scope='module')
def moved(admin, rpc):
    """lina's new customer, transferred by her leader 张伟 to 王芳, lina kept as a
    read member."""
    tag = uuid.uuid4().hex[:6]
    lina, wangfang = rpc('lina').uid, rpc('wangfang').uid
    customer = rpc('lina').call('res.partner', 'create', {
        'name': 'E2E 操作日志客户 %s' % tag, 'is_company': True, 'customer': True})
    assert rpc('zhangwei').call('res.partner', 'action_transfer', [customer], wangfang,
                                keep_old_owner='read') is True
    return {'customer': customer, 'lina': lina, 'wangfang': wangfang, 'tag': tag}


def lines_of(rpc_user, customer):
    return rpc_user.call('crm.operation.log', 'search_read', [('partner_id', '=', customer)],
                         fields=['kind', 'user_id', 'from_user_id', 'to_user_id', 'summary',
                                 'res_model', 'res_id', 'res_name'])


def test_who_moved_this_customer_to_whom(rpc, moved):
    lines = lines_of(rpc('sunqiang'), moved['customer'])
    assert len(lines) == 1, lines
    line = lines[0]
    assert line['kind'] == 'transfer'
    assert line['user_id'][0] == rpc('zhangwei').uid
    assert line['from_user_id'][0] == moved['lina']
    assert line['to_user_id'][0] == moved['wangfang']
    assert line['summary'].startswith('李娜 → 王芳'), line['summary']
    assert (line['res_model'], line['res_id']) == ('res.partner', moved['customer'])
    # the labels come back in Chinese
    kinds = dict(rpc('sunqiang').call('crm.operation.log', 'fields_get', ['kind'],
                                      attributes=['selection'])['kind']['selection'])
    assert kinds['transfer'] == '转移'


def test_who_sees_the_line(rpc, moved):
    # the new owner, lina (kept as a read member), their leader, the manager, the
    # executive; not a salesperson or leader of another team
    for login in ('wangfang', 'lina', 'zhangwei', 'sunqiang', 'zhoutao', 'wugang'):
        assert len(lines_of(rpc(login), moved['customer'])) == 1, login
    for login in ('yanglei', 'chenjing'):
        assert lines_of(rpc(login), moved['customer']) == [], login
    # the customer's "Operations" button opens them
    action = rpc('wangfang').call('res.partner', 'action_view_operation_logs',
                                  [moved['customer']])
    assert action['res_model'] == 'crm.operation.log'
    assert action['domain'] == [['partner_id', '=', moved['customer']]]
    # a service agent has no operation log at all
    fault = rpc('xuli').fault('crm.operation.log', 'search', [])
    assert fault.faultCode == ACCESS_ERROR


@pytest.mark.parametrize('login', ['lina', 'wangfang', 'zhoutao', 'admin'])
def test_nobody_changes_or_deletes_a_line(rpc, moved, login):
    user = rpc(login)
    line = lines_of(rpc('sunqiang'), moved['customer'])[0]
    fault = user.fault('crm.operation.log', 'write', [line['id']], {'summary': '改过'})
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    fault = user.fault('crm.operation.log', 'unlink', [line['id']])
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    fault = user.fault('crm.operation.log', 'create', {
        'kind': 'transfer', 'res_model': 'res.partner', 'res_id': moved['customer'],
        'date': '2026-01-01 00:00:00', 'summary': '伪造'})
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    fault = user.fault('crm.operation.log', 'copy', line['id'])
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    # unchanged
    assert lines_of(rpc('sunqiang'), moved['customer']) == [line]


def test_open_the_record_from_a_line(rpc, moved):
    line = lines_of(rpc('wangfang'), moved['customer'])[0]
    action = rpc('wangfang').call('crm.operation.log', 'action_open_record', [line['id']])
    assert action['res_model'] == 'res.partner' and action['res_id'] == moved['customer']
