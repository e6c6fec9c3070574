# -*- coding: utf-8 -*-
"""One import (导入记录): who, when, which file, what the preview found, what the run did."""
import json

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .crm_import_columns import KINDS

CHUNK_SIZE = 500
STATES = [('preview', 'Previewed'), ('running', 'Importing'), ('done', 'Done'),
          ('cancelled', 'Cancelled')]


class CrmImportBatch(models.Model):
    _name = 'crm.import.batch'
    _description = 'CRM Import'
    _order = 'id desc'

    name = fields.Char('File Name', required=True, readonly=True)
    import_type = fields.Selection(KINDS, 'Import Type', required=True, readonly=True)
    duplicate_mode = fields.Selection([('skip', 'Skip'), ('update', 'Update')],
                                      'Existing Records', required=True, readonly=True,
                                      default='skip')
    user_id = fields.Many2one('res.users', 'Imported By', required=True, readonly=True,
                              index=True, ondelete='restrict')
    stage = fields.Selection([('preview', 'Previewed'), ('queued', 'Started'),
                              ('cancelled', 'Cancelled')], required=True, readonly=True,
                             default='preview')
    state = fields.Selection(STATES, 'Status', compute='_compute_counts',
                             search='_search_state')
    date_started = fields.Datetime('Started', readonly=True)
    header = fields.Text(readonly=True)
    row_count = fields.Integer('Rows', readonly=True)
    to_create_count = fields.Integer('To Create', readonly=True)
    to_update_count = fields.Integer('To Update', readonly=True)
    to_skip_count = fields.Integer('To Skip', readonly=True)
    error_count = fields.Integer('Rows with Errors', readonly=True)
    created_count = fields.Integer('Created', compute='_compute_counts')
    updated_count = fields.Integer('Updated', compute='_compute_counts')
    skipped_count = fields.Integer('Skipped', compute='_compute_counts')
    failed_count = fields.Integer('Failed', compute='_compute_counts')
    progress = fields.Float('Progress (%)', compute='_compute_counts')
    date_done = fields.Datetime('Finished', compute='_compute_counts')
    line_ids = fields.One2many('crm.import.line', 'batch_id', 'Row Messages', readonly=True)
    error_line_count = fields.Integer('Rows Not Imported', compute='_compute_counts')

    # ------------------------------------------------------------------ computes
    def _chunk_totals(self):
        """{batch id: {state: n chunks, created, updated, skipped, failed, rows done, date}}"""
        totals = {b.id: {'pending': 0, 'done': 0, 'created': 0, 'updated': 0, 'skipped': 0,
                         'failed': 0, 'rows': 0, 'date': False} for b in self}
        if not self.ids:
            return totals
        self.env.cr.execute("""
            SELECT batch_id, state, count(*), sum(created), sum(updated), sum(skipped),
                   sum(failed), sum(row_total), max(date_done)
              FROM crm_import_chunk WHERE batch_id = ANY(%s) GROUP BY batch_id, state""",
                            (self.ids,))
        for batch_id, state, n, created, updated, skipped, failed, rows, date in self.env.cr.fetchall():
            total = totals[batch_id]
            total[state] += n
            if state == 'done':
                total.update(created=created, updated=updated, skipped=skipped, failed=failed,
                             rows=rows, date=date)
        return totals

    def _compute_counts(self):
        totals = self._chunk_totals()
        for batch in self:
            total = totals.get(batch.id, {}) if isinstance(batch.id, int) else {}
            if batch.stage == 'queued':
                batch.state = 'running' if total.get('pending') else 'done'
            else:
                batch.state = batch.stage
            batch.created_count = total.get('created', 0)
            batch.updated_count = total.get('updated', 0)
            batch.skipped_count = total.get('skipped', 0)
            batch.failed_count = total.get('failed', 0) + (batch.error_count if batch.stage == 'queued' else 0)
            todo = (batch.row_count or 0) - (batch.error_count or 0)
            if batch.stage != 'queued':
                batch.progress = 0.0
            else:
                batch.progress = 100.0 if not total.get('pending') else \
                    round(100.0 * total.get('rows', 0) / max(todo, 1), 1)
            batch.date_done = total.get('date') if batch.state == 'done' else False
            batch.error_line_count = batch.error_count + total.get('failed', 0)

    def _search_state(self, operator, value):
        if operator not in ('=', '!=', 'in', 'not in'):
            raise UserError(_('Search the import status with "=" or "in".'))
        wanted = [value] if isinstance(value, str) else list(value or [])
        running_sql = "SELECT batch_id FROM crm_import_chunk WHERE state = 'pending'"
        self.env.cr.execute(running_sql)
        running = [r[0] for r in self.env.cr.fetchall()]
        parts = []
        for state in wanted:
            if state in ('preview', 'cancelled'):
                parts.append([('stage', '=', state)])
            elif state == 'running':
                parts.append([('stage', '=', 'queued'), ('id', 'in', running)])
            elif state == 'done':
                parts.append([('stage', '=', 'queued'), ('id', 'not in', running)])
        domain = ['|'] * (len(parts) - 1) + [t for p in parts for t in p] if parts else [('id', '=', 0)]
        return ['!'] + domain if operator in ('!=', 'not in') else domain

    # ------------------------------------------------------------------ creation (preview)
    @api.model
    def _create_from_plan(self, kind, file_name, header, items, duplicate_mode):
        """The import record of a preview (written in sudo: users only read it), with its
        row messages and its chunks of planned rows."""
        counts = {a: sum(1 for i in items if i['action'] == a)
                  for a in ('create', 'update', 'skip', 'error')}
        batch = self.sudo().create({
            'name': file_name, 'import_type': kind, 'duplicate_mode': duplicate_mode,
            'user_id': self.env.uid, 'header': json.dumps(header, ensure_ascii=False),
            'row_count': len(items), 'to_create_count': counts['create'],
            'to_update_count': counts['update'], 'to_skip_count': counts['skip'],
            'error_count': counts['error'],
        })
        Line = self.env['crm.import.line'].sudo()
        for item in items:
            if item['action'] == 'error':
                Line.create({'batch_id': batch.id, 'row': item['row'], 'level': 'error',
                             'message': '\n'.join(item['errors']),
                             'cells': json.dumps(item['cells'], ensure_ascii=False)})
            elif item['action'] in ('skip', 'update'):
                Line.create({'batch_id': batch.id, 'row': item['row'], 'level': item['action'],
                             'message': item['note']})
        todo = [i for i in items if i['action'] != 'error']
        Chunk = self.env['crm.import.chunk'].sudo()
        keep = ('row', 'action', 'target', 'vals', 'contact', 'owner', 'contact_target', 'cells')
        for start in range(0, len(todo), CHUNK_SIZE):
            part = [{k: i.get(k) for k in keep} for i in todo[start:start + CHUNK_SIZE]]
            Chunk.create({'batch_id': batch.id, 'sequence': start // CHUNK_SIZE + 1,
                          'rows': json.dumps(part, ensure_ascii=False),
                          'row_total': len(part)})
        return batch.with_env(self.env)

    # ------------------------------------------------------------------ actions
    def _check_importer(self):
        for batch in self:
            if batch.user_id != self.env.user:
                raise AccessError(_('Only %s, who previewed this import, can run or cancel it.')
                                  % batch.user_id.name)

    @api.multi
    def action_run(self):
        """Start the previewed imports in the background (one job per 500 rows, each run
        as the importing user). Returns True."""
        self.env.user._crm_check_can_act()
        self.check_access_rule('read')
        self._check_importer()
        for batch in self:
            if batch.stage != 'preview':
                raise UserError(_('The import "%s" has already been started or cancelled.')
                                % batch.name)
        for batch in self.sudo():
            batch.write({'stage': 'queued', 'date_started': fields.Datetime.now()})
            chunks = self.env['crm.import.chunk'].sudo().search([('batch_id', '=', batch.id)])
            for chunk in chunks:
                # the job runs as the importing user (queue_job stores env.uid)
                chunk.sudo(self.env.uid).with_delay(
                    description=_('Import %s (%s), part %d') % (batch.name, batch.user_id.name,
                                                                 chunk.sequence))._crm_run()
        return True

    @api.multi
    def action_cancel(self):
        """Drop previewed imports that were not started. Returns True."""
        self.check_access_rule('read')
        self._check_importer()
        for batch in self:
            if batch.stage != 'preview':
                raise UserError(_('The import "%s" has already been started.') % batch.name)
        self.sudo().write({'stage': 'cancelled'})
        return True

    @api.multi
    def action_refresh(self):
        """The form's refresh button (the progress is read again). Returns True."""
        self.check_access_rule('read')
        return True

    @api.multi
    def action_download_errors(self):
        """The rows not imported as an Excel file (their cells and the reason)."""
        self.ensure_one()
        self.check_access_rule('read')
        return {'type': 'ir.actions.act_url', 'target': 'self',
                'url': '/crm_import/errors/%d' % self.id}

    @api.multi
    def get_error_file(self):
        """{'file_name', 'data' (base64 xlsx)} of the rows not imported, for integrators."""
        import base64
        self.ensure_one()
        self.check_access_rule('read')
        return {'file_name': self._error_file_name(),
                'data': base64.b64encode(self._error_file()).decode()}

    def _error_file_name(self):
        base = (self.name or 'import').rsplit('.', 1)[0]
        return _('%s - rows not imported.xlsx') % base

    def _error_rows(self):
        batch = self.sudo()
        rows = []
        for line in batch.line_ids.filtered(lambda l: l.level in ('error', 'failed')).sorted('row'):
            rows.append((line.row, json.loads(line.cells or '[]'), line.message))
        return rows

    def _error_file(self):
        self.ensure_one()
        header = json.loads(self.sudo().header or '[]')
        return self.env['crm.import.xlsx']._error_file(header, self._error_rows())
