# -*- coding: utf-8 -*-
"""Checks of tickets beyond the flow: a contact of the ticket's own customer, a subject
that is not blank, how fast a portal user may open tickets, and who may post in a
ticket's chatter."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

RATE_LIMIT_PARAM = 'crm_service.portal_ticket_limit'
RATE_WINDOW_PARAM = 'crm_service.portal_ticket_window_minutes'
DEFAULT_RATE = (10, 10)


class CrmServiceTicketGuard(models.Model):
    _inherit = 'crm.service.ticket'

    portal_user_id = fields.Many2one('res.users', string='Opened by (Portal)', readonly=True,
                                     copy=False, index=True)

    @api.constrains('partner_id', 'contact_id')
    def _check_contact_of_customer(self):
        for ticket in self.sudo():
            contact = ticket.contact_id
            if contact and contact.commercial_partner_id != ticket.partner_id.commercial_partner_id:
                raise ValidationError(_('%s is not a contact of %s: choose one of the customer\'s '
                                        'contacts.') % (contact.display_name, ticket.partner_id.name))

    @api.constrains('name')
    def _check_subject(self):
        for ticket in self.sudo():
            if not (ticket.name or '').strip():
                raise ValidationError(_('Enter a subject for the ticket.'))

    # ------------------------------------------------------------------ portal rate
    @api.model
    def _open_rate(self):
        """(tickets, minutes): how many tickets a portal user may open in how long."""
        get = self.env['ir.config_parameter'].sudo().get_param
        try:
            limit = int(get(RATE_LIMIT_PARAM, DEFAULT_RATE[0]))
            minutes = int(get(RATE_WINDOW_PARAM, DEFAULT_RATE[1]))
        except (TypeError, ValueError):
            return DEFAULT_RATE
        return (limit, minutes) if minutes > 0 else DEFAULT_RATE

    @api.model
    def _check_open_rate(self, user_id):
        """A portal user opens at most N tickets in M minutes (system parameters, by the
        CRM clock); a limit of 0 or less lifts it."""
        user = self.env['res.users'].sudo().browse(user_id)
        if not user.share:
            return
        limit, minutes = self._open_rate()
        if limit <= 0:
            return
        since = fields.Datetime.to_string(self.env['crm.clock'].now() - timedelta(minutes=minutes))
        opened = self.sudo().search_count([('portal_user_id', '=', user.id), ('opened_at', '>=', since)])
        if opened >= limit:
            raise UserError(_('You have opened %d tickets in the last %d minutes: please wait a '
                              'little before opening another one, or add to one of them.')
                            % (opened, minutes))

    # ------------------------------------------------------------------ chatter
    def _check_can_post(self):
        """Who may change nothing (the read-only executive, an employee who only reads)
        does not post either: not a note, and not a message the customer would receive."""
        user = self.env.user
        if user._is_superuser() or user.share or user._crm_is_service_agent() or user._crm_can_act():
            return
        raise AccessError(_('%s can read service tickets but not write in them: messages and notes '
                            'are posted by service staff and the customer\'s salespeople.') % user.name)

    @api.multi
    @api.returns('self', lambda value: value.id)
    def message_post(self, *args, **kwargs):
        if not self:
            raise UserError(_('Choose the ticket to write in.'))  # a message on no ticket
        self._check_can_post()
        return super(CrmServiceTicketGuard, self).message_post(*args, **kwargs)
