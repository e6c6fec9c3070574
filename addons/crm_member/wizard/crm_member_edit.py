# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmMemberEdit(models.TransientModel):
    """Change a member's sales team or CRM role (成员管理). Checked like every member
    action; the CRM administrator cannot take the administrator role from himself."""
    _name = 'crm.member.edit'
    _description = 'Change a Member\'s Team or Role'

    user_id = fields.Many2one('res.users', 'Member', required=True)
    team_id = fields.Many2one('crm.team', 'Sales Team')
    role_id = fields.Many2one('res.users.role', 'CRM Role',
                              domain=[('crm_member_role', '=', True)])

    def _crm_member_user(self, user_id):
        """The member whose team and role the form shows: read as superuser for the CRM
        administrator only (anyone may open a wizard: a context's ``default_user_id``
        must not show a colleague's team or role to someone else)."""
        if not self.env.user._crm_is_admin():
            return self.env['res.users']
        return self.env['res.users'].sudo().browse(
            user_id if isinstance(user_id, int) else []).exists()

    @api.onchange('user_id')
    def _onchange_user_id(self):
        user = self._crm_member_user(self.user_id.id)
        self.team_id = user.sale_team_id
        self.role_id = user.crm_role_id

    @api.model
    def default_get(self, fields_list):
        res = super(CrmMemberEdit, self).default_get(fields_list)
        user_id = res.get('user_id') or self.env.context.get('default_user_id')
        user = self._crm_member_user(user_id)
        if user:
            if 'team_id' in fields_list and not res.get('team_id'):
                res['team_id'] = user.sale_team_id.id
            if 'role_id' in fields_list and not res.get('role_id'):
                res['role_id'] = user.crm_role_id.id
        return res

    @api.multi
    def action_confirm(self):
        Users = self.env['res.users']
        Users._crm_member_check_admin()
        self.ensure_one()
        user = self.user_id.with_context(active_test=False).exists()
        if not user:
            raise UserError(_('This member no longer exists.'))
        user._crm_member_check_manageable()
        role = self.role_id
        if not role:
            raise UserError(_('Choose the member\'s role.'))
        role._crm_member_check_assignable()
        if self.team_id and not self.team_id.exists():
            raise UserError(_('The sales team no longer exists.'))
        if user == self.env.user and not role._crm_member_gives_admin():
            raise UserError(_('You cannot take the CRM administrator role from yourself: '
                              'ask another CRM administrator.'))
        user._crm_member_set_role(role)
        if user.sudo().sale_team_id != self.team_id:
            user._crm_member_write({'sale_team_id': self.team_id.id or False})
        return user._crm_member_open_action()
