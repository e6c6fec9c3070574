"""Scheduled job runs (定时任务运行记录) over XML-RPC: a cron run manually is recorded,
in Chinese; the CRM administrator reads the runs; nobody -- the administrator, the
Odoo superuser -- adds, changes or deletes one; other roles see none."""
import pytest

ACCESS_ERROR = 4
JOB = 'crm_sales.ir_cron_crm_operation_log_purge'


@pytest.fixture(scope='module')
def run(rpc):
    """The operation log purge, run manually by the system administrator."""
    admin = rpc('admin')
    cron = admin.ref(JOB)
    before = admin.call('crm.cron.run', 'search', [('key', '=', JOB)])
    assert admin.call('ir.cron', 'method_direct_trigger', [cron]) is True
    runs = admin.call('crm.cron.run', 'search', [('key', '=', JOB), ('id', 'not in', before)])
    assert len(runs) == 1, runs
    return runs[0]


def test_the_administrator_reads_the_run_in_chinese(rpc, run):
    [line] = rpc('zhoutao').call('crm.cron.run', 'read', [run],
                                 ['name', 'state', 'started_at', 'ended_at', 'done_count',
                                  'failed_count', 'skipped_count'])
    assert line['name'] == 'CRM：清理过期的操作日志', line
    assert line['state'] == 'done' and line['failed_count'] == 0, line
    assert line['started_at'] and line['ended_at']
    states = dict(rpc('zhoutao').call('crm.cron.run', 'fields_get', ['state'],
                                      attributes=['selection'])['state']['selection'])
    assert states['failed'] == '部分失败' and states['interrupted'] == '已中断'


@pytest.mark.parametrize('login', ['lina', 'zhangwei', 'sunqiang', 'wugang', 'xuli', 'zhaoqiang'])
def test_other_roles_see_no_run(rpc, run, login):
    fault = rpc(login).fault('crm.cron.run', 'read', [run], ['name'])
    assert fault.faultCode == ACCESS_ERROR, fault.faultString


@pytest.mark.parametrize('login', ['zhoutao', 'admin'])
def test_nobody_writes_a_run(rpc, run, login):
    user = rpc(login)
    before = rpc('admin').call('crm.cron.run', 'read', [run], ['state', 'done_count'])
    chinese = login == 'zhoutao'   # the superuser's own language may be English
    fault = user.fault('crm.cron.run', 'write', [run], {'state': 'done', 'done_count': 999})
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    assert not chinese or '不能修改' in fault.faultString, fault.faultString
    fault = user.fault('crm.cron.run', 'unlink', [run])
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    assert not chinese or '不能删除' in fault.faultString, fault.faultString
    fault = user.fault('crm.cron.run', 'create', {'name': '伪造', 'key': JOB})
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    fault = user.fault('crm.cron.run', 'copy', run)
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    assert rpc('admin').call('crm.cron.run', 'read', [run], ['state', 'done_count']) == before
