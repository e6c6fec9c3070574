"""Bad requests at the boundary, as an integrator or a probe sends them (issue #21,
classes 7 and 8): every bad query over XML-RPC, JSON-RPC (``odoorpc``) and the report
routes fails with a short Chinese message, never a traceback or a server path, and
changes nothing; the legitimate ones (a total over nothing, labels without a context)
answer in the user's language."""
import html
import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from conftest import DB, URL

CJK = re.compile('[\u4e00-\u9fff]')
MISSING = 999999999
CONTRACT_REPORT = 'crm_contract.report_crm_contract'


@pytest.fixture(scope='module')
def world(admin, rpc):
    tag = uuid.uuid4().hex[:6]
    uid = {login: rpc(login).uid for login in ('lina', 'yanglei')}
    east, south = admin.ref('crm_sales.team_east'), admin.ref('crm_sales.team_south')
    records = {}
    for login, team in (('lina', east), ('yanglei', south)):
        customer = admin.call('res.partner', 'create', {
            'name': 'E2E 查询守卫客户 %s %s' % (login, tag), 'is_company': True,
            'customer': True, 'user_id': uid[login], 'team_id': team})
        lead = admin.call('crm.lead', 'create', {
            'name': 'E2E 查询守卫商机 %s %s' % (login, tag), 'type': 'opportunity',
            'user_id': uid[login], 'team_id': team, 'partner_id': customer,
            'planned_revenue': 12000.0})
        contract = admin.call('crm.contract', 'create', {
            'name': 'E2E 查询守卫合同 %s %s' % (login, tag), 'partner_id': customer,
            'user_id': uid[login], 'team_id': team, 'sign_date': '2026-01-05',
            'date_start': '2026-01-05', 'date_end': '2027-01-04', 'amount_total': 80000.0})
        records[login] = {'customer': customer, 'lead': lead, 'contract': contract}
    return records


def _snapshot(admin):
    """Row counts and last writes of the tables a bad call could touch."""
    snap = []
    for model in ('crm.lead', 'res.partner', 'crm.contract', 'crm.follow.up'):
        ids = admin.call(model, 'search', [], order='write_date desc, id desc', limit=1,
                         context={'active_test': False})
        last = admin.call(model, 'read', ids, ['write_date']) if ids else []
        snap.append((model, admin.call(model, 'search_count', [],
                                       context={'active_test': False}), last))
    return snap


def _assert_clean(fault, what):
    text = fault.faultString
    assert fault.faultCode in (2, 4), '%s: a traceback instead of a clear error: %s' % (
        what, text.strip().splitlines()[-1][:300])
    assert 'Traceback' not in text and 'File "' not in text, (what, text[:300])
    assert CJK.search(text), '%s: the message is not in Chinese: %s' % (what, text[:300])


def _bad_calls(world):
    lead = world['lina']['lead']
    return [
        # domains
        ('crm.lead', 'search', ['not a list'], {}),
        ('crm.lead', 'search', [{'name': 'x'}], {}),
        ('crm.lead', 'search', [[('no_such_field', '=', 1)]], {}),
        ('crm.lead', 'search', [[('name', 'bad', 'x')]], {}),
        ('crm.lead', 'search', [['|', ('name', '=', 'x')]], {}),
        ('crm.lead', 'search', [[('name', '=')]], {}),
        ('crm.lead', 'search', [[('create_date', '>', 'garbage')]], {}),
        ('crm.lead', 'search_count', [[('planned_revenue', '>', 'abc')]], {}),
        ('crm.lead', 'search_read', [[('partner_id.no_such', '=', 1)]], {}),
        ('res.partner', 'search', [[('name', '=', {'a': 1})]], {}),
        ('crm.contract', 'search', [[('amount_total', '<', 'lots')]], {}),
        ('res.users', 'search', [[('no_such_field', '=', 1)]], {}),
        # order, limit, offset
        ('crm.lead', 'search', [[]], {'order': 'no_such_field'}),
        ('crm.lead', 'search', [[]], {'order': 'name; DROP TABLE crm_lead'}),
        ('crm.lead', 'search', [[]], {'limit': -1}),
        ('crm.lead', 'search', [[]], {'limit': 'abc'}),
        ('crm.lead', 'search_read', [[]], {'offset': -5, 'fields': ['name']}),
        ('crm.lead', 'search_read', [[]], {'offset': 'x', 'fields': ['name']}),
        # fields, group-bys
        ('crm.lead', 'search_read', [[]], {'fields': ['no_such_field'], 'limit': 1}),
        ('crm.lead', 'read', [[lead], ['no_such_field']], {}),
        ('crm.lead', 'export_data', [[lead], ['no_such_field']], {}),
        ('crm.lead', 'read_group', [[], ['name'], ['stage_id']], {}),
        ('crm.lead', 'read_group', [[], ['create_date'], ['create_date:century']], {}),
        ('crm.lead', 'read_group', [[], ['stage_id'], ['no_such_field']], {}),
        ('crm.contract', 'read_group', [[], ['amount_total'], ['amount_total:day']], {}),
        # name_search, copy
        ('crm.lead', 'name_search', ['x'], {'operator': 'bad'}),
        ('res.partner', 'name_search', ['x'], {'operator': 'child_of'}),
        ('crm.lead', 'copy', [[lead], 'x'], {}),
        ('crm.lead', 'copy', [[lead], {'no_such_field': 1}], {}),
        # amounts out of bounds and blank names, by every path
        ('crm.lead', 'create', [{'name': 'E2E 巨额', 'type': 'opportunity'}],
         {'context': {'default_planned_revenue': 1e28}}),
        ('crm.lead', 'create', [{'name': 'E2E 巨额', 'type': 'opportunity',
                                 'planned_revenue': 1e28}], {}),
        ('crm.lead', 'copy', [[lead], {'planned_revenue': 1e28}], {}),
        ('crm.lead', 'load', [['name', 'planned_revenue'], [['E2E 巨额导入', '1e28']]], {}),
        ('crm.lead', 'create', [{'name': '   ', 'type': 'opportunity'}], {}),
        ('crm.lead', 'write', [[lead], {'name': ' '}], {}),
        ('crm.lead', 'name_create', ['  '], {}),
        ('res.partner', 'create', [{'name': '  ', 'is_company': True}], {}),
    ]


