# -*- coding: utf-8 -*-
from odoo import api, models


class ResPartner(models.Model):
    _name = 'res.partner'
    _inherit = ['res.partner', 'crm.audit.mixin']

    @api.model
    def _crm_created_in_batch(self, records):
        """Customers and contacts created by an import's one INSERT are logged as a
        ``create`` logs them: one line per record with every audited value."""
        records = super(ResPartner, self)._crm_created_in_batch(records)
        Rule = self.env['auditlog.rule']   # as the user: the log names who imported
        rule = Rule.sudo().search([('model_id.model', '=', self._name),
                                   ('state', '=', 'subscribed'), ('log_create', '=', True)],
                                  limit=1)
        if rule and records:
            names = Rule._crm_create_fields(records[:1], {}, rule.log_type)
            values = Rule._crm_snapshot(records, names) if rule.log_type == 'full' else \
                {rid: {} for rid in records.ids}
            Rule._crm_log(records, 'create', None, values, rule.log_type)
        return records
