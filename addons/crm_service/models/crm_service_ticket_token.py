# -*- coding: utf-8 -*-
"""The feedback token of a ticket: the secret in the closing e-mail's link that lets the
customer rate the ticket without signing in.

It lives in a table of its own that only the ticket's code reads (in sudo): a field of the
ticket, even one restricted to a group, can still be searched (``('access_token', '=like',
'a%')``), ordered by and exported by every reader of the ticket. ``access_token`` shows it
to who may share the ticket: service agents and managers, on the tickets they work on.
Each closing e-mail gets a new token, and the copy of that e-mail kept in the chatter
does not hold it."""
import uuid

from odoo import api, fields, models

MASK = '********'


class CrmServiceTicketToken(models.Model):
    _name = 'crm.service.ticket.token'
    _description = 'Service Ticket Feedback Token'

    ticket_id = fields.Many2one('crm.service.ticket', required=True, ondelete='cascade', index=True)
    token = fields.Char(required=True)

    _sql_constraints = [('ticket_uniq', 'unique(ticket_id)', 'A ticket has one feedback token.')]


class CrmServiceTicketFeedbackToken(models.Model):
    _inherit = 'crm.service.ticket'

    access_token = fields.Char('Feedback Token', compute='_compute_access_token',
                               search='_search_access_token',
                               groups='crm_service.group_crm_service_agent')
    feedback_url = fields.Char('Feedback Link', compute='_compute_feedback_url',
                               groups='crm_service.group_crm_service_agent')

    def _token_records(self):
        return self.env['crm.service.ticket.token'].sudo().search([('ticket_id', 'in', self.ids)])

    def _token_create(self):
        Token = self.env['crm.service.ticket.token'].sudo()
        for ticket in self:
            Token.create({'ticket_id': ticket.id, 'token': uuid.uuid4().hex})

    def _token_renew(self):
        """A new token: the links of earlier e-mails rate nothing any more."""
        tokens = {t.ticket_id.id: t for t in self._token_records()}
        for ticket in self:
            if ticket.id in tokens:
                tokens[ticket.id].write({'token': uuid.uuid4().hex})
            else:
                ticket._token_create()
        self.invalidate_cache(['access_token', 'feedback_url'])

    def _crm_may_share(self):
        """The tickets of ``self`` whose link the current user may hand out."""
        user = self.env.user
        if user._is_superuser():
            return self
        if not user._crm_is_service_agent() or not self.check_access_rights('write', raise_exception=False):
            return self.browse()
        domain = self.env['ir.rule']._compute_domain(self._name, 'write') or []
        return self.sudo().search([('id', 'in', self.ids)] + domain).with_env(self.env)

    def _compute_access_token(self):
        shared = self._crm_may_share()
        tokens = {t.ticket_id.id: t.token for t in shared._token_records()}
        for ticket in self:
            ticket.access_token = tokens.get(ticket.id, False)

    def _search_access_token(self, operator, value):
        return [(0, '=', 1)]  # nobody looks a ticket up by its secret

    def _compute_feedback_url(self):
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url')
        for ticket in self:
            token = ticket.access_token
            ticket.feedback_url = token and '%s/my/tickets/%s/feedback?access_token=%s' % (
                base, ticket.id, token)

    @api.multi
    def get_share_url(self):
        """portal.mixin puts ``access_token`` in the link: only for who may share."""
        self.ensure_one()
        if not self._crm_may_share():
            return '/mail/view?model=%s&res_id=%s' % (self._name, self.id)
        return super(CrmServiceTicketFeedbackToken, self).get_share_url()

    def _send_closing_mail(self):
        """The closing e-mail to the contact, with a new feedback link; the chatter's copy
        of it (read by everyone who reads the ticket) shows the link without its token."""
        template = self.env.ref('crm_service.mail_template_ticket_processed', raise_if_not_found=False)
        for ticket in self.sudo():
            if not template or not ticket.contact_id.email:
                continue
            ticket._token_renew()
            token = ticket.access_token
            mail_id = template.with_context(lang=ticket.contact_id.lang or 'zh_CN').send_mail(ticket.id)
            message = self.env['mail.mail'].sudo().browse(mail_id).mail_message_id
            if message.body and token in message.body:
                message.write({'body': message.body.replace(token, MASK)})
