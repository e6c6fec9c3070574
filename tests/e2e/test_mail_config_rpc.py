"""Issue #28 items 1 and 3, read as a colleague and a customer would: real mails through
the local SMTP sink (scripts/test.sh, tests/mailsink.py). Who they are from (the
company's sender address, never 系统管理员 <admin@…> nor a personal mailbox), where
replies go (a ticket's team alias, else the catch-all), that their links lead to the configured
address of the CRM, and the CRM administrator's mail settings with the test mail."""
import time
import xmlrpc.client

import requests

from conftest import DB, URL

DOMAIN = 'yunfan-tech.cn'   # the demo sender domain (crm_sales/demo/mail_demo.xml)


def email_of(admin, login):
    uid = admin.call('res.users', 'search', [('login', '=', login)])[0]
    return admin.call('res.users', 'read', [uid], ['email'])[0]['email'].lower()


def test_ticket_assignment_mail_from_the_company_with_a_working_link(admin, rpc, mailbox, base_url):
    assert base_url == URL, 'scripts/test.sh points the links at the test server'
    gaokai, xuli = rpc('gaokai'), rpc('xuli')
    customer = admin.call('res.users', 'read', [rpc('zhaoqiang').uid], ['commercial_partner_id'])[0][
        'commercial_partner_id'][0]
    ticket = gaokai.call('crm.service.ticket', 'create', {
        'name': '发件测试 %d' % int(time.time()), 'partner_id': customer,
        'type_id': admin.ref('crm_service.service_type_technical'),
        'team_id': admin.ref('crm_service.team_support')})
    # the team's round robin may have given it to xuli already (the system's mail; a
    # second assignment to the same handler mails nobody): hand it to hejun first
    if (admin.call('crm.service.ticket', 'read', [ticket], ['user_id'])[0]['user_id'] or [0])[0] == xuli.uid:
        gaokai.call('crm.service.ticket', 'action_assign', [ticket], rpc('hejun').uid)
    mailbox.flush(admin)
    start = mailbox.mark()
    gaokai.call('crm.service.ticket', 'action_assign', [ticket], xuli.uid)
    number = admin.call('crm.service.ticket', 'read', [ticket], ['number'])[0]['number']
    mailbox.flush(admin)
    mail = mailbox.wait(to=email_of(admin, 'xuli'), subject=number, since=start)
    # who it is from: the assigner's name at the company's sender address
    assert mail.from_address == 'notifications@%s' % DOMAIN, mail
    assert mail.from_name == '高凯'
    assert 'admin@' not in mail.sender and 'gaokai@' not in mail.sender
    # replies go to the ticket's team (its alias), never to a personal mailbox
    assert mail.reply_to_address == 'support@%s' % DOMAIN
    assert mail.envelope_to == [email_of(admin, 'xuli')]
    assert mail.subject == '服务工单 %s《%s》已分派给你' % (number, admin.call(
        'crm.service.ticket', 'read', [ticket], ['name'])[0]['name'])
    assert '已分派给你' in mail.text
    # where the link leads: the configured address, and it opens the ticket for xuli
    link = [l for l in mail.links if 'crm.service.ticket' in l][0]
    assert link == '%s/mail/view?model=crm.service.ticket&res_id=%d' % (base_url, ticket)
    session = requests.Session()
    session.post(URL + '/web/session/authenticate', json={
        'jsonrpc': '2.0', 'method': 'call', 'params': {'db': DB, 'login': 'xuli', 'password': 'xuli'}})
    page = session.get(link, allow_redirects=False, timeout=60)
    location = page.headers.get('Location', '')
    assert page.status_code in (302, 303), page.status_code
    assert 'model=crm.service.ticket' in location and 'id=%d' % ticket in location, location


