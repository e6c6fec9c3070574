# -*- coding: utf-8 -*-
"""A part of an import (500 planned rows) run by one background job as the importing
user. Internal: users read the import (crm.import.batch), never its chunks."""
import json

from odoo import _, api, fields, models

from odoo.addons.queue_job.job import job


class CrmImportChunk(models.Model):
    _name = 'crm.import.chunk'
    _description = 'CRM Import Part'
    _order = 'batch_id, sequence'

    batch_id = fields.Many2one('crm.import.batch', required=True, index=True, ondelete='cascade')
    sequence = fields.Integer(default=1)
    rows = fields.Text(help='The planned rows (JSON), written by the preview.')
    row_total = fields.Integer()
    state = fields.Selection([('pending', 'Pending'), ('done', 'Done')], default='pending',
                             required=True, index=True)
    created = fields.Integer()
    updated = fields.Integer()
    skipped = fields.Integer()
    failed = fields.Integer()
    date_done = fields.Datetime()

    def _crm_log_operations(self, me, rows_by_id):
        """One operation-log line (导入) per record created or updated, naming the file
        and the row."""
        if not rows_by_id:
            return
        Log = me.env['crm.operation.log']
        # the summaries in the log's language (``_`` reads it from ``self``)
        self = self.with_context(lang=Log._crm_log_lang())
        batch = self.sudo().batch_id
        records = me.env[self.env['crm.import.columns']._kind_model(batch.import_type)].browse(
            list(rows_by_id))
        summary = {rid: _('Imported from %s, row %d') % (batch.name, row)
                   for rid, row in rows_by_id.items()}
        Log._crm_log('import', records, summary)

    @job(default_channel='root')
    def _crm_run(self):
        """Apply the rows of this part as the user running the job (the importer: queue_job
        runs a job as the user who enqueued it), each in a savepoint; then record the
        counts and the failed rows, all in the job's transaction."""
        self.ensure_one()
        user = self.env.user
        chunk = self.sudo()
        if chunk.state == 'done':
            return _('Already imported.')
        if user.id != chunk.batch_id.user_id.id:
            return _('Not run: this part belongs to another user\'s import.')
        # tracking_disable: Odoo's import setting; no chatter note and tracking per
        # created record (the import record says who created them); checks unchanged
        me = self.with_context(lang=user.lang, tz=user.tz, tracking_disable=True)
        items = json.loads(chunk.rows or '[]')
        counts = me.env['crm.import.apply']._apply_items(chunk.batch_id.import_type, items)
        self._crm_log_operations(me, counts['records'])
        cells = {i['row']: i.get('cells') or [] for i in items}
        Line = self.env['crm.import.line'].sudo()
        for row, message in counts['failures']:
            Line.create({'batch_id': chunk.batch_id.id, 'row': row, 'level': 'failed',
                         'message': message,
                         'cells': json.dumps(cells.get(row, []), ensure_ascii=False)})
        chunk.write({'state': 'done', 'created': counts['created'], 'updated': counts['updated'],
                     'skipped': counts['skipped'], 'failed': counts['failed'],
                     'date_done': fields.Datetime.now()})
        return _('%(created)d created, %(updated)d updated, %(skipped)d skipped, '
                 '%(failed)d failed') % counts
