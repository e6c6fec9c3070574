# -*- coding: utf-8 -*-
"""How often a visitor may try a wrong customer link.

Each request for an existing quote's page with a wrong token is counted per quote and
client address; past ``crm_quotation.link_attempt_limit`` wrong tries (default 10) in
``crm_quotation.link_attempt_window_minutes`` minutes (default 10) by the CRM clock,
that address gets a "too many attempts" page for that quote -- even with the right
token -- until the window has passed (system parameters; a limit of 0 lifts it). Links
of other quotes and other addresses are not affected. No user reads these rows."""
import datetime

from odoo import api, fields, models

LIMIT_PARAM = 'crm_quotation.link_attempt_limit'
WINDOW_PARAM = 'crm_quotation.link_attempt_window_minutes'
DEFAULT_LIMIT = 10
DEFAULT_WINDOW = 10


class CrmQuotationLinkAttempt(models.Model):
    _name = 'crm.quotation.link.attempt'
    _description = 'Wrong Quotation Link Attempt'
    _log_access = False

    quotation_id = fields.Many2one('crm.quotation', required=True, ondelete='cascade',
                                   index=True)
    address = fields.Char(required=True, index=True)
    at = fields.Datetime(required=True, index=True)

    @api.model
    def _crm_settings(self):
        get = self.env['ir.config_parameter'].sudo().get_param

        def number(name, default):
            try:
                return max(0, int(get(name, default)))
            except (TypeError, ValueError):
                return default
        return number(LIMIT_PARAM, DEFAULT_LIMIT), number(WINDOW_PARAM, DEFAULT_WINDOW)

    @api.model
    def _crm_since(self, window):
        now = fields.Datetime.from_string(self.env['crm.clock'].now_str())
        return fields.Datetime.to_string(now - datetime.timedelta(minutes=window))

    @api.model
    def _crm_blocked(self, quotation_id, address):
        """Whether ``address`` tried too many wrong links of this quote lately."""
        limit, window = self._crm_settings()
        if not limit or not quotation_id:
            return False
        return self.sudo().search_count([
            ('quotation_id', '=', quotation_id), ('address', '=', address or ''),
            ('at', '>=', self._crm_since(window))]) >= limit

    @api.model
    def _crm_record(self, quotation_id, address):
        """Count one wrong try (and forget the tries older than the window)."""
        limit, window = self._crm_settings()
        if not limit or not quotation_id:
            return False
        since = self._crm_since(max(window, 1))
        self.env.cr.execute('DELETE FROM crm_quotation_link_attempt WHERE at < %s', (since,))
        self.sudo().create({'quotation_id': quotation_id, 'address': (address or '')[:64],
                            'at': self.env['crm.clock'].now_str()})
        return True
