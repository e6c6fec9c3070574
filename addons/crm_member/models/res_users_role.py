# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

# Groups no role handed out in 成员管理 may carry, whatever its data says: the system
# administrator's (Settings, Access Rights) and the non-employee user types.
FORBIDDEN_GROUPS = ('base.group_system', 'base.group_erp_manager',
                    'base.group_portal', 'base.group_public')


class ResUsersRole(models.Model):
    """OCA base_user_role's roles, marked when the CRM administrator may give them in
    成员管理 (CRM > 配置). The roles themselves (their groups) stay the system
    administrator's data: the CRM administrator reads them, never edits them."""
    _inherit = 'res.users.role'

    crm_member_role = fields.Boolean(
        'CRM Role', help='The CRM administrator may give this role in Member Management. '
                         'Only roles without system-administration groups qualify.')
    crm_member_sequence = fields.Integer('Order in Member Management', default=10)

    @api.multi
    def _crm_member_all_groups(self):
        """The role's group and every group it implies, transitively."""
        groups = self.env['res.groups']
        for role in self.sudo():
            groups |= role.group_id | role.group_id.trans_implied_ids
        return groups

    @api.multi
    def _crm_member_check_assignable(self):
        """Raise unless every role of ``self`` may be given by the CRM administrator: a
        CRM role whose groups include no system-administration group and no portal."""
        forbidden = self.env['res.groups']
        for xmlid in FORBIDDEN_GROUPS:
            forbidden |= self.env.ref(xmlid, raise_if_not_found=False) or self.env['res.groups']
        for role in self.sudo():
            if not role.exists() or not role.crm_member_role \
                    or role._crm_member_all_groups() & forbidden:
                raise AccessError(_('The role "%s" cannot be given in Member Management: '
                                    'only CRM roles can.') % (role.name or ''))
        return True

    @api.multi
    def _crm_member_gives_admin(self):
        """True when the roles make their holder a CRM administrator."""
        admin = self.env.ref('crm_sales.group_crm_admin')
        return admin in self._crm_member_all_groups()
