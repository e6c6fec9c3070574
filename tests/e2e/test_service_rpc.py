"""Service tickets from outside (issue #21): what a client sends grants nothing, the
feedback token stays with who may share the ticket, the public feedback route needs the
customer, a bad plan or a read-only role harms nobody, a portal user cannot flood the
desk. Over XML-RPC and HTTP against the demo database."""
import datetime
import re
import time

import pytest
import requests

from conftest import DB, URL

RATE_PARAM = 'crm_service.portal_ticket_limit'


@pytest.fixture(scope='module')
def world(admin, rpc):
    """A processed ticket of zhaoqiang's company (handled by xuli), its salesperson."""
    suffix = '%d' % int(time.time() * 1000 % 10 ** 9)
    portal = rpc('zhaoqiang')
    customer = admin.call('res.users', 'read', [portal.uid], ['commercial_partner_id'])[0][
        'commercial_partner_id'][0]
    owner = admin.call('res.partner', 'read', [customer], ['crm_owner_id'])[0]['crm_owner_id'][0]
    owner_login = admin.call('res.users', 'read', [owner], ['login'])[0]['login']
    xuli, gaokai = rpc('xuli'), rpc('gaokai')
    tech = admin.ref('crm_service.service_type_technical')
    team = admin.ref('crm_service.team_support')
    ticket = gaokai.call('crm.service.ticket', 'create', {
        'name': 'E2E 信任边界 %s' % suffix, 'partner_id': customer, 'type_id': tech, 'team_id': team})
    gaokai.call('crm.service.ticket', 'action_assign', [ticket], xuli.uid)
    xuli.call('crm.service.ticket', 'action_start', [ticket])
    xuli.call('crm.service.ticket', 'action_process', [ticket], '重启服务后恢复。')
    return {'suffix': suffix, 'customer': customer, 'ticket': ticket, 'tech': tech, 'team': team,
            'sales': rpc(owner_login), 'sales_login': owner_login}


def refused_cleanly(fault):
    """The action-only fields refused, or the gateway-only method refused over RPC."""
    return fault.faultCode in (2, 4) and ('不能直接修改' in fault.faultString
                                           or '仅供接收邮件' in fault.faultString)


def ticket_values(admin, ticket, fields):
    return admin.call('crm.service.ticket', 'read', [ticket], fields)[0]


class Browser(object):
    """An HTTP session (signed in unless ``login`` is None) posting forms with the CSRF token."""

    def __init__(self, login=None):
        self.http = requests.Session()
        if login:
            res = self.http.post(URL + '/web/session/authenticate', json={
                'jsonrpc': '2.0', 'method': 'call',
                'params': {'db': DB, 'login': login, 'password': login}}).json()
            assert res.get('result', {}).get('uid'), res

    def get(self, path):
        return self.http.get(URL + path, timeout=120)

    def post(self, path, form, page=None):
        html = self.get(page or path).text
        found = re.search(r'name="csrf_token" value="([^"]+)"', html)
        return self.http.post(URL + path, data=dict(form, csrf_token=found.group(1) if found else ''),
                              timeout=120)


def test_forged_context_neither_reassigns_nor_moves_the_sla(rpc, admin, world):
    xuli, hejun = rpc('xuli'), rpc('hejun')
    ticket = rpc('gaokai').call('crm.service.ticket', 'create', {
        'name': 'E2E 改派 %s' % world['suffix'], 'partner_id': world['customer'],
        'type_id': world['tech'], 'team_id': world['team']})
    rpc('gaokai').call('crm.service.ticket', 'action_assign', [ticket], xuli.uid)
    for ctx in ({'crm_action_write': True}, {'crm_grant': {'action_write': True}}):
        fault = xuli.fault('crm.service.ticket', 'write', [ticket], {'user_id': hejun.uid}, context=ctx)
        assert '只有服务经理才能分配工单' in fault.faultString
    assert ticket_values(admin, ticket, ['user_id'])['user_id'][0] == xuli.uid
    created = xuli.call('crm.service.ticket', 'create', {
        'name': 'E2E SLA 起点 %s' % world['suffix'], 'partner_id': world['customer'],
        'type_id': world['tech'], 'team_id': world['team']},
        context={'crm_sla_start': '2020-01-01 00:00:00', 'default_state': 'archived'})
    values = ticket_values(admin, created, ['sla_start_at', 'state'])
    assert not values['sla_start_at'].startswith('2020') and values['state'] != 'archived'


