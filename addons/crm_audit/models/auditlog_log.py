# -*- coding: utf-8 -*-
"""The log is read-only: no user changes or deletes a log line over any path (the
superuser included); only the purge (SQL, by age, ``auditlog.autovacuum._crm_purge``)
removes them. Who reads a log: CRM administrators every log; any other employee the
logs of the records they may read, of the models whose log follows the record
(``auditlog.rule._crm_audited_models()``), through the record rule on ``crm_readable``."""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

OPERATIONS = [('create', 'Created'), ('write', 'Changed'), ('unlink', 'Deleted')]
MASK = '******'
VALUE_FIELDS = ('old_value', 'new_value', 'old_value_text', 'new_value_text')


def _refuse(self):
    raise AccessError(_('The audit trail cannot be changed or deleted.'))


class AuditlogLog(models.Model):
    _inherit = 'auditlog.log'

    crm_operation = fields.Selection(OPERATIONS, 'Operation', compute='_compute_crm_operation')
    crm_summary = fields.Text('Changes', compute='_compute_crm_summary')
    crm_readable = fields.Boolean('Readable', compute='_compute_crm_readable',
                                  search='_search_crm_readable')

    @api.model_cr
    def init(self):
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS auditlog_log_crm_record_idx
                ON auditlog_log (model_id, res_id);
            CREATE INDEX IF NOT EXISTS auditlog_log_crm_date_idx ON auditlog_log (create_date);
            CREATE INDEX IF NOT EXISTS auditlog_log_crm_user_idx ON auditlog_log (user_id)""")

    @api.depends('method')
    def _compute_crm_operation(self):
        for log in self:
            log.crm_operation = log.method if log.method in dict(OPERATIONS) else False

    def _compute_crm_summary(self):
        masked = self.mapped('line_ids')._crm_masked_ids()
        for log in self:
            parts = []
            for line in log.line_ids:
                if line.id in masked:
                    parts.append('%s: %s' % (line.field_description, MASK))
                    continue
                if log.method == 'create':
                    parts.append('%s: %s' % (line.field_description, line.new_value_text or ''))
                elif log.method == 'unlink':
                    parts.append('%s: %s' % (line.field_description, line.old_value_text or ''))
                else:
                    parts.append('%s: %s → %s' % (line.field_description, line.old_value_text or '',
                                                  line.new_value_text or ''))
            log.crm_summary = '\n'.join(parts)

    def _compute_crm_readable(self):
        for log in self:
            log.crm_readable = True

    @api.model
    def _search_crm_readable(self, operator, value):
        """``('crm_readable', '=', uid)``: the logs of the records user ``uid`` may read
        (the record rules of each audited model, as SQL sub-queries)."""
        if operator != '=' or isinstance(value, bool) or not isinstance(value, int):
            return [('id', '=', 0)]
        user = self.env['res.users'].sudo().browse(value).exists()
        if not user:
            return [('id', '=', 0)]
        readers = self.env['auditlog.rule']._crm_audited_models()
        terms = []
        for model, model_id in sorted(self.env['auditlog.rule']._crm_rule_models().items()):
            if readers.get(model) != 'record' or model not in self.env:
                continue
            Model = self.env[model].sudo(user.id).with_context(active_test=False)
            if not Model.check_access_rights('read', raise_exception=False):
                continue
            query = Model._where_calc([], active_test=False)
            Model._apply_ir_rules(query, 'read')
            from_clause, where_clause, params = query.get_sql()
            sql = 'SELECT "%s".id FROM %s WHERE %s' % (Model._table, from_clause,
                                                       where_clause or 'TRUE')
            terms.append(['&', ('model_id', '=', model_id), ('res_id', 'inselect', (sql, params))])
        if not terms:
            return [('id', '=', 0)]
        return ['|'] * (len(terms) - 1) + [leaf for term in terms for leaf in term]

    @api.model
    def create(self, vals):
        _refuse(self)

    @api.multi
    def write(self, vals):
        _refuse(self)

    @api.multi
    def unlink(self):
        _refuse(self)

    @api.multi
    def copy(self, default=None):
        _refuse(self)


class AuditlogLogLine(models.Model):
    _inherit = 'auditlog.log.line'

    user_id = fields.Many2one('res.users', 'User', related='log_id.user_id', readonly=True)
    log_date = fields.Datetime('Date', related='log_id.create_date', readonly=True)
    crm_operation = fields.Selection(OPERATIONS, 'Operation', related='log_id.crm_operation',
                                     readonly=True)
    crm_readable = fields.Boolean('Readable', compute='_compute_crm_readable',
                                  search='_search_crm_readable')

    @api.model_cr
    def init(self):
        # OCA indexes log_id already (auditlog_log_line_log_id_index): a second index
        # made every line's insert pay twice
        self.env.cr.execute('DROP INDEX IF EXISTS auditlog_log_line_crm_log_idx')

    def _compute_crm_readable(self):
        for line in self:
            line.crm_readable = True

    def _crm_masked_ids(self):
        """Ids of the lines of ``self`` whose values the current user does not see on
        the record itself (e.g. a pool customer's phone, hidden from salespeople): a
        field the user reads differently from the superuser is masked in its log too."""
        user = self.env.user
        if self.env.uid == SUPERUSER_ID or user._crm_is_admin() or not self:
            return set()
        by_record = {}
        for line in self.sudo():
            log = line.log_id
            if log.model_id.model in self.env and line.field_id.name:
                by_record.setdefault((log.model_id.model, log.res_id), {}).setdefault(
                    line.field_id.name, []).append(line.id)
        masked = set()
        by_model = {}
        for (model, res_id), fields_map in by_record.items():
            by_model.setdefault(model, {})[res_id] = fields_map
        for model, records in by_model.items():
            Model = self.env[model].with_context(active_test=False)
            names = sorted({f for fm in records.values() for f in fm if f in Model._fields})
            existing = Model.browse(list(records)).exists()
            if not names or not existing:
                continue
            try:
                mine = {r['id']: r for r in existing.read(names)}
            except AccessError:
                continue
            theirs = {r['id']: r for r in existing.sudo().read(names)}
            for rid, fields_map in records.items():
                if rid not in mine:
                    continue
                for fname, line_ids in fields_map.items():
                    if fname in mine[rid] and mine[rid][fname] != theirs[rid][fname]:
                        masked.update(line_ids)
        return masked

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        result = super(AuditlogLogLine, self).read(fields=fields, load=load)
        masked = self.browse([r['id'] for r in result])._crm_masked_ids()
        for values in result:
            if values['id'] in masked:
                for fname in VALUE_FIELDS:
                    if values.get(fname):
                        values[fname] = MASK
        return result

    @api.model
    def _search_crm_readable(self, operator, value):
        Log = self.env['auditlog.log'].sudo()
        query = Log._where_calc([('crm_readable', operator, value)], active_test=False)
        from_clause, where_clause, params = query.get_sql()
        sql = 'SELECT "auditlog_log".id FROM %s WHERE %s' % (from_clause, where_clause or 'TRUE')
        return [('log_id', 'inselect', (sql, params))]

    @api.model
    def create(self, vals):
        _refuse(self)

    @api.multi
    def write(self, vals):
        _refuse(self)

    @api.multi
    def unlink(self):
        _refuse(self)

    @api.multi
    def copy(self, default=None):
        _refuse(self)
