"""crm_reports_quotation over XML-RPC: the quotation analysis and the quoted products as
the pivot reads them (read_group), for a salesperson (lina), her leader (zhangwei) and the
sales manager (sunqiang): quotes sent, acceptance rate, average discount, days from
sending to the contract, each in its role's scope, the rates and averages of the totals
computed from the totals; bad input is refused cleanly, in Chinese.

Quotes made here (ASCII names, a random tag; the CRM clock moved and reset): lina sends A
(1 MES at 171,000, list 180,000) and B (1 cloud at 36,000) on 2026-06-01; the customer
accepts A and declines B; lina makes A's contract on 2026-06-06 (5 days). yanglei (south)
sends C (1 cloud at 34,000), not answered."""
import re
import uuid
import xmlrpc.client

import pytest

CJK = re.compile('[\u4e00-\u9fff]')
MEASURES = ['sent_count', 'accepted_count', 'declined_count', 'open_count', 'contract_count',
            'acceptance_rate', 'answered_acceptance_rate', 'discount_rate', 'days_to_contract']


@pytest.fixture(scope='module')
def world(admin, rpc):
    tag = uuid.uuid4().hex[:6]
    uid = {login: rpc(login).uid for login in ('lina', 'yanglei')}
    team = {'lina': admin.ref('crm_sales.team_east'), 'yanglei': admin.ref('crm_sales.team_south')}
    product = {name: admin.call('product.product', 'create', {
        'name': 'E2E QReport %s %s' % (name, tag), 'lst_price': price, 'type': 'service'})
        for name, price in (('mes', 180000), ('cloud', 36000))}
    partner = {login: admin.call('res.partner', 'create', {
        'name': 'E2E QReport Customer %s %s' % (login, tag), 'is_company': True,
        'customer': True, 'user_id': uid[login], 'team_id': team[login]})
        for login in ('lina', 'yanglei')}

    def sent(login, product_name, price):
        user = rpc(login)
        qid = user.call('crm.quotation', 'create', {
            'partner_id': partner[login], 'title': 'E2E QReport %s' % tag,
            'line_ids': [(0, 0, {'product_id': product[product_name], 'quantity': 1,
                                 'price_unit': price})]})
        user.call('crm.quotation', 'action_submit', [qid])
        user.call('crm.quotation', 'action_send', [qid])
        return qid

    try:
        admin.call('crm.clock', 'set_now', '2026-06-01 02:00:00')
        quotes = {'a': sent('lina', 'mes', 171000), 'b': sent('lina', 'cloud', 36000),
                  'c': sent('yanglei', 'cloud', 34000)}
        lina = rpc('lina')
        admin.call('crm.clock', 'set_now', '2026-06-03 02:00:00')
        lina.call('crm.quotation', 'action_accept', [quotes['a']], 'OK')
        lina.call('crm.quotation', 'action_decline', [quotes['b']], 'too expensive')
        admin.call('crm.clock', 'set_now', '2026-06-06 02:00:00')
        lina.call('crm.quotation', 'action_create_contract', [quotes['a']])
    finally:
        admin.call('crm.clock', 'set_now', False)
    return {'partner': partner, 'product': product, 'quotes': quotes, 'uid': uid}


def totals(user, world, groupby=(), model='crm.report.quotation', measures=MEASURES):
    domain = [('partner_id', 'in', list(world['partner'].values()))]
    return user.call(model, 'read_group', domain, list(measures) + list(groupby),
                     list(groupby), lazy=False)


def test_the_salesperson_reads_her_quotes(rpc, world):
    lina = rpc('lina')
    (mine,) = totals(lina, world)
    assert (mine['sent_count'], mine['accepted_count'], mine['declined_count'],
            mine['contract_count']) == (2, 1, 1, 1)
    assert abs(mine['acceptance_rate'] - 50.0) < 1e-6
    assert abs(mine['answered_acceptance_rate'] - 50.0) < 1e-6
    assert abs(mine['discount_rate'] - 100.0 * 9000 / 216000) < 1e-6
    assert abs(mine['days_to_contract'] - 5.0) < 1e-6
    users = {g['user_id'][0] for g in totals(lina, world, ['user_id'])}
    assert users == {world['uid']['lina']}
    # her products, with the discount of each
    products = {g['product_id'][0]: g for g in totals(
        lina, world, ['product_id'], model='crm.report.quotation.product',
        measures=['nbr', 'discount_rate', 'acceptance_rate'])}
    assert set(products) == {world['product']['mes'], world['product']['cloud']}
    assert abs(products[world['product']['mes']]['discount_rate'] - 5.0) < 1e-6
    assert products[world['product']['cloud']]['discount_rate'] == 0
    assert products[world['product']['cloud']]['acceptance_rate'] == 0


