"""Privilege never travels in what a client sends (crm_sales): forged grants and
context keys, defaults of action-only fields, the mail gateway's entry points, a
foreign team, activities of records the caller cannot read. Real XML-RPC calls as the
demo salesperson 李娜 (lina)."""
import uuid

import pytest

FORGED = [
    {'crm_grant': {'action_write': True}},
    {'crm_grant': 'action_write'},
    {'crm_action_write': True, 'crm_set_owner': True, 'crm_share_ok': True},
]


def _name(prefix):
    return '%s-%s' % (prefix, uuid.uuid4().hex[:8])


@pytest.fixture(scope='module')
def lina(rpc):
    return rpc('lina')


@pytest.fixture(scope='module')
def customer(lina):
    return lina.call('res.partner', 'create', {
        'name': _name('RPC信任边界客户'), 'is_company': True, 'customer': True,
        'user_id': lina.uid})


def _chinese(fault):
    return any('\u4e00' <= ch <= '\u9fff' for ch in fault.faultString)


def _no_traceback(fault):
    return 'Traceback' not in fault.faultString and 'File "' not in fault.faultString


@pytest.mark.parametrize('context', FORGED)
def test_a_forged_grant_cannot_set_the_deal_flag(lina, customer, context):
    fault = lina.fault('res.partner', 'write', [customer], {'is_deal': True}, context=context)
    assert _chinese(fault) and _no_traceback(fault)
    assert not lina.call('res.partner', 'read', [customer], ['is_deal'])[0]['is_deal']


def test_defaults_of_action_fields_are_dropped(lina):
    name = _name('RPC默认值客户')
    pid = lina.call('res.partner', 'create', {
        'name': name, 'is_company': True, 'customer': True, 'user_id': lina.uid},
        context={'default_is_deal': True, 'default_first_deal_date': '2020-01-01'})
    row = lina.call('res.partner', 'read', [pid], ['is_deal', 'first_deal_date'])[0]
    assert row['is_deal'] is False and row['first_deal_date'] is False


@pytest.mark.parametrize('method', ['message_new', 'message_update'])
def test_the_mail_gateway_is_not_an_api(lina, customer, method):
    name = _name('RPC邮件网关')
    if method == 'message_new':
        fault = lina.fault('res.partner', 'message_new',
                           {'subject': name, 'from': 'x@example.com', 'body': ''},
                           {'is_deal': True, 'name': name})
    else:
        fault = lina.fault('res.partner', 'message_update', [customer],
                           {'subject': name, 'body': ''}, {'is_deal': True})
    assert _chinese(fault) and _no_traceback(fault)
    assert not lina.call('res.partner', 'search', [('name', '=', name)])
    assert not lina.call('res.partner', 'read', [customer], ['is_deal'])[0]['is_deal']


def test_a_salesperson_cannot_choose_another_teams_approver(lina, admin):
    south = admin.ref('crm_sales.team_south')
    name = _name('RPC外队商机')
    for kwargs in ({'vals': {'team_id': south}}, {'context': {'default_team_id': south}}):
        vals = dict({'name': name, 'type': 'opportunity', 'user_id': lina.uid},
                    **kwargs.get('vals', {}))
        fault = lina.fault('crm.lead', 'create', vals, context=kwargs.get('context', {}))
        assert _chinese(fault) and _no_traceback(fault)
    assert not admin.call('crm.lead', 'search', [('name', '=', name)])


def test_activities_of_records_one_cannot_read_stay_hidden(lina, rpc, admin):
    yanglei = rpc('yanglei')
    theirs = yanglei.call('res.partner', 'create', {
        'name': _name('RPC华南客户'), 'is_company': True, 'customer': True,
        'user_id': yanglei.uid})
    summary = _name('华南回访')
    activity = yanglei.call('mail.activity', 'create', {
        'res_model_id': admin.call('ir.model', 'search', [('model', '=', 'res.partner')])[0],
        'res_id': theirs, 'summary': summary, 'user_id': yanglei.uid,
        'activity_type_id': admin.ref('mail.mail_activity_data_todo')})
    assert lina.call('mail.activity', 'search_read', [('summary', '=', summary)], ['summary']) == []
    fault = lina.fault('mail.activity', 'read', [activity], ['summary'])
    assert _no_traceback(fault) and summary not in fault.faultString
    assert yanglei.call('mail.activity', 'read', [activity], ['summary'])[0]['summary'] == summary