def test_customer_closing_mail_from_the_team_address_with_the_feedback_link(admin, rpc, mailbox, base_url):
    gaokai, xuli = rpc('gaokai'), rpc('xuli')
    # the portal user's contact: the ticket's contact, who gets the closing mail
    contact = admin.call('res.users', 'read', [rpc('zhaoqiang').uid], ['partner_id'])[0]['partner_id'][0]
    start = mailbox.mark()
    ticket = gaokai.call('crm.service.ticket', 'create', {
        'name': '结单发件测试 %d' % int(time.time()), 'partner_id': contact,
        'type_id': admin.ref('crm_service.service_type_technical'),
        'team_id': admin.ref('crm_service.team_support')})
    gaokai.call('crm.service.ticket', 'action_assign', [ticket], xuli.uid)
    xuli.call('crm.service.ticket', 'action_start', [ticket])
    xuli.call('crm.service.ticket', 'action_process', [ticket], '已更换网关电源。')
    values = admin.call('crm.service.ticket', 'read', [ticket], ['number', 'contact_id'])[0]
    contact = admin.call('res.partner', 'read', [values['contact_id'][0]], ['email'])[0]['email'].lower()
    mailbox.flush(admin)
    mail = mailbox.wait(to=contact, subject=values['number'], since=start)
    # from the service team's address (its alias at the sender domain), not xuli's mailbox
    assert mail.from_address == 'support@%s' % DOMAIN, mail
    assert 'xuli@' not in mail.sender + mail.reply_to
    assert mail.reply_to_address == 'support@%s' % DOMAIN
    feedback = [l for l in mail.links if '/feedback' in l]
    assert feedback and feedback[0].startswith('%s/my/tickets/%d/feedback?access_token=' % (base_url, ticket))
    assert requests.get(feedback[0], timeout=60).status_code == 200


def test_crm_administrator_sends_a_test_mail(admin, rpc, mailbox):
    zhoutao = rpc('zhoutao')
    start = mailbox.mark()
    wizard = zhoutao.call('crm.mail.settings', 'create', {'test_address': 'e2e-test@example.com'})
    values = zhoutao.call('crm.mail.settings', 'read', [wizard], ['smtp_state', 'sender_preview', 'mail_domain'])[0]
    assert values['mail_domain'] == DOMAIN
    assert '127.0.0.1' in values['smtp_state'], 'the sink configured in the test conf'
    assert values['sender_preview'].endswith('<notifications@%s>' % DOMAIN)
    assert zhoutao.call('crm.mail.settings', 'action_send_test', [wizard]) is True
    mail = mailbox.wait(to='e2e-test@example.com', since=start)
    assert mail.from_address == 'notifications@%s' % DOMAIN
    assert mail.subject == 'CRM 测试邮件'
    assert '周涛' in mail.text


def test_test_mail_failure_is_told_in_chinese(rpc):
    zhoutao = rpc('zhoutao')
    wizard = zhoutao.call('crm.mail.settings', 'create', {'test_address': 'refuse-me@example.com'})
    fault = zhoutao.fault('crm.mail.settings', 'action_send_test', [wizard])
    assert fault.faultCode == 2
    assert '测试邮件未发送' in fault.faultString and '550' in fault.faultString
    assert 'Traceback' not in fault.faultString


def test_only_the_crm_administrator_opens_the_mail_settings(rpc):
    for login in ('lina', 'sunqiang', 'zhaoqiang'):
        fault = rpc(login).fault('crm.mail.settings', 'create', {'base_url': 'https://evil.example.com'})
        assert fault.faultCode == 4, (login, fault.faultString)
        assert 'CRM 管理员' in fault.faultString


def test_an_administrator_login_does_not_move_the_links(admin, base_url):
    common = xmlrpc.client.ServerProxy(URL + '/xmlrpc/2/common', allow_none=True)
    assert common.authenticate(DB, 'admin', 'admin', {'base_location': 'http://evil.example.com:8069'})
    assert admin.call('ir.config_parameter', 'get_param', 'web.base.url') == base_url
