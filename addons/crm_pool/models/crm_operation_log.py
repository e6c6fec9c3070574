# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class CrmOperationLog(models.Model):
    """The pool's operations in crm_sales' operation log, written by
    ``crm.pool.log._log_bulk`` in the same statement as the pool's own log."""
    _inherit = 'crm.operation.log'

    kind = fields.Selection(selection_add=[
        ('claim', 'Claim'),
        ('release', 'Release to the Pool'),
        ('recycle', 'Force Recycle'),
        ('auto_release', 'Automatic Release'),
        ('offboard', 'Offboarding'),
        ('lock', 'Lock'),
        ('unlock', 'Unlock'),
    ])

    @api.model
    def _crm_pool_summary(self, action, pool=None, rule=None, reason=None, to_user_id=None):
        """(summary, nobody) of a pool operation, in this environment's language; the
        summary holds "{from}" where each line's previous owner goes (``nobody`` when it
        had none)."""
        to_user = self.env['res.users'].sudo().browse(to_user_id or [])
        values = {'from': '{from}', 'pool': pool.name if pool else '',
                  'rule': rule.name if rule else '', 'to': to_user.name or _('nobody'),
                  'reason': reason or ''}
        if action == 'claim':
            text = _('Claimed from the public pool %(pool)s')
        elif action == 'assign':
            text = _('Assigned from the public pool %(pool)s to %(to)s')
        elif action == 'release':
            text = _('%(from)s → the public pool %(pool)s: %(reason)s')
        elif action == 'recycle':
            text = _('Recycled from %(from)s to the public pool %(pool)s: %(reason)s')
        elif action == 'auto_release':
            text = _('Released from %(from)s to the public pool %(pool)s by the rule %(rule)s')
        elif action == 'offboard' and to_user:
            text = _('Offboarding: %(from)s → %(to)s (%(reason)s)')
        elif action == 'offboard':
            text = _('Offboarding: %(from)s → the public pool %(pool)s (%(reason)s)')
        elif action == 'lock':
            text = _('Locked: never released automatically')
        elif action == 'unlock':
            text = _('Unlocked')
        else:
            text = '%(from)s → %(to)s'
        return text % values, _('nobody')
