"""crm_reports over XML-RPC: read_group (what pivots, graphs and integrators call) gives
each role its own scope, figures match the raw records, errors come back in zh_CN."""
import re
import xmlrpc.client

import pytest

CHINESE = re.compile('[\u4e00-\u9fff]')


def _users(groups, field='user_id'):
    return {g[field][0] for g in groups if g[field]}


def test_read_group_follows_the_scope(rpc):
    lina, zhangwei, wugang = rpc('lina'), rpc('zhangwei'), rpc('wugang')
    south = rpc('yanglei').uid
    # follow-ups: by the owner of the customer (its author may be someone else)
    for model, field in (('crm.report.funnel', 'user_id'), ('crm.report.customer', 'user_id'),
                         ('crm.report.performance', 'user_id'),
                         ('crm.report.receivable', 'user_id'), ('crm.report.follow.up', 'owner_id')):
        mine = _users(lina.call(model, 'read_group', [], [field], [field]), field)
        assert mine <= {lina.uid}, model
        team = _users(zhangwei.call(model, 'read_group', [], [field], [field]), field)
        assert south not in team, model
        everything = _users(wugang.call(model, 'read_group', [], [field], [field]), field)
        assert team <= everything and mine <= everything, model
    assert south in _users(wugang.call('crm.report.customer', 'read_group', [], ['user_id'],
                                       ['user_id']))


def test_contract_totals_match_the_contracts(rpc):
    lina = rpc('lina')
    contracts = lina.call('crm.contract', 'search_read',
                          [('state', 'in', ['approved', 'expired']), ('user_id', '=', lina.uid)],
                          ['amount_total'])
    groups = lina.call('crm.report.performance', 'read_group',
                       [('target_level', '=', False)], ['contract_amount', 'contract_count'], [])
    assert groups[0]['contract_count'] == len(contracts)
    assert abs(groups[0]['contract_amount'] - sum(c['amount_total'] for c in contracts)) < 0.01


def test_export_and_dashboard_over_rpc(rpc):
    lina = rpc('lina')
    wizard = lina.call('crm.report.export', 'create',
                       {'report': 'funnel', 'date_from': '2026-01-01', 'date_to': '2026-12-31'})
    action = lina.call('crm.report.export', 'action_export', [wizard])
    assert action['report_type'] == 'xlsx'
    board = rpc('wugang').call('crm.report.dashboard', 'create', {})
    figures = rpc('wugang').call('crm.report.dashboard', 'read', [board],
                                 ['contract_amount', 'churn_warning_count', 'funnel_lead'])
    assert figures[0]['funnel_lead'] >= 0


def test_targets_errors_in_chinese(rpc):
    lina, zhangwei, wugang = rpc('lina'), rpc('zhangwei'), rpc('wugang')
    with pytest.raises(xmlrpc.client.Fault) as info:
        lina.call('crm.sales.target', 'create', {'target_type': 'user', 'user_id': lina.uid,
                                                 'year': 2040})
    assert info.value.faultCode == 4
    with pytest.raises(xmlrpc.client.Fault) as info:
        wugang.call('crm.sales.target', 'create', {'target_type': 'team', 'year': 2040})
    assert info.value.faultCode in (2, 4)
    with pytest.raises(xmlrpc.client.Fault) as info:
        zhangwei.call('crm.report.export', 'create',
                      {'report': 'funnel', 'date_from': '2026-12-01', 'date_to': '2026-01-01'})
    assert info.value.faultCode == 2 and CHINESE.search(info.value.faultString)
    target = zhangwei.call('crm.sales.target', 'create',
                           {'target_type': 'user', 'user_id': lina.uid, 'year': 2040})
    try:
        with pytest.raises(xmlrpc.client.Fault) as info:
            zhangwei.call('crm.sales.target', 'create',
                          {'target_type': 'user', 'user_id': lina.uid, 'year': 2040})
        assert info.value.faultCode == 2 and CHINESE.search(info.value.faultString)
        lines = lina.call('crm.sales.target.line', 'search_read', [('target_id', '=', target)],
                          ['month'])
        assert len(lines) == 12
    finally:
        zhangwei.call('crm.sales.target', 'unlink', [target])
