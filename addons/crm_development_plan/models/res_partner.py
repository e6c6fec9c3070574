# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class ResPartner(models.Model):
    """The development plans of a customer's opportunities (they stay visible on the
    customer once it is won): a button on the CRM customer form."""
    _inherit = 'res.partner'

    development_plan_count = fields.Integer('Development Plans',
                                            compute='_compute_development_plan_count')

    def _compute_development_plan_count(self):
        counts = self.env['crm.development.plan']._crm_plan_counts('partner_id', self.ids)
        for partner in self:
            partner.development_plan_count = counts.get(partner.id, 0)

    @api.multi
    def action_view_development_plans(self):
        self.ensure_one()
        action = self.env.ref('crm_development_plan.crm_development_plan_action').read()[0]
        action.update({'domain': [('partner_id', '=', self.id)], 'context': {},
                       'name': _('Development Plans: %s') % self.name})
        return action
