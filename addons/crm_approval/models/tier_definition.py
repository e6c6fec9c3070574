# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

#: fields holding Python that runs when a document is submitted
PYTHON_FIELDS = ('python_code', 'reviewer_expression', 'definition_type', 'review_type')
PYTHON_TYPES = {'definition_type': 'formula', 'review_type': 'expression'}


class TierDefinition(models.Model):
    """Approval tiers. CRM administrators configure them with pickers: the document
    type (any model using ``crm.approval.mixin``), conditions (amount above, discount
    above, customer levels, teams; none set = always) and the reviewers (the owner's
    team leader, the leader above, a role or named users). Python (a formula condition
    or a reviewer expression) runs with the rights of whoever submits, and could reach
    ``sudo()``: only system administrators write it, and a tier runs its Python only
    if a system administrator wrote it (``crm_python_by_id``)."""
    _inherit = 'tier.definition'

    model_id = fields.Many2one(domain=lambda self: [
        ('model', 'in', self._get_tier_validation_model_names())])
    definition_type = fields.Selection(selection_add=[('crm_conditions', 'Conditions')],
                                       default='crm_conditions')
    review_type = fields.Selection(selection_add=[
        ('crm_leader', "Owner's team leader"), ('crm_leader_above', 'Leader above'),
        ('crm_users', 'Named users')], default='crm_leader')
    crm_amount_above = fields.Float('Amount above', digits=(16, 2),
                                    help='Only documents of a larger amount (0: any amount).')
    crm_discount_above = fields.Float('Discount above (%)', digits=(5, 2),
                                      help='Only documents with a larger discount (0: any).')
    crm_customer_level_ids = fields.Many2many(
        'crm.customer.level', 'crm_tier_definition_level_rel', 'definition_id', 'level_id',
        string='Customer levels', help='Only customers of these levels (empty: any).')
    crm_team_ids = fields.Many2many(
        'crm.team', 'crm_tier_definition_team_rel', 'definition_id', 'team_id',
        string='Teams', help='Only documents of these teams or their sub-teams (empty: any).')
    crm_reviewer_user_ids = fields.Many2many(
        'res.users', 'crm_tier_definition_user_rel', 'definition_id', 'user_id',
        string='Named reviewers')
    crm_python_by_id = fields.Many2one('res.users', 'Python Written by', readonly=True,
                                       copy=False)

    @api.model
    def _get_tier_validation_model_names(self):
        res = super(TierDefinition, self)._get_tier_validation_model_names()
        return res + [name for name in self._crm_approval_model_names() if name not in res]

    @api.model
    def _crm_approval_model_names(self):
        """The models approved through ``crm.approval.mixin`` (approval requests,
        contracts, payments, quotations and whatever later modules build on it)."""
        mixin = self.env.registry['crm.approval.mixin']
        return sorted(
            name for name, cls in self.env.registry.items()
            if not cls._abstract and issubclass(cls, mixin))

    @api.onchange('review_type')
    def onchange_review_type(self):
        super(TierDefinition, self).onchange_review_type()
        self.crm_reviewer_user_ids = False

    @api.model
    def _crm_is_system(self, user):
        return user.id == SUPERUSER_ID or user.has_group('base.group_system')

    def _crm_python_changed(self, vals, records=None):
        """True when ``vals`` change Python code or switch a tier to a Python condition
        or reviewer (blank code and comments only, as the form's defaults, are inert)."""
        def unchanged(name):
            return bool(records) and all(rec[name] == vals[name] for rec in records)
        for name, kind in PYTHON_TYPES.items():
            if vals.get(name) == kind and not unchanged(name):
                return True
        for name in ('python_code', 'reviewer_expression'):
            if name in vals and not self._crm_inert(vals[name]) and not unchanged(name):
                return True
        return False

    @api.model
    def _crm_inert(self, code):
        return all(not line.strip() or line.strip().startswith('#')
                   for line in ('%s' % (code or '')).splitlines())

    def _crm_check_python_write(self, vals, records=None):
        if not self._crm_python_changed(vals, records):
            return {}
        if not self._crm_is_system(self.env.user):
            raise AccessError(_('Only a system administrator may write Python in an approval '
                                'tier (a formula condition or a reviewer expression): use a '
                                'domain condition and a reviewer or reviewer group.'))
        return {'crm_python_by_id': self.env.uid}

    @api.model
    def create(self, vals):
        if 'crm_python_by_id' in vals and self.env.uid != SUPERUSER_ID:
            vals = {k: v for k, v in vals.items() if k != 'crm_python_by_id'}
        vals = dict(vals, **self._crm_check_python_write(vals))
        return super(TierDefinition, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'crm_python_by_id' in vals and self.env.uid != SUPERUSER_ID:
            vals = {k: v for k, v in vals.items() if k != 'crm_python_by_id'}
        vals = dict(vals, **self._crm_check_python_write(vals, self))
        return super(TierDefinition, self).write(vals)

    def _crm_check_python_author(self):
        """Refuse to run the Python of a tier that no system administrator wrote."""
        for tier in self.sudo():
            uses_python = tier.definition_type == 'formula' or tier.review_type == 'expression'
            author = tier.crm_python_by_id or tier.write_uid
            if uses_python and not self._crm_is_system(author):
                raise UserError(_('The approval tier "%s" has Python that was not written by a '
                                  'system administrator, so it is not run: ask a system '
                                  'administrator to check and save it.') % tier.name)
