"""Issue #28 items 2 and 4 over XML-RPC: each notice triggered as the real role (a
salesperson submits, her leader decides, the service manager assigns, the mail gateway
opens a ticket, the follow-up cron runs), then the e-mails queued read as admin
(``mail.mail``): subject, recipients, Chinese text, exactly one, none to the user who
acted, none when the CRM administrator switched the kind off."""
import re
import time
import uuid
from contextlib import contextmanager

import pytest

CJK = re.compile('[\u4e00-\u9fff]')


@pytest.fixture(scope='module')
def world(admin, rpc):
    tag = uuid.uuid4().hex[:6]
    logins = ('lina', 'zhangwei', 'zhoutao', 'gaokai', 'xuli')
    uid = {login: rpc(login).uid for login in logins}
    partner = {login: admin.call('res.users', 'read', [uid[login]], ['partner_id'])[0][
        'partner_id'][0] for login in logins}
    return {'tag': tag, 'uid': uid, 'partner': partner, 'seq': [0],
            'team': admin.ref('crm_sales.team_east')}


def _name(world, what):
    world['seq'][0] += 1
    return 'E2E %s %s-%d' % (what, world['tag'], world['seq'][0])


def last_mail_id(admin):
    ids = admin.call('mail.mail', 'search', [], limit=1, order='id desc')
    return ids[0] if ids else 0


def mails_to(admin, world, login, since, partner=None):
    """The e-mails queued since ``since`` for the demo user ``login`` (or ``partner``)."""
    pid = partner or world['partner'][login]
    return admin.call('mail.mail', 'search_read', [('id', '>', since), ('recipient_ids', 'in', [pid])],
                      ['subject', 'body_html', 'recipient_ids', 'model', 'res_id'])


def customer(admin, world, name=None):
    return admin.call('res.partner', 'create', {
        'name': name or _name(world, 'Customer'), 'is_company': True, 'customer': True,
        'user_id': world['uid']['lina'], 'team_id': world['team']})


def draft_contract(admin, world, amount=300000.0):
    name = _name(world, 'Contract')
    cid = admin.call('crm.contract', 'create', {
        'name': name, 'partner_id': customer(admin, world), 'user_id': world['uid']['lina'],
        'team_id': world['team'], 'sign_date': '2026-03-02', 'date_start': '2026-03-02',
        'date_end': '2027-03-01', 'amount_total': amount})
    return cid, admin.call('crm.contract', 'read', [cid], ['display_name'])[0]['display_name']


@contextmanager
def switched_off(rpc, code):
    """The CRM administrator (周涛) switches the e-mails of ``code`` off, then on again."""
    zhoutao = rpc('zhoutao')
    kind = zhoutao.call('crm.notify.kind', 'search', [('code', '=', code)])
    assert len(kind) == 1, code
    zhoutao.call('crm.notify.kind', 'write', kind, {'mail_enabled': False})
    try:
        yield
    finally:
        zhoutao.call('crm.notify.kind', 'write', kind, {'mail_enabled': True})


# ---------------------------------------------------------------------- approvals
def test_contract_submit_mails_the_reviewer_and_the_decision_the_submitter(admin, rpc, world):
    cid, name = draft_contract(admin, world)
    since = last_mail_id(admin)
    rpc('lina').call('crm.contract', 'action_submit', [cid])
    request = mails_to(admin, world, 'zhangwei', since)
    assert [m['subject'] for m in request] == ['合同待审批：%s' % name]
    assert '提交审批' in request[0]['body_html']
    assert (request[0]['model'], request[0]['res_id']) == ('crm.contract', cid)
    assert not mails_to(admin, world, 'lina', since), 'nothing to the submitter about her own submit'
    since = last_mail_id(admin)
    rpc('zhangwei').call('crm.contract', 'action_approve', [cid], '同意签约')
    result = mails_to(admin, world, 'lina', since)
    assert [m['subject'] for m in result] == ['合同已审批通过：%s' % name]
    assert '同意签约' in result[0]['body_html'] and 'Odoo' not in result[0]['body_html']
    assert not mails_to(admin, world, 'zhangwei', since), 'nothing to the reviewer who decided'


