# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmPoolReleaseWizard(models.TransientModel):
    """Asks the reason of a release (by the owner) or a force recycle (by a leader)."""
    _name = 'crm.pool.release.wizard'
    _description = 'Release Customers to the Public Pool'

    mode = fields.Selection([('release', 'Release'), ('recycle', 'Force Recycle')],
                            required=True, default='release')
    partner_ids = fields.Many2many(
        'res.partner', string='Customers',
        default=lambda self: [(6, 0, self.env.context.get('active_ids') or [])])
    reason = fields.Char(required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        partners = self.partner_ids
        if self.mode == 'recycle':
            done = partners.action_pool_recycle(self.reason)
        else:
            done = partners.action_pool_release(self.reason)
        return done if isinstance(done, dict) else {'type': 'ir.actions.act_window_close'}
