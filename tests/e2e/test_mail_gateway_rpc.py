"""Who may write into a service ticket by e-mail (issue #28, item 6), through the mail
gateway as it runs: ``mail.thread.message_process`` called over XML-RPC by the gateway's
account (a system administrator) with raw RFC 822 mails. A contact of another customer
holding a forwarded mail replies into the ticket: the reply is held for staff (a note,
nobody notified, the ticket not reopened); the customer's own contact reopens it; an
unknown sender is refused; a user may not call the gateway."""
import base64
import time
import xmlrpc.client

import pytest

MAIL = """Return-Path: <{sender}>
To: {to}
From: =?utf-8?b?{name}?= <{sender}>
Subject: {subject}
Message-ID: <{msgid}>
{extra}MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit
Date: Fri, 12 Jun 2026 16:05:00 +0800

{body}
"""


def rfc822(sender, name, subject, body, msgid, reply_to=None, to='support@yunfan.example.cn'):
    extra = 'In-Reply-To: <%s>\nReferences: <%s>\n' % (reply_to, reply_to) if reply_to else ''
    from email.header import Header
    return MAIL.format(sender=sender, to=to, name=base64.b64encode(name.encode()).decode(),
                       subject=Header(subject, 'utf-8').encode(), msgid=msgid, extra=extra, body=body)


def gateway(admin, message, **kw):
    """As the mail gateway (odoo-mailgate.py) calls it: the raw mail as binary."""
    return admin.call('mail.thread', 'message_process', 'crm.service.ticket',
                      xmlrpc.client.Binary(message.encode('utf-8')), **kw)


@pytest.fixture(scope='module')
def world(admin, rpc):
    """Customer A (lina's) with contact 钱经理 and customer B (yanglei's) with 孙主管,
    addresses unique to this run; a ticket opened by 钱经理's mail, processed by xuli."""
    tag = '%d' % int(time.time() * 1000 % 10 ** 9)
    lina, yanglei = rpc('lina'), rpc('yanglei')
    a = lina.call('res.partner', 'create', {'name': 'E2E 网关客户甲 %s' % tag, 'is_company': True,
                                            'customer': True})
    qian_email = 'qian-%s@customer-a.example.cn' % tag
    qian = lina.call('res.partner', 'create', {'name': '钱经理', 'parent_id': a, 'email': qian_email})
    b = yanglei.call('res.partner', 'create', {'name': 'E2E 网关客户乙 %s' % tag, 'is_company': True,
                                               'customer': True})
    sun_email = 'sun-%s@customer-b.example.cn' % tag
    sun = yanglei.call('res.partner', 'create', {'name': '孙主管', 'parent_id': b, 'email': sun_email})
    first = 'first-%s@customer-a.example.cn' % tag
    ticket = gateway(admin, rfc822(qian_email, '钱经理', '扫码枪无法连接 MES %s' % tag,
                                   '仓库的扫码枪都连不上系统。', first))
    assert isinstance(ticket, int) and ticket
    xuli, gaokai = rpc('xuli'), rpc('gaokai')
    gaokai.call('crm.service.ticket', 'action_assign', [ticket], xuli.uid)
    xuli.call('crm.service.ticket', 'action_start', [ticket])
    xuli.call('crm.service.ticket', 'action_process', [ticket], '重新配置了扫码枪的网络。')
    return dict(tag=tag, a=a, b=b, qian=qian, sun=sun, qian_email=qian_email,
                sun_email=sun_email, first=first, ticket=ticket)


def messages(admin, ticket):
    """The ticket's messages that came by e-mail (not its tracking notes; a held reply
    is kept as an internal comment)."""
    return admin.call('mail.message', 'search_read',
                      [('model', '=', 'crm.service.ticket'), ('res_id', '=', ticket),
                       ('message_type', 'in', ('email', 'comment'))],
                      ['body', 'subtype_id', 'author_id', 'message_id'], order='id')