def test_copy_and_mail_values_write_no_action_field(rpc, admin, world):
    xuli = rpc('xuli')
    count = admin.call('crm.service.ticket', 'search_count', [])
    fault = xuli.fault('crm.service.ticket', 'copy', [world['ticket']], {'state': 'archived', 'satisfaction': 5})
    assert '不能直接修改' in fault.faultString
    sender = admin.call('res.partner', 'search_read', [('parent_id', '=', world['customer']),
                                                       ('email', '!=', False)], ['email'], limit=1)
    assert sender, 'the demo customer has a contact with an e-mail address'
    fault = xuli.fault('crm.service.ticket', 'message_new',
                       {'from': sender[0]['email'], 'subject': 'E2E', 'body': 'x'}, {'state': 'archived'})
    assert refused_cleanly(fault)
    fault = xuli.fault('crm.service.ticket', 'message_update', [world['ticket']],
                       {'from': 'x@example.cn', 'subject': 'Re', 'body': 'x'}, {'state': 'archived'})
    assert refused_cleanly(fault)
    assert admin.call('crm.service.ticket', 'search_count', []) == count
    assert ticket_values(admin, world['ticket'], ['state'])['state'] == 'processed'


def test_the_salesperson_gets_no_token_and_cannot_rate(rpc, admin, world):
    sales, ticket = world['sales'], world['ticket']
    assert sales.call('crm.service.ticket', 'read', [ticket], ['name'])  # she reads the ticket
    fault = sales.fault('crm.service.ticket', 'read', [ticket], ['access_token'])
    assert fault.faultCode == 4
    token = rpc('xuli').call('crm.service.ticket', 'read', [ticket], ['access_token'])[0]['access_token']
    assert token and len(token) == 32
    assert sales.call('crm.service.ticket', 'search', [('access_token', '=like', token[0] + '%')]) == []
    assert token not in sales.call('crm.service.ticket', 'get_share_url', [ticket])
    bodies = sales.call('mail.message', 'search_read', [('model', '=', 'crm.service.ticket'),
                                                        ('res_id', '=', ticket)], ['body'])
    assert token not in str(bodies)
    assert sales.call('mail.mail', 'search', [('model', '=', 'crm.service.ticket')]) == []
    # the public feedback route: signed in as the salesperson, no token or a wrong one
    browser = Browser(world['sales_login'])
    url = '/my/tickets/%s/feedback' % ticket
    for path in (url, url + '?access_token=wrong'):
        page = browser.get(path)
        assert page.status_code == 403 and '只有客户本人可以评价此工单' in page.text
    res = browser.http.post(URL + url, data={'satisfaction': '5'}, timeout=120)
    assert res.status_code in (400, 403)
    assert ticket_values(admin, ticket, ['state'])['state'] == 'processed'
    # the customer, with the closing e-mail's link, without signing in
    done = Browser().post(url, {'access_token': token, 'satisfaction': '4', 'comment': 'E2E 满意'},
                          page=url + '?access_token=' + token)
    assert done.status_code == 200
    values = ticket_values(admin, ticket, ['state', 'satisfaction', 'feedback_by'])
    assert (values['state'], values['satisfaction'], values['feedback_by']) == ('feedback', 4, 'customer')


