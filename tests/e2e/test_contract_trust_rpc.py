"""crm_contract's trust boundary over XML-RPC and HTTP (issue #21): nothing a client
sends (context keys, defaults, copy values, e-mail values, a team, a URL) approves,
edits or reveals what the user's role may not; every refusal is a clean Chinese error
and changes nothing. Service agent: xuli; portal user: zhaoqiang."""
import re

import pytest
import requests

from conftest import DB, URL
from test_contract_rpc import contract, ctx, expect, unchanged  # noqa: F401 (fixture)

CJK = re.compile('[\u4e00-\u9fff]')
FORGED = {'crm_action_write': True, 'crm_approval_ok': True, 'crm_share_ok': True,
          'crm_no_bus': True, 'crm_grant': {'action_write': True, 'approval': True}}
MSG = {'subject': 'x', 'body': '<p>x</p>', 'from': 'a@example.com', 'to': 'b@example.com',
       'email_from': 'a@example.com'}


def _web(login):
    """A browser session of ``login`` (password = login)."""
    session = requests.Session()
    answer = session.post(URL + '/web/session/authenticate', json={
        'jsonrpc': '2.0', 'params': {'db': DB, 'login': login, 'password': login}}).json()
    assert answer.get('result', {}).get('uid'), answer
    return session


# ---------------------------------------------------------------------- context (1)
def test_default_state_in_the_context_approves_nothing(rpc, admin, ctx):
    lina = rpc('lina')
    cid = lina.call('crm.contract', 'create', {
        'name': 'E2E default state %s' % ctx['tag'], 'amount_total': 5000000,
        'partner_id': admin.call('crm.contract', 'read', [contract(admin, ctx)],
                                 ['partner_id'])[0]['partner_id'][0]},
        context={'default_state': 'approved', 'default_approved_at': '2026-01-01 00:00:00'})
    assert lina.call('crm.contract', 'read', [cid], ['state', 'approved_at'])[0] == {
        'id': cid, 'state': 'draft', 'approved_at': False}
    approved = contract(admin, ctx, submit=True)
    pid = lina.call('crm.receivable', 'create', {'contract_id': approved, 'amount': 1000},
                    context={'default_state': 'approved'})
    assert lina.call('crm.receivable', 'read', [pid], ['state'])[0]['state'] == 'draft'
    assert admin.call('crm.contract', 'read', [approved], ['amount_received'])[0][
        'amount_received'] == 0


def test_forged_context_keys_change_nothing(rpc, admin, ctx):
    approved = contract(admin, ctx, submit=True)
    waiting = contract(admin, ctx, amount=1500000, submit=True)
    review = admin.call('tier.review', 'search', [('model', '=', 'crm.contract'),
                                                  ('res_id', '=', waiting), ('crm_turn', '=', True)])
    with unchanged(admin, approved, waiting):
        expect(rpc('lina').fault('crm.contract', 'write', [approved], {'amount_total': 7000000},
                                 context=FORGED), 2)
        for login in ('lina', 'wugang', 'xuli', 'zhaoqiang'):
            fault = rpc(login).fault('tier.review', 'write', review, {
                'status': 'approved', 'done_by': ctx['uid']['lina']}, context=FORGED)
            assert fault.faultCode == 4 and 'Traceback' not in fault.faultString, (
                login, fault.faultString[-300:])


# ---------------------------------------------------------------------- other paths (2)
def test_copy_and_e_mail_values_approve_nothing(rpc, admin, ctx):
    lina = rpc('lina')
    approved = contract(admin, ctx, submit=True)
    with unchanged(admin, approved):
        expect(lina.fault('crm.contract', 'copy', approved,
                          {'state': 'approved', 'amount_total': 6000000}), 4)
        expect(lina.fault('crm.contract', 'message_update', [approved], MSG,
                          {'state': 'approved'}), 4)
        expect(lina.fault('crm.contract', 'message_new', MSG,
                          {'state': 'approved', 'name': 'E2E mail %s' % ctx['tag']}), 4)
        expect(lina.fault('crm.receivable', 'message_new', MSG,
                          {'state': 'approved', 'contract_id': approved, 'amount': 1}), 4)
    assert not admin.call('crm.contract', 'search', [('name', '=', 'E2E mail %s' % ctx['tag'])])


