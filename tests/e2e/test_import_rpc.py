"""crm_import over XML-RPC: lina imports an Excel file (base64) -> preview with each row's
error in Chinese -> run in the background (the server's queue_job runner, as lina) -> her
customers; she cannot import for a colleague of another team, nor run or read another
user's import; bad files come back as a plain Chinese message."""
import base64
import io
import time
import uuid

import pytest
import xlsxwriter

HEADER = ['客户名称*', '客户等级', '负责人', '员工人数', '联系人姓名', '联系人手机']


def xlsx(rows, header=HEADER):
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {'in_memory': True})
    sheet = book.add_worksheet()
    for c, title in enumerate(header):
        sheet.write(0, c, title)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.close()
    return base64.b64encode(out.getvalue()).decode()


def preview(user, rows, mode='skip', kind='customer'):
    wizard = user.call('crm.import.wizard', 'create', {
        'import_type': kind, 'duplicate_mode': mode, 'file': xlsx(rows),
        'file_name': 'RPC客户导入.xlsx'})
    action = user.call('crm.import.wizard', 'action_preview', [wizard])
    return action['res_id']


def wait_done(user, batch, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        state = user.call('crm.import.batch', 'read', [batch], ['state'])[0]['state']
        if state == 'done':
            return
        time.sleep(1)
    raise AssertionError('the import did not finish within %ds (is the queue_job runner '
                         'running? server_wide_modules in odoo.conf)' % timeout)


@pytest.fixture
def tag():
    return uuid.uuid4().hex[:6]


def test_lina_imports_her_customers_in_the_background(rpc, tag):
    lina = rpc('lina')
    rows = [['RPC导入甲%s' % tag, 'A', None, 50, '周经理', '1391111%04d' % (int(tag, 16) % 9999)],
            ['RPC导入乙%s' % tag, None, 'lina', None, None, None],
            ['RPC导入丙%s' % tag, '不存在级别', None, '很多', None, None]]
    batch = preview(lina, rows)
    info = lina.call('crm.import.batch', 'read', [batch],
                     ['to_create_count', 'error_count', 'state', 'user_id'])[0]
    assert (info['to_create_count'], info['error_count'], info['state']) == (2, 1, 'preview')
    assert info['user_id'][0] == lina.uid
    lines = lina.call('crm.import.line', 'search_read', [('batch_id', '=', batch)],
                      fields=['row', 'level', 'message'])
    assert [(l['row'], l['level']) for l in lines] == [(4, 'error')]
    assert '不存在级别' in lines[0]['message'] and '不是整数' in lines[0]['message'], lines
    assert lina.call('crm.import.batch', 'action_run', [batch]) is True
    wait_done(lina, batch)
    done = lina.call('crm.import.batch', 'read', [batch],
                     ['created_count', 'failed_count', 'progress'])[0]
    assert (done['created_count'], done['failed_count'], done['progress']) == (2, 1, 100.0)
    mine = lina.call('res.partner', 'search_read', [('name', 'like', 'RPC导入%%%s' % tag)],
                     fields=['name', 'user_id', 'primary_contact_id', 'employee_count'])
    assert sorted(p['name'] for p in mine) == ['RPC导入乙%s' % tag, 'RPC导入甲%s' % tag]
    assert {p['user_id'][0] for p in mine} == {lina.uid}
    first = next(p for p in mine if p['name'].startswith('RPC导入甲'))
    assert first['employee_count'] == 50 and first['primary_contact_id']
    # the rows not imported, as an Excel file
    errors = lina.call('crm.import.batch', 'get_error_file', [batch])
    assert errors['file_name'].endswith('.xlsx') and len(base64.b64decode(errors['data'])) > 1000
    # the import is hers: a colleague neither reads nor runs it; the administrator reads it
    assert rpc('wangfang').call('crm.import.batch', 'search', [('id', '=', batch)]) == []
    assert rpc('zhoutao').call('crm.import.batch', 'search', [('id', '=', batch)]) == [batch]
    again = lina.fault('crm.import.batch', 'action_run', [batch])
    assert again.faultCode == 2 and '已经开始' in again.faultString, again.faultString


def test_lina_cannot_import_for_a_colleague_of_another_team(rpc, tag):
    lina = rpc('lina')
    batch = preview(lina, [['RPC越权%s' % tag, None, 'yanglei', None, None, None]])
    lines = lina.call('crm.import.line', 'search_read', [('batch_id', '=', batch)],
                      fields=['row', 'level', 'message'])
    assert [(l['row'], l['level']) for l in lines] == [(2, 'error')]
    assert '杨磊' in lines[0]['message'] and '不能' in lines[0]['message'], lines
    lina.call('crm.import.batch', 'action_run', [batch])
    wait_done(lina, batch)
    assert rpc('admin').call('res.partner', 'search', [('name', '=', 'RPC越权%s' % tag)]) == []
    other = rpc('wangfang').fault('crm.import.batch', 'action_run', [batch])
    assert other.faultCode in (2, 4), other.faultString


def test_bad_files_and_roles_are_refused_in_chinese(rpc):
    lina = rpc('lina')
    wizard = lina.call('crm.import.wizard', 'create', {
        'import_type': 'customer', 'file': base64.b64encode(b'not a sheet').decode(),
        'file_name': 'x.xlsx'})
    fault = lina.fault('crm.import.wizard', 'action_preview', [wizard])
    assert fault.faultCode == 2 and '模板' in fault.faultString, fault.faultString
    wizard = lina.call('crm.import.wizard', 'create', {
        'import_type': 'customer', 'file': xlsx([['x']], header=['电话']), 'file_name': 'x.xlsx'})
    fault = lina.fault('crm.import.wizard', 'action_preview', [wizard])
    assert fault.faultCode == 2 and '客户名称' in fault.faultString, fault.faultString
    wizard = lina.call('crm.import.wizard', 'create', {
        'import_type': 'product', 'file': xlsx([['产品']], header=['产品名称']), 'file_name': 'p.xlsx'})
    fault = lina.fault('crm.import.wizard', 'action_preview', [wizard])
    assert fault.faultCode == 4, fault.faultString
    wugang = rpc('wugang')     # the executive reads, changes nothing
    wizard = wugang.call('crm.import.wizard', 'create', {
        'import_type': 'customer', 'file': xlsx([['高管客户']]), 'file_name': 'x.xlsx'})
    fault = wugang.fault('crm.import.wizard', 'action_preview', [wizard])
    assert fault.faultCode == 4, fault.faultString
