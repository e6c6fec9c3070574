# -*- coding: utf-8 -*-
"""The models the CRM audits (OCA ``auditlog`` rules created when the model is
installed) and the ORM wrappers that log their changes.

``_crm_audited_models()`` is the extension point: {model: reader}, reader ``'record'``
(whoever may read the record reads its log) or ``'admin'`` (CRM administrators only).
Rules are created by ``_crm_audit_ensure_rules()`` at install / update of crm_audit and
at every registry load (``_register_hook``), so a module installed later (contracts,
the public pool, approval tiers, roles) gets its rule without depending on it. A rule a
system administrator removed or set back to draft is not recreated while it exists.
"""
import logging

import psycopg2

from odoo import api, models

_logger = logging.getLogger(__name__)

# {model: who reads its log}
AUDITED_MODELS = {
    'res.partner': 'record',          # customers and contacts
    'crm.lead': 'record',             # leads and opportunities
    'crm.contract': 'record',         # crm_contract
    'crm.receivable': 'record',       # crm_contract: payments
    'res.users': 'admin',             # users, their groups (roles)
    'res.groups': 'admin',
    'crm.role.scope': 'admin',        # data scope per role
    'crm.team': 'admin',              # organisation tree, members
    'crm.pool.rule': 'admin',         # crm_pool
    'tier.definition': 'admin',       # approval tiers
    'res.users.role': 'admin',        # base_user_role, when installed
    'res.users.role.line': 'admin',
}
# never logged (secrets, technical or chatter columns)
SKIPPED_FIELDS = {'id', 'create_uid', 'create_date', 'write_uid', 'write_date', 'display_name',
                  '__last_update', 'password', 'password_crypt', 'new_password', 'signup_token',
                  'signup_type', 'signup_expiration', 'password_write_date', 'password_history_ids',
                  'login_date', 'image', 'image_medium', 'image_small', 'image_variant',
                  'website_message_ids', 'message_ids', 'message_follower_ids',
                  'message_partner_ids', 'message_channel_ids', 'activity_ids', 'log_ids',
                  'message_last_post', 'message_bounce', 'message_main_attachment_id',
                  'name_normalized', 'phone_normalized', 'mobile_normalized', 'color',
                  'partner_gid', 'is_crm_scoped'}
# mirrors recomputed from fields that are logged (the parent company, the owner, the
# team): logging them would repeat each change, and double an import's lines
SKIPPED_FIELDS |= {'commercial_partner_id', 'commercial_company_name',
                   'commercial_partner_country_id', 'partner_share', 'crm_owner_id',
                   'crm_team_id', 'is_crm_customer'}


def _below(records, name):
    """The method ``name`` of the layers under an audit wrapper, as they are now. The
    wrapper sits on the registry's class; a module loaded after it in the same install or
    update adds its layer under it, which OCA's ``origin`` (taken when the wrapper was
    put on) would skip for the rest of that run: its demo data and data files."""
    return getattr(super(type(records), records), name)