def test_bad_queries_fail_cleanly_in_chinese_and_change_nothing(admin, rpc, world):
    lina = rpc('lina')
    before = _snapshot(admin)
    problems = []
    for model, method, args, kwargs in _bad_calls(world):
        what = '%s.%s%r %r' % (model, method, tuple(args), kwargs)
        try:
            lina.call(model, method, *args, **kwargs)
        except Exception as fault:
            try:
                _assert_clean(fault, what)
            except AssertionError as e:
                problems.append(str(e))
        else:
            problems.append('%s: accepted' % what)
    assert not problems, '\n'.join(problems)
    assert _snapshot(admin) == before
    lead = admin.call('crm.lead', 'read', [world['lina']['lead']], ['name', 'planned_revenue'])[0]
    assert lead['planned_revenue'] == 12000.0 and lead['name'].startswith('E2E 查询守卫商机')


def test_good_queries_still_answer(rpc, world):
    lina = rpc('lina')
    lead = world['lina']['lead']
    found = lina.call('crm.lead', 'search', ['|', ('name', 'ilike', '查询守卫商机'),
                                             ('partner_id', '=', 'nobody'),
                                             ('planned_revenue', '>=', '100'),
                                             ('create_date', '>', '2000-01-01 00:00:00')],
                      order='planned_revenue desc, name', limit=50, offset=0)
    assert lead in found
    rows = lina.call('crm.lead', 'read_group', [('id', '=', lead)],
                     ['planned_revenue', 'create_date'], ['create_date:month'])
    assert rows[0]['planned_revenue'] == 12000.0


def test_total_over_nothing_marshals(rpc):
    """read_group without a group-by on an empty set: one row of zero totals, not
    "cannot marshal None"."""
    rows = rpc('lina').call('crm.lead', 'read_group', [('id', '=', -1)],
                            ['planned_revenue'], [])
    assert len(rows) == 1 and rows[0]['__count'] == 0
    assert rows[0]['planned_revenue'] in (False, 0, 0.0)


def test_fields_get_without_context_speaks_the_users_language(rpc):
    labels = rpc('lina').call('crm.lead', 'fields_get', ['stage_id', 'planned_revenue'],
                              attributes=['string'])
    assert labels['stage_id']['string'] == '阶段', labels
    assert CJK.search(labels['planned_revenue']['string']), labels


# ---------------------------------------------------------------------- odoorpc (JSON-RPC)
def test_odoorpc_gets_chinese_messages_and_labels(rpc_client, world):
    lina = rpc_client('lina', backend='odoorpc')
    fault = lina.fault('crm.lead', 'search', [('no_such_field', '=', 1)])
    assert fault.faultCode == 2 and '没有字段' in fault.faultString, fault.faultString
    # refused by the boundary's own checks, before Odoo applies the call's context
    fault = lina.fault('crm.lead', 'read', ['abc'], ['name'])
    assert fault.faultCode == 2 and '不是有效的记录编号' in fault.faultString, fault.faultString
    fault = lina.fault('crm.lead', 'search', [], limit=-1)
    assert fault.faultCode == 2 and '整数' in fault.faultString, fault.faultString
    fault = lina.fault('crm.lead', 'write', [world['lina']['lead']], {'name': '   '})
    assert fault.faultCode == 2 and CJK.search(fault.faultString), fault.faultString
    labels = lina.call('crm.lead', 'fields_get', ['stage_id'], attributes=['string'])
    assert labels['stage_id']['string'] == '阶段', labels


