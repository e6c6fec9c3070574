# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_sales.grant import grant

SYSTEM_GROUPS = ('base.group_system', 'base.group_erp_manager')


class ResUsers(models.Model):
    """成员管理 (CRM > 配置): the CRM administrator adds members, changes their team
    or role, disables and re-enables them. He has no Odoo right to edit users: each
    action checks the caller (``_crm_member_check_admin``) and the member
    (``_crm_member_check_manageable``), then writes through its own ``sudo()`` with the
    grant ``member``; only CRM roles (``res.users.role.crm_member_role``) are given."""
    _inherit = 'res.users'

    crm_role_id = fields.Many2one(
        'res.users.role', string='CRM Role', compute='_compute_crm_role_id', store=True,
        index=True, help='The CRM role of the member (Member Management), from their roles.')

    @api.depends('role_line_ids.role_id', 'role_line_ids.role_id.crm_member_role')
    def _compute_crm_role_id(self):
        for user in self:
            roles = user.sudo().role_line_ids.mapped('role_id').filtered('crm_member_role')
            user.crm_role_id = roles.sorted(lambda r: (r.crm_member_sequence, r.id))[:1]

    # ------------------------------------------------------------------ checks
    @api.model
    def _crm_member_check_admin(self):
        """Only the CRM administrator manages members."""
        if not self.env.user._crm_is_admin():
            raise AccessError(_('Only the CRM administrator may manage members.'))
        return True

    @api.multi
    def _crm_member_check_manageable(self):
        """Members are employees; the superuser, system administrators and portal
        users are not the CRM administrator's to change."""
        for user in self.sudo().with_context(active_test=False):
            if user.id == SUPERUSER_ID or any(user.has_group(g) for g in SYSTEM_GROUPS):
                raise AccessError(_('%s is a system administrator: only a system '
                                    'administrator may change this user.') % user.name)
            if user.share:
                raise UserError(_('%s is not an employee (a portal user): not a CRM '
                                  'member.') % user.name)
        return True

    @api.multi
    def _crm_member_write(self, vals):
        """Write ``vals`` on the members as the action's own superuser, in a context of
        its own (nothing the client sent travels into it)."""
        clean = self.sudo().with_context({'lang': self.env.context.get('lang'),
                                          'tz': self.env.context.get('tz')})
        return grant(clean, 'member').write(vals)

    @api.multi
    def _crm_member_set_role(self, role):
        """Give the members the CRM role ``role`` in place of their CRM role lines (other
        roles, given by the system administrator, stay); base_user_role then sets their
        groups."""
        for user in self.sudo().with_context(active_test=False):
            lines = user.role_line_ids.filtered(lambda l: l.role_id.crm_member_role)
            if lines.mapped('role_id') == role and len(lines) == 1:
                continue
            commands = [(2, line.id) for line in lines[1:]]
            if lines:
                commands.append((1, lines[0].id, {'role_id': role.id}))
            else:
                commands.append((0, 0, {'role_id': role.id}))
            user._crm_member_write({'role_line_ids': commands})
        return True

    @api.multi
    def _crm_member_open_action(self):
        """The member's form in Member Management."""
        self.ensure_one()
        action = self.env.ref('crm_member.crm_member_action').read()[0]
        action.update({'res_id': self.id, 'view_mode': 'form', 'views': [
            (self.env.ref('crm_member.res_users_view_form_member').id, 'form')],
            'target': 'current'})
        return action

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_member_edit(self):
        """Open the form changing the member's team or role."""
        self._crm_member_check_admin()
        self.ensure_one()
        self._crm_member_check_manageable()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Change Team or Role'),
            'res_model': 'crm.member.edit',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_user_id': self.id},
        }

    @api.multi
    def action_member_disable(self):
        """Disable (archive) the members: they can no longer log in; with the public
        pool installed, archiving hands their customers over to the pools as any
        archiving does (crm_pool's offboarding)."""
        self._crm_member_check_admin()
        self._crm_member_check_manageable()
        if self.env.user in self:
            raise UserError(_('You cannot disable yourself.'))
        self.filtered('active')._crm_member_write({'active': False})
        return True

    @api.multi
    def action_member_enable(self):
        """Re-enable archived members: they log in again with their role and team (their
        former customers stay where the offboarding put them)."""
        self._crm_member_check_admin()
        self._crm_member_check_manageable()
        self.with_context(active_test=False).filtered(
            lambda u: not u.active)._crm_member_write({'active': True})
        return True
