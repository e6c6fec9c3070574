# -*- coding: utf-8 -*-
"""Who handles a ticket: assigning and reassigning (分配 / 转派) by a service manager or
the leader of the ticket's service team, to a service user, recorded in the chatter by
the person who decided."""
from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_sales.grant import grant

from .crm_service_team import OPEN_STATES


class CrmServiceTicketAssign(models.Model):
    _inherit = 'crm.service.ticket'

    # ------------------------------------------------------------------ checks
    def _compute_can_assign(self):
        manager = self.env.user._crm_is_service_manager()
        for ticket in self:
            ticket.can_assign = manager or (ticket.id and ticket._crm_may_assign())

    def _crm_leads_ticket_team(self, user):
        """True if ``user`` leads the service team of every ticket of ``self``."""
        return bool(self) and all(t.sudo().team_id.manager_id == user for t in self)

    def _crm_may_assign(self):
        """Service managers assign every ticket; a service team's leader (its manager)
        the tickets of that team."""
        user = self.env.user
        if user._is_superuser() or user._crm_is_service_manager():
            return True
        return user._crm_is_service_agent() and self._crm_leads_ticket_team(user)

    def _check_may_assign(self, team=None):
        if not self._crm_may_assign():
            raise AccessError(_('Only a service manager may assign tickets (a service team\'s leader: '
                                'the tickets of that team).'))
        user = self.env.user
        if team and not (user._is_superuser() or user._crm_is_service_manager()) and team.manager_id != user:
            raise AccessError(_('You may only hand tickets over within the service teams you lead: '
                                'ask a service manager to move them to "%s".') % team.name)
        self.check_access_rule('read')

    @api.model
    def _check_handler(self, user):
        """A ticket is handled by a service user (agent or service manager)."""
        if not user.active or user.share or not user._crm_is_service_agent():
            raise UserError(_('%s is not a service agent: choose a member of a service team.')
                            % user.name)

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_assign(self, user_id=False, team_id=False):
        """Assign the tickets to ``user_id`` (and ``team_id``); without a user, the
        team's rule picks one. Service managers only (agents take new tickets of their
        teams with ``action_take``)."""
        Guard = self.env['crm.guard']
        user = Guard._arg_record('res.users', user_id, _('the handler')) if user_id else self.env['res.users']
        team = Guard._arg_record('crm.service.team', team_id, _('the service team')) if team_id else None
        self._check_may_assign(team)
        if user:
            self._check_handler(user)
        self._check_state(('new', 'assigned', 'in_progress'),
                          _('Ticket %(ticket)s is %(state)s: only open tickets can be assigned.'))
        for ticket in self:
            target_team = team if team is not None else ticket.team_id
            if not user:
                if not target_team:
                    raise UserError(_('Ticket %s has no service team: choose a handler.') % ticket.number)
                picked = target_team._next_assignee()
                if not picked:
                    raise UserError(_('Service team "%s" has no agent to assign to.') % target_team.name)
            else:
                picked = user
            ticket._do_assign(picked, target_team, by=self.env.user)
        return True

    @api.multi
    def action_assign_by_rule(self):
        """The form's button: the team's rule picks the handler (a button method takes no
        argument: the web client passes its context in the first one)."""
        return self.action_assign()

    def _do_assign(self, user, team, reason=False, by=None):
        """Hand the ticket to ``user``; ``by``: the person who decided (a manual
        assignment), who signs the one chatter note saying who handled it before."""
        self.ensure_one()
        previous, previous_team = self.user_id, self.team_id
        vals = {'user_id': user.id, 'assigned_at': self._now()}
        if team:
            vals['team_id'] = team.id
        if self.state == 'new':
            vals['state'] = 'assigned'
        # the note below says what changed, by whom: no tracking message by the superuser
        writer = self.sudo().with_context(mail_notrack=True)
        (grant(writer, assigned_by=by) if by else writer)._flow_write(vals)
        if team and team.assign_method == 'round_robin':
            team.sudo().last_assigned_user_id = user
        note = self._assign_note(previous, user, previous_team, team, reason)
        author = {'author_id': by.partner_id.id} if by else {}
        self.sudo().message_post(body=note, subtype='mail.mt_note', **author)
        self.sudo().message_subscribe_users(user_ids=user.ids)

    def _auto_assign(self):
        for ticket in self.sudo():
            if ticket.state == 'new' and ticket.team_id:
                user = ticket.team_id._next_assignee()
                if user:
                    ticket._do_assign(user, ticket.team_id)

    @api.multi
    def action_reassign(self, user_id, team_id=False, reason=False):
        """Assign or reassign (转派) open tickets to the service user ``user_id``, moving
        them to ``team_id`` if given, with an optional ``reason`` for the chatter."""
        if not self:
            raise UserError(_('Choose the tickets to assign.'))
        Guard = self.env['crm.guard']
        user = Guard._arg_record('res.users', user_id, _('the handler'))
        team = Guard._arg_record('crm.service.team', team_id, _('the service team')) if team_id else None
        reason = Guard._arg_text(reason, _('the reason'), required=False, max_len=2000)
        self._check_may_assign(team)
        self._check_handler(user)
        self._check_state(OPEN_STATES, _('Ticket %(ticket)s is %(state)s: only open tickets can be '
                                         'assigned.'))
        for ticket in self:
            if ticket.user_id == user and (team is None or team == ticket.team_id):
                raise UserError(_('Ticket %s is already handled by %s.') % (ticket.number, user.name))
        for ticket in self:
            ticket._do_assign(user, team if team is not None else ticket.team_id, reason=reason,
                              by=self.env.user)
        return True

    def _assign_note(self, previous, user, previous_team, team, reason):
        if previous:
            note = _('Reassigned from %s to %s.') % (previous.name, user.name)
        else:
            note = _('Assigned to %s.') % user.name
        if team and team != previous_team:
            note += ' ' + _('Service team: %s.') % team.name
        if reason:
            note += ' ' + _('Reason: %s') % reason
        return note

    # ------------------------------------------------------------------ assignment e-mail
    def _crm_assignment_label(self):
        return _('%s "%s"') % (self.number, self.name)
