# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.crm_sales.grant import granted

from .tier_definition import APPROVAL_MODELS


class TierReview(models.Model):
    """Reviews of contracts and payments: the approval comment, whose turn it is, and
    the document's owner and team (for the record rules). Only the approval actions of
    ``crm.approval.mixin`` create or change them (the ``approval`` grant)."""
    _inherit = 'tier.review'
    _order = 'res_id, sequence, id'

    comment = fields.Text('Comment', readonly=True)
    crm_turn = fields.Boolean('Turn to Review', readonly=True, index=True,
                              help='This tier is the one waiting for its reviewers now.')
    crm_owner_id = fields.Many2one('res.users', 'Document Owner', readonly=True, index=True)
    crm_team_id = fields.Many2one('crm.team', 'Document Team', readonly=True, index=True)
    crm_document = fields.Char('Document', compute='_compute_crm_document')

    def _compute_crm_document(self):
        for review in self:
            if review.model in self.env and review.res_id:
                doc = self.env[review.model].sudo().browse(review.res_id).exists()
                review.crm_document = doc.display_name if doc else False

    @api.multi
    @api.depends('definition_id.reviewer_expression', 'review_type', 'model', 'res_id')
    def _compute_python_reviewer_ids(self):
        self.mapped('definition_id')._crm_check_python_author()
        return super(TierReview, self)._compute_python_reviewer_ids()

    def _crm_guarded(self, models_):
        return (self.env.uid != SUPERUSER_ID and not granted(self, 'approval')
                and any(m in APPROVAL_MODELS for m in models_))

    def _crm_refuse(self):
        raise AccessError(_('Reviews of contracts and payments change only through the '
                            'approval buttons (submit, approve, reject).'))

    @api.model
    def create(self, vals):
        if self._crm_guarded([vals.get('model')]):
            self._crm_refuse()
        return super(TierReview, self).create(vals)

    @api.multi
    def write(self, vals):
        if self._crm_guarded(self.sudo().mapped('model') + [vals.get('model')]):
            self._crm_refuse()
        return super(TierReview, self).write(vals)

    @api.multi
    def unlink(self):
        if self._crm_guarded(self.sudo().mapped('model')):
            self._crm_refuse()
        return super(TierReview, self).unlink()
