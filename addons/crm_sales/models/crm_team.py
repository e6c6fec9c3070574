# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..grant import granted


class CrmTeam(models.Model):
    _inherit = 'crm.team'

    stage_group_id = fields.Many2one(
        'crm.stage.group', string='Status Group', index=True, ondelete='set null',
        help='Stages the opportunities of this team go through. Empty: the whole-company '
             'group if there is one, else Odoo\'s usual stages.')
    parent_id = fields.Many2one(
        'crm.team', string='Parent Team', index=True, ondelete='restrict',
        help='The team this one belongs to (a region over its groups). The leader of a '
             'team sees the records of every team below it.')
    child_ids = fields.One2many('crm.team', 'parent_id', string='Sub-teams')

    @api.constrains('parent_id')
    def _check_parent_id(self):
        if not self._check_recursion():
            raise ValidationError(_('A sales team cannot be placed below itself or below '
                                    'one of its own sub-teams.'))

    @api.multi
    def _crm_team_and_below(self):
        """These teams and every team below them, at any depth (archived ones too: their
        records stay in their leaders' scope)."""
        Team = self.sudo().with_context(active_test=False)
        teams = Team.browse(self.ids)
        level = teams
        while level:
            level = Team.search([('parent_id', 'in', level.ids)]) - teams
            teams |= level
        return self.browse(teams.ids)

    @api.multi
    def _crm_leaders_above(self):
        """The leaders of the teams above this one, nearest first (for approvals:
        "the leader above")."""
        self.ensure_one()
        leaders = self.env['res.users']
        team = self.sudo().parent_id
        seen = self.sudo()
        while team and team not in seen:
            leaders |= team.user_id
            seen |= team
            team = team.parent_id
        return leaders

    @api.model
    def create(self, vals):
        team = super(CrmTeam, self).create(vals)
        # rules use the teams a user leads (res.users.crm_led_team_ids)
        self.env['ir.rule'].clear_caches()
        return team

    @api.multi
    def write(self, vals):
        res = super(CrmTeam, self).write(vals)
        if {'user_id', 'active', 'parent_id'} & set(vals):
            self.env['ir.rule'].clear_caches()
        if 'stage_group_id' in vals and self and \
                not granted(self, 'stage_group_inverse'):
            self.env['crm.stage.group']._check_single_company_wide()
            self.env['crm.stage.group']._resync_opportunities()
        return res

    @api.multi
    def unlink(self):
        res = super(CrmTeam, self).unlink()
        self.env['ir.rule'].clear_caches()
        return res
