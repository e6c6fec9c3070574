# -*- coding: utf-8 -*-
"""邮件设置 (CRM > 配置, CRM administrator): where mail goes, who it is from, where its
links lead, and a test mail.

The values are Odoo's system parameters, so Odoo's mail code reads them as it does
everywhere: ``mail.catchall.domain`` (the sender domain: aliases such as
``support@<domain>``, the catch-all Reply-To, bounces), ``mail.catchall.alias`` (the
catch-all's local part), ``crm_sales.mail_sender`` (the sender's local part, or a whole
address; the From of every mail, see ``mail_message_sender.py``) and ``web.base.url``
(the links in mails), frozen (``web.base.url.freeze``) so that an administrator's login
does not change it. ``make run`` / ``scripts/mail_config.py`` write the ones the server
configuration sets (``CRM_MAIL_DOMAIN``, ``CRM_BASE_URL``... or odoo.conf) at each
start; this screen changes them in between."""
import re
import smtplib
import socket

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError

from .mail_message_sender import format_address

DOMAIN_PARAM = 'mail.catchall.domain'
CATCHALL_PARAM = 'mail.catchall.alias'
SENDER_PARAM = 'crm_sales.mail_sender'
BASE_URL_PARAM = 'web.base.url'
FREEZE_PARAM = 'web.base.url.freeze'
DEFAULT_SENDER = 'notifications'
DEFAULT_CATCHALL = 'catchall'

DOMAIN_RE = re.compile(r'^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$')
LOCAL_RE = re.compile(r'^[a-z0-9][a-z0-9._+-]{0,63}$')
BASE_URL_RE = re.compile(r'^https?://[a-z0-9.-]+(:\d{1,5})?(/[^\s]*)?$', re.I)


