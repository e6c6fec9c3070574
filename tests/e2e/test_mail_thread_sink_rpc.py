"""A customer's reply threads into the ticket, a stranger's is held (issue #28), with the
mails really sent: the acknowledgement of an e-mailed ticket is read from the local SMTP
sink, the customer's contact answers it (In-Reply-To / References of the Message-Id she
received, to the Reply-To she was given) and the answer is fed as raw RFC 822 to
``mail.thread.message_process`` over XML-RPC as admin, as fetchmail / the mail gateway
do. A contact of another customer answering the same thread is held for staff: a note,
the ticket not reopened, nothing sent to the customer."""
import time
import xmlrpc.client
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

import pytest

DOMAIN = 'yunfan-tech.cn'   # the demo sender domain (crm_sales/demo/mail_demo.xml)


def raw_mail(sender, name, to, subject, body, reply_to_id=None, cc=None):
    """An RFC 822 mail as a mail client writes it (a reply carries In-Reply-To and
    References naming the Message-Id it answers)."""
    mail = EmailMessage()
    mail['From'] = formataddr((name, sender))
    mail['To'] = to
    if cc:
        mail['Cc'] = cc
    mail['Subject'] = subject
    mail['Message-ID'] = make_msgid(domain=sender.split('@')[1])
    mail['Date'] = 'Fri, 12 Jun 2026 16:05:00 +0800'
    if reply_to_id:
        mail['In-Reply-To'] = reply_to_id
        mail['References'] = reply_to_id
    mail.set_content(body)
    return mail.as_bytes()


def gateway(admin, message):
    """As fetchmail / odoo-mailgate.py hand a mail to Odoo: the raw bytes, as admin."""
    return admin.call('mail.thread', 'message_process', 'crm.service.ticket',
                      xmlrpc.client.Binary(message))


def ticket_messages(admin, ticket):
    return admin.call('mail.message', 'search_read',
                      [('model', '=', 'crm.service.ticket'), ('res_id', '=', ticket),
                       ('message_type', 'in', ('email', 'comment'))],
                      ['body', 'subtype_id', 'author_id', 'message_type'], order='id')


@pytest.fixture(scope='module')
def world(admin, rpc):
    tag = '%d' % int(time.time() * 1000 % 10 ** 9)
    lina, yanglei = rpc('lina'), rpc('yanglei')
    a = lina.call('res.partner', 'create', {'name': 'E2E 回信客户甲 %s' % tag, 'is_company': True,
                                            'customer': True})
    qian_email = 'qian-%s@reply-a.example.cn' % tag
    qian = lina.call('res.partner', 'create', {'name': '钱经理', 'parent_id': a, 'email': qian_email,
                                               'lang': 'zh_CN'})
    b = yanglei.call('res.partner', 'create', {'name': 'E2E 回信客户乙 %s' % tag, 'is_company': True,
                                               'customer': True})
    sun_email = 'sun-%s@reply-b.example.cn' % tag
    sun = yanglei.call('res.partner', 'create', {'name': '孙主管', 'parent_id': b, 'email': sun_email})
    return dict(tag=tag, qian=qian, qian_email=qian_email, sun=sun, sun_email=sun_email)


def test_reply_to_the_acknowledgement_threads_in_and_a_stranger_is_held(admin, rpc, mailbox, world):
    tag, qian_email = world['tag'], world['qian_email']
    # 钱经理 writes to the support address: a ticket of the support team, acknowledged
    start = mailbox.mark()
    ticket = gateway(admin, raw_mail(qian_email, '钱经理', 'support@%s' % DOMAIN,
                                     '扫码枪无法连接 MES %s' % tag, '仓库的扫码枪都连不上系统。'))
    values = admin.call('crm.service.ticket', 'read', [ticket], ['number', 'team_id', 'state'])[0]
    assert values['team_id'][0] == admin.ref('crm_service.team_support')
    mailbox.flush(admin)
    ack = mailbox.wait(to=qian_email, subject=values['number'], since=start)
    assert '已收到您的服务请求' in ack.subject
    # what she received: answers go to the team's address, and thread by the Message-Id
    assert ack.reply_to_address == 'support@%s' % DOMAIN
    message_id = str(ack.headers['Message-ID'])
    assert message_id.startswith('<') and message_id.endswith('>')

    # she answers it from her mail client
    before = {m['id'] for m in ticket_messages(admin, ticket)}
    count = admin.call('crm.service.ticket', 'search_count', [])
    reply = raw_mail(qian_email, '钱经理', ack.reply_to, 'Re: %s' % ack.subject,
                     '补充：重启后仍然连不上 %s。' % tag, reply_to_id=message_id)
    assert gateway(admin, reply) == ticket
    assert admin.call('crm.service.ticket', 'search_count', []) == count, 'no new ticket'
    new = [m for m in ticket_messages(admin, ticket) if m['id'] not in before]
    assert len(new) == 1 and '重启后仍然连不上 %s' % tag in new[0]['body']
    assert new[0]['author_id'][0] == world['qian']
    assert new[0]['subtype_id'][0] == admin.ref('mail.mt_comment')

    # the ticket is processed: the customer gets the closing mail
    xuli, gaokai = rpc('xuli'), rpc('gaokai')
    if (admin.call('crm.service.ticket', 'read', [ticket], ['user_id'])[0]['user_id'] or [0])[0] != xuli.uid:
        gaokai.call('crm.service.ticket', 'action_assign', [ticket], xuli.uid)
    xuli.call('crm.service.ticket', 'action_start', [ticket])
    xuli.call('crm.service.ticket', 'action_process', [ticket], '重新配置了扫码枪的网络。')
    mailbox.flush(admin)
    closing = mailbox.wait(to=qian_email, subject=values['number'], since=start, count=2)
    assert len(closing) == 2, 'the acknowledgement and the closing mail'

    # 孙主管 of another customer holds a forward of the acknowledgement and answers it,
    # copying 钱经理: held for staff, not sent to her, the ticket stays processed
    quiet = mailbox.mark()
    before = {m['id'] for m in ticket_messages(admin, ticket)}
    stranger = raw_mail(world['sun_email'], '孙主管', ack.reply_to, 'Re: %s' % ack.subject,
                        '这个问题我们也遇到过，请加我微信 %s。' % tag, reply_to_id=message_id,
                        cc=qian_email)
    assert gateway(admin, stranger) == ticket
    assert admin.call('crm.service.ticket', 'read', [ticket], ['state'])[0]['state'] == 'processed'
    new = [m for m in ticket_messages(admin, ticket) if m['id'] not in before]
    assert len(new) == 1
    held = new[0]
    assert held['subtype_id'][0] == admin.ref('mail.mt_note')
    assert held['author_id'][0] == world['sun']
    assert '已暂扣' in held['body'] and '请加我微信 %s' % tag in held['body']
    assert not admin.call('mail.message', 'read', [held['id']], ['partner_ids'])[0]['partner_ids']
    # nothing goes out about it: the queue sent, nothing new in the sink for the customer
    mailbox.flush(admin)
    time.sleep(1)
    assert not mailbox.find(to=qian_email, since=quiet)
    assert not [m for m in mailbox.mails(quiet) if ('微信 %s' % tag) in m.text]


def test_reply_to_is_asked_with_ticket_ids(rpc):
    fault = rpc('xuli').fault('crm.service.ticket', 'message_get_reply_to', 'E2E 注入')
    assert fault.faultCode == 2 and '工单编号列表' in fault.faultString
    assert 'Traceback' not in fault.faultString