class WebSession(object):
    """A browser-like session: /web/session/authenticate, then JSON and page requests
    with its cookie."""

    def __init__(self, login):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        result = self.json('/web/session/authenticate',
                           {'db': DB, 'login': login, 'password': login})
        assert result.get('result', {}).get('uid'), result

    def json(self, path, params):
        body = json.dumps({'jsonrpc': '2.0', 'method': 'call', 'params': params}).encode()
        request = urllib.request.Request(URL + path, body, {'Content-Type': 'application/json'})
        return json.loads(self.opener.open(request, timeout=120).read().decode())

    def get(self, path, data=None):
        """(status, body) of a GET (or a form POST when ``data``)."""
        if data is not None:
            data = urllib.parse.urlencode(data).encode()
        try:
            response = self.opener.open(URL + path, data, timeout=300)
            return response.status, response.read().decode('utf-8', 'replace')
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode('utf-8', 'replace')


def test_web_client_json_errors_carry_no_traceback_and_speak_chinese(world):
    """/web/dataset/call_kw without a language in the context: Chinese labels and
    messages, and the error's details hold no server traceback."""
    web = WebSession('lina')
    call = {'model': 'crm.lead', 'method': 'fields_get', 'args': [['stage_id']],
            'kwargs': {'attributes': ['string']}}
    answer = web.json('/web/dataset/call_kw', call)
    assert answer['result']['stage_id']['string'] == '阶段', answer
    answer = web.json('/web/dataset/call_kw', dict(
        call, method='search_read', args=[[('name', 'bad', 'x')]], kwargs={}))
    error = answer['error']['data']
    assert CJK.search(error['message']) and 'File "' not in error['debug'], error
    # the lists' own route
    for params in ({'domain': [('no_such_field', '=', 1)]}, {'sort': 'name; DROP TABLE x'},
                   {'limit': -1}, {'fields': ['no_such_field']}):
        answer = web.json('/web/dataset/search_read', dict({'model': 'crm.lead'}, **params))
        error = answer['error']['data']
        assert CJK.search(error['message']) and 'File "' not in error['debug'], (params, error)
    answer = web.json('/web/dataset/search_read', {'model': 'crm.lead', 'fields': ['name'],
                                                   'domain': [], 'limit': 2, 'sort': 'id desc'})
    assert len(answer['result']['records']) == 2, answer


# ---------------------------------------------------------------------- report routes
@pytest.fixture(scope='module')
def web_lina():
    return WebSession('lina')


def test_report_of_a_foreign_record_is_forbidden(web_lina, world):
    status, body = web_lina.get('/report/html/%s/%d' % (
        CONTRACT_REPORT, world['yanglei']['contract']))
    assert status == 403 and '无权' in body, (status, body[:300])
    assert 'E2E 查询守卫合同' not in body and 'Traceback' not in body
    status, body = web_lina.get('/report/pdf/%s/%d,%d' % (
        CONTRACT_REPORT, world['lina']['contract'], world['yanglei']['contract']))
    assert status == 403 and '无权' in body, (status, body[:300])
    # the xlsx reports too (report_xlsx's route comes after this check)
    status, body = web_lina.get('/report/xlsx/crm_contract.contract_list_xlsx/%d' % (
        world['yanglei']['contract']))
    assert status == 403 and '无权' in body, (status, body[:300])


@pytest.mark.parametrize('ids, status', [('abc', 400), ('-1', 400), ('1,x', 400),
                                         (str(MISSING), 404), ('99999999999', 400)])
def test_report_with_bad_ids_is_a_clean_4xx(web_lina, ids, status):
    got, body = web_lina.get('/report/html/%s/%s' % (CONTRACT_REPORT, ids))
    assert got == status and CJK.search(body), (got, body[:300])
    assert 'Traceback' not in body and 'File "' not in body


def test_unknown_report_is_not_found(web_lina):
    got, body = web_lina.get('/report/html/no_such.report/1')
    assert got == 404 and CJK.search(body), (got, body[:300])


def test_report_of_an_own_record_still_prints(web_lina, world):
    status, body = web_lina.get('/report/html/%s/%d' % (
        CONTRACT_REPORT, world['lina']['contract']))
    assert status == 200 and 'E2E 查询守卫合同' in body, (status, body[:300])


def test_report_download_of_a_foreign_record_is_a_clean_error(web_lina, world):
    """The web client's download: its JSON error format, a Chinese message, no
    traceback, no file."""
    url = '/report/pdf/%s/%d' % (CONTRACT_REPORT, world['yanglei']['contract'])
    status, body = web_lina.get('/report/download?' + urllib.parse.urlencode({
        'data': json.dumps([url, 'qweb-pdf']), 'token': 'x'}))
    error = json.loads(html.unescape(body))['data']
    assert status == 403 and '无权' in error['message'] and not error['debug'], (status, body[:300])
