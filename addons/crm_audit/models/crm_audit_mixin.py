# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmAuditMixin(models.AbstractModel):
    """The "变更记录" button of a record: its change log, as far as the user may read
    it (the log's record rule follows the record's)."""
    _name = 'crm.audit.mixin'
    _description = 'Change Log of a Record'

    crm_audit_log_count = fields.Integer('Changes', compute='_compute_crm_audit_log_count')

    def _crm_audit_log_domain(self):
        return [('model_id.model', '=', self._name), ('res_id', 'in', self.ids)]

    def _compute_crm_audit_log_count(self):
        Log = self.env['auditlog.log']
        if not Log.check_access_rights('read', raise_exception=False):
            for record in self:
                record.crm_audit_log_count = 0
            return
        ids = [r.id for r in self if isinstance(r.id, int)]
        counts = {}
        if ids:
            for group in Log.read_group([('model_id.model', '=', self._name), ('res_id', 'in', ids)],
                                        ['res_id'], ['res_id']):
                counts[group['res_id']] = group['res_id_count']
        for record in self:
            record.crm_audit_log_count = counts.get(record.id, 0)

    @api.multi
    def action_crm_audit_log(self):
        """The change log of this record (a list of who changed what, old → new)."""
        if len(self) != 1:
            raise UserError(_('Open the change log of one record at a time.'))
        self.check_access_rights('read')
        self.check_access_rule('read')
        action = self.env.ref('crm_audit.action_crm_audit_record_log').read()[0]
        action['domain'] = self._crm_audit_log_domain()
        action['display_name'] = action['name'] = _('Change Log: %s') % self.display_name
        action['context'] = {}
        return action
