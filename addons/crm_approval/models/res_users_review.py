# -*- coding: utf-8 -*-
from odoo import api, models, modules


class ResUsers(models.Model):
    """What waits for my decision, counted once (``crm_my_turn``: the current tier of
    a document still under review names me); and the customers of what I review."""
    _inherit = 'res.users'

    @api.model
    def review_user_count(self):
        """base_tier_validation's counter per document type, on the to-do's source of
        truth (cancelled or finished documents never count), named in the user's
        language."""
        result = []
        IrModel = self.env['ir.model'].with_context(lang=self.env.user.lang)
        for name in self.env['tier.definition']._crm_approval_model_names():
            Model = self.env[name]
            if not Model.check_access_rights('read', raise_exception=False):
                continue
            count = Model.search_count([('crm_my_turn', '=', True)])
            if count:
                result.append({
                    'name': IrModel._get(name).name, 'model': name, 'pending_count': count,
                    'icon': modules.module.get_module_icon(Model._original_module)})
        return result

    @api.multi
    def _crm_approval_models(self):
        """The documents approved through ``crm.approval.mixin`` (contracts, payments and
        any later module's, e.g. quotations): the record rules on reviews and tiers name
        them through this, so a module adding a document needs no rule of its own."""
        return self.env['tier.definition']._crm_approval_model_names()

    @api.multi
    def _crm_partner_rule_domain(self, mode='read'):
        """A reviewer reads the customer of a document he is (or was) asked to review,
        whatever team the customer belongs to (``res.partner.crm_reviewer_user_ids``)."""
        domain = super(ResUsers, self)._crm_partner_rule_domain(mode)
        if mode != 'read' or domain == [(1, '=', 1)]:
            return domain
        return ['|', ('crm_reviewer_user_ids', 'in', [self.id])] + list(domain)
