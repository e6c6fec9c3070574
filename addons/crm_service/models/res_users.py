# -*- coding: utf-8 -*-
from odoo import models


class ResUsers(models.Model):
    """The service roles, beside crm_sales' role API (``_crm_is_*``): modules ask these
    instead of ``has_group``."""
    _inherit = 'res.users'

    def _crm_is_service_agent(self):
        """Service agent or service manager: works on the tickets of their teams."""
        self.ensure_one()
        return self.has_group('crm_service.group_crm_service_agent')

    def _crm_is_service_manager(self):
        """Service manager: every ticket, assignment, service settings."""
        self.ensure_one()
        return self.has_group('crm_service.group_crm_service_manager')

    def _crm_home_action(self):
        """Service staff without a sales or executive role land on their tickets."""
        action = super(ResUsers, self)._crm_home_action()
        if not action and self._crm_is_service_agent():
            return 'crm_service.crm_service_ticket_action_mine'
        return action