# ---------------------------------------------------------------------- teams (3)
def test_a_salesperson_cannot_choose_her_approver_by_team(rpc, admin, ctx):
    lina = rpc('lina')
    partner = admin.call('crm.contract', 'read', [contract(admin, ctx)],
                         ['partner_id'])[0]['partner_id'][0]
    expect(lina.fault('crm.contract', 'create', {
        'name': 'E2E team %s' % ctx['tag'], 'partner_id': partner, 'amount_total': 1000,
        'team_id': ctx['team']['south']}), 4)
    approved = contract(admin, ctx, submit=True)
    with unchanged(admin, approved):
        expect(lina.fault('crm.receivable', 'create', {
            'contract_id': approved, 'amount': 1000, 'team_id': ctx['team']['south']}), 4)
        expect(lina.fault('crm.receivable', 'create', {
            'contract_id': approved, 'amount': 1000, 'user_id': ctx['uid']['wangfang']}), 4)


# ---------------------------------------------------------------------- reading (4)
def test_agents_and_portal_users_read_no_reviews_nor_contract_money(rpc, admin, ctx):
    waiting = contract(admin, ctx, amount=1500000, submit=True)
    partner = admin.call('crm.contract', 'read', [waiting], ['partner_id'])[0]['partner_id'][0]
    contract(admin, ctx, partner=partner, submit=True)
    assert admin.call('res.partner', 'read', [partner], ['contract_amount'])[0][
        'contract_amount'] == 90000
    for login in ('xuli', 'zhaoqiang'):
        assert rpc(login).call('tier.review', 'search_count', [
            ('model', 'in', ['crm.contract', 'crm.receivable'])]) == 0, login
    assert rpc('xuli').call('res.partner', 'read', [partner], ['contract_amount'])[0][
        'contract_amount'] == 0


def _pdf_pages(content):
    return content.count(b'/Type /Page') - content.count(b'/Type /Pages')


@pytest.mark.parametrize('converter', ['html', 'pdf'])
def test_report_routes_check_who_may_read(admin, ctx, converter):
    own = contract(admin, ctx, note='E2E secret note %s' % ctx['tag'])
    other = contract(admin, ctx, note='E2E second note')
    route = URL + '/report/%s/crm_contract.report_crm_contract/' % converter
    lina = _web('lina')
    answer = lina.get(route + '%d,%d' % (own, other))
    if converter == 'html':
        assert answer.text.count('<div class="page"') == 2
    else:
        # Debian's wkhtmltopdf takes one document at a time: the PDF of two contracts
        # had no page; now it has those of each contract
        assert answer.headers['Content-Type'] == 'application/pdf', answer.text[:300]
        single = lina.get(route + str(own))
        assert _pdf_pages(answer.content) == 2 * _pdf_pages(single.content) >= 2
    for login in ('yanglei', 'xuli', 'zhaoqiang'):
        answer = _web(login).get(route + str(own))
        assert answer.status_code == 403, (login, answer.status_code, answer.text[:300])
        assert 'secret note' not in answer.text and CJK.search(answer.text), answer.text[:300]
    for bad, status in (('abc', 400), ('1;2', 400), ('-1', 400), ('999999999', 404)):
        answer = lina.get(route + bad)
        assert answer.status_code == status, (bad, answer.status_code, answer.text[:300])
        assert CJK.search(answer.text) and 'Traceback' not in answer.text, answer.text[:300]


# ---------------------------------------------------------------------- tiers (5)
def test_only_system_administrators_write_python_in_tiers(rpc, admin, ctx):
    zhoutao = rpc('zhoutao')
    model_id = admin.call('ir.model', 'search', [('model', '=', 'crm.contract')])[0]
    evil = "rec.sudo().env['ir.config_parameter'].set_param('e2e.%s', '1') or True" % ctx['tag']
    expect(zhoutao.fault('tier.definition', 'create', {
        'name': 'E2E evil %s' % ctx['tag'], 'model_id': model_id, 'definition_type': 'formula',
        'python_code': evil, 'review_type': 'individual', 'reviewer_id': ctx['uid']['zhangwei'],
        'sequence': 1}), 4)
    leader = admin.ref('crm_contract.tier_contract_leader')
    expect(zhoutao.fault('tier.definition', 'write', [leader], {'python_code': evil}), 4)
    tier = zhoutao.call('tier.definition', 'create', {
        'name': 'E2E domain %s' % ctx['tag'], 'model_id': model_id,
        'definition_type': 'domain', 'definition_domain': "[('name', '=', 'E2E never')]",
        'review_type': 'individual', 'reviewer_id': ctx['uid']['zhangwei']})
    zhoutao.call('tier.definition', 'write', [tier], {'active': False})
    assert not admin.call('ir.config_parameter', 'get_param', 'e2e.%s' % ctx['tag'])
