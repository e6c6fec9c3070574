# -*- coding: utf-8 -*-
from odoo import api, models

# Odoo's own records every database keeps (the company, the superuser, the public user)
KEEP = ('base.main_partner', 'base.partner_root', 'base.partner_admin', 'base.public_partner')


class CrmDemo(models.AbstractModel):
    """Demo data helpers (called from the demo files only)."""
    _name = 'crm.demo'
    _description = 'CRM Demo Data'

    @api.model
    def _load_terms(self, modules):
        """Load the zh_CN terms of ``modules`` now (Odoo loads them after the module's
        data), so that the demo records and their chatter are written in Chinese."""
        Translation = self.env['ir.translation']
        Translation.load_module_terms(modules, ['zh_CN'])
        Translation.clear_caches()
        return True

    @api.model
    def _archive_stock_demo(self):
        """Archive the stock English demo records of Odoo's own modules (Agrolait,
        "Plan to buy RedHat servers", iPad...) so that users see the product's demo
        data only. Partners of users are kept."""
        Data = self.env['ir.model.data']
        keep = {r.id for r in (self.env.ref(x, raise_if_not_found=False) for x in KEEP) if r}
        stock = {
            'res.partner': ('base',),
            'crm.lead': ('crm',),
            'product.product': ('product',),
            'product.template': ('product',),
        }
        for model, modules in stock.items():
            ids = set(Data.search([('model', '=', model), ('module', 'in', modules)]).mapped('res_id'))
            records = self.env[model].browse(ids - keep).exists()
            if model == 'res.partner':
                users = self.env['res.users'].with_context(active_test=False).search([])
                protected = users.mapped('partner_id') | self.env['res.company'].search([]).mapped('partner_id')
                records = (records | records.mapped('child_ids')) - protected
            records.write({'active': False})
        return True
