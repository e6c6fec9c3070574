# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..grant import grant, granted


class CrmShareMixin(models.AbstractModel):
    """Sharing a record with colleagues (团队成员): read or write members.

    An inheriting model names the column of its relation tables in
    ``_crm_share_column`` (e.g. ``'contract_id'``); the mixin then adds
    ``share_read_user_ids`` / ``share_write_user_ids``, many2many to res.users in the
    tables ``<table>_share_read_rel`` / ``<table>_share_write_rel`` (a many2many needs
    its own table per model). It may also set ``_crm_share_owner_field`` /
    ``_crm_share_team_field``.
    """
    _name = 'crm.share.mixin'
    _description = 'CRM Sharing'
    _crm_share_owner_field = 'user_id'
    _crm_share_team_field = 'team_id'
    _crm_share_column = None

    @api.model
    def _setup_base(self):
        super(CrmShareMixin, self)._setup_base()
        column = self._crm_share_column
        if not column or 'share_read_user_ids' in self._fields:
            return
        # the fields (and their tables) belong to the module that set the column
        module = next(cls._module for cls in type(self).mro()
                      if vars(cls).get('_crm_share_column') and getattr(cls, '_module', None))
        self._add_field('share_read_user_ids', fields.Many2many(
            'res.users', '%s_share_read_rel' % self._table, column, 'user_id',
            string='Shared (read)', copy=False, _module=module,
            help='Colleagues who can see this record.'))
        self._add_field('share_write_user_ids', fields.Many2many(
            'res.users', '%s_share_write_rel' % self._table, column, 'user_id',
            string='Shared (read and write)', copy=False, _module=module,
            help='Colleagues who can see and change this record.'))

    crm_readonly = fields.Boolean(
        'Read Only for Me', compute='_compute_crm_readonly',
        help='You may read this record but not change it (the form hides its Edit '
             'button): a pool customer before you claim it, a colleague\'s record '
             'shared for reading.')

    def _compute_crm_readonly(self):
        for rec in self:
            if not isinstance(rec.id, int):
                rec.crm_readonly = False
                continue
            try:
                rec.check_access_rights('write')
                rec.check_access_rule('write')
                rec.crm_readonly = False
            except AccessError:
                rec.crm_readonly = True

    def _crm_share_owner(self):
        return self[self._crm_share_owner_field]

    def _crm_share_team(self):
        return self[self._crm_share_team_field]

    def _crm_can_manage(self, user=None):
        """True when ``user`` may share / transfer this record: its owner, the leader of
        its team, or a sales manager."""
        self.ensure_one()
        user = user or self.env.user
        if user._crm_is_manager():
            return True
        if not user._crm_can_act():
            return False
        record = self.sudo()
        if record._crm_share_owner() == user:
            return True
        return user._crm_leads_team(record._crm_share_team())

    def _crm_check_can_manage(self, message):
        """``message``: translated text with one %s (the record's name)."""
        for record in self:
            if not record._crm_can_manage():
                raise AccessError(message % record.sudo().display_name)

    def _crm_share_users(self, user_ids):
        self.env.user._crm_check_can_act()
        if not user_ids:
            raise UserError(_('Choose at least one colleague.'))
        user_ids = self.env['crm.guard']._arg_ids(user_ids, _('the colleagues'))
        users = self.env['res.users'].sudo().browse(user_ids).exists()
        if len(users) != len(set(user_ids)):
            raise UserError(_('Some of the chosen users do not exist.'))
        internal = users.filtered(lambda u: u.has_group('base.group_user') and u.active)
        if internal != users:
            raise UserError(_('Records can only be shared with active internal users: %s.')
                            % _(', ').join((users - internal).mapped('name')))
        return users

    @api.multi
    def write(self, vals):
        if ('share_read_user_ids' in vals or 'share_write_user_ids' in vals) \
                and self.env.uid != SUPERUSER_ID and not granted(self, 'share'):
            self._crm_check_can_manage(_('Only the owner of "%s", the leader of its team or a sales manager can share it.'))
        return super(CrmShareMixin, self).write(vals)

    @api.multi
    def action_share(self, user_ids, access='read'):
        """Share the records with ``user_ids`` (list of res.users ids) with ``access``
        'read' or 'write' (write members can also read). Only the owner, a leader of the
        record's team or a manager may share. Returns True."""
        if not isinstance(access, str) or access not in ('read', 'write'):
            raise UserError(_('Access must be "read" or "write".'))
        users = self._crm_share_users(user_ids)
        self._crm_check_can_manage(_('Only the owner of "%s", the leader of its team or a sales manager can share it.'))
        for record in self:
            owner = record.sudo()._crm_share_owner()
            members = users - owner
            if not members:
                continue
            if access == 'write':
                vals = {'share_write_user_ids': [(4, u.id) for u in members],
                        'share_read_user_ids': [(3, u.id) for u in members]}
            else:
                vals = {'share_read_user_ids': [(4, u.id) for u in members],
                        'share_write_user_ids': [(3, u.id) for u in members]}
            grant(record.sudo(), 'share').write(vals)
            record._crm_log_share('share', members, access)
            record.sudo().message_post(author_id=self.env.user.partner_id.id, body=_('Shared with %s (%s) by %s.') % (
                _(', ').join(members.mapped('name')),
                _('read and write') if access == 'write' else _('read only'),
                self.env.user.name))
        return True

    @api.multi
    def action_unshare(self, user_ids):
        """Remove ``user_ids`` from the read and write members. Returns True."""
        users = self._crm_share_users(user_ids)
        self._crm_check_can_manage(_('Only the owner of "%s", the leader of its team or a sales manager can share it.'))
        for record in self:
            removed = users & (record.sudo().share_read_user_ids | record.sudo().share_write_user_ids)
            if not removed:
                continue
            grant(record.sudo(), 'share').write({
                'share_read_user_ids': [(3, u.id) for u in removed],
                'share_write_user_ids': [(3, u.id) for u in removed]})
            record._crm_log_share('unshare', removed)
            record.sudo().message_post(author_id=self.env.user.partner_id.id, body=_('No longer shared with %s (by %s).') % (
                _(', ').join(removed.mapped('name')), self.env.user.name))
        return True

    def _crm_log_share(self, kind, users, access=None):
        """The operation-log line of a share ('share', with ``access``) or an unshare."""
        Log = self.env['crm.operation.log']._crm_log_env()
        context = {'lang': Log.env.lang}  # read by _()
        names = _(', ').join(users.mapped('name'))
        if kind == 'share':
            text = _('Shared with %s (%s)') % (
                names, _('read and write') if access == 'write' else _('read only'))
        else:
            text = _('No longer shared with %s') % names
        return Log._crm_log(kind, self, text)

    @api.multi
    def action_open_share_wizard(self):
        return {
            'type': 'ir.actions.act_window',
            'name': _('Share'),
            'res_model': 'crm.share.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_res_model': self._name, 'default_res_ids': str(self.ids)},
        }
