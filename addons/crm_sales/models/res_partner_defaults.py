# -*- coding: utf-8 -*-
from odoo import api, models


class ResPartner(models.Model):
    """Owner and team of a new customer (every creation path: form, quick create,
    import, RPC)."""
    _inherit = 'res.partner'

    def _crm_creates_customer(self, vals):
        """True when ``vals`` (with the context's defaults) make a CRM customer: a
        company that is a customer, with no parent."""
        ctx = self.env.context
        if 'is_company' in vals or 'company_type' in vals:
            company = vals.get('is_company') or vals.get('company_type') == 'company'
        else:
            company = ctx.get('default_is_company') or ctx.get('default_company_type') == 'company'
        customer = vals['customer'] if 'customer' in vals else ctx.get('default_customer', True)
        parent = vals['parent_id'] if 'parent_id' in vals else ctx.get('default_parent_id')
        return bool(company and customer and not parent)

    @api.model
    def _crm_default_owner_vals(self, vals):
        """A customer a salesperson creates is hers unless another owner is given, and
        goes to its owner's team unless a team is given (form, quick create, import and
        RPC alike). Other modules refine ``_crm_wants_default_owner`` (a customer created
        straight into the public pool has no owner)."""
        if not self._crm_creates_customer(vals):
            return vals
        ctx = self.env.context
        user = self.env.user
        # an owner or team given as a form default (quick create from an opportunity)
        # goes into the values: the row is inserted with its owner, so the customer is
        # in its owner's scope from the start (its stored fields are computed as her)
        for name in ('user_id', 'team_id'):
            if name not in vals and ctx.get('default_' + name):
                vals = dict(vals, **{name: ctx['default_' + name]})
        if 'user_id' not in vals and 'default_user_id' not in ctx and \
                not user._is_superuser() and user._crm_can_act() and \
                self._crm_wants_default_owner(vals):
            vals = dict(vals, user_id=user.id)
        if vals.get('user_id') and not vals.get('team_id') and 'default_team_id' not in ctx:
            team = self.env['res.users'].sudo().browse(vals['user_id']).sale_team_id
            if team:
                vals = dict(vals, team_id=team.id)
        return vals

    @api.model
    def _crm_wants_default_owner(self, vals):
        return True
