# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmImportLine(models.Model):
    """What the preview or the run says about one row (errors, skipped and updated
    duplicates, rows the run refused)."""
    _name = 'crm.import.line'
    _description = 'CRM Import Row Message'
    _order = 'batch_id, row'

    batch_id = fields.Many2one('crm.import.batch', 'Import', required=True, index=True,
                               ondelete='cascade', readonly=True)
    row = fields.Integer('Row', readonly=True, help='The line number in the file.')
    level = fields.Selection([('error', 'Error'), ('skip', 'Will be skipped'),
                              ('update', 'Will update'), ('failed', 'Failed on import')],
                             'Kind', required=True, readonly=True)
    message = fields.Text('Message', readonly=True)
    cells = fields.Text(readonly=True)
