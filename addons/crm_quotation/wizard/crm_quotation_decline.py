# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmQuotationDecline(models.TransientModel):
    """The customer's reason for declining a quote (a form over ``action_decline``,
    which checks everything)."""
    _name = 'crm.quotation.decline.wizard'
    _description = 'Quotation Declined'

    quotation_id = fields.Many2one('crm.quotation', 'Quotation', required=True,
                                   ondelete='cascade')
    reason = fields.Text('Reason', required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        if not self.quotation_id.exists():
            raise UserError(_('The quotation does not exist any more.'))
        self.quotation_id.action_decline(self.reason)
        return {'type': 'ir.actions.client', 'tag': 'reload'}