def test_payment_rejection_mails_the_submitter(admin, rpc, world):
    cid, _ = draft_contract(admin, world, amount=90000.0)
    rpc('lina').call('crm.contract', 'action_submit', [cid])
    assert admin.call('crm.contract', 'read', [cid], ['state'])[0]['state'] == 'approved'
    pid = rpc('lina').call('crm.receivable', 'create', {'contract_id': cid, 'amount': 60000})
    name = admin.call('crm.receivable', 'read', [pid], ['display_name'])[0]['display_name']
    since = last_mail_id(admin)
    rpc('lina').call('crm.receivable', 'action_submit', [pid])
    assert [m['subject'] for m in mails_to(admin, world, 'zhangwei', since)] == [
        '回款待审批：%s' % name]
    since = last_mail_id(admin)
    rpc('zhangwei').call('crm.receivable', 'action_reject', [pid], '金额与银行回单不符')
    result = mails_to(admin, world, 'lina', since)
    assert [m['subject'] for m in result] == ['回款被驳回：%s' % name]
    assert '金额与银行回单不符' in result[0]['body_html']
    assert not mails_to(admin, world, 'zhangwei', since)


def test_switched_off_kinds_are_not_mailed(admin, rpc, world):
    fault = rpc('lina').fault('crm.notify.kind', 'write', rpc('zhoutao').call(
        'crm.notify.kind', 'search', []), {'mail_enabled': False})
    assert fault.faultCode == 4 and 'Traceback' not in fault.faultString
    cid, name = draft_contract(admin, world)
    since = last_mail_id(admin)
    with switched_off(rpc, 'approval_request'), switched_off(rpc, 'approval_result'):
        rpc('lina').call('crm.contract', 'action_submit', [cid])
        rpc('zhangwei').call('crm.contract', 'action_approve', [cid])
    assert admin.call('crm.contract', 'read', [cid], ['state'])[0]['state'] == 'approved'
    assert not mails_to(admin, world, 'zhangwei', since)
    assert not mails_to(admin, world, 'lina', since)
    bodies = admin.call('mail.message', 'search_read', [('model', '=', 'crm.contract'),
                                                        ('res_id', '=', cid)], ['body'])
    assert any('提交审批' in m['body'] for m in bodies), 'the chatter keeps the steps'


# ---------------------------------------------------------------------- assignment
def test_assignment_mails_are_chinese_and_sent_once(admin, rpc, world):
    lead = rpc('lina').call('crm.lead', 'create', {'name': _name(world, 'Lead'), 'type': 'lead'})
    since = last_mail_id(admin)
    zhangwei = rpc('zhangwei')
    zhangwei.call('crm.lead', 'action_assign', [lead], world['uid']['lina'])
    # an English client: the e-mail is still in the recipient's language
    zhangwei.call('crm.lead', 'action_assign', [lead], world['uid']['lina'],
                  context={'lang': 'en_US'})
    mails = mails_to(admin, world, 'lina', since)
    assert mails == [], 'she created it: it was hers already'
    zhangwei.call('crm.lead', 'action_assign', [lead], world['uid']['zhangwei'])
    since = last_mail_id(admin)
    zhangwei.call('crm.lead', 'action_assign', [lead], world['uid']['lina'],
                  context={'lang': 'en_US'})
    zhangwei.call('crm.lead', 'action_assign', [lead], world['uid']['lina'])
    mails = mails_to(admin, world, 'lina', since)
    assert len(mails) == 1, mails
    assert mails[0]['subject'].endswith('已分派给你')
    assert '李娜，你好：' in mails[0]['body_html']
    for english in ('Dear', 'You have been', 'Powered by', 'Odoo'):
        assert english not in mails[0]['body_html']


