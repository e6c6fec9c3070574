# -*- coding: utf-8 -*-
"""Sending a quote by e-mail and the customer's answer through its link.

*Send by E-mail* (``action_send_by_email``) opens Odoo's e-mail composer on an approved
quote with the template ``mail_template_quotation_send`` (the link, the PDF, the
contact as recipient); sending it runs ``action_send`` first (mail_compose_message.py),
so a quote that may not be sent sends no e-mail. The customer's page
(controllers/quotation_link.py) answers through ``_crm_customer_answer``: the same
state check and the same write (``_crm_answer``) as the owner's buttons, logged in the
chatter as the customer's words and announced to the owner (a message and an
activity, in the owner's language)."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

#: the longest name a customer may give
MAX_SIGNER = 100


class CrmQuotation(models.Model):
    _inherit = 'crm.quotation'

    # ------------------------------------------------------------------ send
    @api.multi
    def action_send_by_email(self):
        """The e-mail composer for this approved quote: template, PDF and recipient filled
        in (its context built here); sending it marks the quote sent."""
        self.ensure_one()
        self._crm_start_action(('approved',), _('"%s" is not approved: only an approved '
                                                'quotation is sent to the customer.'))
        self._crm_check_still_valid()
        contact = self.sudo().contact_id
        if not contact:
            raise UserError(_('"%s" has no contact to send it to: revise it and choose the '
                              'customer\'s contact.') % self.display_name)
        if not contact.email:
            raise UserError(_('The contact %s has no e-mail address: add one on the contact, '
                              'then send the quotation.') % contact.name)
        self._crm_ensure_token()
        template = self.env.ref('crm_quotation.mail_template_quotation_send')
        return {
            'type': 'ir.actions.act_window',
            'name': _('Send the Quotation by E-mail'),
            'res_model': 'mail.compose.message',
            'view_mode': 'form',
            'views': [(self.env.ref('crm_quotation.mail_compose_message_view_form_quotation').id,
                       'form')],
            'target': 'new',
            'context': {
                'default_model': self._name,
                'default_res_id': self.id,
                'default_use_template': True,
                'default_template_id': template.id,
                'default_composition_mode': 'comment',
            },
        }

    @api.model
    def _crm_send_template(self):
        return self.env.ref('crm_quotation.mail_template_quotation_send',
                            raise_if_not_found=False)

    # ------------------------------------------------------------------ the link
    def _crm_link_status(self):
        """What the customer's page shows for this quote (in sudo): ``open`` (it may be
        answered), ``accepted``, ``declined``, ``expired`` (by state or by its validity
        date on the CRM clock), ``superseded``, ``cancelled`` or ``unsent``."""
        self.ensure_one()
        if self.state == 'sent':
            return 'expired' if self.validity_date < self.env['crm.clock'].today_str() \
                else 'open'
        if self.state in ('accepted', 'declined', 'expired', 'superseded', 'cancelled'):
            return self.state
        return 'unsent'

    def _crm_customer_answer(self, decision, name, comment):
        """The customer accepts (``decision`` ``accept``) or declines (``decline``)
        through the link; ``name`` is required. ``self``: the quote of the link, in
        sudo (the route checked the token). Refused (UserError, nothing written) when it
        is no longer open to an answer."""
        self.ensure_one()
        guard = self.env['crm.guard']
        decision = guard._arg_choice(decision, ('accept', 'decline'), _('the answer'))
        name = guard._arg_text(name, _('your name'), max_len=MAX_SIGNER)
        comment = guard._arg_text(comment, _('the comment'), required=False)
        self._crm_lock()
        if self._crm_link_status() != 'open':
            raise UserError(_('This quotation can no longer be answered.'))
        self._crm_check_state(('sent',), _('"%s" can no longer be answered.'))
        state = 'accepted' if decision == 'accept' else 'declined'
        self._crm_answer(state, comment, signer=name)
        owner = self.env['res.users']._crm_active_recipient([
            self.user_id, self.partner_id.commercial_partner_id.user_id, self.team_id.user_id])
        lang = (owner.lang if owner else None) or 'zh_CN'
        texts = self.with_context(lang=lang)._crm_customer_answer_texts(state, name, comment)
        author = self.contact_id or self.partner_id
        self.with_context(lang=lang, mail_notify_force_send=False).message_post(
            body=texts['body'], author_id=author.id, message_type='comment',
            subtype='mail.mt_comment')
        if owner:
            self._crm_schedule_activity(owner, texts['activity'])
        return True

    def _crm_customer_answer_texts(self, state, name, comment):
        """The chatter message and the owner's activity, in the context's language."""
        values = {'name': html_escape(name), 'quote': self.display_name}
        if state == 'accepted':
            body = _('The customer accepted the quotation through the customer link. '
                     'Answered by: %(name)s.') % values
            activity = _('%(quote)s accepted by the customer (%(name)s): make the contract') \
                % dict(values, name=name)
        else:
            body = _('The customer declined the quotation through the customer link. '
                     'Answered by: %(name)s.') % values
            activity = _('%(quote)s declined by the customer (%(name)s): follow up') \
                % dict(values, name=name)
        if comment:
            body += '<br/>' + _('Comment: %s') % html_escape(comment)
        return {'body': body, 'activity': activity}
