# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.crm_sales.grant import granted

#: reviewer kinds of tier.definition resolved by the document (crm.approval.mixin)
CRM_REVIEW_TYPES = ('crm_leader', 'crm_leader_above', 'crm_users')


class TierReview(models.Model):
    """Reviews of contracts and payments: the approval comment, whose turn it is, and
    the document's owner and team (for the record rules). Only the approval actions of
    ``crm.approval.mixin`` create or change them (the ``approval`` grant)."""
    _inherit = 'tier.review'
    _order = 'res_id, sequence, id'

    status = fields.Selection(selection_add=[('returned', 'Returned')])
    crm_status = fields.Selection([
        ('pending', 'Awaiting Decision'), ('approved', 'Approved'), ('rejected', 'Rejected'),
        ('returned', 'Returned')], 'Status', compute='_compute_crm_status',
        help="The review's status as the CRM screens name it.")
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

    def _compute_crm_status(self):
        for review in self:
            review.crm_status = review.status

    def _get_reviewers(self):
        """Reviewers picked without Python (the owner's team leader, the leader above,
        named users) are resolved by the document."""
        users = super(TierReview, self)._get_reviewers()
        definition = self.definition_id
        if definition.review_type in CRM_REVIEW_TYPES and self.model in self.env \
                and self.res_id:
            doc = self.env[self.model].sudo().browse(self.res_id).exists()
            if doc and hasattr(doc, '_crm_tier_reviewers'):
                users |= doc._crm_tier_reviewers(definition)
        return users

    @api.multi
    @api.depends('definition_id.reviewer_expression', 'review_type', 'model', 'res_id')
    def _compute_python_reviewer_ids(self):
        self.mapped('definition_id')._crm_check_python_author()
        return super(TierReview, self)._compute_python_reviewer_ids()

    def _crm_guarded(self, models_):
        if self.env.uid == SUPERUSER_ID or granted(self, 'approval'):
            return False
        approval_models = self.env['tier.definition']._crm_approval_model_names()
        return any(m in approval_models for m in models_)

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
