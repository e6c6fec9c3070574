# -*- coding: utf-8 -*-
from odoo import _, api, models
from odoo.exceptions import UserError


class CrmPoolOffboardWizard(models.TransientModel):
    """crm_pool's offboarding archives users like 成员管理's "disable": the same
    members only (never the superuser, a system administrator, a portal user), and never
    the one offboarding."""
    _inherit = 'crm.pool.offboard.wizard'

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.user_ids._crm_member_check_manageable()
        if self.env.user in self.user_ids:
            raise UserError(_('You cannot disable yourself.'))
        return super(CrmPoolOffboardWizard, self).action_confirm()
