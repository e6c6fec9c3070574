# -*- coding: utf-8 -*-
from odoo import api, models


class CrmContract(models.Model):
    """A contract approved, expired, superseded or cancelled changes its customer's
    orders: last order, repurchase, lifecycle stage."""
    _inherit = 'crm.contract'

    @api.multi
    def write(self, vals):
        res = super(CrmContract, self).write(vals)
        if 'state' in vals or 'partner_id' in vals or 'sign_date' in vals:
            self.env['res.partner']._crm_lifecycle_refresh(self.sudo().mapped('partner_id').ids)
        return res
