# -*- coding: utf-8 -*-
from odoo import api, models
from odoo.osv import expression


class ResUsers(models.Model):
    _inherit = 'res.users'

    @api.multi
    def _crm_operation_log_domain(self):
        """Domain of the record rule on ``crm.operation.log``: the lines of the customers
        the user may read today (the customer rule itself, ``_crm_partner_rule_domain``
        on the line's ``partner_id``: owner, sharing, the teams of the user's data scope,
        the pools the user sees...), and of the lines without a customer (a lead
        assigned), those the user did or received or of a team in their scope. Sales
        managers, CRM administrators and the executive: every line."""
        self.ensure_one()
        partner_domain = expression.normalize_domain(self._crm_partner_rule_domain('read'))
        if partner_domain == [(1, '=', 1)]:
            return partner_domain
        on_customer = [self._crm_prefix_leaf(leaf, 'partner_id') for leaf in partner_domain]
        without_customer = [
            '&', ('partner_id', '=', False),
            '|', '|', ('user_id', '=', self.id), ('to_user_id', '=', self.id),
            ('team_id', 'in', self.crm_led_team_ids.ids)]
        return ['|', '&', ('partner_id', '!=', False)] + on_customer + without_customer

    @staticmethod
    def _crm_prefix_leaf(leaf, path):
        if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and isinstance(leaf[0], str):
            return ('%s.%s' % (path, leaf[0]), leaf[1], leaf[2])
        return leaf
