#!/usr/bin/env python3
"""A local SMTP server for the test run that delivers nothing: every message it receives
is stored as one ``.eml`` file in a folder (the envelope sender and recipients in
``X-Sink-Mail-From`` / ``X-Sink-Rcpt-To`` headers on top), for the end-to-end tests to
read (``tests/e2e/mail_sink.py``).

    python tests/mailsink.py --dir DIR [--port 0] [--port-file FILE]

Listens on 127.0.0.1; ``--port 0`` (the default) takes a free port and writes it to
``--port-file`` (and to stdout) once it accepts connections. Python's standard library
only (``smtpd`` / ``asyncore``, CPython 3.7). Stops on SIGTERM / SIGINT.

A recipient ``refuse-...@...`` is refused (550), so tests can see a delivery failure."""
import argparse
import asyncore
import os
import signal
import smtpd
import sys
import threading

_counter = threading.Lock()


class SinkServer(smtpd.SMTPServer):

    def __init__(self, localaddr, folder):
        super(SinkServer, self).__init__(localaddr, None, decode_data=False)
        self.folder = folder
        self.count = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        refused = [r for r in rcpttos if r.lower().startswith('refuse-')]
        if refused:
            return '550 mailbox unavailable: %s' % ', '.join(refused)
        with _counter:
            self.count += 1
            number = self.count
        head = 'X-Sink-Mail-From: %s\r\nX-Sink-Rcpt-To: %s\r\n' % (mailfrom, ', '.join(rcpttos))
        name = '%06d-%d.eml' % (number, os.getpid())
        tmp = os.path.join(self.folder, '.' + name + '.tmp')
        with open(tmp, 'wb') as f:
            f.write(head.encode('ascii', 'replace'))
            f.write(data if isinstance(data, bytes) else data.encode('utf-8'))
        os.rename(tmp, os.path.join(self.folder, name))  # readers never see half a mail
        return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--dir', required=True, help='folder for the .eml files')
    parser.add_argument('--port', type=int, default=0)
    parser.add_argument('--port-file')
    args = parser.parse_args(argv)
    os.makedirs(args.dir, exist_ok=True)
    server = SinkServer(('127.0.0.1', args.port), args.dir)
    port = server.socket.getsockname()[1]
    if args.port_file:
        with open(args.port_file + '.tmp', 'w') as f:
            f.write('%d\n' % port)
        os.rename(args.port_file + '.tmp', args.port_file)
    print(port, flush=True)

    def stop(*_args):
        server.close()
        sys.exit(0)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    asyncore.loop(timeout=1)


if __name__ == '__main__':
    main()
