# -*- coding: utf-8 -*-
"""Tickets from incoming e-mail (the service team's alias) and replies threaded into
them (``mail.thread.message_new`` / ``message_update``)."""
from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import email_split, html2plaintext

from odoo.addons.crm_sales.grant import privileged


class CrmServiceTicketMail(models.Model):
    _inherit = 'crm.service.ticket'

    @api.model
    def _sender_contact(self, msg, staff=False):
        """The customer contact (or customer) who sent ``msg``: a partner with that
        address that belongs to a CRM customer (with ``staff``, an employee answering
        from their mailbox also counts). Unknown senders are refused."""
        if not isinstance(msg, dict) or not isinstance(msg.get('from') or '', str):
            raise UserError(_('This is not an e-mail message.'))
        emails = email_split(msg.get('from') or '')
        email = emails and emails[0].lower()
        partner = self.env['res.partner']
        if email:
            Partner = partner.sudo()
            partner = Partner.search([('email', '=ilike', email),
                                      ('commercial_partner_id.is_crm_customer', '=', True)], limit=1)
            if not partner and staff:
                partner = Partner.search([('email', '=ilike', email), ('user_ids.share', '=', False)],
                                         limit=1)
        if not partner:
            raise UserError(_('E-mail from %s refused: the sender is not a contact of any customer. '
                              'Add the address to the customer\'s contact first.') % (email or msg.get('from')))
        return partner

    @api.model
    def message_new(self, msg, custom_values=None):
        contact = self._sender_contact(msg)
        if custom_values is not None and not isinstance(custom_values, dict):
            raise UserError(_('This is not an e-mail message.'))
        defaults = dict(custom_values or {})
        defaults.setdefault('channel', 'email')
        if not defaults.get('type_id'):
            service_type = self.env.ref('crm_service.service_type_after_sales', raise_if_not_found=False) \
                or self.env['crm.service.type'].search([], limit=1)
            defaults['type_id'] = service_type.id
        subject, body = msg.get('subject'), msg.get('body')
        defaults.update({
            'name': (subject if isinstance(subject, str) and subject.strip() else _('(no subject)'))[:250],
            'description': html2plaintext(body if isinstance(body, str) else '')[:100000],
            'partner_id': contact.commercial_partner_id.id,
            'contact_id': contact.id if contact != contact.commercial_partner_id else
            contact.primary_contact_id.id,
        })
        ticket = super(CrmServiceTicketMail, self).message_new(msg, custom_values=defaults)
        ticket.message_subscribe(partner_ids=contact.ids)
        return ticket

    @api.multi
    def message_update(self, msg, update_vals=None):
        """A reply from the customer: kept in the chatter; on a processed ticket it
        means the problem is not solved yet, so the ticket goes back to its handler."""
        if not privileged(self):
            # the mail gateway threads replies as superuser; a user calling this
            # directly must be one who may work on the ticket
            self.check_access_rights('write')
            self.check_access_rule('write')
            if isinstance(update_vals, dict):
                self.env['crm.guard']._check_action_fields(self, update_vals)
        sender = self._sender_contact(msg, staff=True)
        res = super(CrmServiceTicketMail, self).message_update(msg, update_vals=update_vals)
        customer_reply = not sender.user_ids.filtered(lambda u: not u.share)
        for ticket in self.filtered(lambda t: customer_reply and t.state == 'processed'):
            ticket._flow_write({'state': 'in_progress', 'processed_at': False})
        return res