def test_ticket_reassigned_to_the_same_agent_is_mailed_once(admin, rpc, world):
    gaokai = rpc('gaokai')
    # the team's rule may already hand the new ticket to xuli: one e-mail in all
    since = last_mail_id(admin)
    ticket = gaokai.call('crm.service.ticket', 'create', {
        'name': _name(world, '工单'), 'partner_id': customer(admin, world),
        'type_id': admin.ref('crm_service.service_type_technical'),
        'team_id': admin.ref('crm_service.team_support')})
    number = admin.call('crm.service.ticket', 'read', [ticket], ['number'])[0]['number']
    gaokai.call('crm.service.ticket', 'action_assign', [ticket], world['uid']['xuli'])
    gaokai.call('crm.service.ticket', 'action_assign', [ticket], world['uid']['xuli'])
    mails = mails_to(admin, world, 'xuli', since)
    assert len(mails) == 1, mails
    assert mails[0]['subject'].startswith('服务工单 %s' % number)
    assert mails[0]['subject'].endswith('已分派给你')
    assert not mails_to(admin, world, 'gaokai', since)


# ---------------------------------------------------------------------- mail gateway
MAIL = """From: {sender}
To: support@example.com
Subject: {subject}
Message-ID: <{msgid}>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit
Date: Fri, 12 Jun 2026 16:05:00 +0800

{body}
"""


def test_ticket_opened_by_mail_is_acknowledged(admin, world):
    company = customer(admin, world)
    email = 'e2e-%s@customer.example.cn' % world['tag']
    contact = admin.call('res.partner', 'create', {
        'name': '客户联系人%s' % world['tag'], 'parent_id': company, 'email': email,
        'lang': 'zh_CN'})
    raw = MAIL.format(sender=email, subject='Gateway offline %s' % world['tag'],
                      msgid='%s@customer.example.cn' % uuid.uuid4().hex, body='The gateway is offline.')
    since = last_mail_id(admin)
    # as odoo-mailgate does: the gateway, as admin, without a language
    ticket = admin.call('mail.thread', 'message_process', 'crm.service.ticket', raw)
    number = admin.call('crm.service.ticket', 'read', [ticket], ['number'])[0]['number']
    mails = mails_to(admin, world, None, since, partner=contact)
    assert [m['subject'] for m in mails] == [
        '【%s】已收到您的服务请求：Gateway offline %s' % (number, world['tag'])]
    body = mails[0]['body_html']
    assert '工单号为 %s' % number in body and 'We have received' not in body
    assert mails[0]['recipient_ids'] == [contact]


# ---------------------------------------------------------------------- follow-up reminder
def test_due_follow_up_reminds_the_owner_once(admin, rpc, world, clock):
    clock('2026-06-10 01:00:00')
    lina = rpc('lina')
    name = _name(world, 'Follow-up')
    partner = lina.call('res.partner', 'create', {
        'name': name, 'is_company': True, 'customer': True, 'user_id': world['uid']['lina'],
        'team_id': world['team']})
    lina.call('crm.follow.up', 'create', {
        'partner_id': partner, 'follow_up_type': 'call', 'content': '电话沟通报价',
        'date': '2026-06-09 02:00:00', 'next_contact_at': '2026-06-10 06:00:00'})
    cron = admin.ref('crm_sales.ir_cron_crm_follow_up_reminders')
    since = last_mail_id(admin)
    admin.call('ir.cron', 'method_direct_trigger', [cron])
    admin.call('ir.cron', 'method_direct_trigger', [cron])
    display = admin.call('res.partner', 'read', [partner], ['display_name'])[0]['display_name']
    mails = [m for m in mails_to(admin, world, 'lina', since)
             if m['subject'] == '跟进提醒：%s' % display]
    assert len(mails) == 1, 'one reminder, never twice'
    assert '下次联系时间：2026-06-10 14:00' in mails[0]['body_html']
    assert CJK.search(mails[0]['body_html']) and 'Odoo' not in mails[0]['body_html']
