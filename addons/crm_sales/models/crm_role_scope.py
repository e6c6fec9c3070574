# -*- coding: utf-8 -*-
from odoo import api, fields, models

SCOPE_LEVELS = [
    ('own', 'Own records'),
    ('own_shared', 'Own and shared records'),
    ('team', 'Own team'),
    ('team_below', 'Own team and every team below'),
    ('all', 'All records'),
]
SCOPE_ORDER = [code for code, _label in SCOPE_LEVELS]


class CrmRoleScope(models.Model):
    """The data scope of a CRM role, set as data by the CRM administrator (yudao's
    levels). A user's scope is the widest level of the roles (groups) they hold; the
    record rules of every scoped model read it through res.users (crm_led_team_ids,
    _crm_share_uids, _crm_scope_all_domain), so no module writes its own scope code."""
    _name = 'crm.role.scope'
    _description = 'Data Scope of a CRM Role'
    _order = 'sequence, id'

    group_id = fields.Many2one('res.groups', 'Role', required=True, ondelete='cascade',
                               readonly=True)
    sequence = fields.Integer(default=10)
    level = fields.Selection(SCOPE_LEVELS, 'Data Scope', required=True, default='own_shared',
                             help='Own records: what the user owns. Own and shared: also '
                                  'what colleagues share with them. Own team: every record '
                                  'of their sales team. Own team and below: also every team '
                                  'below it in the organisation tree. All: everything.')

    _sql_constraints = [('group_uniq', 'unique (group_id)',
                         'A role has one data scope.')]

    @api.model
    def create(self, vals):
        res = super(CrmRoleScope, self).create(vals)
        self.env['ir.rule'].clear_caches()
        return res

    @api.multi
    def write(self, vals):
        res = super(CrmRoleScope, self).write(vals)
        self.env['ir.rule'].clear_caches()
        return res

    @api.multi
    def unlink(self):
        res = super(CrmRoleScope, self).unlink()
        self.env['ir.rule'].clear_caches()
        return res

    @api.model
    def _level_of_groups(self, groups):
        """The widest level among ``groups``; False when none of them is a CRM role."""
        levels = self.sudo().search([('group_id', 'in', groups.ids)]).mapped('level')
        return max(levels, key=SCOPE_ORDER.index) if levels else False
