# -*- coding: utf-8 -*-
from odoo import api, models


class CrmLead(models.Model):
    _name = 'crm.lead'
    _inherit = ['crm.lead', 'crm.share.mixin']
    _crm_share_column = 'lead_id'

    @api.model
    def _crm_sales_restrict_default_rules(self):
        """Unassigned leads: leaders (their teams') and managers only."""
        from ..hooks import CRM_SALES_DOMAIN, set_personal_rule_domains
        set_personal_rule_domains(self.env, CRM_SALES_DOMAIN)
        return True
