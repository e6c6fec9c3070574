# -*- coding: utf-8 -*-
"""Portal: customers' users open, read and answer their own company's tickets
(/my/tickets) and give feedback, also from the link of the closing e-mail
(/my/tickets/<id>/feedback?access_token=...)."""
from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import consteq, plaintext2html

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager

from ..models.crm_service_ticket_upload import MAX_SIZE

PAGE_SIZE = 20


class CrmServicePortal(CustomerPortal):

    def _prepare_portal_layout_values(self):
        values = super(CrmServicePortal, self)._prepare_portal_layout_values()
        Ticket = request.env['crm.service.ticket']
        values['service_ticket_count'] = Ticket.search_count([]) \
            if Ticket.check_access_rights('read', raise_exception=False) else 0
        return values

    def _ticket_get(self, ticket_id, access_token=None):
        """The ticket in sudo once the visitor may read it: through the record rules
        (their company's tickets) or the ticket's feedback token."""
        ticket = request.env['crm.service.ticket'].browse(ticket_id)
        ticket_sudo = ticket.sudo().exists()
        if not ticket_sudo:
            raise MissingError(_('This ticket does not exist.'))
        if access_token and ticket_sudo.access_token and consteq(ticket_sudo.access_token, access_token):
            return ticket_sudo
        if request.env.user._is_public():
            raise AccessError(_('Sign in to see this ticket.'))
        ticket.check_access_rights('read')
        ticket.check_access_rule('read')
        return ticket_sudo

    def _feedback_ticket(self, ticket_id, access_token=None):
        """The ticket to rate as its customer: with the token of the closing e-mail, or
        as a portal user of the ticket's company. Staff record feedback in the back
        office (``action_feedback``): reading a ticket is not being its customer."""
        ticket = self._ticket_get(ticket_id, access_token)
        if access_token and ticket.access_token and consteq(ticket.access_token, access_token):
            return ticket
        user = request.env.user
        if not user.share or user.commercial_partner_id != ticket.partner_id.commercial_partner_id:
            raise AccessError(_('Only the customer can rate this ticket: use the link of the closing '
                                'e-mail.'))
        return ticket

    def _denied(self, error):
        return request.render('crm_service.portal_ticket_error', {'error': error.name}, status=403)

    @http.route(['/my/tickets', '/my/tickets/page/<int:page>'], type='http', auth='user', website=True)
    def portal_my_tickets(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        Ticket = request.env['crm.service.ticket']
        total = values['service_ticket_count']
        pager = portal_pager(url='/my/tickets', total=total, page=page, step=PAGE_SIZE)
        tickets = Ticket.search([], limit=PAGE_SIZE, offset=pager['offset'], order='id desc') \
            if total else Ticket
        values.update({'tickets': tickets, 'pager': pager, 'page_name': 'service_ticket',
                       'default_url': '/my/tickets'})
        return request.render('crm_service.portal_my_tickets', values)

    @http.route('/my/tickets/<int:ticket_id>', type='http', auth='public', website=True)
    def portal_my_ticket(self, ticket_id, access_token=None, **kw):
        try:
            ticket = self._ticket_get(ticket_id, access_token)
        except (AccessError, MissingError) as error:
            return self._denied(error)
        return self._render_ticket(ticket, access_token)

    def _render_ticket(self, ticket, access_token=None, error=None):
        values = self._prepare_portal_layout_values() if not request.env.user._is_public() else {}
        messages = ticket.message_ids.filtered(
            lambda m: m.message_type in ('comment', 'email') and m.subtype_id == request.env.ref('mail.mt_comment'))
        values.update({'ticket': ticket, 'messages': messages.sorted('id'), 'page_name': 'service_ticket',
                       'access_token': access_token, 'error': error})
        return request.render('crm_service.portal_ticket_page', values, status=400 if error else 200)

    @http.route('/my/tickets/new', type='http', auth='user', methods=['GET'], website=True)
    def portal_ticket_new(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update({'types': request.env['crm.service.type'].sudo().search([]), 'page_name': 'service_ticket',
                       'error': kw.get('error')})
        return request.render('crm_service.portal_ticket_new', values)

    @staticmethod
    def _uploads():
        """[(file name, bytes)] of the form's file inputs "attachments" (each read up to
        one byte over the size limit: enough to refuse it)."""
        files = request.httprequest.files.getlist('attachments')
        return [(f.filename, f.read(MAX_SIZE + 1)) for f in files]

    @http.route('/my/tickets/new', type='http', auth='user', methods=['POST'], website=True)
    def portal_ticket_create(self, subject='', description='', type_id=None, **kw):
        user = request.env.user
        customer = user.commercial_partner_id
        try:
            if not user.has_group('base.group_portal') and not user.has_group('base.group_user'):
                raise AccessError(_('Only customers\' portal users can open tickets here.'))
            if not customer.sudo().is_crm_customer:
                raise AccessError(_('Your company is not a customer: tickets cannot be opened from this account.'))
            subject = (subject or '').strip()
            if not subject:
                raise UserError(_('Enter a subject for the ticket.'))
            service_type = request.env['crm.service.type'].sudo().browse(int(type_id)).exists() \
                if type_id and str(type_id).isdigit() else None
            if not service_type:
                raise UserError(_('Choose a service type.'))
            uploads = request.env['crm.service.ticket']._check_uploads(self._uploads())
            ticket = request.env['crm.service.ticket'].sudo().create({
                'portal_user_id': user.id,
                'name': subject[:250], 'description': (description or '')[:20000],
                'partner_id': customer.id,
                'contact_id': user.partner_id.id if user.partner_id != customer else False,
                'type_id': service_type.id, 'channel': 'portal',
            })
            ticket.message_subscribe(partner_ids=user.partner_id.ids)
            ticket._attach_uploads(uploads)
        except (UserError, AccessError) as error:
            values = self._prepare_portal_layout_values()
            values.update({'types': request.env['crm.service.type'].sudo().search([]),
                           'page_name': 'service_ticket', 'error': error.name,
                           'form': {'subject': subject, 'description': description, 'type_id': type_id}})
            return request.render('crm_service.portal_ticket_new', values, status=400)
        return request.redirect('/my/tickets/%s' % ticket.id)

    @http.route('/my/tickets/<int:ticket_id>/reply', type='http', auth='user', methods=['POST'], website=True)
    def portal_ticket_reply(self, ticket_id, message='', **kw):
        try:
            ticket = self._ticket_get(ticket_id)
        except (AccessError, MissingError) as error:
            return self._denied(error)
        message = (message or '').strip()
        try:
            uploads = ticket._check_uploads(self._uploads())
        except UserError as error:
            return self._render_ticket(ticket, error=error.name)
        if message or uploads:
            ticket.with_context(mail_create_nosubscribe=True).message_post(
                body=plaintext2html(message[:20000]) if message else '',
                author_id=request.env.user.partner_id.id, message_type='comment', subtype='mail.mt_comment',
                attachment_ids=ticket._attach_uploads(uploads).ids)
        return request.redirect('/my/tickets/%s' % ticket.id)

    @http.route('/my/tickets/<int:ticket_id>/feedback', type='http', auth='public', website=True)
    def portal_ticket_feedback(self, ticket_id, access_token=None, satisfaction=None, comment='', **kw):
        """GET: the feedback form; POST: record it (the same checks as staff)."""
        try:
            ticket = self._feedback_ticket(ticket_id, access_token)
        except (AccessError, MissingError) as error:
            return self._denied(error)
        if request.env.user._is_public():
            # a visitor from the e-mail link reads the customer contact's language
            lang = ticket.contact_id.lang or ticket.partner_id.lang or 'zh_CN'
            request.context = dict(request.context, lang=lang)
            ticket = ticket.with_context(lang=lang)
        values = {'ticket': ticket, 'access_token': access_token, 'page_name': 'service_ticket'}
        if request.httprequest.method == 'POST':
            try:
                ticket._register_feedback(satisfaction, comment, 'customer')
            except (UserError, ValidationError) as error:
                values['error'] = error.name
                return request.render('crm_service.portal_ticket_feedback', values, status=400)
            values['done'] = True
        return request.render('crm_service.portal_ticket_feedback', values)