def state(admin, ticket):
    return admin.call('crm.service.ticket', 'read', [ticket], ['state'])[0]['state']


def test_contact_of_another_customer_is_held_not_forwarded(admin, world):
    ticket, tag = world['ticket'], world['tag']
    before = {m['id'] for m in messages(admin, ticket)}
    count = admin.call('crm.service.ticket', 'search_count', [])
    threaded = gateway(admin, rfc822(world['sun_email'], '孙主管', 'Re: 扫码枪无法连接 MES',
                                     '这个问题我们也遇到过，请加我微信 %s。' % tag,
                                     'held-%s@customer-b.example.cn' % tag, reply_to=world['first']))
    assert threaded == ticket
    assert admin.call('crm.service.ticket', 'search_count', []) == count, 'no new ticket'
    assert state(admin, ticket) == 'processed', 'the ticket is not reopened'
    new = [m for m in messages(admin, ticket) if m['id'] not in before]
    assert len(new) == 1
    held = new[0]
    assert held['subtype_id'][0] == admin.ref('mail.mt_note')
    assert held['author_id'][0] == world['sun']
    assert '已暂扣' in held['body'] and world['sun_email'] in held['body']
    # nothing went out with it: no e-mail to the customer's contact (nor to anyone)
    assert not admin.call('mail.mail', 'search', [('mail_message_id', '=', held['id'])])
    assert not admin.call('mail.notification', 'search', [('mail_message_id', '=', held['id'])])
    # the handler has an activity about it
    activities = admin.call('mail.activity', 'search_read',
                            [('res_model', '=', 'crm.service.ticket'), ('res_id', '=', ticket)],
                            ['summary', 'user_id'])
    assert any('暂扣' in (a['summary'] or '') for a in activities), activities
    # the customer's portal view (non-internal messages) does not show it: the note subtype
    assert admin.call('mail.message.subtype', 'read', [held['subtype_id'][0]], ['internal'])[0]['internal']


def test_the_customers_contact_threads_in_and_reopens(admin, world):
    ticket, tag = world['ticket'], world['tag']
    before = {m['id'] for m in messages(admin, ticket)}
    gateway(admin, rfc822(world['qian_email'], '钱经理', 'Re: 扫码枪无法连接 MES', '问题还在 %s。' % tag,
                          'again-%s@customer-a.example.cn' % tag, reply_to=world['first']))
    new = [m for m in messages(admin, ticket) if m['id'] not in before]
    assert [m['subtype_id'][0] for m in new] == [admin.ref('mail.mt_comment')]
    assert state(admin, ticket) == 'in_progress'


def test_forced_thread_and_unknown_sender(admin, world):
    ticket, tag = world['ticket'], world['tag']
    before = {m['id'] for m in messages(admin, ticket)}
    gateway(admin, rfc822(world['sun_email'], '孙主管', '关于工单', '请把方案发给我。',
                          'forced-%s@customer-b.example.cn' % tag, to='inbox@yunfan.example.cn'),
            thread_id=ticket)
    new = [m for m in messages(admin, ticket) if m['id'] not in before]
    assert [m['subtype_id'][0] for m in new] == [admin.ref('mail.mt_note')]
    with pytest.raises(xmlrpc.client.Fault) as info:
        gateway(admin, rfc822('stranger-%s@spam.example.com' % tag, '推广', 'Re: 扫码枪', '点击领取奖品',
                              'spam-%s@spam.example.com' % tag, reply_to=world['first']))
    assert info.value.faultCode == 2 and '发件人不是任何客户的联系人' in info.value.faultString
    assert len(messages(admin, ticket)) == len(before) + 1


def test_users_may_not_call_the_gateway(rpc, world):
    fault = rpc('lina').fault('mail.thread', 'message_process', 'crm.service.ticket',
                              rfc822(world['qian_email'], '钱经理', 'x', 'y', 'u-%s@x.cn' % world['tag']))
    assert fault.faultCode == 4 and '仅供接收邮件' in fault.faultString
