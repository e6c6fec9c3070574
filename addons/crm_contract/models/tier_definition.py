# -*- coding: utf-8 -*-
from odoo import api, models

APPROVAL_MODELS = ('crm.contract', 'crm.receivable')


class TierDefinition(models.Model):
    _inherit = 'tier.definition'

    @api.model
    def _get_tier_validation_model_names(self):
        res = super(TierDefinition, self)._get_tier_validation_model_names()
        return res + list(APPROVAL_MODELS)
