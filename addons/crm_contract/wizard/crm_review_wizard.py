# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.tier_definition import APPROVAL_MODELS


class CrmReviewWizard(models.TransientModel):
    """Approve with a comment or reject with a required reason."""
    _name = 'crm.review.wizard'
    _description = 'Approve or Reject'

    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    decision = fields.Selection([('approve', 'Approve'), ('reject', 'Reject')],
                                required=True, default='approve')
    comment = fields.Text('Comment / Reason')
    document = fields.Char('Document', compute='_compute_document')

    @api.depends('res_model', 'res_id')
    def _compute_document(self):
        for wizard in self:
            wizard.document = wizard._document().display_name if wizard.res_model in \
                APPROVAL_MODELS else False

    def _document(self):
        if self.res_model not in APPROVAL_MODELS:
            raise UserError(_('Only contracts and payments are approved here.'))
        doc = self.env[self.res_model].browse(self.res_id).exists()
        if not doc:
            raise UserError(_('The document to review does not exist any more.'))
        return doc

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        doc = self._document()
        if self.decision == 'reject':
            doc.action_reject(self.comment)
        else:
            doc.action_approve(self.comment)
        return {'type': 'ir.actions.act_window_close'}
