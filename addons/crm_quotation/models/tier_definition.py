# -*- coding: utf-8 -*-
from odoo import api, fields, models

#: the conditions of crm_contract's pickers, each tested on its own for "any"
CONDITION_FIELDS = ('crm_amount_above', 'crm_discount_above', 'crm_customer_level_ids',
                    'crm_team_ids')


class TierDefinition(models.Model):
    """Two more pickers for approval tiers: "a line below its floor price" (documents
    whose lines name one, e.g. quotations) and whether a document must meet all the
    conditions set or any one of them (e.g. below the floor price *or* a total discount
    above 15 % goes to the team leader)."""
    _inherit = 'tier.definition'

    crm_below_floor = fields.Boolean(
        'A line below its floor price',
        help='Only documents with a line offered below its floor price.')
    crm_match = fields.Selection(
        [('all', 'All conditions'), ('any', 'Any condition')], 'Applies when',
        default='all', required=True,
        help='All: every condition set must hold. Any: one of them is enough.')


class CrmApprovalMixin(models.AbstractModel):
    """Tiers applying on "any" of their conditions, and the floor-price condition: a
    document names its field in ``_crm_below_floor_field``."""
    _inherit = 'crm.approval.mixin'

    _crm_below_floor_field = None

    def _crm_is_below_floor(self):
        name = self._crm_below_floor_field
        return bool(name and name in self._fields and self.sudo()[name])

    def _crm_tier_applies(self, tier):
        if tier.crm_match != 'any':
            if tier.crm_below_floor and not self._crm_is_below_floor():
                return False
            return super(CrmApprovalMixin, self)._crm_tier_applies(tier)
        if tier.crm_below_floor and self._crm_is_below_floor():
            return True
        Tier = self.env['tier.definition']
        parts = []
        for name in CONDITION_FIELDS:
            value = tier.sudo()[name]
            if value:
                field = tier._fields[name]
                parts.append({name: [(6, 0, value.ids)] if field.type == 'many2many' else value})
        if not parts:
            return not tier.crm_below_floor   # nothing else set: only the floor decides
        return any(super(CrmApprovalMixin, self)._crm_tier_applies(Tier.new(part))
                   for part in parts)
