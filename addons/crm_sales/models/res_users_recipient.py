# -*- coding: utf-8 -*-
from odoo import api, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    @api.model
    def _crm_active_recipient(self, candidates, fallback_group='crm_sales.group_crm_manager'):
        """Who a reminder goes to: the first active internal user of ``candidates``
        (res.users records or False, in order: the record's owner, whoever now holds it,
        the team leader...), else the first active user of ``fallback_group`` (its
        members without a higher CRM role first, e.g. the sales manager before the CRM
        administrator). Never an archived user; an empty recordset when nobody is left."""
        for user in candidates:
            user = user.sudo() if user else user
            if user and len(user) == 1 and user.active and not user.share:
                return user
        group = self.env.ref(fallback_group, raise_if_not_found=False)
        if not group:
            return self.browse()
        members = group.sudo().users.filtered(
            lambda u: u.active and not u.share and not u._is_superuser())
        admin = self.env.ref('crm_sales.group_crm_admin', raise_if_not_found=False)
        admins = admin.sudo().users if admin else self.browse()
        ranked = (members - admins).sorted('id') + (members & admins).sorted('id')
        return ranked[:1]
