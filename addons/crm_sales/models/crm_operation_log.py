# -*- coding: utf-8 -*-
"""The operation log (操作日志): one line per business operation on a CRM record --
who moved this customer to whom, who shared it, who approved the contract -- written
by the actions themselves through one API, read on one screen, never changed."""
import datetime
import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..grant import acting_uid

_logger = logging.getLogger(__name__)

RETENTION_PARAM = 'crm_sales.operation_log_days'
DEFAULT_RETENTION_DAYS = 365

# crm_sales' kinds; other modules add theirs with ``selection_add`` (crm_pool: claim,
# release...; crm_contract: approval steps)
OPERATION_KINDS = [
    ('transfer', 'Transfer'),
    ('owner_change', 'Owner Changed'),
    ('share', 'Share'),
    ('unshare', 'Unshare'),
    ('assign', 'Assign'),
    ('import', 'Import'),
]


class CrmOperationLog(models.Model):
    """One operation on one record. Lines are written by ``_crm_log`` (and by bulk SQL
    of the same shape, e.g. the pool cron) only: ``create``, ``write`` and ``unlink``
    are refused to everyone, the system administrator included; the daily purge
    (``_cron_purge``) removes the lines older than the retention."""
    _name = 'crm.operation.log'
    _description = 'Operation Log'
    _order = 'date desc, id desc'
    _rec_name = 'res_name'
    # no create_uid / write_uid / create_date / write_date: ``date`` and ``user_id`` say
    # when and who, lines are never written, and each magic user column would cost a
    # foreign-key check per line on the bulk paths (the pool cron logs 10,000 at a time)
    _log_access = False

    date = fields.Datetime('Date', required=True, readonly=True, index=True)
    user_id = fields.Many2one('res.users', 'Done By', readonly=True, index=True,
                              ondelete='set null')
    kind = fields.Selection(OPERATION_KINDS, 'Operation', required=True, readonly=True,
                            index=True)
    res_model = fields.Char('Record Model', required=True, readonly=True, index=True)
    res_model_name = fields.Char('Record Type', compute='_compute_res_model_name')
    res_id = fields.Integer('Record ID', required=True, readonly=True, index=True)
    res_name = fields.Char('Record', readonly=True)
    partner_id = fields.Many2one(
        'res.partner', 'Customer', readonly=True, index=True, ondelete='set null',
        help='The customer the operation concerns (the record itself, or the customer of '
             'an opportunity, a contract...).')
    from_user_id = fields.Many2one('res.users', 'From', readonly=True, index=True,
                                   ondelete='set null')
    to_user_id = fields.Many2one('res.users', 'To', readonly=True, index=True,
                                 ondelete='set null')
    team_id = fields.Many2one('crm.team', 'Sales Team', readonly=True, index=True,
                              ondelete='set null',
                              help='The sales team of the record after the operation.')
    summary = fields.Text('Summary', readonly=True)
    company_id = fields.Many2one('res.company', 'Company', readonly=True, index=True,
                                 ondelete='set null')

    @api.depends('res_model', 'res_id')
    def _compute_res_model_name(self):
        names = {}
        companies = set(self.env['res.partner'].sudo().browse(
            [l.res_id for l in self if l.res_model == 'res.partner']).exists().filtered(
            'is_company').ids)
        for line in self:
            if line.res_model == 'res.partner':
                # Odoo names res.partner "Contact": a customer line says 客户
                line.res_model_name = _('Customer') if line.res_id in companies else _('Contact')
                continue
            if line.res_model not in names:
                model = self.env['ir.model'].sudo()._get(line.res_model)
                names[line.res_model] = model.name if model else line.res_model
            line.res_model_name = names[line.res_model]

    # ------------------------------------------------------------------ never changed
    @api.model
    def create(self, vals):
        raise AccessError(_('Operation log lines are written by the operations themselves; '
                            'nobody can add one.'))

    @api.multi
    def write(self, vals):
        raise AccessError(_('Operation log lines cannot be changed.'))

    @api.multi
    def unlink(self):
        raise AccessError(_('Operation log lines cannot be deleted: lines older than the '
                            'retention period are removed automatically.'))

    # ------------------------------------------------------------------ the API
    @api.model
    def _crm_log_lang(self):
        """The language the summaries are written in: the company's (one language for
        the whole log, whoever acted: an integrator over XML-RPC, the cron), else the
        acting user's."""
        installed = dict(self.env['res.lang'].sudo().get_installed())
        # prefetch_fields=False: only the language is read (a bulk caller such as the
        # pool cron invalidates the cache between its batches)
        company = self.env.user.company_id.partner_id.with_context(prefetch_fields=False)
        for lang in (company.lang, self.env.lang,
                     self.env.user.lang):
            if lang and lang in installed:
                return lang
        return 'en_US'

    @api.model
    def _crm_log_env(self):
        """``self`` in the log's language: modules build their summaries with ``_()`` in
        a method called on ``records.with_context(lang=Log._crm_log_lang())``."""
        return self.with_context(lang=self._crm_log_lang())

    @api.model
    def _crm_log(self, kind, records, summary, from_user=None, to_user=None, partner=None,
                 date=None, user=None):
        """Write one line per record of ``records`` (any model) and return them.

        ``kind``: a key of the ``kind`` selection; ``summary``: the text of the line
        (written in ``_crm_log_lang()``), or {record id: text}; ``from_user`` /
        ``to_user``: ``res.users`` records (or ids) -- the owner before / after, the
        colleague handed over to -- or {record id: user}; ``partner``: the customer the
        line concerns, or {record id: partner} (default: the record itself for a
        customer or contact, else its ``partner_id``'s company); ``date``: default
        ``crm.clock``; ``user``: who acted (default: the user who acts, ``grant.acting_uid``
        -- the current user, or the one an action remembered with ``grant.acting()``
        before it went ``sudo()``).

        Callers make their own access checks first (it writes whatever it is given, as
        superuser, with one INSERT for all records, in the caller's transaction). The
        lines are returned as superuser: the caller wrote them, whether or not its user
        may read the customer they concern."""
        if not records:
            return self.browse()
        if kind not in dict(self._fields['kind'].selection):
            raise UserError(_('Unknown operation "%s" for the operation log.') % kind)
        # one field at a time for all records, not every field of each (an import logs
        # thousands of records)
        records = records.sudo().with_context(prefetch_fields=False)
        date = date or self.env['crm.clock'].now()
        if not isinstance(date, str):
            date = fields.Datetime.to_string(date)
        acting = self._crm_log_id(user if user is not None else acting_uid(self))
        rows = []
        for record in records:
            rec_partner = self._crm_log_pick(partner, record)
            rec_partner = rec_partner if rec_partner is not None else \
                self._crm_log_partner(record)
            if isinstance(rec_partner, int):
                rec_partner = self.env['res.partner'].sudo().browse(rec_partner)
            team = record.team_id if 'team_id' in record._fields and \
                record._fields['team_id'].comodel_name == 'crm.team' else None
            team = team or (rec_partner.team_id if rec_partner else None)
            company = record.company_id if 'company_id' in record._fields and \
                record._fields['company_id'].comodel_name == 'res.company' else None
            company = company or (rec_partner.company_id if rec_partner else None) \
                or self.env.user.company_id
            text = self._crm_log_pick(summary, record)
            rows.append((
                record._name, record.id, (record.display_name or '')[:500],
                rec_partner.id if rec_partner else None,
                self._crm_log_id(self._crm_log_pick(from_user, record)),
                self._crm_log_id(self._crm_log_pick(to_user, record)),
                team.id if team else None, company.id if company else None,
                text or None))
        self.env.cr.execute("""
            INSERT INTO crm_operation_log (date, user_id, kind, res_model, res_id, res_name,
                                           partner_id, from_user_id, to_user_id, team_id,
                                           company_id, summary)
            SELECT %s, %s, %s, t.model, t.rid, t.name, t.pid, t.fuid, t.tuid, t.tid,
                   t.cid, t.summary
              FROM unnest(%s::varchar[], %s::int[], %s::varchar[], %s::int[], %s::int[],
                          %s::int[], %s::int[], %s::int[], %s::text[])
                   AS t(model, rid, name, pid, fuid, tuid, tid, cid, summary)
            RETURNING id""", [date, acting, kind] + [list(col) for col in zip(*rows)])
        return self.sudo().browse([r[0] for r in self.env.cr.fetchall()])

    @api.model
    def _crm_log_pick(self, value, record):
        """``value`` for ``record``: a {record id: value} mapping or one value for all."""
        if isinstance(value, dict):
            return value.get(record.id)
        return value

    @api.model
    def _crm_log_id(self, value):
        if not value:
            return None
        if isinstance(value, models.BaseModel):
            return value.id or None
        return int(value)

    @api.model
    def _crm_log_partner(self, record):
        """The customer a line on ``record`` concerns: the commercial partner of a
        partner, else of the record's ``partner_id``."""
        if record._name == 'res.partner':
            return record.commercial_partner_id
        field = record._fields.get('partner_id')
        if field and field.comodel_name == 'res.partner' and record.partner_id:
            return record.partner_id.commercial_partner_id
        return None

    @api.model
    def _crm_user_arrow(self, from_user, to_user):
        """"张三 → 李四" (in this environment's language): an owner change."""
        return _('%s → %s') % (from_user.name if from_user else _('nobody'),
                               to_user.name if to_user else _('nobody'))

    # ------------------------------------------------------------------ screens
    @api.multi
    def action_open_record(self):
        """Open the record the line is about (if it still exists and the user may read
        it)."""
        self.ensure_one()
        if self.res_model not in self.env:
            raise UserError(_('The record of this line no longer exists.'))
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise UserError(_('The record of this line no longer exists.'))
        try:
            record.check_access_rights('read')
            record.check_access_rule('read')
        except AccessError:
            raise AccessError(_('You may not open "%s".') % (self.res_name or ''))
        return record.get_formview_action()

    # ------------------------------------------------------------------ purge
    @api.model
    def _crm_retention_days(self):
        """Days a line is kept (system parameter ``crm_sales.operation_log_days``,
        default 365; 0 keeps every line)."""
        value = self.env['ir.config_parameter'].sudo().get_param(RETENTION_PARAM)
        if value in (None, False, ''):
            return DEFAULT_RETENTION_DAYS
        try:
            days = int(str(value).strip())
        except ValueError:
            _logger.warning('Ignoring invalid %s = %r: keeping operation log lines %d days',
                            RETENTION_PARAM, value, DEFAULT_RETENTION_DAYS)
            return DEFAULT_RETENTION_DAYS
        return max(days, 0)

    @api.model
    def _cron_purge(self):
        """Daily: remove the lines older than the retention (by ``crm.clock``), with one
        DELETE, recorded as a run of the job (``crm.cron.run``). Returns the number of
        lines removed."""
        removed = []

        def purge(run):
            removed.append(self._crm_purge())
            run._crm_count(done=removed[-1])
        self.env['crm.cron.run']._crm_run('crm_sales.ir_cron_crm_operation_log_purge', purge)
        return removed[-1] if removed else 0

    @api.model
    def _crm_purge(self):
        days = self._crm_retention_days()
        if not days:
            return 0
        cutoff = self.env['crm.clock'].now() - datetime.timedelta(days=days)
        self.env.cr.execute('DELETE FROM crm_operation_log WHERE date < %s',
                            (fields.Datetime.to_string(cutoff),))
        removed = self.env.cr.rowcount
        self.invalidate_cache()
        _logger.info('crm operation log: %d lines older than %d days removed', removed, days)
        return removed
