# -*- coding: utf-8 -*-
from odoo import models
from odoo.tools import float_compare


class CrmApprovalMixin(models.AbstractModel):
    """Tiers configured with pickers (``tier.definition`` of type "Conditions"): which
    documents a tier applies to and who reviews it, without Python. A model using the
    mixin names its amount, discount, customer and team fields (found by name by
    default: amount_total or amount, discount, partner_id, team_id)."""
    _inherit = 'crm.approval.mixin'

    _crm_amount_fields = ('amount_total', 'amount')
    _crm_discount_field = 'discount'
    _crm_partner_field = 'partner_id'
    _crm_team_field = 'team_id'

    def _crm_field_value(self, name):
        return self[name] if name and name in self._fields else False

    def _crm_amount(self):
        return next((self[name] for name in self._crm_amount_fields if name in self._fields),
                    0.0)

    def _crm_team(self):
        team = self._crm_field_value(self._crm_team_field)
        owner = self[self._crm_approval_owner_field]
        return team or owner.sale_team_id

    def _crm_tier_applies(self, tier):
        """True when every condition set on ``tier`` holds (none set: always)."""
        self.ensure_one()
        rec = self.sudo()
        if tier.crm_amount_above and float_compare(
                rec._crm_amount() or 0.0, tier.crm_amount_above, precision_digits=2) <= 0:
            return False
        if tier.crm_discount_above and float_compare(
                rec._crm_field_value(self._crm_discount_field) or 0.0,
                tier.crm_discount_above, precision_digits=2) <= 0:
            return False
        if tier.crm_customer_level_ids:
            partner = rec._crm_field_value(self._crm_partner_field)
            level = partner and partner.commercial_partner_id.customer_level_id
            if not level or level not in tier.sudo().crm_customer_level_ids:
                return False
        if tier.crm_team_ids:
            team = rec._crm_team()
            if not team or team not in tier.sudo().crm_team_ids._crm_team_and_below():
                return False
        return True

    def _crm_tier_reviewers(self, tier):
        """The reviewers a picker names for this document."""
        self.ensure_one()
        rec = self.sudo()
        users = self.env['res.users']
        if tier.review_type == 'crm_users':
            return tier.sudo().crm_reviewer_user_ids
        team = rec._crm_team()
        if tier.review_type == 'crm_leader':
            return team.user_id or users
        if tier.review_type == 'crm_leader_above':
            return self._crm_leader_above(team)
        return users

    def _crm_leader_above(self, team):
        """The leader of the team above (the nearest parent team with a leader)."""
        seen = team
        parent = team.sudo().parent_id
        while parent and parent not in seen:
            if parent.user_id:
                return parent.user_id
            seen |= parent
            parent = parent.parent_id
        return self.env['res.users']
