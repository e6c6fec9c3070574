# -*- coding: utf-8 -*-
from odoo import api, models

from odoo.addons.crm_sales.grant import granted


class MailMessage(models.Model):
    """A reply held for staff (``crm.service.ticket._crm_hold_reply``) lists no
    recipients: the mail gateway writes the partners of the mail's To / Cc on the message
    it posted, which would let a contact the sender copied read the note."""
    _inherit = 'mail.message'

    @api.multi
    def write(self, vals):
        if granted(self, 'held_reply') and isinstance(vals, dict) and 'partner_ids' in vals:
            vals = dict(vals)
            del vals['partner_ids']
            if not vals:
                return True
        return super(MailMessage, self).write(vals)
