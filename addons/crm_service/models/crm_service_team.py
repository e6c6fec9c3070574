# -*- coding: utf-8 -*-
import ast

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

OPEN_STATES = ('new', 'assigned', 'in_progress')


class CrmServiceTeam(models.Model):
    """A service team: its agents, its manager (who gets reopened tickets and SLA
    breaches), how new tickets are assigned, the working-hours calendar the SLA is
    measured in, and an e-mail alias creating tickets from incoming mail."""
    _name = 'crm.service.team'
    _description = 'Service Team'
    _inherit = ['mail.alias.mixin']
    _order = 'sequence, id'

    name = fields.Char('Service Team', required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer('Color Index')
    manager_id = fields.Many2one('res.users', string='Service Manager', required=True,
                                 default=lambda self: self.env.user)
    member_ids = fields.Many2many('res.users', 'crm_service_team_member_rel', 'team_id', 'user_id',
                                  string='Agents')
    assign_method = fields.Selection([
        ('manual', 'Manual (by the service manager)'),
        ('round_robin', 'Round-robin'),
        ('least_open', 'Fewest open tickets'),
    ], string='Assignment', required=True, default='manual')
    last_assigned_user_id = fields.Many2one('res.users', string='Last Assigned Agent', readonly=True)
    resource_calendar_id = fields.Many2one(
        'resource.calendar', string='Working Hours', required=True,
        default=lambda self: self.env.ref('crm_service.calendar_service', raise_if_not_found=False)
        or self.env.user.company_id.resource_calendar_id,
        help='SLA targets are measured in the working hours of this calendar.')
    tz = fields.Selection('_tz_get', string='Timezone', required=True, default='Asia/Shanghai',
                          help='Timezone of the working hours.')
    alias_id = fields.Many2one('mail.alias', string='Alias', ondelete='restrict', required=True,
                               help='Incoming e-mail to this address creates a ticket for the team.')
    ticket_ids = fields.One2many('crm.service.ticket', 'team_id', string='Tickets')
    open_ticket_count = fields.Integer('Open Tickets', compute='_compute_open_ticket_count')

    @api.model
    def _tz_get(self):
        return self.env['res.partner']._fields['tz'].selection(self.env['res.partner'])

    @api.constrains('manager_id', 'member_ids')
    def _check_members(self):
        for team in self:
            if not team.member_ids and team.assign_method != 'manual':
                raise ValidationError(_('Team "%s" assigns tickets automatically: add at least '
                                        'one agent.') % team.name)

    def _compute_open_ticket_count(self):
        counts = self.env['crm.service.ticket']._counts_by('team_id', self.ids, [('state', 'in', OPEN_STATES)])
        for team in self:
            team.open_ticket_count = counts.get(team.id, 0)

    # ------------------------------------------------------------------ alias
    def get_alias_model_name(self, vals):
        return 'crm.service.ticket'

    def get_alias_values(self):
        values = super(CrmServiceTeam, self).get_alias_values()
        defaults = ast.literal_eval(self.alias_defaults or '{}')
        defaults.update({'team_id': self.id, 'channel': 'email'})
        values['alias_defaults'] = repr(defaults)
        return values

    # ------------------------------------------------------------------ assignment
    def _next_assignee(self):
        """The agent the team's rule picks for the next ticket (empty for manual
        assignment or a team without agents)."""
        self.ensure_one()
        members = self.member_ids.filtered('active').sorted('id')
        if self.assign_method == 'manual' or not members:
            return self.env['res.users']
        if self.assign_method == 'round_robin':
            last = self.last_assigned_user_id
            later = members.filtered(lambda u: u.id > last.id) if last else members
            return (later or members)[0]
        data = self.env['crm.service.ticket'].sudo().read_group(
            [('user_id', 'in', members.ids), ('state', 'in', ('assigned', 'in_progress'))],
            ['user_id'], ['user_id'])
        load = {d['user_id'][0]: d['user_id_count'] for d in data}
        return min(members, key=lambda u: (load.get(u.id, 0), u.id))
