# -*- coding: utf-8 -*-
from odoo import api, models

# The user type (employee, portal, public) is never taken from a user by a role change.
USER_TYPE_GROUPS = ('base.group_user', 'base.group_portal', 'base.group_public')


class ResUsers(models.Model):
    """OCA base_user_role replaces *every* group of a user who has role lines by the
    groups of their roles, on every write of the user and in its cron. Here only the
    groups that some role gives are replaced: a group no role gives (set by the system
    administrator on Odoo's user form, or by another module) and the user type stay, so
    giving the demo users their roles, or changing a role in 成员管理, never strips a
    group they need. A user's role groups are the enabled role lines' groups and
    everything they imply; the write happens only when the groups change."""
    _inherit = 'res.users'

    @api.model
    def _crm_member_role_managed_groups(self):
        """Groups given by some role (and what they imply), minus the user types."""
        Groups = self.env['res.groups']
        managed = self.env['res.users.role'].sudo().with_context(
            active_test=False).search([])._crm_member_all_groups()
        for xmlid in USER_TYPE_GROUPS:
            managed -= self.env.ref(xmlid, raise_if_not_found=False) or Groups
        return managed

    @api.multi
    def set_groups_from_roles(self, force=False):
        managed = None
        for user in self.sudo():
            if not user.role_line_ids and not force:
                continue
            if managed is None:
                managed = self._crm_member_role_managed_groups()
            roles = user.role_line_ids.filtered('is_enabled').mapped('role_id')
            target = roles._crm_member_all_groups() | (user.groups_id - managed)
            target |= target.mapped('trans_implied_ids')
            if target != user.groups_id:
                # base_user_role's write reapplies the roles once more: it finds them
                # applied and writes nothing
                super(ResUsers, user).write({'groups_id': [(6, 0, target.ids)]})
        return True
