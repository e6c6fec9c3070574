# -*- coding: utf-8 -*-
import re

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.crm_sales.grant import grant

LOGIN_RE = re.compile(r'^[A-Za-z0-9][A-Za-z0-9._@+-]{1,63}$')
MIN_PASSWORD = 8


class CrmMemberAdd(models.TransientModel):
    """新增成员: a salesperson (or any CRM role) in one form. The CRM administrator has
    no right to create users: ``action_confirm`` checks him, the values and the role,
    then creates the user through its own ``sudo()`` with exactly these values."""
    _name = 'crm.member.add'
    _description = 'Add a Member'

    name = fields.Char('Name', required=True)
    login = fields.Char('Login', required=True,
                        help='What the member types to log in: letters, digits and . _ - @ +')
    password = fields.Char('Initial Password',
                           help='At least 8 characters, not the login. Give it to the member, '
                                'who changes it in their preferences.')
    email = fields.Char('Email', help='Needed: the messages the member posts (follow-ups, '
                                      'changes in the chatter) are sent from it.')
    phone = fields.Char('Phone')
    team_id = fields.Many2one('crm.team', 'Sales Team')
    role_id = fields.Many2one('res.users.role', 'CRM Role',
                              domain=[('crm_member_role', '=', True)],
                              default=lambda self: self._default_role())

    @api.model
    def _default_role(self):
        return self.env.ref('crm_member.role_salesman', raise_if_not_found=False)

    @api.multi
    def _check_values(self):
        self.ensure_one()
        login = (self.login or '').strip()
        if not LOGIN_RE.match(login):
            raise UserError(_('The login "%s" is not valid: 2 to 64 letters, digits or . _ - '
                              '@ +, starting with a letter or a digit.') % login)
        Users = self.env['res.users'].sudo().with_context(active_test=False)
        pattern = login.replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_')
        if Users.search_count([('login', '=ilike', pattern)]):
            raise UserError(_('The login "%s" is already used by another user (perhaps a '
                              'disabled one: re-enable them instead).') % login)
        if not (self.name or '').strip():
            raise UserError(_('Enter the member\'s name.'))
        password = self.password or ''
        if len(password) < MIN_PASSWORD or password.strip().lower() == login.lower():
            raise UserError(_('The initial password needs at least 8 characters and must '
                              'not be the login.'))
        if not re.match(r'^[^@\s]+@[^@\s]+\.[^@\s]+$', (self.email or '').strip()):
            raise UserError(_('The email address "%s" is not valid: the member\'s messages '
                              'are sent from it.') % (self.email or ''))
        if not self.role_id:
            raise UserError(_('Choose the member\'s role.'))
        self.role_id._crm_member_check_assignable()
        return login

    @api.multi
    def _member_values(self, login):
        """The new user's values: nothing else (no default the client could send)."""
        return {
            'name': self.name.strip(),
            'login': login,
            'password': self.password,
            'email': (self.email or '').strip() or False,
            'phone': (self.phone or '').strip() or False,
            'sale_team_id': self.team_id.id or False,
            'lang': 'zh_CN' if self.env['res.lang']._lang_get('zh_CN') else
                    self.env.user.lang,
            'tz': self.env.user.tz or 'Asia/Shanghai',
            'company_id': self.env.user.company_id.id,
            'company_ids': [(6, 0, self.env.user.company_id.ids)],
            'groups_id': [(6, 0, [])],
            'role_line_ids': [(0, 0, {'role_id': self.role_id.id})],
        }

    @api.multi
    def _create_member(self, vals):
        """Hook: create the user (the grant ``member``, a context of its own)."""
        Users = self.env['res.users'].sudo().with_context(
            {'lang': self.env.context.get('lang'), 'no_reset_password': True})
        return grant(Users, 'member').create(vals)

    @api.multi
    def action_confirm(self):
        self.env['res.users']._crm_member_check_admin()
        self.ensure_one()
        if self.team_id and not self.team_id.exists():
            raise UserError(_('The sales team no longer exists.'))
        login = self._check_values()
        user = self._create_member(self._member_values(login))
        # the initial password is not kept in the form
        self.sudo().write({'password': False})
        return user._crm_member_open_action()
