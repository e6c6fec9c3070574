"""成员管理 over XML-RPC (crm_member): the CRM administrator adds a member who then logs
in with her role's rights, changes her team, disables her; other roles are refused; no
value or context reaches a system group."""
import time
import xmlrpc.client

import pytest

from conftest import DB, URL

PASSWORD = 'Yunfan#2026'


@pytest.fixture(scope='module')
def suffix():
    return '%d' % int(time.time() * 1000 % 10 ** 9)


def add(session, vals):
    vals = dict(vals)
    vals.setdefault('email', '%s@yunfan-tech.cn' % vals.get('login'))
    wid = session.call('crm.member.add', 'create', vals)
    return session.call('crm.member.add', 'action_confirm', [wid])


def login(login, password):
    common = xmlrpc.client.ServerProxy(URL + '/xmlrpc/2/common', allow_none=True)
    return common.authenticate(DB, login, password, {})


def groups_of(admin, uid):
    ids = admin.call('res.users', 'read', [uid], ['groups_id'])[0]['groups_id']
    rows = admin.call('ir.model.data', 'search_read', [('model', '=', 'res.groups'),
                                                       ('res_id', 'in', ids)], ['module', 'name'])
    return {'%s.%s' % (r['module'], r['name']) for r in rows}


def test_admin_adds_a_salesperson_who_logs_in(rpc, admin, suffix):
    zhoutao = rpc('zhoutao')
    role = zhoutao.ref('crm_member.role_salesman')
    team = zhoutao.ref('crm_sales.team_east')
    login_name = 'rpc_member_%s' % suffix
    action = add(zhoutao, {'name': '测试成员', 'login': login_name, 'password': PASSWORD,
                           'role_id': role, 'team_id': team, 'phone': '13900000000'})
    uid = action['res_id']
    assert action['res_model'] == 'res.users'
    row = zhoutao.call('res.users', 'read', [uid], ['login', 'sale_team_id', 'crm_role_id'])[0]
    assert (row['login'], row['sale_team_id'][0], row['crm_role_id'][1]) == (login_name, team, '销售员')
    assert login(login_name, PASSWORD) == uid
    member = rpc(login_name, PASSWORD)
    # a salesperson: creates customers, sees her own, not her colleagues'
    pid = member.call('res.partner', 'create', {'name': '测试成员的客户 %s' % suffix,
                                                'is_company': True, 'customer': True})
    assert member.call('res.partner', 'search', [('id', '=', pid)]) == [pid]
    lina_customers = admin.call('res.partner', 'search', [('is_crm_customer', '=', True),
                                                          ('user_id', '=', rpc('lina').uid)], limit=3)
    assert lina_customers and not member.call('res.partner', 'search', [('id', 'in', lina_customers)])
    assert member.call('res.users', 'read', [uid], ['action_id'])[0]['action_id'][0] == \
        admin.ref('crm_sales.action_crm_todo')
    groups = groups_of(admin, uid)
    assert 'crm_sales.group_crm_salesman' in groups and 'base.group_user' in groups
    assert not groups & {'base.group_system', 'base.group_erp_manager'}
    # change her team, then disable her: she can no longer log in; re-enable
    wid = zhoutao.call('crm.member.edit', 'create', {
        'user_id': uid, 'role_id': role, 'team_id': zhoutao.ref('crm_sales.team_south')})
    zhoutao.call('crm.member.edit', 'action_confirm', [wid])
    assert admin.call('res.users', 'read', [uid], ['sale_team_id'])[0]['sale_team_id'][0] == \
        zhoutao.ref('crm_sales.team_south')
    assert zhoutao.call('res.users', 'action_member_disable', [uid]) is True
    assert not login(login_name, PASSWORD)
    assert zhoutao.call('res.users', 'action_member_enable', [uid]) is True
    assert login(login_name, PASSWORD) == uid


@pytest.mark.parametrize('who', ['lina', 'zhangwei', 'sunqiang', 'wugang'])
def test_other_roles_are_refused(rpc, admin, suffix, who):
    session = rpc(who)
    login_name = 'rpc_refused_%s_%s' % (who, suffix)
    fault = session.fault('crm.member.add', 'action_confirm', [session.call('crm.member.add', 'create', {
        'name': 'x', 'login': login_name, 'password': PASSWORD, 'email': 'x@yunfan-tech.cn',
        'role_id': session.ref('crm_member.role_salesman')})])
    assert fault.faultCode == 4 and '只有 CRM 管理员可以管理成员' in fault.faultString
    wangfang = session.ref('crm_sales.user_sales_east_2')
    fault = session.fault('res.users', 'action_member_disable', [wangfang])
    assert fault.faultCode == 4 and '只有 CRM 管理员可以管理成员' in fault.faultString
    assert not admin.call('res.users', 'search', [('login', '=', login_name),
                                                  ('active', 'in', [True, False])])
    assert admin.call('res.users', 'read', [wangfang], ['active'])[0]['active'] is True


