# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class CrmServiceAssignWizard(models.TransientModel):
    """Assign or reassign (分配 / 转派) tickets to a service user, from the form or the
    list. The checks are the ticket's (``action_reassign``): the wizard only asks."""
    _name = 'crm.service.assign.wizard'
    _description = 'Assign Service Tickets'

    @api.model
    def _active_ticket_ids(self):
        context = self.env.context
        ids = context.get('active_ids') if context.get('active_model') == 'crm.service.ticket' else None
        if not isinstance(ids, (list, tuple)):
            return []
        return [i for i in ids if isinstance(i, int) and not isinstance(i, bool)]

    @api.model
    def _default_ticket_ids(self):
        return [(6, 0, self._active_ticket_ids())]

    @api.model
    def _default_team_id(self):
        teams = self.env['crm.service.ticket'].browse(self._active_ticket_ids()).exists().mapped('team_id')
        return teams.id if len(teams) == 1 else False

    def _domain_user_id(self):
        return [('share', '=', False),
                ('groups_id', 'in', self.env.ref('crm_service.group_crm_service_agent').id)]

    ticket_ids = fields.Many2many('crm.service.ticket', string='Tickets', required=True,
                                  default=_default_ticket_ids)
    team_id = fields.Many2one('crm.service.team', string='Service Team', default=_default_team_id,
                              help='Leave it to keep each ticket in its team.')
    user_id = fields.Many2one('res.users', string='Handler', required=True, domain=_domain_user_id)
    reason = fields.Text('Reason', help='Why the ticket changes hands (shown in its history).')

    @api.onchange('team_id')
    def _onchange_team_id(self):
        if self.team_id and self.user_id and self.user_id not in self.team_id.member_ids | self.team_id.manager_id:
            self.user_id = False
        members = (self.team_id.member_ids | self.team_id.manager_id).ids if self.team_id else False
        domain = self._domain_user_id() + ([('id', 'in', members)] if members else [])
        return {'domain': {'user_id': domain}}

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.ticket_ids.action_reassign(self.user_id.id, self.team_id.id or False, self.reason or False)
        numbers = ', '.join(self.ticket_ids.mapped('number'))
        return self.env['crm.notify'].done(_('%s assigned to %s.') % (numbers, self.user_id.name))
