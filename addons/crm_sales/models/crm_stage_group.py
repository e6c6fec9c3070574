# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..grant import grant


class CrmStageGroup(models.Model):
    """A status group (商机状态组): the ordered stages an opportunity of the group's
    teams goes through. A group without teams is used by the whole company (every team
    that is not in another group)."""
    _name = 'crm.stage.group'
    _description = 'Opportunity Status Group'
    _order = 'sequence, id'

    name = fields.Char('Status Group', required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    team_ids = fields.Many2many(
        'crm.team', string='Teams', compute='_compute_team_ids', inverse='_inverse_team_ids',
        search='_search_team_ids',
        help='Sales teams whose opportunities use this group. Leave empty to use it for '
             'the whole company (every team that is not in another group).')
    stage_ids = fields.One2many(
        'crm.stage', 'stage_group_id', string='Stages',
        help='Stages in the order an opportunity goes through them; the win rate of a '
             'stage is its probability.')
    stage_count = fields.Integer(compute='_compute_stage_count')
    company_wide = fields.Boolean(compute='_compute_stage_count', string='Whole Company')

    def _compute_team_ids(self):
        teams = self.env['crm.team'].sudo().search([('stage_group_id', 'in', self.ids)])
        for group in self:
            group.team_ids = teams.filtered(lambda t: t.stage_group_id == group)

    def _inverse_team_ids(self):
        Team = self.env['crm.team'].sudo()
        Team = grant(Team, 'stage_group_inverse')
        for group in self:
            current = Team.search([('stage_group_id', '=', group.id)])
            wanted = group.team_ids
            if wanted - current:
                Team.browse((wanted - current).ids).write({'stage_group_id': group.id})
            if current - wanted:
                Team.browse((current - wanted).ids).write({'stage_group_id': False})
        self._check_single_company_wide()
        self._resync_opportunities()

    def _search_team_ids(self, operator, value):
        if operator in ('=', '!=') and value is False:
            used = self.env['crm.team'].sudo().search([('stage_group_id', '!=', False)])
            op = 'not in' if operator == '=' else 'in'
            return [('id', op, used.mapped('stage_group_id').ids)]
        teams = self.env['crm.team'].sudo().search([('id', operator, value)])
        return [('id', 'in', teams.mapped('stage_group_id').ids)]

    @api.depends('stage_ids')
    def _compute_stage_count(self):
        for group in self:
            group.stage_count = len(group.stage_ids)
            group.company_wide = not group.team_ids

    def _check_single_company_wide(self):
        wide = self.search([('team_ids', '=', False)])
        if len(wide) > 1:
            raise ValidationError(_(
                'Only one status group can be used by the whole company (without teams): '
                '%s. Choose the teams of the other groups.') % _(', ').join(wide.mapped('name')))

    @api.model
    def _company_wide_group(self):
        return self.search([('team_ids', '=', False)], limit=1)

    @api.model
    def _group_for_team(self, team):
        """Status group that opportunities of ``team`` (a crm.team record or id, may be
        empty) use: the team's own group, else the whole-company group, else none."""
        if isinstance(team, int):
            team = self.env['crm.team'].browse(team)
        if team and team.sudo().stage_group_id:
            return team.sudo().stage_group_id
        return self.sudo()._company_wide_group()

    def _resync_opportunities(self):
        """Recompute the stored group of opportunities after groups/teams changed."""
        leads = self.env['crm.lead'].sudo().with_context(active_test=False).search(
            [('type', '=', 'opportunity')])
        field = leads._fields['stage_group_id']
        self.env.add_todo(field, leads)
        leads.recompute()
        leads._crm_move_to_group_stage()

    @api.model
    def create(self, vals):
        group = super(CrmStageGroup, self).create(vals)
        group._check_single_company_wide()
        group._resync_opportunities()
        return group

    @api.multi
    def write(self, vals):
        res = super(CrmStageGroup, self).write(vals)
        if 'team_ids' in vals or 'active' in vals:
            self._check_single_company_wide()
            self._resync_opportunities()
        return res

    @api.multi
    def unlink(self):
        used = self.env['crm.lead'].sudo().with_context(active_test=False).search_count(
            [('stage_group_id', 'in', self.ids)])
        if used:
            raise ValidationError(_(
                'This status group is used by %d opportunities and cannot be deleted; '
                'archive it instead.') % used)
        res = super(CrmStageGroup, self).unlink()
        self.env['crm.stage.group']._resync_opportunities()
        return res
