# -*- coding: utf-8 -*-
from odoo import api, models


class ResUsers(models.Model):
    """Where each user lands after logging in.

    Odoo 11's web client opens ``res.users.action_id`` (read by the user himself) when
    the URL names no action, else the first menu (Discuss). A user whose ``action_id`` is
    empty is given the action of his role, resolved when it is read: users created later
    and role changes follow without any stored state, and an action an administrator sets
    on the user (Settings > Users > Home Action) still wins."""
    _inherit = 'res.users'

    def _crm_home_action(self):
        """The xml id of the action this user lands on, or False (Odoo's default).
        Modules override it and call ``super()`` (e.g. service staff -> my tickets, the
        executive -> the dashboard)."""
        self.ensure_one()
        if self._crm_is_salesperson():
            return 'crm_sales.action_crm_todo'
        if self._crm_is_executive():
            return 'crm_sales.action_crm_customers_all'
        return False

    def _crm_home_action_record(self):
        """The ``ir.actions.actions`` record of ``_crm_home_action()`` (empty if none)."""
        xmlid = self._crm_home_action()
        action = xmlid and self.env.ref(xmlid, raise_if_not_found=False)
        return action.sudo() if action else self.env['ir.actions.actions']

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        rows = super(ResUsers, self).read(fields, load=load)
        if fields and 'action_id' in fields:
            for row in rows:
                if not row.get('action_id') and not isinstance(row['id'], models.NewId):
                    self._crm_fill_home_action(row, load)
        return rows

    def _crm_fill_home_action(self, row, load):
        user = self.browse(row['id'])
        if user.share:
            return
        action = user._crm_home_action_record()
        if action:
            row['action_id'] = (action.id, action.name) if load == '_classic_read' else action.id
