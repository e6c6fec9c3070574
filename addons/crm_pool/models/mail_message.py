# -*- coding: utf-8 -*-
from odoo import _, api, models

from odoo.addons.crm_sales.models.crm_guard import export_rows_masked

from .res_partner_mask import POOL_HIDDEN_VALUE

MASKED_MESSAGE_FIELDS = ('body', 'email_from', 'reply_to')


class MailMessage(models.Model):
    """The chatter of a pool customer (and of its contacts) carries its contact data too
    (follow-up notes, e-mails): a salesperson who may not see the customer's contact data
    reads it masked, through the chatter (message_format reads through ``read``), a
    direct read and an export."""
    _inherit = 'mail.message'

    def _pool_masked_message_ids(self):
        ids = [i for i in self.ids if isinstance(i, int)]
        if not ids or self.env['res.partner']._pool_sees_contact_data():
            return set()
        self.env.cr.execute("SELECT id, res_id FROM mail_message WHERE id IN %s AND "
                            "model = 'res.partner' AND res_id IS NOT NULL", (tuple(ids),))
        partner_msgs = {}
        for msg_id, res_id in self.env.cr.fetchall():
            partner_msgs.setdefault(res_id, []).append(msg_id)
        if not partner_msgs:
            return set()
        masked = self.env['res.partner']._pool_masked_partner_ids(list(partner_msgs))
        return {mid for pid in masked for mid in partner_msgs[pid]}

    def _pool_masked_body(self):
        return '<p><i>%s</i></p>' % _('Hidden while the customer is in the public pool: '
                                        'claim it to read its history.')

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        result = super(MailMessage, self).read(fields=fields, load=load)
        masked = self._pool_masked_message_ids() if result else set()
        for values in result:
            if values['id'] in masked:
                for fname in MASKED_MESSAGE_FIELDS:
                    if values.get(fname):
                        values[fname] = (self._pool_masked_body() if fname == 'body'
                                         else POOL_HIDDEN_VALUE)
        return result

    def _export_rows(self, fields, *args, **kwargs):
        cols = [i for i, path in enumerate(fields)
                if len(path) == 1 and path[0] in MASKED_MESSAGE_FIELDS]
        masked = self._pool_masked_message_ids() if cols else set()
        return export_rows_masked(
            self, lambda recs: super(MailMessage, recs)._export_rows(fields, *args, **kwargs),
            dict.fromkeys(masked, cols), POOL_HIDDEN_VALUE)
