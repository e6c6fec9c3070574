# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class ResPartner(models.Model):
    """The customer's visits: a smart button on the CRM customer form, and "plan a
    visit" from the card."""
    _inherit = 'res.partner'

    crm_visit_ids = fields.One2many('crm.visit', 'customer_id', 'Visits')
    crm_visit_count = fields.Integer('Visits', compute='_compute_crm_visit_count')

    def _compute_crm_visit_count(self):
        groups = self.env['crm.visit'].read_group(
            [('customer_id', 'in', self.ids)], ['customer_id'], ['customer_id'])
        counts = {g['customer_id'][0]: g['customer_id_count'] for g in groups}
        for partner in self:
            partner.crm_visit_count = counts.get(partner.id, 0)

    @api.multi
    def action_view_crm_visits(self):
        self.ensure_one()
        action = self.env.ref('crm_visit.crm_visit_action').read()[0]
        action['domain'] = [('customer_id', '=', self.id)]
        action['context'] = {'default_customer_id': self.id}
        action['name'] = _('Visits: %s') % self.name
        return action

    @api.multi
    def action_plan_crm_visit(self):
        """A new visit to this customer (the visit form, with the customer filled in)."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Plan Visit'),
            'res_model': 'crm.visit',
            'view_mode': 'form',
            'views': [(self.env.ref('crm_visit.crm_visit_view_form').id, 'form')],
            'target': 'current',
            'context': {'default_customer_id': self.id},
        }
