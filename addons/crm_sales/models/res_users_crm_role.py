# -*- coding: utf-8 -*-
from odoo import _, models
from odoo.exceptions import AccessError


class ResUsers(models.Model):
    """The one role API of the CRM: every module asks these instead of ``has_group``.

    Roles (crm_sales' five groups): salesperson < team leader < sales manager < CRM
    administrator, and the read-only executive beside them. The superuser has every
    working role."""
    _inherit = 'res.users'

    def _crm_in_group(self, name):
        self.ensure_one()
        return self._is_superuser() or self.has_group('crm_sales.group_crm_%s' % name)

    def _crm_is_salesperson(self):
        """Any working CRM role (salesperson, leader, manager, administrator)."""
        return self._crm_in_group('salesman')

    def _crm_is_leader(self):
        """Team leader or above."""
        return self._crm_in_group('leader')

    def _crm_is_manager(self):
        """Sales manager or above: sees and changes everything."""
        return self._crm_in_group('manager')

    def _crm_is_admin(self):
        """CRM administrator: configuration."""
        return self._crm_in_group('admin')

    def _crm_is_executive(self):
        """The read-only executive."""
        self.ensure_one()
        return self.has_group('crm_sales.group_crm_executive')

    def _crm_leads_team(self, team):
        """True if this user leads ``team`` (crm.team.user_id) or a team above it
        (crm.team.parent_id): a leader acts for the members of the teams below her."""
        self.ensure_one()
        if not team:
            return False
        led = self.env['crm.team'].sudo().search([('user_id', '=', self.id)])
        return team.sudo() in led._crm_team_and_below()

    def _crm_teams(self):
        """The sales teams this user belongs to: their team and the teams they lead."""
        self.ensure_one()
        user = self.sudo()
        return user.sale_team_id | self.env['crm.team'].sudo().search([('user_id', '=', user.id)])

    def _crm_may_use_team(self, team, owner=None):
        """True when this user may file a record of ``owner`` (default: this user) under
        ``team``: a sales manager under any team, anyone else only under a team of the
        owner's (``_crm_teams``)."""
        self.ensure_one()
        if not team or self._crm_is_manager():
            return True
        return team in (owner or self)._crm_teams()

    def _crm_data_scope(self):
        """The data-scope level of this user's CRM roles (crm.role.scope, set by the CRM
        administrator): 'own', 'own_shared', 'team', 'team_below', 'all', or False for a
        user without a working CRM role. Sales managers, administrators and the
        superuser see everything."""
        self.ensure_one()
        if self._crm_is_manager():
            return 'all'
        return self.env['crm.role.scope']._level_of_groups(self.sudo().groups_id)

    def _crm_scope_level(self):
        """'all' (a role whose data scope is all records: managers, administrators, the
        superuser), 'read_all' (executive: reads everything), 'scoped' (every narrower
        data scope) or 'none' (not a CRM user: the CRM data scope does not apply)."""
        self.ensure_one()
        if self._crm_is_salesperson() and self._crm_data_scope() == 'all':
            return 'all'
        if self._crm_is_executive():
            return 'read_all'
        return 'scoped' if self._crm_is_salesperson() else 'none'

    def _crm_can_act(self):
        """True for users who may change CRM data (salespeople, leaders, managers,
        administrators); False for the read-only executive and non-CRM users."""
        self.ensure_one()
        return self._crm_scope_level() in ('all', 'scoped')

    def _crm_check_can_act(self):
        """Public actions that write through sudo() or SQL call this first: the ACLs they
        bypass would otherwise let a read-only role act."""
        if not self._crm_can_act():
            raise AccessError(_('%s can read the CRM but not change it: this action needs a '
                                'salesperson, team leader or sales manager.') % self.name)
        return True
