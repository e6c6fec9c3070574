#!/usr/bin/env python3
"""mail_config.py DB [--conf odoo.conf] [--port PORT] [--quiet] [db options]

Writes the mail and link settings the server configuration gives into database DB (as
the system parameters Odoo reads), then prints where mail goes. Run by ``make run``
(scripts/run.sh) before the server starts, and by scripts/test.sh for the e2e database.

Configuration (environment first, then the ``[options]`` of odoo.conf; unset = keep
what the database has, i.e. what the CRM administrator set in CRM > 配置 > 邮件设置, or
the demo default):
  CRM_MAIL_DOMAIN   / crm_mail_domain     sender domain (mail.catchall.domain), e.g. yunfan-tech.cn
  CRM_MAIL_SENDER   / crm_mail_sender     sender local part or address (default notifications)
  CRM_MAIL_CATCHALL / crm_mail_catchall   catch-all local part for replies (default catchall)
  CRM_BASE_URL      / crm_base_url        address of the CRM in links (web.base.url, frozen)
Without any sender domain, the domain of the company's e-mail is taken. Without
CRM_BASE_URL a base URL on localhost / 127.0.0.1 (or none) becomes
http://127.0.0.1:PORT, the server being started; a real host set on screen is kept.
The SMTP server: CRM_SMTP_SERVER / CRM_SMTP_PORT (passed to Odoo by run.sh), or
smtp_server / smtp_port in odoo.conf, or a mail server record in the database."""
import argparse
import configparser
import os
import re
import sys

import psycopg2

SETTINGS = (  # (environment, odoo.conf option, parameter)
    ('CRM_MAIL_DOMAIN', 'crm_mail_domain', 'mail.catchall.domain'),
    ('CRM_MAIL_SENDER', 'crm_mail_sender', 'crm_sales.mail_sender'),
    ('CRM_MAIL_CATCHALL', 'crm_mail_catchall', 'mail.catchall.alias'),
    ('CRM_BASE_URL', 'crm_base_url', 'web.base.url'),
)
LOCAL_URL = re.compile(r'^https?://(localhost|127\.0\.0\.1)(:\d+)?/?$')


def conf_options(path):
    parser = configparser.RawConfigParser()
    if path and os.path.exists(path):
        parser.read(path)
    return dict(parser.items('options')) if parser.has_section('options') else {}


def connect(db, args):
    kw = {a.split('=', 1)[0][5:]: a.split('=', 1)[1] for a in args if a.startswith('--db_')}
    conn = dict(dbname=db, host=kw.get('host'), port=kw.get('port'), user=kw.get('user'),
                password=kw.get('password'))
    return psycopg2.connect(**{k: v for k, v in conn.items() if v})


def get_param(cr, key):
    cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", (key,))
    row = cr.fetchone()
    return row[0] if row else None


def set_param(cr, key, value):
    cr.execute("UPDATE ir_config_parameter SET value = %s, write_date = now() at time zone 'UTC' "
               "WHERE key = %s", (value, key))
    if not cr.rowcount:
        cr.execute("INSERT INTO ir_config_parameter (key, value, create_uid, write_uid, create_date, write_date) "
                   "VALUES (%s, %s, 1, 1, now() at time zone 'UTC', now() at time zone 'UTC')", (key, value))


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument('db')
    parser.add_argument('--conf')
    parser.add_argument('--port', type=int, default=8069)
    parser.add_argument('--quiet', action='store_true')
    args, dbargs = parser.parse_known_args(argv)
    options = conf_options(args.conf)
    configured = {}
    for env, option, param in SETTINGS:
        value = (os.environ.get(env) or options.get(option) or '').strip()
        if value:
            configured[param] = value.rstrip('/') if param == 'web.base.url' else value.lower()
    conn = connect(args.db, dbargs)
    with conn, conn.cursor() as cr:
        if 'web.base.url' not in configured:
            current = get_param(cr, 'web.base.url')
            if not current or LOCAL_URL.match(current):
                configured['web.base.url'] = 'http://127.0.0.1:%d' % args.port
        for param, value in configured.items():
            if get_param(cr, param) != value:
                set_param(cr, param, value)
        set_param(cr, 'web.base.url.freeze', 'True')
        if not get_param(cr, 'mail.catchall.domain'):
            # nothing configured yet: the domain of the company's e-mail (the demo's
            # sales@yunfan-tech.cn), unless it is Odoo's placeholder
            cr.execute("SELECT p.email FROM res_company c JOIN res_partner p ON p.id = c.partner_id "
                       "ORDER BY c.id LIMIT 1")
            row = cr.fetchone()
            company_domain = (row and row[0] or '').rpartition('@')[2].strip().lower()
            if company_domain and '.' in company_domain and 'yourcompany' not in company_domain:
                set_param(cr, 'mail.catchall.domain', company_domain)
        domain = get_param(cr, 'mail.catchall.domain') or ''
        sender = get_param(cr, 'crm_sales.mail_sender') or 'notifications'
        catchall = get_param(cr, 'mail.catchall.alias') or 'catchall'
        base_url = get_param(cr, 'web.base.url')
        cr.execute("SELECT name, smtp_host, smtp_port FROM ir_mail_server WHERE active ORDER BY sequence LIMIT 1")
        server = cr.fetchone()
    conn.close()
    smtp_host = os.environ.get('CRM_SMTP_SERVER') or options.get('smtp_server')
    smtp_port = os.environ.get('CRM_SMTP_PORT') or options.get('smtp_port') or '25'
    if server:
        where = '%s:%s (mail server "%s" in the database)' % (server[1], server[2], server[0])
    elif smtp_host and (smtp_host, str(smtp_port)) != ('localhost', '25'):
        where = '%s:%s (%s)' % (smtp_host, smtp_port, 'CRM_SMTP_SERVER' if os.environ.get('CRM_SMTP_SERVER')
                                else 'odoo.conf smtp_server')
    else:
        where = ('none configured: Odoo tries localhost:25, mails wait in the queue '
                 '(CRM > 配置 > 邮件设置 shows them; set CRM_SMTP_SERVER=host CRM_SMTP_PORT=587)')
    address = sender if '@' in sender else (domain and '%s@%s' % (sender, domain)) or "(the company's e-mail)"
    replies = domain and '%s@%s, or the record\'s alias (e.g. support@%s)' % (catchall, domain, domain) \
        or 'the sender (no sender domain)'
    if not args.quiet:
        sys.stderr.write(
            '  Mail:  sent through  %s\n'
            '         from          %s          (CRM_MAIL_DOMAIN=..., CRM_MAIL_SENDER=...)\n'
            '         replies to    %s   (CRM_MAIL_CATCHALL=...)\n'
            '         links lead to %s          (CRM_BASE_URL=https://crm.example.com)\n'
            '         or in odoo.conf: smtp_server, smtp_port, crm_mail_domain, crm_base_url;\n'
            '         the CRM administrator: CRM > 配置 > 邮件设置 (and a test mail there).\n'
            % (where, address, replies, base_url))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
