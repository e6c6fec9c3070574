# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from odoo.addons.crm_sales.grant import acting_uid


class CrmLead(models.Model):
    """The development plans of an opportunity: the 开发计划 button of its form; a plan
    in progress ends when the opportunity closes, by any path."""
    _inherit = 'crm.lead'

    development_plan_ids = fields.One2many('crm.development.plan', 'lead_id',
                                           'Development Plans')
    development_plan_count = fields.Integer('Development Plans',
                                            compute='_compute_development_plan_count')

    def _compute_development_plan_count(self):
        counts = self.env['crm.development.plan']._crm_plan_counts('lead_id', self.ids)
        for lead in self:
            lead.development_plan_count = counts.get(lead.id, 0)

    @api.multi
    def action_view_development_plans(self):
        """开发计划: the plan of this opportunity (its form), its plans when there are
        several, or a new plan when there is none yet."""
        self.ensure_one()
        Plan = self.env['crm.development.plan']
        plans = Plan.search([('lead_id', '=', self.id)])
        action = self.env.ref('crm_development_plan.crm_development_plan_action').read()[0]
        action.update({'context': {'default_lead_id': self.id},
                       'name': _('Development Plans: %s') % self.name})
        if len(plans) > 1:
            action['domain'] = [('lead_id', '=', self.id)]
            return action
        form = self.env.ref('crm_development_plan.crm_development_plan_view_form').id
        action.update({'view_mode': 'form', 'views': [(form, 'form')],
                       'res_id': plans.id or False})
        return action

    @api.multi
    def write(self, vals):
        res = super(CrmLead, self).write(vals)
        if vals.get('end_status'):
            self.env['crm.development.plan']._crm_lead_closed(self, acting_uid(self))
        return res
