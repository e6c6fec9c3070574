# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from ..grant import acting


class ResPartner(models.Model):
    _inherit = 'res.partner'

    operation_log_count = fields.Integer(
        'Operations', compute='_compute_operation_log_count',
        help='Lines of the operation log about this customer that you may see.')

    def _compute_operation_log_count(self):
        Log = self.env['crm.operation.log']
        readable = Log.check_access_rights('read', raise_exception=False)
        for partner in self:
            if not readable or not isinstance(partner.id, int):
                partner.operation_log_count = 0
                continue
            partner.operation_log_count = Log.search_count(
                [('partner_id', '=', partner.commercial_partner_id.id)])

    @api.multi
    def action_view_operation_logs(self):
        """The operation log of this customer (transfers, sharing, pool, approvals...),
        as far as the user may see it."""
        self.ensure_one()
        self.check_access_rule('read')
        action = self.env.ref('crm_sales.crm_operation_log_action').read()[0]
        action['name'] = _('Operations: %s') % self.commercial_partner_id.name
        action['domain'] = [('partner_id', '=', self.commercial_partner_id.id)]
        action['context'] = {}
        return action

    @api.multi
    def write(self, vals):
        # an owner changed by a plain write is logged (res_partner.py) in sudo: remember
        # who writes, for the line's "Done By"
        if 'user_id' in vals:
            self = acting(self)
        return super(ResPartner, self).write(vals)

    # ------------------------------------------------------------------ log writers
    @api.multi
    def _crm_log_owner_change(self, reason, old_by_id, new_user, note=None):
        """One operation-log line per customer of ``self`` whose owner changed to
        ``new_user``: "张三 → 李四" (+ ``note``). ``reason`` is the line's kind when it is
        one ('transfer', 'claim', 'assign', 'offboard', 'owner_change'...), else
        'transfer'."""
        Log = self.env['crm.operation.log']._crm_log_env()
        kind = reason if reason in dict(Log._fields['kind'].selection) else 'transfer'
        Users = self.env['res.users'].sudo()
        summary, from_users = {}, {}
        for partner in self:
            old = Users.browse(old_by_id.get(partner.id) or [])
            from_users[partner.id] = old.id
            text = Log._crm_user_arrow(old, new_user)
            summary[partner.id] = text + note if note else text
        return Log._crm_log(kind, self, summary, from_user=from_users, to_user=new_user)

    @api.multi
    def _crm_transfer_log_note(self, keep_old_owner):
        """What a transfer adds to its line: whether the previous owner stays a member
        (in the log's language)."""
        context = {'lang': self.env['crm.operation.log']._crm_log_lang()}  # read by _()
        label = {'none': _('not kept'), 'read': _('kept as read member'),
                 'write': _('kept as write member')}.get(keep_old_owner, '')
        return _(' (previous owner %s)') % label if label else ''