def test_bad_plan_refused_and_executive_posts_nothing(rpc, admin, world):
    xuli = rpc('xuli')
    plan = {'name': 'E2E 计划 %s' % world['suffix'], 'partner_id': world['customer'], 'user_id': xuli.uid,
            'interval_type': 'month', 'next_date': '2026-12-01'}
    for number, fragment in ((2147483647, '最多为 120'), (0, '至少为 1')):
        fault = xuli.fault('crm.service.plan', 'create', dict(plan, interval_number=number))
        assert fragment in fault.faultString
    assert admin.call('crm.service.plan', 'search', [('name', '=', plan['name'])]) == []
    wugang = rpc('wugang')
    before = admin.call('mail.message', 'search_count', [('model', '=', 'crm.service.ticket'),
                                                         ('res_id', '=', world['ticket'])])
    fault = wugang.fault('crm.service.ticket', 'message_post', [world['ticket']], body='E2E 高管评论',
                         message_type='comment', subtype='mail.mt_comment')
    assert '只能查看服务工单' in fault.faultString
    assert admin.call('mail.message', 'search_count', [('model', '=', 'crm.service.ticket'),
                                                       ('res_id', '=', world['ticket'])]) == before


def test_portal_user_cannot_flood_tickets(rpc, admin, world):
    Param = 'ir.config_parameter'
    previous = admin.call(Param, 'get_param', RATE_PARAM)
    portal = Browser('zhaoqiang')
    try:
        admin.call(Param, 'set_param', RATE_PARAM, '1000')
        first = portal.post('/my/tickets/new', {'subject': 'E2E 门户 %s' % world['suffix'], 'type_id': world['tech']})
        assert first.status_code == 200
        now = datetime.datetime.strptime(admin.call('crm.clock', 'now_str'), '%Y-%m-%d %H:%M:%S')
        since = (now - datetime.timedelta(minutes=10)).strftime('%Y-%m-%d %H:%M:%S')
        opened = admin.call('crm.service.ticket', 'search_count', [
            ('portal_user_id', '=', rpc('zhaoqiang').uid), ('opened_at', '>=', since)])
        assert opened >= 1
        admin.call(Param, 'set_param', RATE_PARAM, str(opened))
        refused = portal.post('/my/tickets/new', {'subject': 'E2E 门户又一个 %s' % world['suffix'],
                                                  'type_id': world['tech']})
        assert refused.status_code == 400 and '请稍候再提交新工单' in refused.text
        assert admin.call('crm.service.ticket', 'search', [('name', 'like', 'E2E 门户又一个')]) == []
    finally:
        admin.call(Param, 'set_param', RATE_PARAM, previous or False)


def test_reassign_and_process_over_rpc(rpc, admin, world):
    """Issue #29 item 8: 转派 with its own checks, a clear error for a missing solution,
    both in Chinese over XML-RPC (no language in the context)."""
    xuli, hejun, gaokai = rpc('xuli'), rpc('hejun'), rpc('gaokai')
    ticket = gaokai.call('crm.service.ticket', 'create', {
        'name': 'E2E 转派 %s' % world['suffix'], 'partner_id': world['customer'],
        'type_id': world['tech'], 'team_id': world['team']})
    gaokai.call('crm.service.ticket', 'action_assign', [ticket], xuli.uid)
    xuli.call('crm.service.ticket', 'action_start', [ticket])
    fault = xuli.fault('crm.service.ticket', 'action_reassign', [ticket], hejun.uid)
    assert '只有服务经理才能分配工单' in fault.faultString
    fault = gaokai.fault('crm.service.ticket', 'action_reassign', [ticket], world['sales'].uid)
    assert '不是服务专员' in fault.faultString
    gaokai.call('crm.service.ticket', 'action_reassign', [ticket], hejun.uid, False, '客户要求换人')
    values = ticket_values(admin, ticket, ['user_id', 'state'])
    assert (values['user_id'][0], values['state']) == (hejun.uid, 'in_progress')
    for solution in ('', '   '):
        fault = hejun.fault('crm.service.ticket', 'action_process', [ticket], solution)
        assert '请填写解决方案' in fault.faultString
    assert ticket_values(admin, ticket, ['state'])['state'] == 'in_progress'
