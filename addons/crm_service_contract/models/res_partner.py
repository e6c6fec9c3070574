# -*- coding: utf-8 -*-
from odoo import models


class ResPartner(models.Model):
    """Service staff read the customers of their tickets, not their contracts: the
    contract totals of a customer (computed from every contract, outside the contracts'
    rules) are blank for a reader who may not read contracts at all."""
    _inherit = 'res.partner'

    def _compute_contract_totals(self):
        super(ResPartner, self)._compute_contract_totals()
        if self.env['crm.contract'].check_access_rights('read', raise_exception=False):
            return
        for partner in self:
            partner.contract_count = 0
            partner.contract_amount = 0.0
            partner.contract_received = 0.0
            partner.contract_outstanding = 0.0