def test_escalation_attempts_are_refused(rpc, admin, suffix):
    zhoutao = rpc('zhoutao')
    lina = zhoutao.ref('crm_sales.user_sales_east_1')
    system = zhoutao.ref('base.group_system')
    # no right of his own on users and roles
    for uid, vals in ((lina, {'groups_id': [(4, system)]}),
                      (zhoutao.uid, {'groups_id': [(4, system)]}),
                      (zhoutao.uid, {'role_line_ids': [(0, 0, {'role_id': zhoutao.ref('crm_member.role_admin')})]}),
                      (lina, {'active': False})):
        fault = zhoutao.fault('res.users', 'write', [uid], vals)
        assert fault.faultCode in (2, 4), fault.faultString
    fault = zhoutao.fault('res.users.role', 'write', [zhoutao.ref('crm_member.role_salesman')],
                          {'implied_ids': [(4, system)]})
    assert fault.faultCode == 4
    # a role that is not a CRM role, and a "CRM role" with system groups
    it_role = admin.call('res.users.role', 'create', {'name': 'RPC IT %s' % suffix,
                                                       'implied_ids': [(6, 0, [system])]})
    bad_role = admin.call('res.users.role', 'create', {
        'name': 'RPC Bad %s' % suffix, 'crm_member_role': True,
        'implied_ids': [(6, 0, [zhoutao.ref('base.group_erp_manager'),
                                zhoutao.ref('crm_sales.group_crm_salesman')])]})
    try:
        for role in (it_role, bad_role):
            fault = zhoutao.fault('crm.member.add', 'action_confirm', [zhoutao.call('crm.member.add', 'create', {
                'name': 'x', 'login': 'rpc_it_%s' % suffix, 'password': PASSWORD, 'role_id': role,
                'email': 'x@yunfan-tech.cn'})])
            assert fault.faultCode == 4 and '不能在成员管理中授予' in fault.faultString
            wid = zhoutao.call('crm.member.edit', 'create', {'user_id': lina, 'role_id': role})
            fault = zhoutao.fault('crm.member.edit', 'action_confirm', [wid])
            assert '不能在成员管理中授予' in fault.faultString
    finally:
        admin.call('res.users.role', 'unlink', [it_role, bad_role])
    # values the form does not have, and defaults in the context
    fault = zhoutao.fault('crm.member.add', 'create', {
        'name': 'x', 'login': 'rpc_extra_%s' % suffix, 'password': PASSWORD,
        'role_id': zhoutao.ref('crm_member.role_salesman'), 'groups_id': [(4, system)]})
    assert fault.faultCode in (2, 4)
    login_name = 'rpc_ctx_%s' % suffix
    context = {'default_groups_id': [(6, 0, [system])], 'default_share': False,
               'default_role_line_ids': [(0, 0, {'role_id': zhoutao.ref('crm_member.role_admin')})],
               'crm_grant': 'member'}
    wid = zhoutao.call('crm.member.add', 'create', {
        'name': 'x', 'login': login_name, 'password': PASSWORD, 'email': 'x@yunfan-tech.cn',
        'role_id': zhoutao.ref('crm_member.role_salesman')}, context=context)
    uid = zhoutao.call('crm.member.add', 'action_confirm', [wid], context=context)['res_id']
    groups = groups_of(admin, uid)
    assert not groups & {'base.group_system', 'base.group_erp_manager', 'crm_sales.group_crm_admin'}
    # the superuser, a system administrator, himself
    for target in (1, ):
        fault = zhoutao.fault('res.users', 'action_member_disable', [target])
        assert fault.faultCode == 4 and '系统管理员' in fault.faultString
        wid = zhoutao.call('crm.member.edit', 'create', {
            'user_id': target, 'role_id': zhoutao.ref('crm_member.role_salesman')})
        fault = zhoutao.fault('crm.member.edit', 'action_confirm', [wid])
        assert '系统管理员' in fault.faultString
    fault = zhoutao.fault('res.users', 'action_member_disable', [zhoutao.uid])
    assert '不能停用自己' in fault.faultString
    wid = zhoutao.call('crm.member.edit', 'create', {
        'user_id': zhoutao.uid, 'role_id': zhoutao.ref('crm_member.role_salesman')})
    fault = zhoutao.fault('crm.member.edit', 'action_confirm', [wid])
    assert '不能取消自己的 CRM 管理员角色' in fault.faultString
    assert 'base.group_system' in groups_of(admin, 1)
    assert 'crm_sales.group_crm_admin' in groups_of(admin, zhoutao.uid)
    assert admin.call('res.users', 'read', [zhoutao.uid], ['active'])[0]['active'] is True


def test_bad_input_gets_a_clear_answer(rpc, suffix):
    zhoutao = rpc('zhoutao')
    role = zhoutao.ref('crm_member.role_salesman')
    for vals, message in (({'login': 'lina'}, '已被其他用户使用'),
                          ({'login': 'a b'}, '无效'),
                          ({'password': '123'}, '至少 8 个字符')):
        values = {'name': 'x', 'login': 'rpc_bad_%s' % suffix, 'password': PASSWORD,
                  'role_id': role, 'email': 'x@yunfan-tech.cn'}
        values.update(vals)
        fault = zhoutao.fault('crm.member.add', 'action_confirm', [zhoutao.call('crm.member.add', 'create', values)])
        assert fault.faultCode == 2 and message in fault.faultString, fault.faultString
    fault = zhoutao.fault('crm.member.add', 'create', {'name': 'x', 'login': 'y', 'password': PASSWORD,
                                                       'role_id': 999999999})
    assert fault.faultCode in (2, 4) and 'Traceback' not in fault.faultString
