# -*- coding: utf-8 -*-
"""Writing the log: old → new per field, in batches.

OCA auditlog creates one ``auditlog.log`` and one ``auditlog.log.line`` per record and
per field through the ORM, and reads every stored field before and after a write: a
bulk write of 5,000 customers would take many times as long as the write. Here a call
reads only the fields it may change, and inserts its logs and their lines with two SQL
statements, whatever the number of records. Values are kept as OCA stores them
(``old_value`` / ``new_value``, as read) with a readable text in the language of the
call (``old_value_text`` / ``new_value_text``: names instead of ids, selection labels,
是 / 否).

Nested calls: a write that an audited create / write / unlink makes on records it is
already logging is not logged twice (the transaction's cursor carries the records being
logged), and writes made on a record while it is being created belong to its creation
log.
"""
import contextlib

from odoo import _, api, models

MAX_NAME = 64


def _state(cr):
    state = getattr(cr, '_crm_audit_state', None)
    if state is None:
        state = {'covered': {}, 'creating': []}
        cr._crm_audit_state = state
    return state


class AuditlogRule(models.Model):
    _inherit = 'auditlog.rule'

    # ------------------------------------------------------------------ nesting
    @api.model
    def _crm_uncovered(self, records):
        covered = _state(self.env.cr)['covered'].get(records._name)
        if not covered:
            return records
        return records.browse([rid for rid in records.ids if rid not in covered])

    @contextlib.contextmanager
    def _crm_covering(self, records):
        covered = _state(self.env.cr)['covered'].setdefault(records._name, {})
        added = [rid for rid in records.ids if rid not in covered]
        for rid in added:
            covered[rid] = True
        try:
            yield
        finally:
            for rid in added:
                covered.pop(rid, None)

    @contextlib.contextmanager
    def _crm_creating(self, model):
        """While a record of ``model`` is created, logs of writes on that model wait in a
        frame; those of the new record are dropped (its creation log holds the values)."""
        stack = _state(self.env.cr)['creating']
        frame = {'model': model, 'res_id': None, 'pending': []}
        stack.append(frame)
        try:
            yield frame
        finally:
            stack.remove(frame)
        rows = [row for row in frame['pending'] if row[1] != frame['res_id']]
        if rows:
            self._crm_insert(rows)

    # ------------------------------------------------------------------ logging
    @api.model
    def _crm_log(self, records, method, old_values, new_values, log_type):
        """Log ``method`` on ``records`` (ids), by the current user."""
        if not records:
            return
        model_id = self._crm_rule_models().get(records._name)
        if not model_id:
            return
        old_values, new_values = old_values or {}, new_values or {}
        ids = records.ids
        names = self._crm_record_names(records)
        fields_meta = self._crm_fields_meta(records._name, model_id, set(
            f for vals in list(old_values.values()) + list(new_values.values()) for f in vals))
        formatter = _Formatter(self.with_context(active_test=False), records._name)
        rows = []
        for rid in ids:
            old, new = old_values.get(rid, {}), new_values.get(rid, {})
            changes = []
            for fname in sorted(set(old) | set(new)):
                meta = fields_meta.get(fname)
                if not meta or fname == 'id':
                    continue
                before, after = old.get(fname, False), new.get(fname, False)
                if method == 'write' and before == after:
                    continue
                if method == 'create' and (_empty(after) or (
                        after == 0 and meta['ttype'] in ('integer', 'float', 'monetary'))):
                    continue
                if method == 'unlink' and _empty(before):
                    continue
                changes.append((meta, before, after))
            if method == 'write' and not changes:
                continue
            rows.append((model_id, rid, (names.get(rid) or '')[:MAX_NAME], method,
                         log_type, changes))
        if not rows:
            return
        formatter.prepare(rows)
        rows = [row[:5] + ([(meta, before, after, formatter.text(meta, before),
                             formatter.text(meta, after)) for meta, before, after in row[5]],)
                for row in rows]
        stack = _state(self.env.cr)['creating']
        frames = [f for f in stack if f['model'] == records._name]
        if method == 'write' and frames:
            frames[-1]['pending'].extend(rows)
        else:
            self._crm_insert(rows)

    @api.model
    def _crm_record_names(self, records):
        """{id: display name} of ``records``: the stored display name where the model
        keeps one up to date (partners), else ``name_get``."""
        records = records.sudo().with_context(prefetch_fields=False, active_test=False)
        field = records._fields.get('display_name')
        names = {}
        if field is not None and field.store and not records._recompute_check(field):
            self.env.cr.execute('SELECT id, display_name FROM "%s" WHERE id IN %%s'
                                % records._table, (tuple(records.ids),))
            names = dict(self.env.cr.fetchall())
        missing = records.browse([rid for rid in records.ids if rid not in names])
        if missing:
            names.update(missing.name_get())
        return names

    @api.model
    def _crm_insert(self, rows):
        """Insert the logs ``rows`` [(model id, res id, name, method, log type,
        [(field meta, old, new, old text, new text)])] and their lines."""
        cr = self.env.cr
        request_id = self.env['auditlog.http.request'].sudo().current_http_request() or None
        session_id = self.env['auditlog.http.session'].sudo().current_http_session() or None
        uid = self.env.uid
        cr.execute("""
            INSERT INTO auditlog_log (model_id, res_id, name, method, log_type, user_id,
                                      http_request_id, http_session_id, create_uid, write_uid,
                                      create_date, write_date)
            SELECT m, r, n, meth, t, %s, %s, %s, %s, %s, now() at time zone 'UTC',
                   now() at time zone 'UTC'
              FROM unnest(%s::int[], %s::int[], %s::varchar[], %s::varchar[], %s::varchar[])
                   WITH ORDINALITY AS v(m, r, n, meth, t, k)
          ORDER BY k
         RETURNING id""", (uid, request_id, session_id, uid, uid,
                           [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows],
                           [r[3] for r in rows], [r[4] for r in rows]))
        log_ids = sorted(r[0] for r in cr.fetchall())
        lines = [(log_id, meta['id'], _raw(before), _raw(after), old_text, new_text)
                 for log_id, row in zip(log_ids, rows)
                 for meta, before, after, old_text, new_text in row[5]]
        if lines:
            # who and when are the log's (user_id, create_date): a line's create_uid /
            # write_uid would add two foreign-key checks per line, half the cost of an
            # import's tens of thousands of lines
            cr.execute("""
                INSERT INTO auditlog_log_line (log_id, field_id, old_value, new_value,
                                               old_value_text, new_value_text,
                                               create_date, write_date)
                SELECT l, f, o, n, ot, nt, now() at time zone 'UTC', now() at time zone 'UTC'
                  FROM unnest(%s::int[], %s::int[], %s::text[], %s::text[], %s::text[],
                              %s::text[]) AS v(l, f, o, n, ot, nt)""",
                       ([l[0] for l in lines], [l[1] for l in lines],
                        [l[2] for l in lines], [l[3] for l in lines], [l[4] for l in lines],
                        [l[5] for l in lines]))
        return log_ids

    @api.model
    def _crm_fields_meta(self, model, model_id, names):
        """{field name: {id, name, ttype, relation}} of ``names`` (cached per registry)."""
        cache = self.pool.__dict__.setdefault('_crm_audit_field_cache', {})
        by_model = cache.setdefault(model, {})
        missing = [n for n in names if n not in by_model]
        if missing:
            self.env.cr.execute("""
                SELECT f.name, f.id, f.ttype, f.relation FROM ir_model_fields f
                 WHERE f.model = %s AND f.name IN %s""", (model, tuple(missing)))
            for name, fid, ttype, relation in self.env.cr.fetchall():
                by_model[name] = {'id': fid, 'name': name, 'ttype': ttype, 'relation': relation}
            for name in missing:
                by_model.setdefault(name, None)
        return {n: by_model[n] for n in names if by_model.get(n)}


