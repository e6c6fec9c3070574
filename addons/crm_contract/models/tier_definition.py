# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

APPROVAL_MODELS = ('crm.contract', 'crm.receivable')
#: fields holding Python that runs when a document is submitted
PYTHON_FIELDS = ('python_code', 'reviewer_expression', 'definition_type', 'review_type')
PYTHON_TYPES = {'definition_type': 'formula', 'review_type': 'expression'}


class TierDefinition(models.Model):
    """Approval tiers. CRM administrators configure conditions as domains and reviewers
    as users or groups; Python (a formula condition or a reviewer expression) runs with
    the rights of whoever submits, and could reach ``sudo()``: only system
    administrators write it, and a tier runs its Python only if a system administrator
    wrote it (``crm_python_by_id``)."""
    _inherit = 'tier.definition'

    crm_python_by_id = fields.Many2one('res.users', 'Python Written by', readonly=True,
                                       copy=False)

    @api.model
    def _get_tier_validation_model_names(self):
        res = super(TierDefinition, self)._get_tier_validation_model_names()
        return res + list(APPROVAL_MODELS)

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