class CrmMailSettings(models.TransientModel):
    _name = 'crm.mail.settings'
    _description = 'Mail Settings'

    smtp_state = fields.Char('Outgoing Mail Server', compute='_compute_state', readonly=True)
    mail_domain = fields.Char('Sender Domain', help='The company\'s mail domain, e.g. yunfan-tech.cn: '
                              'mails are sent from an address of it, and replies to it thread into the records.')
    sender_alias = fields.Char('Sender Address', help='The local part of the address every mail is sent from '
                               '(e.g. notifications), or a whole address.')
    catchall_alias = fields.Char('Catch-all Address', help='The local part of the address customers\' replies '
                                 'go to (e.g. catchall); the mail gateway threads them into the record.')
    sender_preview = fields.Char('Mails Are Sent As', compute='_compute_state', readonly=True)
    reply_to_preview = fields.Char('Replies Go To', compute='_compute_state', readonly=True)
    base_url = fields.Char('Address of the CRM', help='The address users and customers open the links in '
                           'mails with, e.g. https://crm.yunfan-tech.cn')
    test_address = fields.Char('Send a Test Mail To')

    # ------------------------------------------------------------ reading the state
    @api.model
    def _get(self, param, default=''):
        return (self.env['ir.config_parameter'].sudo().get_param(param) or default).strip()

    @api.model
    def _crm_sender_address(self):
        """The address every CRM mail is sent from: the sender alias at the sender
        domain, else the company's e-mail; False when neither is set."""
        sender = self._get(SENDER_PARAM, DEFAULT_SENDER)
        if '@' in sender:
            return sender
        domain = self._get(DOMAIN_PARAM)
        if domain:
            return '%s@%s' % (sender, domain)
        return self.env.user.company_id.sudo().email or False

    @api.model
    def _crm_smtp_state(self):
        """Where mail goes, in words: (text, configured)."""
        server = self.env['ir.mail_server'].sudo().search([], order='sequence', limit=1)
        if server:
            return _('%s:%s (mail server "%s")') % (server.smtp_host, server.smtp_port, server.name), True
        host = tools.config.get('smtp_server') or 'localhost'
        port = tools.config.get('smtp_port') or 25
        if (host, int(port)) != ('localhost', 25):
            return _('%s:%s (server configuration)') % (host, port), True
        return _('No mail server configured: Odoo tries localhost:25 and mails wait in the '
                 'queue if nothing answers there. Set one in the server configuration '
                 '(CRM_SMTP_SERVER with make run, or smtp_server in odoo.conf).'), False

    @api.depends('mail_domain', 'sender_alias', 'catchall_alias')
    def _compute_state(self):
        company = self.env.user.company_id.sudo()
        for settings in self:
            settings.smtp_state = self._crm_smtp_state()[0]
            domain = (settings.mail_domain or '').strip().lower()
            sender = (settings.sender_alias or '').strip().lower()
            address = sender if '@' in sender else (domain and sender and '%s@%s' % (sender, domain)) \
                or company.email
            settings.sender_preview = address and '%s <%s>' % (company.name, address) or _('(not set)')
            catchall = (settings.catchall_alias or '').strip().lower()
            settings.reply_to_preview = domain and catchall and '%s@%s' % (catchall, domain) or \
                _('(no sender domain: replies go to the sender)')

    @api.model
    def default_get(self, fields_list):
        self._crm_check_admin()
        res = super(CrmMailSettings, self).default_get(fields_list)
        res.update({
            'mail_domain': self._get(DOMAIN_PARAM),
            'sender_alias': self._get(SENDER_PARAM, DEFAULT_SENDER),
            'catchall_alias': self._get(CATCHALL_PARAM, DEFAULT_CATCHALL),
            'base_url': self._get(BASE_URL_PARAM),
            'test_address': self.env.user.email or '',
        })
        return res

    @api.model
    def _crm_default_params(self, values):
        """Set the parameters of ``values`` that have no value yet (data files)."""
        if not self.env.user._is_superuser():
            raise AccessError(_('Only CRM administrators may change the mail settings.'))
        ICP = self.env['ir.config_parameter'].sudo()
        for param, value in (values or {}).items():
            if not ICP.get_param(param):
                ICP.set_param(param, value)
        return True

    @api.model
    def _crm_retire_default_mail_server(self):
        """Odoo's base data puts a mail server "localhost:25" in every database, and a
        mail server record wins over the server configuration (``smtp_server`` in
        odoo.conf, ``CRM_SMTP_SERVER``): archived while it is that untouched default
        (without configuration Odoo still tries localhost:25)."""
        server = self.env.ref('base.ir_mail_server_localhost0', raise_if_not_found=False)
        if server and server.active and server.smtp_host == 'localhost' and \
                server.smtp_port == 25 and not server.smtp_user:
            server.sudo().write({'active': False})
        return True

    # ------------------------------------------------------------------ the buttons
    @api.model
    def _crm_check_admin(self):
        if not self.env.user._crm_is_admin():
            raise AccessError(_('Only CRM administrators may change the mail settings.'))

    @api.multi
    def _crm_clean_values(self):
        """{param: value} of the form, checked."""
        self.ensure_one()
        domain = (self.mail_domain or '').strip().lower()
        if domain and not DOMAIN_RE.match(domain):
            raise ValidationError(_('"%s" is not a mail domain (e.g. yunfan-tech.cn).') % domain)
        sender = (self.sender_alias or '').strip().lower() or DEFAULT_SENDER
        local = sender.split('@', 1)[0]
        if not LOCAL_RE.match(local) or ('@' in sender and not DOMAIN_RE.match(sender.split('@', 1)[1])):
            raise ValidationError(_('"%s" is not a sender address (e.g. notifications).') % sender)
        catchall = (self.catchall_alias or '').strip().lower() or DEFAULT_CATCHALL
        if not LOCAL_RE.match(catchall):
            raise ValidationError(_('"%s" is not a catch-all address (e.g. catchall).') % catchall)
        base_url = (self.base_url or '').strip().rstrip('/')
        if not BASE_URL_RE.match(base_url):
            raise ValidationError(_('"%s" is not the address of the CRM (e.g. https://crm.yunfan-tech.cn).')
                                  % base_url)
        return {DOMAIN_PARAM: domain, SENDER_PARAM: sender, CATCHALL_PARAM: catchall,
                BASE_URL_PARAM: base_url, FREEZE_PARAM: 'True'}

    @api.multi
    def action_save(self):
        """Save the settings (CRM administrator)."""
        self._crm_check_admin()
        self.ensure_one()
        set_param = self.env['ir.config_parameter'].sudo().set_param
        for param, value in self._crm_clean_values().items():
            set_param(param, value or False)
        return self.env['crm.notify'].done(_('The mail settings are saved.'))

    @api.multi
    def action_send_test(self):
        """Send a test mail to ``test_address`` now, through the configured server; tell
        the result in the user's language (the reason when it fails)."""
        self._crm_check_admin()
        self.ensure_one()
        address = (self.test_address or '').strip()
        if not tools.single_email_re.match(address):
            raise UserError(_('Enter the e-mail address to send the test mail to.'))
        self._crm_clean_values()
        sender = self._crm_sender_address()
        if not sender:
            raise UserError(_('Set the sender domain first (or the company\'s e-mail address).'))
        company = self.env.user.company_id.sudo()
        MailServer = self.env['ir.mail_server'].sudo()
        server_text = self._crm_smtp_state()[0]
        message = MailServer.build_email(
            email_from=format_address(company.name, sender), email_to=[address],
            subject=_('Test mail from the CRM'),
            body=_('<p>This test mail was sent by %s from the CRM\'s mail settings.</p>'
                   '<p>Mails are sent through: %s</p><p>Links lead to: %s</p>') % (
                tools.html_escape(self.env.user.name), tools.html_escape(server_text),
                tools.html_escape(self._get(BASE_URL_PARAM))),
            subtype='html')
        try:
            MailServer.send_email(message)
        except Exception as error:  # the SMTP library's and Odoo's errors, told in words
            raise UserError(_('The test mail was not sent: %s') % self._crm_failure_reason(error))
        return self.env['crm.notify'].done(
            _('The test mail was sent to %s (through %s).') % (address, server_text))

    @api.model
    def _crm_failure_reason(self, error):
        """Why sending failed, in the user's language: the root cause of Odoo's
        MailDeliveryException (which wraps it)."""
        cause = error
        while cause.__context__ is not None and not isinstance(cause, (OSError, smtplib.SMTPException)):
            cause = cause.__context__
        server = self._crm_smtp_state()[0]
        if isinstance(cause, smtplib.SMTPAuthenticationError):
            return _('the mail server refused the user name or password.')
        if isinstance(cause, smtplib.SMTPRecipientsRefused):
            return _('the mail server refused the recipient %s.') % ', '.join(cause.recipients)
        if isinstance(cause, smtplib.SMTPSenderRefused):
            return _('the mail server refused the sender %s: check the sender domain.') % cause.sender
        if isinstance(cause, smtplib.SMTPResponseException):
            return _('the mail server answered %s %s.') % (
                cause.smtp_code, tools.ustr(cause.smtp_error, errors='replace'))
        if isinstance(cause, ConnectionRefusedError):
            return _('the connection to %s was refused (is the mail server running, is the port right?).') % server
        if isinstance(cause, socket.gaierror):
            return _('the mail server %s was not found (check its name).') % server
        if isinstance(cause, (socket.timeout, TimeoutError)):
            return _('the mail server %s did not answer in time.') % server
        if isinstance(cause, (OSError, smtplib.SMTPException)):
            return _('the mail server %s could not be reached (%s).') % (server, tools.ustr(cause))
        if isinstance(cause, UserError):
            return tools.ustr(cause.name)
        return tools.ustr(cause)
