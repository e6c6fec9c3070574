# -*- coding: utf-8 -*-
"""Tickets from incoming e-mail (the service team's alias) and replies threaded into
them (``mail.thread.message_new`` / ``message_update``).

Who may thread a reply into a ticket (every route the gateway takes to ``message_update``:
``In-Reply-To`` / ``References``, the alias, a forced ``thread_id``): the ticket's
customer (an address of one of its contacts), its followers and staff (internal users).
A reply from anyone else who is known (e.g. a contact of another customer holding a
forwarded mail) is *held*: kept in the chatter as a note marked as held (staff only, no
one notified, the customer never gets it), the ticket is not reopened, and its handler
(else the team's leader) gets an activity. An unknown sender is refused. The held note is
an internal comment that lists no recipients (not the contacts the sender put in To / Cc)
and keeps its attachments on itself: no portal user reads it, by the ticket nor as a
recipient (Odoo hides internal comments from non-employees).

Replies to a ticket's mails go to its team's alias (``message_get_reply_to``), so that they
thread into the ticket and reach the team, not the catch-all."""
from email.utils import formataddr

from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import email_split, html2plaintext, html_escape

from odoo.addons.crm_sales.grant import grant, privileged

# marks the gateway's post of a held reply (``_crm_hold_reply``); an object no client can send
HELD = object()


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
        ticket._crm_send_received_mail(contact)
        return ticket

    def _crm_send_received_mail(self, contact):
        """The acknowledgement to the sender of the e-mail that opened this ticket, with
        its number, in the sender's language (notice kind ``ticket_received``)."""
        self.ensure_one()
        template = self.env.ref('crm_service.mail_template_ticket_received', raise_if_not_found=False)
        if not template or not contact.email or \
                not self.env['crm.notify.kind']._crm_mail_on('ticket_received'):
            return self.env['mail.mail']
        template = template.sudo().with_context(lang=contact.lang or 'zh_CN',
                                                crm_recipient_name=contact.name)
        mail_id = template.send_mail(self.id, email_values={
            'recipient_ids': [(6, 0, contact.ids)], 'partner_ids': [(6, 0, contact.ids)]})
        return self.env['mail.mail'].sudo().browse(mail_id)

    @api.model
    def message_get_reply_to(self, res_ids, default=None):
        """The Reply-To of a ticket's mails: its team's alias ("<company> 技术支持组
        <support@domain>"), else Odoo's (the catch-all). Only for the tickets the caller
        may read (this method is public)."""
        if not isinstance(res_ids, (list, tuple)) or not all(
                i is None or isinstance(i, int) for i in res_ids):
            raise UserError(_('Choose the tickets: give a list of ticket ids.'))
        res = super(CrmServiceTicketMail, self).message_get_reply_to(res_ids, default=default)
        domain = self.env['ir.config_parameter'].sudo().get_param('mail.catchall.domain')
        ids = [i for i in res_ids if isinstance(i, int) and not isinstance(i, bool)]
        if not domain or not ids or not self.check_access_rights('read', raise_exception=False):
            return res
        tickets = self.with_context(active_test=False).search([('id', 'in', ids)])
        company = self.env.user.company_id.sudo().name or ''
        for ticket in tickets.sudo():
            team = ticket.team_id
            if team.active and team.alias_name:
                name = ('%s %s' % (company, team.name or '')).strip()
                res[ticket.id] = formataddr((name, '%s@%s' % (team.alias_name, domain)))
        return res

    @api.multi
    def _crm_reply_senders(self, msg):
        """(the partners whose address is exactly the sender's, those of them who may
        thread into every ticket of ``self``: a contact of the ticket's customer, a
        follower, or staff, an active internal user)."""
        if not isinstance(msg, dict) or not isinstance(msg.get('from') or '', str):
            raise UserError(_('This is not an e-mail message.'))
        emails = email_split(msg.get('from') or '')
        email = emails and emails[0].lower()
        Partner = self.env['res.partner'].sudo()
        if not email:
            return Partner, Partner
        # =ilike reads "_" and "%" as wildcards: the address must be equal
        partners = Partner.search([('email', '=ilike', email)]).filtered(
            lambda p: (email_split(p.email or '') or [''])[0].lower() == email)
        allowed = partners
        for ticket in self.sudo():
            customer = ticket.partner_id.commercial_partner_id
            followers = ticket.message_partner_ids
            allowed = allowed.filtered(
                lambda p: (customer and p.commercial_partner_id == customer) or p in followers
                or p.user_ids.filtered(lambda u: not u.share))
        return partners, allowed

    @api.multi
    def _crm_hold_reply(self, msg, sender):
        """Keep a reply from ``sender`` (who may not thread into these tickets) for staff:
        the gateway posts ``msg`` after ``message_update`` returns, as a note (``internal``)
        that notifies nobody (no parent whose author would be told), marked as held."""
        msg['internal'] = True
        # a comment (not an "email"): Odoo shows internal comments to employees only,
        # whoever is the ticket's customer or among the mail's recipients
        msg['message_type'] = 'comment'
        msg['crm_held'] = HELD
        msg.pop('parent_id', None)
        who = '%s <%s>' % (sender.name, sender.email) if sender.email else sender.name
        banner = _('Held for staff: %s is not a contact of this ticket\'s customer nor a '
                   'follower. This reply was not sent to the customer and did not reopen the '
                   'ticket; forward it yourself if it belongs here.') % who
        body = msg.get('body') if isinstance(msg.get('body'), str) else ''
        msg['body'] = '<p><strong>%s</strong></p>%s' % (html_escape(banner), body)
        todo = self.env.ref('mail.mail_activity_data_todo')
        model = self.env['ir.model']._get(self._name)
        today = self.env['crm.clock'].today_str()
        for ticket in self.sudo():
            user = ticket.user_id or ticket.team_id.manager_id
            if not user:
                continue
            self.env['mail.activity'].sudo().create({
                'res_model_id': model.id, 'res_id': ticket.id, 'user_id': user.id,
                'activity_type_id': todo.id, 'date_deadline': today,
                'summary': _('Reply held: %s') % ticket.number,
                'note': _('A reply from %s, who is not a contact of %s, was held in the chatter '
                          'of ticket %s.') % (who, ticket.partner_id.name, ticket.number)})

    @api.multi
    @api.returns('self', lambda value: value.id)
    def message_post(self, *args, **kwargs):
        """The gateway's post of a held reply (``_crm_hold_reply``) keeps its attachments
        on the note (readable as the note is, by staff) and returns the note granted
        ``held_reply``: the gateway's later write of the mail's To / Cc partners as its
        recipients is dropped (``mail.message.write``)."""
        held = kwargs.pop('crm_held', None) is HELD
        message = super(CrmServiceTicketMail, self).message_post(*args, **kwargs)
        if not held:
            return message
        message.sudo().attachment_ids.write({'res_model': 'mail.message', 'res_id': message.id})
        return grant(message, 'held_reply')

    @api.multi
    def message_update(self, msg, update_vals=None):
        """A reply from the customer: kept in the chatter; on a processed ticket it
        means the problem is not solved yet, so the ticket goes back to its handler.
        A reply from someone else is held for staff (``_crm_hold_reply``), an unknown
        sender refused."""
        if not privileged(self):
            # the mail gateway threads replies as superuser; a user calling this
            # directly must be one who may work on the ticket
            self.check_access_rights('write')
            self.check_access_rule('write')
            if isinstance(update_vals, dict):
                self.env['crm.guard']._check_action_fields(self, update_vals)
        known, allowed = self._crm_reply_senders(msg)
        if not allowed:
            if not known:
                raise UserError(_('E-mail from %s refused: the sender is not a contact of any customer. '
                                  'Add the address to the customer\'s contact first.') % msg.get('from'))
            self._crm_hold_reply(msg, known[0])
            return True
        res = super(CrmServiceTicketMail, self).message_update(msg, update_vals=update_vals)
        customer_reply = not allowed.mapped('user_ids').filtered(lambda u: not u.share)
        for ticket in self.filtered(lambda t: customer_reply and t.state == 'processed'):
            ticket._flow_write({'state': 'in_progress', 'processed_at': False})
        return res
