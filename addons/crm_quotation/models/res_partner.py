# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class ResPartner(models.Model):
    """A customer's quotes (a smart button and a one-click new quote); transferring a
    customer with its opportunities carries its quotes and their reviews."""
    _inherit = 'res.partner'

    quotation_ids = fields.One2many('crm.quotation', 'partner_id', 'Quotations')
    quotation_count = fields.Integer('Quotations', compute='_compute_quotation_count')

    def _compute_quotation_count(self):
        Quote = self.env['crm.quotation']
        ids = [i for i in self.ids if isinstance(i, int)]
        counts = {}
        if ids and Quote.check_access_rights('read', raise_exception=False):
            for row in Quote.read_group([('partner_id', 'in', ids),
                                         ('state', '!=', 'superseded')],
                                        ['partner_id'], ['partner_id']):
                counts[row['partner_id'][0]] = row['partner_id_count']
        for partner in self:
            partner.quotation_count = counts.get(partner.id, 0)

    def _crm_transfer_related(self, new_user, options):
        res = super(ResPartner, self)._crm_transfer_related(new_user, options)
        if options.get('with_opportunities'):
            quotes = self.env['crm.quotation'].sudo().search([
                ('partner_id', '=', self.commercial_partner_id.id),
                ('user_id', '!=', new_user.id)])
            quotes._crm_transfer_with_customer(
                new_user, options.get('author_id'),
                _('Quotation transferred with its customer from %s to %s.'))
        return res

    @api.multi
    def action_view_quotations(self):
        self.ensure_one()
        action = self.env.ref('crm_quotation.crm_quotation_action').read()[0]
        action.update({'domain': [('partner_id', '=', self.id)],
                       'context': {'search_default_current': 1,
                                   'default_partner_id': self.id}})
        return action

    @api.multi
    def action_create_quotation(self):
        """Open a new quotation form for this customer (its primary contact)."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('New Quotation'),
            'res_model': 'crm.quotation',
            'view_mode': 'form',
            'target': 'current',
            'context': {'default_partner_id': self.id,
                        'default_contact_id': self.primary_contact_id.id},
        }
