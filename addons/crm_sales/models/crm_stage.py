# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmStage(models.Model):
    _inherit = 'crm.stage'

    stage_group_id = fields.Many2one(
        'crm.stage.group', string='Status Group', index=True, ondelete='cascade',
        help='Only opportunities of this status group can be in this stage. Stages '
             'without a group are Odoo\'s usual stages, used by teams without a group.')
