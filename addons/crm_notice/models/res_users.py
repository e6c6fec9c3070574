# -*- coding: utf-8 -*-
from odoo import models


class ResUsers(models.Model):
    _inherit = 'res.users'

    def _crm_notice_team_ids(self):
        """Ids of the teams whose notices reach this user: her teams (``_crm_teams``:
        the team she belongs to and those she leads) and every team above them (a
        notice to a region reaches its groups). The record rules of crm.notice read it."""
        self.ensure_one()
        teams = self._crm_teams()
        seen = self.env['crm.team'].sudo()
        while teams - seen:
            seen |= teams
            teams = seen | seen.mapped('parent_id')
        return seen.ids

    def _crm_may_publish_notices(self):
        """Administrators, sales managers and team leaders publish notices (leaders to
        the teams they lead only)."""
        self.ensure_one()
        return self._crm_is_admin() or self._crm_is_manager() or self._crm_is_leader()
