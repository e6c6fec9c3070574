# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmCustomerTransfer(models.TransientModel):
    """Transfer customers (one, or many from the list) to another salesperson."""
    _name = 'crm.customer.transfer'
    _description = 'Transfer Customers'

    @api.model
    def _default_partner_ids(self):
        if self.env.context.get('active_model') == 'res.partner':
            return [(6, 0, self.env.context.get('active_ids') or [])]
        return []

    partner_ids = fields.Many2many('res.partner', string='Customers', required=True,
                                   default=_default_partner_ids,
                                   domain=[('is_crm_customer', '=', True)])
    user_id = fields.Many2one('res.users', string='New Salesperson', required=True,
                              domain=lambda self: [('groups_id', 'in', self.env.ref(
                                  'crm_sales.group_crm_salesman').id)])
    with_contacts = fields.Boolean('Also Their Contacts', default=True)
    with_opportunities = fields.Boolean('Also Their Open Opportunities', default=True)
    keep_old_owner = fields.Selection([
        ('none', 'Remove'), ('read', 'Keep as read member'), ('write', 'Keep as write member'),
    ], string='Previous Owner', required=True, default='none')

    @api.multi
    def action_transfer(self):
        self.ensure_one()
        if not self.partner_ids:
            raise UserError(_('Choose the customers to transfer.'))
        self.partner_ids.action_transfer(
            self.user_id.id, with_contacts=self.with_contacts,
            with_opportunities=self.with_opportunities, keep_old_owner=self.keep_old_owner)
        return {'type': 'ir.actions.act_window_close'}
