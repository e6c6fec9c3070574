# -*- coding: utf-8 -*-
import datetime
import logging

from odoo import _, api, fields, models
from odoo.osv import expression

_logger = logging.getLogger(__name__)
NOTICE_PARAM = 'crm_contract.expiry_notice_days'


class CrmContract(models.Model):
    """Expiry: an "expiring soon" search, one activity for the owner N days before the
    end date (``crm_contract.expiry_notice_days``, default 30), and a daily cron that
    marks ended contracts expired and reminds owners of plans that fall due or are
    overdue. "Today" comes from ``crm.clock``."""
    _inherit = 'crm.contract'

    expiry_notified = fields.Boolean('Expiry Reminder Sent', readonly=True, copy=False)
    is_expiring = fields.Boolean('Expiring Soon', compute='_compute_is_expiring',
                                 search='_search_is_expiring')

    @api.model
    def _crm_notice_days(self):
        value = self.env['ir.config_parameter'].sudo().get_param(NOTICE_PARAM, '30')
        try:
            return max(0, min(int(value), 3650))
        except (TypeError, ValueError):
            _logger.warning('Ignoring %s = %r: not a number of days', NOTICE_PARAM, value)
            return 30

    @api.model
    def _crm_expiry_window(self):
        today = self.env['crm.clock'].today()
        limit = today + datetime.timedelta(days=self._crm_notice_days())
        return fields.Date.to_string(today), fields.Date.to_string(limit)

    def _compute_is_expiring(self):
        today, limit = self._crm_expiry_window()
        for rec in self:
            rec.is_expiring = bool(rec.state == 'approved' and rec.date_end
                                   and today <= rec.date_end <= limit)

    @api.model
    def _search_is_expiring(self, operator, value):
        today, limit = self._crm_expiry_window()
        domain = [('state', '=', 'approved'), ('date_end', '>=', today), ('date_end', '<=', limit)]
        if (operator == '=') == bool(value):
            return expression.normalize_domain(domain)
        return ['|', '|', ('state', '!=', 'approved'), ('date_end', '=', False),
                '|', ('date_end', '<', today), ('date_end', '>', limit)]

    @api.model
    def _cron_contract_daily(self):
        """Daily: expire ended contracts, remind owners of contracts about to end, of
        plans falling due and of overdue plans (each once)."""
        expired = self._crm_expire_ended()
        expiring = self._crm_remind_expiring()
        plans = self.env['crm.receivable.plan']._crm_remind_plans()
        _logger.info('Contracts: %d expired, %d expiry reminders, %d plan reminders',
                     expired, expiring, plans)
        return True

    @api.model
    def _crm_expire_ended(self):
        today = self.env['crm.clock'].today_str()
        ended = self.sudo().search([('state', '=', 'approved'), ('date_end', '<', today)])
        for contract in ended:
            contract._crm_action_write({'state': 'expired'})
            contract.message_post(body=_('Expired on %s.') % contract.date_end,
                                  subtype='mail.mt_note')
        return len(ended)

    @api.model
    def _crm_remind_expiring(self):
        contracts = self.sudo().search([('is_expiring', '=', True),
                                        ('expiry_notified', '=', False)])
        for contract in contracts:
            contract._crm_schedule_activity(
                contract.user_id, _('%s ends on %s') % (contract.display_name, contract.date_end),
                deadline=contract.date_end)
            contract._crm_action_write({'expiry_notified': True})
        return len(contracts)
