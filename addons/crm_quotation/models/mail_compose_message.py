# -*- coding: utf-8 -*-
from odoo import api, models


class MailComposeMessage(models.TransientModel):
    """Sending a quote with its e-mail template (*Send by E-mail*) marks it sent.

    What decides is the composer's own record -- the quote (``model`` / ``res_id``) and
    the template chosen -- never a context key: the quote is marked sent by
    ``action_send`` itself, with its checks (the user may edit it, it is approved and
    still valid), before anything is posted, so a composer a client fills in by hand
    sends nothing ``action_send`` would refuse, and a message posted on a quote marks
    nothing. The e-mail goes to the recipients chosen in the composer only (subtype
    *Quotation sent*, which no follower gets by default: the link is the customer's),
    and the chatter's copy shows the link without its token."""
    _inherit = 'mail.compose.message'

    def _crm_quotation_sending(self):
        template = self.env['crm.quotation']._crm_send_template()
        return self.filtered(lambda w: template and w.template_id == template and
                             w.model == 'crm.quotation' and w.res_id and
                             w.composition_mode == 'comment' and not w.is_log)

    @api.multi
    def send_mail(self, auto_commit=False):
        sending = self._crm_quotation_sending()
        quotes = self.env['crm.quotation'].browse(sending.mapped('res_id'))
        if quotes:
            quotes.action_send()
            subtype = self.env.ref('crm_quotation.mt_quotation_sent')
            sending.write({'subtype_id': subtype.id})
        result = super(MailComposeMessage, self).send_mail(auto_commit=auto_commit)
        posted_on = self.env['crm.quotation'].browse(
            [w.res_id for w in self if w.model == 'crm.quotation' and w.res_id]).exists()
        if posted_on:
            messages = self.env['mail.message'].sudo().search([
                ('model', '=', 'crm.quotation'), ('res_id', 'in', posted_on.ids),
                ('body', 'like', '/crm/quotation/')])
            posted_on._crm_mask_token(messages)
        return result
