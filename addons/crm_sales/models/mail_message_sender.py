# -*- coding: utf-8 -*-
"""Who a mail is from: the company's sender address, never a personal one.

Odoo 11 writes a message's "From" from the current user: a notice the system sends (an
approval, an assignment, a cron, anything under ``sudo()``) goes out as
"系统管理员 <admin@yourcompany.example.com>", a colleague's message as their personal
mailbox. Here every message the CRM writes gets the company's sender address
(``crm.mail.settings._crm_sender_address()``: ``notifications@<sender domain>`` by
default), with the author's name (the company's name for the system) as display name:
"徐丽 <notifications@yunfan-tech.cn>", "上海云帆智能科技有限公司 <notifications@…>".
Odoo then computes the Reply-To from the domain as before: the record's alias, else
the catch-all (``catchall@<domain>``), so answers thread into the record.

Kept as given: a "From" that is not a staff address (a customer's incoming mail, a
service team's alias such as ``support@<domain>``)."""
import re

from odoo import api, models
from odoo.tools import email_split

# the partners that stand for "the system", not a person
SYSTEM_PARTNERS = ('base.partner_root', 'base.partner_admin')
SPECIALS = re.compile(r'[,;:<>@()\[\]]')


def format_address(name, address):
    """'周涛 <notifications@yunfan-tech.cn>' (readable in the chatter and the database;
    the mail's header is encoded when it is sent), quoted when the name needs it."""
    name = (name or '').replace('"', '').replace('\\', '').replace('\n', ' ').strip()
    if not name:
        return address
    return '%s <%s>' % ('"%s"' % name if SPECIALS.search(name) else name, address)


class MailMessageSender(models.Model):
    _inherit = 'mail.message'

    @api.model
    def create(self, values):
        if isinstance(values, dict):
            values = self._crm_company_sender(values)
        return super(MailMessageSender, self).create(values)

    @api.model
    def _crm_company_sender(self, values):
        """``values`` with the company's sender as ``email_from`` when the message is
        written by staff or the system and no other sender was chosen."""
        address = self.env['crm.mail.settings']._crm_sender_address()
        if not address:
            return values
        Partner = self.env['res.partner'].sudo()
        if 'author_id' in values:
            author = Partner.browse(values['author_id'] if isinstance(values['author_id'], int) else [])
        else:
            author = self._get_default_author().sudo()
        email_from = values.get('email_from')
        if email_from and not self._crm_is_staff_address(email_from):
            return values
        values = dict(values)
        values['email_from'] = format_address(self._crm_sender_name(author), address)
        return values

    @api.model
    def _crm_sender_name(self, author):
        """The display name: the author's, or the company's for the system."""
        system = {self.env.ref(x, raise_if_not_found=False) for x in SYSTEM_PARTNERS}
        company = self.env.user.company_id.sudo()
        if not author or author in system or author == company.partner_id or not author.name:
            return company.name
        return author.name

    @api.model
    def _crm_is_staff_address(self, email_from):
        """Whether ``email_from`` is the personal address of an internal user (or the
        superuser's, or a company's): one the CRM must not send from."""
        emails = email_split(email_from if isinstance(email_from, str) else '')
        if not emails:
            return False  # not an address: whatever it is, it is not a colleague's
        email = emails[0].lower()
        companies = self.env['res.company'].sudo().search([])
        if email in {(c.email or '').lower() for c in companies}:
            return True
        return bool(self.env['res.users'].sudo().with_context(active_test=False).search_count(
            [('email', '=ilike', email), ('share', '=', False)]))
