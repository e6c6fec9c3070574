"""Failed e-mails over XML-RPC (issue #28, item 5): the queue answers a value (not
"cannot marshal None") and only to administrators; an e-mail the server refuses is
retried on the CRM clock's back-off, given up after the configured time, listed for the
CRM administrator (zhoutao) with its reason and retried by him: then it reaches a real
SMTP server (a local one started by the test)."""
import asyncore
import email
import email.header
import smtpd
import socket
import threading
import time

import pytest

from conftest import DB  # noqa: F401  (the database the server serves)


class Sink(smtpd.SMTPServer):
    def __init__(self, port):
        smtpd.SMTPServer.__init__(self, ('127.0.0.1', port), None, decode_data=False)
        self.received = []

    def process_message(self, peer, mailfrom, rcpttos, data, **kw):
        self.received.append((rcpttos, email.message_from_bytes(data)))


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


@pytest.fixture(scope='module')
def sink():
    server = Sink(free_port())
    thread = threading.Thread(target=asyncore.loop, kwargs={'timeout': 0.2}, daemon=True)
    thread.start()
    yield server
    server.close()


@pytest.fixture(scope='module')
def servers(admin, sink):
    """Two inactive mail servers (never the default): one refusing connections, one the
    local sink; an e-mail names its server."""
    down = admin.call('ir.mail_server', 'create', {'name': 'E2E down', 'smtp_host': '127.0.0.1',
                                                   'smtp_port': free_port(), 'active': False})
    up = admin.call('ir.mail_server', 'create', {'name': 'E2E sink', 'smtp_host': '127.0.0.1',
                                                 'smtp_port': sink.socket.getsockname()[1],
                                                 'active': False})
    yield down, up
    admin.call('ir.mail_server', 'unlink', [down, up])


def run_cron(admin):
    cron = admin.ref('crm_mail_queue.ir_cron_crm_mail_retry')
    admin.call('ir.cron', 'method_direct_trigger', [cron])


def rows(zhoutao, mail):
    return zhoutao.call('crm.mail.failure', 'search_read', [('mail_id', '=', mail)],
                        ['state', 'retry_count', 'reason', 'recipients', 'subject', 'next_retry_at'])


def test_queue_over_xmlrpc_answers_and_refuses_non_administrators(admin, rpc):
    zhoutao = rpc('zhoutao')
    assert zhoutao.call('mail.mail', 'process_email_queue') is True
    assert admin.call('mail.mail', 'process_email_queue') is True
    fault = rpc('lina').fault('mail.mail', 'process_email_queue')
    assert fault.faultCode == 4 and '只有CRM管理员' in fault.faultString
    fault = zhoutao.fault('mail.mail', 'process_email_queue', 'abc')
    assert fault.faultCode == 2 and '邮件' in fault.faultString
    mail = admin.call('mail.mail', 'create', {'subject': 'E2E 空发送', 'email_to': 'x@example.cn',
                                              'body_html': '<p>x</p>', 'state': 'cancel'})
    assert admin.call('mail.mail', 'send', [mail]) is True
    for login in ('lina', 'wugang', 'sunqiang'):
        assert rpc(login).fault('crm.mail.failure', 'search_read', []).faultCode == 4


def test_failed_mail_retried_given_up_listed_and_retried_by_the_administrator(
        admin, rpc, servers, sink, clock):
    down, up = servers
    zhoutao = rpc('zhoutao')
    clock('2026-12-01 01:00:00')
    tag = '%d' % int(time.time() * 1000 % 10 ** 9)
    customer = rpc('lina').call('res.partner', 'create', {
        'name': 'E2E 邮件重试客户 %s' % tag, 'is_company': True, 'customer': True})
    mail = admin.call('mail.mail', 'create', {
        'subject': 'E2E 合同已审批通过 %s' % tag, 'body_html': '<p>您好</p>',
        'email_to': 'buyer-%s@customer.example.cn' % tag, 'email_from': 'sales@yunfan.example.cn',
        'model': 'res.partner', 'res_id': customer, 'mail_server_id': down})
    assert zhoutao.call('mail.mail', 'process_email_queue', [mail]) is True
    state = admin.call('mail.mail', 'read', [mail], ['state', 'failure_reason'])[0]
    assert state['state'] == 'exception' and 'refused' in state['failure_reason'].lower()

    run_cron(admin)
    row, = rows(zhoutao, mail)
    assert (row['state'], row['retry_count'], row['next_retry_at']) == ('retrying', 0, '2026-12-01 01:05:00')
    assert row['recipients'] == 'buyer-%s@customer.example.cn' % tag
    assert 'refused' in row['reason'].lower()
    clock('2026-12-01 01:05:00')
    run_cron(admin)
    row, = rows(zhoutao, mail)
    assert (row['retry_count'], row['next_retry_at']) == (1, '2026-12-01 01:20:00')

    # the administrator shortens the retry time to 1 hour: at 02:05 it is given up
    settings = zhoutao.call('crm.mail.retry.settings', 'create', {'retry_hours': 1})
    zhoutao.call('crm.mail.retry.settings', 'action_save', [settings])
    try:
        for moment in ('2026-12-01 01:20:00', '2026-12-01 02:05:00', '2026-12-03 00:00:00'):
            clock(moment)
            run_cron(admin)
        row, = rows(zhoutao, mail)
        assert (row['state'], row['retry_count']) == ('failed', 2)
        assert zhoutao.call('crm.todo', 'get_counts')['mail_failed_count'] >= 1
        assert rpc('lina').call('crm.todo', 'get_counts')['mail_failed_count'] == 0
        fault = rpc('lina').fault('crm.mail.failure', 'action_retry', [row['id']])
        assert fault.faultCode == 4

        # a working server: his "Retry" sends it, the SMTP server gets it, the row goes
        admin.call('mail.mail', 'write', [mail], {'mail_server_id': up})
        assert zhoutao.call('crm.mail.failure', 'action_retry', [row['id']]) is True
        assert admin.call('mail.mail', 'read', [mail], ['state'])[0]['state'] == 'sent'
        assert not rows(zhoutao, mail)
        for _ in range(50):
            if any(m['Subject'] and tag in str(email.header.make_header(email.header.decode_header(m['Subject'])))
                   for _to, m in sink.received):
                break
            time.sleep(0.1)
        got = [(to, m) for to, m in sink.received
               if tag in str(email.header.make_header(email.header.decode_header(m['Subject'])))]
        assert got and got[0][0] == ['buyer-%s@customer.example.cn' % tag]
    finally:
        settings = zhoutao.call('crm.mail.retry.settings', 'create', {'retry_hours': 48})
        zhoutao.call('crm.mail.retry.settings', 'action_save', [settings])
