# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmTask(models.Model):
    _inherit = 'crm.task'

    contract_id = fields.Many2one('crm.contract', 'Contract', index=True, ondelete='set null',
                                 track_visibility='onchange')

    def _crm_target_fields(self):
        res = super(CrmTask, self)._crm_target_fields()
        res['contract_id'] = 'read'
        return res
