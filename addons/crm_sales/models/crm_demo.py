# -*- coding: utf-8 -*-
from odoo import api, models

# Odoo's own records every database keeps (the company, the superuser, the public user,
# the default sales team)
KEEP = ('base.main_partner', 'base.partner_root', 'base.partner_admin', 'base.public_partner',
        'sales_team.team_sales_department')
# Odoo's demo users (base demo data)
STOCK_DEMO_USERS = ('base.user_demo', 'base.demo_user0')


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
        self.env['ir.module.module']._crm_normalise_team_term()
        self.env['ir.module.module']._crm_apply_odoo_field_labels()
        Translation.clear_caches()
        # records read before (ir.model names in "... created" messages) are cached in
        # the old language
        Translation.invalidate_cache()
        return True

    @api.model
    def _run(self, model, method, ids, args=()):
        """``model.method(*args)`` on the records ``ids``, in zh_CN. A demo ``<function>``
        gets an empty context in Odoo 11 (the ``<data>`` context is dropped by call_kw):
        the demo calls go through this so that their messages and tracking are Chinese.
        (``args`` is one list: call_kw would take a positional after the declared ones
        for the context.)"""
        if isinstance(ids, models.BaseModel):
            ids = ids.ids
        records = self.env[model].with_context(lang='zh_CN').browse(ids)
        return getattr(records, method)(*args)

    @api.model
    def _archive_stock_demo(self):
        """Archive the stock English demo records of Odoo's own modules (Agrolait,
        "Plan to buy RedHat servers", iPad...) so that users see the product's demo
        data only. Partners of users are kept."""
        Data = self.env['ir.model.data']
        keep = {}
        for record in (self.env.ref(x, raise_if_not_found=False) for x in KEEP):
            if record:
                keep.setdefault(record._name, set()).add(record.id)
        stock = {
            'res.partner': ('base',),
            'crm.lead': ('crm',),
            'crm.team': ('sales_team',),
            'product.product': ('product',),
            'product.template': ('product',),
        }
        for model, modules in stock.items():
            ids = set(Data.search([('model', '=', model), ('module', 'in', modules)]).mapped('res_id'))
            ids -= keep.get(model, set())
            records = self.env[model].browse(ids).exists()
            if model == 'res.partner':
                users = self.env['res.users'].with_context(active_test=False).search([])
                protected = users.mapped('partner_id') | self.env['res.company'].search([]).mapped('partner_id')
                records = (records | records.mapped('child_ids')) - protected
            records.write({'active': False})
        self._archive_stock_demo_users()
        return True

    @api.model
    def _archive_stock_demo_users(self):
        """Odoo's demo logins ("YourCompany, Demo User", "Demo Portal User") are not
        people of the demo company: archived with their partners, and the mails Odoo's
        demo queued for them only (calendar invitations) cancelled."""
        for xmlid in STOCK_DEMO_USERS:
            user = self.env.ref(xmlid, raise_if_not_found=False)
            if user and user.active:
                partner = user.partner_id
                user.write({'active': False})
                partner.write({'active': False})
                self.env['mail.mail'].sudo().search([
                    ('state', 'in', ('outgoing', 'exception')),
                    ('recipient_ids', 'in', partner.ids)]).filtered(
                    lambda mail: mail.recipient_ids <= partner and not mail.email_to).write(
                    {'state': 'cancel'})
