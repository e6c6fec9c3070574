# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

DECISIONS = [
    ('approve', 'Approve'),
    ('reject', 'Reject'),
    ('return', 'Return'),
    ('handover', 'Hand Over'),
    ('add', 'Add Reviewer'),
]
#: decisions that need a comment / a colleague
NEED_COMMENT = ('reject', 'return')
NEED_USER = ('handover', 'add')


class CrmReviewWizard(models.TransientModel):
    """A reviewer's decision on the current tier: approve with a comment, reject or
    return with a required reason, hand over or add a reviewer. The document's actions
    check everything (the wizard is a form over them); afterwards the page reloads, so
    the to-do, the counters and the form show the new state."""
    _name = 'crm.review.wizard'
    _description = 'Review Decision'

    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    decision = fields.Selection(DECISIONS, 'Decision', required=True, default='approve')
    user_id = fields.Many2one(
        'res.users', 'Colleague',
        domain=lambda self: [('share', '=', False), ('groups_id', 'in', self.env.ref(
            'crm_sales.group_crm_salesman').ids)])
    comment = fields.Text('Comment / Reason')
    document = fields.Char('Document', compute='_compute_document')

    @api.depends('res_model', 'res_id')
    def _compute_document(self):
        for wizard in self:
            wizard.document = wizard._document().display_name if wizard._is_approval() \
                else False

    def _is_approval(self):
        return self.res_model in self.env['tier.definition']._crm_approval_model_names()

    def _document(self):
        if not self._is_approval():
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
        elif self.decision == 'return':
            doc.action_return(self.comment)
        elif self.decision == 'handover':
            doc.action_hand_over(self.user_id.id, self.comment)
        elif self.decision == 'add':
            doc.action_add_reviewer(self.user_id.id, self.comment)
        else:
            doc.action_approve(self.comment)
        # the whole page reloads: a to-do list or counter opened behind this dialog
        # shows the document gone from "waiting for my approval"
        return {'type': 'ir.actions.client', 'tag': 'reload'}