def test_the_leader_reads_his_team_and_the_manager_everything(rpc, world):
    zhangwei, sunqiang = rpc('zhangwei'), rpc('sunqiang')
    team = {g['user_id'][0] for g in totals(zhangwei, world, ['user_id'])}
    assert team == {world['uid']['lina']}
    everything = {g['user_id'][0]: g for g in totals(sunqiang, world, ['user_id'])}
    assert set(everything) == {world['uid']['lina'], world['uid']['yanglei']}
    south = everything[world['uid']['yanglei']]
    assert (south['sent_count'], south['open_count'], south['acceptance_rate']) == (1, 1, 0)
    assert south['answered_acceptance_rate'] is False and south['days_to_contract'] is False
    # the totals: of all three quotes, not an average of the salespeople's rates
    (total,) = totals(sunqiang, world)
    assert total['sent_count'] == 3
    assert abs(total['acceptance_rate'] - 100.0 / 3) < 1e-6
    assert abs(total['discount_rate'] - 100.0 * 11000 / 252000) < 1e-6
    assert abs(total['days_to_contract'] - 5.0) < 1e-6
    # ordered by a rate (applied over the groups)
    ordered = sunqiang.call('crm.report.quotation', 'read_group',
                            [('partner_id', 'in', list(world['partner'].values()))],
                            ['user_id', 'acceptance_rate'], ['user_id'],
                            orderby='acceptance_rate desc', lazy=False)
    assert [g['user_id'][0] for g in ordered] == [world['uid']['lina'], world['uid']['yanglei']]
    # by month: both sent in June 2026
    months = totals(sunqiang, world, ['period'])
    assert [(g['period'], g['sent_count']) for g in months] == [('2026-06', 3)]


def test_export_over_rpc(rpc):
    sunqiang = rpc('sunqiang')
    wizard = sunqiang.call('crm.report.export', 'create', {
        'report': 'quotation', 'date_from': '2026-06-01', 'date_to': '2026-06-30'})
    action = sunqiang.call('crm.report.export', 'action_export', [wizard])
    assert action['report_type'] == 'xlsx'


def test_bad_input_is_refused_cleanly(rpc, world):
    lina = rpc('lina')
    domain = [('partner_id', 'in', list(world['partner'].values()))]
    for args, kwargs in (
            ((domain, ['sent_count'], ['no_such_field']), {}),
            (([('date', '=', 'garbage')], ['sent_count'], ['user_id']), {}),
            ((domain, ['sent_count'], ['user_id']), {'orderby': 'no_such_field desc'}),
            (('not a domain', ['sent_count'], ['user_id']), {})):
        with pytest.raises(xmlrpc.client.Fault) as info:
            lina.call('crm.report.quotation', 'read_group', *args, **kwargs)
        assert info.value.faultCode == 2, info.value.faultString[-300:]
        assert 'Traceback' not in info.value.faultString
        assert CJK.search(info.value.faultString), info.value.faultString[-300:]
    # a report is read-only, for everyone
    row = lina.call('crm.report.quotation', 'search', domain, limit=1)
    assert row
    for method, args in (('write', [row, {'state': 'accepted'}]), ('unlink', [row]),
                         ('create', [{'state': 'accepted'}])):
        with pytest.raises(xmlrpc.client.Fault) as info:
            lina.call('crm.report.quotation', method, *args)
        assert info.value.faultCode == 4 and CJK.search(info.value.faultString)
    # an unknown report in the export wizard
    with pytest.raises(xmlrpc.client.Fault) as info:
        lina.call('crm.report.export', 'create', {
            'report': 'no_such_report', 'date_from': '2026-06-01', 'date_to': '2026-06-30'})
    assert info.value.faultCode in (1, 2) and 'Traceback' not in info.value.faultString
