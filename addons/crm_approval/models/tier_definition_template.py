# -*- coding: utf-8 -*-
from odoo import fields, models


class TierDefinition(models.Model):
    """Tiers of approval requests can be limited to some templates (报销 only, ...)."""
    _inherit = 'tier.definition'

    crm_approval_template_ids = fields.Many2many(
        'crm.approval.template', 'crm_tier_definition_template_rel', 'definition_id',
        'template_id', string='Approval Templates',
        help='Approval requests only: requests of these templates (empty: any).')
