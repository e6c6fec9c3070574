# -*- coding: utf-8 -*-
from odoo import api, models

from ..grant import granted
from .mail_thread import partners_by_lang

LAYOUT = 'crm_sales.mail_notification_layout'


class ResPartnerNotify(models.Model):
    """Notification e-mails (a message posted on a record, sent to its followers): in
    each recipient's language (not the sender's: an XML-RPC call has none) and in the
    CRM's layout, which ends with the company's name where Odoo's says "Sent by …
    using Odoo"."""
    _inherit = 'res.partner'

    @api.multi
    def _notify(self, message, force_send=False, send_after_commit=True, user_signature=True):
        if not self.ids or granted(self, 'no_mail') or granted(message, 'no_mail'):
            # a kind of notice the CRM administrator switched off (crm.notify.kind):
            # the message stays in the chatter and the inbox, no e-mail
            return True
        context = {}
        if message.model and not self._crm_custom_layout():
            context['custom_layout'] = LAYOUT
        for lang, partners in partners_by_lang(self, self.env.lang or 'zh_CN').items():
            super(ResPartnerNotify, partners.with_context(lang=lang, **context))._notify(
                message, force_send=force_send, send_after_commit=send_after_commit,
                user_signature=user_signature)
        return True

    def _crm_custom_layout(self):
        """The notification layout a caller chose (an action sending a document), if it is
        one: a client's context naming anything else gets the CRM's."""
        layout = self.env.context.get('custom_layout')
        if not isinstance(layout, str) or '.' not in layout:
            return False
        template = self.env.ref(layout, raise_if_not_found=False)
        return template if template and template._name == 'mail.template' and \
            template.model_id.model == 'mail.message' else False
