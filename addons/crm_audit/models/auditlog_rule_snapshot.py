# -*- coding: utf-8 -*-
"""The values of audited records as ``read()`` gives them, for many records at once.

``read()`` builds its result field by field, record by record, through the ORM cache and
the read overrides of every module; for the full snapshot of an import's or a cron's
thousands of records that costs more than the change itself. Plain stored columns are
read in one query here and formatted as ``read()`` formats them (dates as strings,
many2one as (id, name) with the names from one ``name_get`` per comodel), plain
many2many lists in one query per relation table (ids in ascending order; as superuser
``read()`` would give the same ids); the other fields (related or computed ones still
waiting for their recomputation, many2many with a domain) go through ``read()``."""
from odoo import api, models

PLAIN_TYPES = ('char', 'text', 'html', 'selection', 'integer', 'float', 'monetary',
               'boolean', 'date', 'datetime', 'many2one')


class AuditlogRule(models.Model):
    _inherit = 'auditlog.rule'

    @api.model
    def _crm_snapshot(self, records, names):
        """{id: {field: value as read()}} of ``records`` (as superuser, archived too)."""
        if not names or not records:
            return {rid: {} for rid in records.ids}
        recs = records.sudo().with_context(prefetch_fields=False, active_test=False)
        plain = [n for n in names if self._crm_snapshot_plain(recs, recs._fields[n])]
        lists = [n for n in names if self._crm_snapshot_list(recs._fields[n])]
        others = [n for n in names if n not in plain and n not in lists]
        result = {rid: {'id': rid} for rid in recs.ids}
        for name in lists:
            self._crm_snapshot_relation(recs, recs._fields[name], result)
        if others:
            for row in recs.read(others, load='_classic_read'):
                result[row['id']].update(row)
        if plain:
            self._crm_snapshot_columns(recs, plain, result)
        return result

    @api.model
    def _crm_snapshot_plain(self, records, field):
        return field.store and field.column_type and field.type in PLAIN_TYPES \
            and not field.translate and not field.inherited and field.name != 'id' \
            and not (field.compute and records._recompute_check(field))

    @api.model
    def _crm_snapshot_list(self, field):
        return field.type == 'many2many' and field.store and not field.compute \
            and not field.inherited and not field.domain and field.relation \
            and field.column1 and field.column2

    @api.model
    def _crm_snapshot_relation(self, records, field, result):
        self.env.cr.execute('SELECT "%s", "%s" FROM "%s" WHERE "%s" IN %%s ORDER BY 1, 2' % (
            field.column1, field.column2, field.relation, field.column1), (tuple(records.ids),))
        for rid in records.ids:
            result[rid][field.name] = []
        for rid, value in self.env.cr.fetchall():
            result[rid][field.name].append(value)

    @api.model
    def _crm_snapshot_columns(self, records, names, result):
        self.env.cr.execute('SELECT id, %s FROM "%s" WHERE id IN %%s' % (
            ', '.join('"%s"' % n for n in names), records._table), (tuple(records.ids),))
        rows = self.env.cr.fetchall()
        fields_ = [records._fields[n] for n in names]
        labels = self._crm_snapshot_names(fields_, rows)
        empty = records.browse()
        for row in rows:
            values = result[row[0]]
            for field, value in zip(fields_, row[1:]):
                values[field.name] = self._crm_snapshot_value(field, value, labels, empty)

    @api.model
    def _crm_snapshot_names(self, fields_, rows):
        """{comodel: {id: display name}} of the many2one values in ``rows``."""
        wanted = {}
        for i, field in enumerate(fields_, start=1):
            if field.type == 'many2one':
                wanted.setdefault(field.comodel_name, set()).update(
                    row[i] for row in rows if row[i])
        labels = {}
        for comodel, ids in wanted.items():
            existing = self.env[comodel].sudo().browse(list(ids)).exists() if ids else None
            labels[comodel] = self._crm_record_names(existing) if existing else {}
        return labels

    @api.model
    def _crm_snapshot_value(self, field, value, labels, record):
        if field.type == 'many2one':
            return (value, labels[field.comodel_name].get(value, '')) if value else False
        value = field.convert_to_cache(value, record, validate=False)
        return field.convert_to_read(value, record, use_name_get=True)