class AuditlogRule(models.Model):
    _inherit = 'auditlog.rule'

    @api.model
    def _crm_audited_models(self):
        """{model: 'record' | 'admin'}: the audited models and who reads their log."""
        return dict(AUDITED_MODELS)

    @api.model
    def _crm_audit_ensure_rules(self):
        """Create a subscribed, full rule (create / write / delete) for each audited model
        of the registry that has no rule yet. Returns the models given a rule."""
        created = []
        Model = self.env['ir.model'].sudo()
        for name in sorted(self._crm_audited_models()):
            if name not in self.env.registry or self.env[name]._abstract or self.env[name]._transient:
                continue
            model = Model.search([('model', '=', name)], limit=1)
            if not model or self.sudo().with_context(active_test=False).search_count(
                    [('model_id', '=', model.id)]):
                continue
            try:
                with self.env.cr.savepoint():
                    self.sudo().create({
                        'name': ('CRM %s' % name)[:32], 'model_id': model.id, 'log_type': 'full',
                        'log_read': False, 'log_create': True, 'log_write': True,
                        'log_unlink': True, 'state': 'subscribed'})
                created.append(name)
            except psycopg2.IntegrityError:
                # another worker created it at the same moment
                continue
        if created:
            _logger.info('Audit trail: rules created for %s', ', '.join(created))
        return created

    def _register_hook(self):
        if not self and self.env.registry.ready is False:
            # registry (re)loaded at the end of an install / update: a module installed
            # after crm_audit gets its models' rules
            try:
                self._crm_audit_ensure_rules()
            except psycopg2.Error:
                _logger.warning('Audit trail: rules not checked', exc_info=True)
        return super(AuditlogRule, self)._register_hook()

    @api.model
    def _crm_rule_models(self):
        """{model: ir.model id} of the subscribed rules of this registry."""
        cache = getattr(self.pool, '_auditlog_model_cache', None)
        if cache:
            return dict(cache)
        rules = self.sudo().search([('state', '=', 'subscribed')])
        return {r.model_id.model: r.model_id.id for r in rules}

    # ------------------------------------------------------------------ wrappers
    @api.multi
    def _make_create(self):
        self.ensure_one()
        log_type = self.log_type

        @api.model
        @api.returns('self', lambda value: value.id)
        def create_audited(self, vals, **kwargs):
            Rule = self.env['auditlog.rule']
            with Rule._crm_creating(self._name) as frame:
                record = _below(self, 'create')(vals, **kwargs)
                frame['res_id'] = record.id
            names = Rule._crm_create_fields(record, vals, log_type)
            values = Rule._crm_snapshot(record, names) if log_type == 'full' else \
                {record.id: {k: v for k, v in vals.items() if k in names}}
            Rule._crm_log(record, 'create', None, values, log_type)
            return self.browse(record.id)

        return create_audited

    @api.multi
    def _make_write(self):
        self.ensure_one()
        log_type = self.log_type

        @api.multi
        def write_audited(self, vals, **kwargs):
            Rule = self.env['auditlog.rule']
            todo = Rule._crm_uncovered(self)
            if not todo or not isinstance(vals, dict) or not vals:
                return _below(self, 'write')(vals, **kwargs)
            names = Rule._crm_write_fields(self, vals)
            if log_type == 'full':
                old = Rule._crm_snapshot(todo, names)
            else:
                old = {rid: dict.fromkeys(names, False) for rid in todo.ids}
            with Rule._crm_covering(todo):
                result = _below(self, 'write')(vals, **kwargs)
            if log_type == 'full':
                new = Rule._crm_snapshot(todo.exists(), names)
            else:
                new = {rid: {k: v for k, v in vals.items() if k in names} for rid in todo.ids}
            Rule._crm_log(todo, 'write', old, new, log_type)
            return result

        return write_audited

    @api.multi
    def _make_unlink(self):
        self.ensure_one()
        log_type = self.log_type

        @api.multi
        def unlink_audited(self, **kwargs):
            Rule = self.env['auditlog.rule']
            todo = Rule._crm_uncovered(self)
            if todo:
                names = Rule._crm_all_fields(self) if log_type == 'full' else []
                old = Rule._crm_snapshot(todo, names)
                Rule._crm_log(todo, 'unlink', old, None, log_type)
            with Rule._crm_covering(todo):
                return _below(self, 'unlink')(**kwargs)

        return unlink_audited

    # ------------------------------------------------------------------ which fields
    @api.model
    def _crm_audit_fields(self, model):
        """The audited fields (OCA's ``get_auditlog_fields`` for the CRM): stored ones,
        without secrets, chatter and technical columns, nor one2many lists (their lines
        are records of their own)."""
        return [name for name, field in model._fields.items()
                if name not in SKIPPED_FIELDS and field.store and field.type != 'one2many'
                and field.type != 'binary' and not name.startswith('message_')]

    @api.model
    def _crm_all_fields(self, records):
        return self._crm_audit_fields(records)

    @api.model
    def _crm_create_fields(self, record, vals, log_type):
        if log_type != 'full':
            return [k for k in vals if k in record._fields and k not in SKIPPED_FIELDS]
        names = set(self._crm_audit_fields(record))
        names.update(k for k in vals if k in record._fields and k not in SKIPPED_FIELDS
                     and record._fields[k].type != 'binary')
        return sorted(names)

    @api.model
    def _crm_write_fields(self, records, vals):
        """The fields a write of ``vals`` may change: those written (``in_group_*`` /
        ``sel_groups_*`` of the user form are the user's groups) and the stored computed
        fields depending on them; every audited field when a key is unknown."""
        key = (records._name, frozenset(vals))
        cache = self.pool.__dict__.setdefault('_crm_audit_write_fields', {})
        if key not in cache:
            if len(cache) > 5000:
                cache.clear()
            cache[key] = self._crm_compute_write_fields(records, vals)
        return cache[key]

    @api.model
    def _crm_compute_write_fields(self, records, vals):
        fields_map = records._fields
        names = set()
        for key in vals:
            if key.startswith(('in_group_', 'sel_groups_')) and 'groups_id' in fields_map:
                names.add('groups_id')
            elif key in SKIPPED_FIELDS or key.startswith('message_'):
                continue
            elif key in fields_map:
                if fields_map[key].type != 'binary':
                    names.add(key)
            else:
                return self._crm_audit_fields(records)
        if names:
            for fname, field in fields_map.items():
                if field.store and field.compute and fname not in SKIPPED_FIELDS \
                        and field.type not in ('one2many', 'binary') and \
                        any(dep.split('.')[0] in names for dep in field.depends):
                    names.add(fname)
        return sorted(names)
