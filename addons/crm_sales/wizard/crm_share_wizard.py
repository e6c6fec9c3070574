# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval

SHARE_MODELS = ('res.partner', 'crm.lead')


class CrmShareWizard(models.TransientModel):
    """Share customers / leads / opportunities with colleagues, or stop sharing."""
    _name = 'crm.share.wizard'
    _description = 'Share with Colleagues'

    res_model = fields.Char(required=True)
    res_ids = fields.Char(required=True, help='Ids of the records, as a Python list.')
    user_ids = fields.Many2many('res.users', string='Colleagues', required=True,
                                domain=[('share', '=', False)])
    access = fields.Selection([('read', 'Read only'), ('write', 'Read and write')],
                              string='Access', required=True, default='read')
    operation = fields.Selection([('share', 'Share'), ('unshare', 'Stop sharing')],
                                 required=True, default='share')

    def _records(self):
        if self.res_model not in SHARE_MODELS:
            raise UserError(_('These records cannot be shared.'))
        try:
            ids = safe_eval(self.res_ids or '[]')
        except Exception:
            ids = None
        if not isinstance(ids, (list, tuple)) or not ids:
            raise UserError(_('Choose the records to share.'))
        ids = self.env['crm.guard']._arg_ids(list(ids), _('the records to share'))
        records = self.env[self.res_model].browse(ids).exists()
        if len(records) != len(set(ids)):
            raise UserError(_('Some of the records to share do not exist any more.'))
        return records

    @api.multi
    def action_apply(self):
        self.ensure_one()
        records = self._records()
        if self.operation == 'unshare':
            records.action_unshare(self.user_ids.ids)
        else:
            records.action_share(self.user_ids.ids, access=self.access)
        return {'type': 'ir.actions.act_window_close'}