def _empty(value):
    return value is False or value is None or value == '' or value == []


def _raw(value):
    """The value as OCA auditlog stores it (the text of what read() returned)."""
    if value is False or value is None:
        return None
    return str(value)


class _Formatter(object):
    """Readable texts of values, in the language of the call."""

    def __init__(self, rule, model):
        self.env = rule.env
        self.model = self.env[model]
        self.names = {}          # {comodel: {id: name}}
        self.selections = {}
        self.yes_no = (_('No'), _('Yes'))   # looked up once: a log has thousands

    def prepare(self, rows):
        wanted = {}
        for row in rows:
            for meta, before, after in row[5]:
                if meta['ttype'] in ('many2many', 'one2many', 'many2one') and meta['relation']:
                    ids = wanted.setdefault(meta['relation'], set())
                    for value in (before, after):
                        if isinstance(value, (list, tuple)) and meta['ttype'] != 'many2one':
                            ids.update(v for v in value if isinstance(v, int))
                        elif isinstance(value, int) and not isinstance(value, bool):
                            ids.add(value)
        for comodel, ids in wanted.items():
            if comodel not in self.env or not ids:
                continue
            Comodel = self.env[comodel].sudo().with_context(active_test=False,
                                                            prefetch_fields=False)
            existing = Comodel.browse(list(ids)).exists()
            self.names[comodel] = dict(existing.name_get())

    def text(self, meta, value):
        ttype = meta['ttype']
        if ttype == 'boolean':
            return self.yes_no[bool(value)]
        if _empty(value):
            return ''
        if ttype == 'many2one':
            if isinstance(value, (list, tuple)) and len(value) == 2:
                return str(value[1])
            return self.names.get(meta['relation'], {}).get(value, '#%s' % value)
        if ttype in ('many2many', 'one2many'):
            if not isinstance(value, (list, tuple)):
                return str(value)
            names = self.names.get(meta['relation'], {})
            return '、'.join(names.get(v, _('(deleted) #%s') % v) if isinstance(v, int)
                            else str(v) for v in value)
        if ttype == 'selection':
            if meta['name'] not in self.selections:
                field = self.model._fields.get(meta['name'])
                try:
                    self.selections[meta['name']] = dict(field._description_selection(self.env)) \
                        if field is not None else {}
                except Exception:
                    self.selections[meta['name']] = {}
            return str(self.selections[meta['name']].get(value, value))
        return str(value)
