# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from odoo.addons.crm_sales.grant import grant

EFFECTIVE = ('approved', 'expired')


class ResPartner(models.Model):
    """A customer's contracts and its totals over all of them (approved or expired
    versions: drafts, superseded and cancelled ones do not count); transferring a
    customer with its opportunities carries all its contracts (their history too), with
    their payments and reviews."""
    _inherit = 'res.partner'

    contract_ids = fields.One2many('crm.contract', 'partner_id', 'Contracts')
    contract_count = fields.Integer('Contracts', compute='_compute_contract_totals')
    contract_amount = fields.Monetary('Contracted', compute='_compute_contract_totals',
                                      currency_field='crm_currency_id')
    contract_received = fields.Monetary('Received', compute='_compute_contract_totals',
                                        currency_field='crm_currency_id')
    contract_outstanding = fields.Monetary('Outstanding', compute='_compute_contract_totals',
                                           currency_field='crm_currency_id')
    crm_currency_id = fields.Many2one('res.currency', compute='_compute_contract_totals')

    def _compute_contract_totals(self):
        """One grouped query for all the customers shown, over the contracts the reader
        may read (a service agent, who reads no contract, reads no totals either)."""
        totals = {}
        ids = [i for i in self.ids if isinstance(i, int)]
        Contract = self.env['crm.contract']
        if ids and Contract.check_access_rights('read', raise_exception=False):
            query = Contract._where_calc([('partner_id', 'in', ids)])
            Contract._apply_ir_rules(query, 'read')
            from_clause, where_clause, params = query.get_sql()
            self.env.cr.execute("""
                SELECT "crm_contract".partner_id, count(*),
                       coalesce(sum("crm_contract".amount_total)
                                FILTER (WHERE "crm_contract".state IN %s), 0),
                       coalesce(sum("crm_contract".amount_received)
                                FILTER (WHERE "crm_contract".state IN %s), 0),
                       coalesce(sum("crm_contract".amount_outstanding)
                                FILTER (WHERE "crm_contract".state IN %s), 0)
                  FROM """ + from_clause + " WHERE " + where_clause + """
                 GROUP BY "crm_contract".partner_id""",
                                [EFFECTIVE, EFFECTIVE, EFFECTIVE] + params)
            totals = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        currency = self.env.user.company_id.currency_id
        for partner in self:
            count, amount, received, outstanding = totals.get(partner.id, (0, 0.0, 0.0, 0.0))
            partner.contract_count = count
            partner.contract_amount = amount
            partner.contract_received = received
            partner.contract_outstanding = outstanding
            partner.crm_currency_id = currency

    def _crm_transfer_related(self, new_user, options):
        res = super(ResPartner, self)._crm_transfer_related(new_user, options)
        if options.get('with_opportunities'):
            contracts = self.env['crm.contract'].sudo().search([
                ('partner_id', '=', self.commercial_partner_id.id),
                ('user_id', '!=', new_user.id)])
            moved = contracts._crm_transfer_with_customer(
                new_user, options.get('author_id'),
                _('Contract transferred with its customer from %s to %s.'))
            for contract in contracts:
                # payments follow, with their reviews (the rules read their owner and team)
                scope = moved[contract.id][1]
                grant(contract.receivable_ids, 'action_write').write(scope)
                contract.receivable_ids._crm_transfer_reviews(scope)
        return res

    @api.multi
    def action_view_contracts(self):
        self.ensure_one()
        action = self.env.ref('crm_contract.crm_contract_action').read()[0]
        action.update({'domain': [('partner_id', '=', self.id)],
                       'context': {'default_partner_id': self.id}})
        return action

    @api.multi
    def action_create_contract(self):
        """Open a new contract form for this customer."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('New Contract'),
            'res_model': 'crm.contract',
            'view_mode': 'form',
            'target': 'current',
            'context': {'default_partner_id': self.id,
                        'default_customer_signer_id': self.primary_contact_id.id},
        }
