"""The mails the test server really sent, read from the local SMTP sink.

scripts/test.sh starts ``tests/mailsink.py`` on a free port before the test server,
points the server at it (``smtp_server`` / ``smtp_port`` in the test conf) and exports
``CRM_MAILSINK_DIR``: every message that reaches the sink is one ``.eml`` file there.
(By hand: ``python tests/mailsink.py --dir /tmp/sink --port-file /tmp/sink.port``, put
``smtp_server = 127.0.0.1`` / ``smtp_port = <port>`` in your server's conf, and set
``CRM_MAILSINK_DIR=/tmp/sink`` for pytest.)

In a test, through the ``mailbox`` fixture (conftest.py)::

    def test_x(admin, mailbox):
        start = mailbox.mark()                 # ignore what arrived before
        ...                                    # do something over XML-RPC that mails
        mailbox.flush(admin)                   # send the queued mail.mail now (no cron)
        mail = mailbox.wait(to='xuli@yunfan-tech.cn', subject='FW', since=start)
        assert mail.from_address == 'notifications@yunfan-tech.cn'
        assert mail.reply_to_address == 'catchall@yunfan-tech.cn'
        assert mail.links[0].startswith(base_url)

A ``Mail`` has: ``sender`` (the From header, decoded), ``from_name`` / ``from_address``,
``reply_to`` / ``reply_to_address``, ``to`` (the addresses of To + Cc),
``envelope_to`` (the SMTP recipients), ``subject``, ``text`` (the body as text: the
HTML part without tags, else the text part), ``html``, ``links`` (every ``href``),
``headers`` (the ``email.message.Message``) and ``path``.

Notifications are sent when the transaction commits; mails a module only queues
(``mail.mail`` in state outgoing, e.g. assignment mails) go out with the cron, which the
test server does not run: ``mailbox.flush(admin)`` sends them."""
import email
import email.policy
import html
import os
import re
import time
from email.utils import getaddresses, parseaddr

HREF = re.compile(r'href\s*=\s*["\']([^"\']+)["\']', re.I)
TAG = re.compile(r'<[^>]+>')


class Mail(object):

    def __init__(self, path):
        self.path = path
        with open(path, 'rb') as f:
            self.headers = email.message_from_binary_file(f, policy=email.policy.default)
        msg = self.headers
        self.sender = str(msg.get('From', ''))
        self.from_name, self.from_address = parseaddr(self.sender)
        self.reply_to = str(msg.get('Reply-To', ''))
        self.reply_to_address = parseaddr(self.reply_to)[1]
        self.to = [a.lower() for _n, a in getaddresses(
            [str(v) for v in (msg.get_all('To') or []) + (msg.get_all('Cc') or [])]) if a]
        self.envelope_to = [a.strip().lower() for a in str(msg.get('X-Sink-Rcpt-To', '')).split(',') if a.strip()]
        self.envelope_from = str(msg.get('X-Sink-Mail-From', ''))
        self.subject = str(msg.get('Subject', ''))
        html_part = msg.get_body(preferencelist=('html',))
        text_part = msg.get_body(preferencelist=('plain',))
        self.html = html_part.get_content() if html_part is not None else ''
        if self.html:
            self.text = html.unescape(TAG.sub(' ', self.html))
        else:
            self.text = text_part.get_content() if text_part is not None else ''
        self.text = re.sub(r'\s+', ' ', self.text).strip()
        self.links = [html.unescape(h) for h in HREF.findall(self.html)]

    def __repr__(self):
        return '<Mail %s from %r to %r: %r>' % (os.path.basename(self.path), self.sender, self.to, self.subject)


class Mailbox(object):
    """The sink's folder (``CRM_MAILSINK_DIR``)."""

    def __init__(self, folder):
        self.folder = folder

    def _names(self):
        return sorted(n for n in os.listdir(self.folder) if n.endswith('.eml'))

    def mark(self):
        """A bookmark: ``since=mark`` reads only what arrived after it."""
        return len(self._names())

    def mails(self, since=0):
        return [Mail(os.path.join(self.folder, n)) for n in self._names()[since:]]

    def find(self, to=None, subject=None, since=0, **where):
        """The mails (arrived after ``since``) sent to ``to`` (an address, on To/Cc or
        the envelope) whose subject contains ``subject`` and whose other attributes
        equal ``where`` (e.g. ``from_address='...'``)."""
        found = []
        for mail in self.mails(since):
            if to and to.lower() not in mail.to + mail.envelope_to:
                continue
            if subject and subject not in mail.subject:
                continue
            if any(getattr(mail, k) != v for k, v in where.items()):
                continue
            found.append(mail)
        return found

    def wait(self, to=None, subject=None, since=0, timeout=20, count=1, **where):
        """The first mail matching (as ``find``), waiting up to ``timeout`` seconds for
        ``count`` of them; fails with what did arrive."""
        deadline = time.time() + timeout
        while True:
            found = self.find(to=to, subject=subject, since=since, **where)
            if len(found) >= count:
                return found[0] if count == 1 else found
            if time.time() > deadline:
                raise AssertionError('no mail to %s about %r within %ss; arrived: %r' % (
                    to, subject, timeout, self.mails(since)))
            time.sleep(0.2)

    def flush(self, admin):
        """Send the queued mails now: run Odoo's mail queue cron once, as admin."""
        cron = admin.ref('mail.ir_cron_mail_scheduler_action')
        return admin.call('ir.cron', 'method_direct_trigger', [cron])
