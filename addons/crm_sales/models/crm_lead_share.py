# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmLead(models.Model):
    _name = 'crm.lead'
    _inherit = ['crm.lead', 'crm.share.mixin']

    share_read_user_ids = fields.Many2many(
        'res.users', 'crm_lead_share_read_rel', 'lead_id', 'user_id',
        string='Shared (read)', copy=False,
        help='Colleagues who can see this lead / opportunity.')
    share_write_user_ids = fields.Many2many(
        'res.users', 'crm_lead_share_write_rel', 'lead_id', 'user_id',
        string='Shared (read and write)', copy=False,
        help='Colleagues who can see and change this lead / opportunity.')

    @api.model
    def _crm_sales_restrict_default_rules(self):
        """Unassigned leads: leaders (their teams') and managers only."""
        from ..hooks import CRM_SALES_DOMAIN, set_personal_rule_domains
        set_personal_rule_domains(self.env, CRM_SALES_DOMAIN)
        return True
