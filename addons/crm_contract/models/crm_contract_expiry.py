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
        plans falling due and of overdue plans (each once). Each contract and plan in a
        savepoint of its own, committed one by one (``crm.cron.run``): one that fails is
        recorded on the run and tried again next time, the others go through."""
        def body(run):
            run._crm_each(self._crm_to_expire(), lambda c: c._crm_expire_one())
            run._crm_each(self._crm_to_remind(), lambda c: c._crm_remind_one())
            Plan = self.env['crm.receivable.plan']
            today = self.env['crm.clock'].today()
            run._crm_each(Plan._crm_plans_to_remind(), lambda p: p._crm_remind_plan(today))
        self.env['crm.cron.run']._crm_run('crm_contract.ir_cron_contract_daily', body)
        return True

    @api.model
    def _crm_to_expire(self):
        today = self.env['crm.clock'].today_str()
        return self.sudo().search([('state', '=', 'approved'), ('date_end', '<', today)])

    def _crm_expire_one(self):
        self.ensure_one()
        if self.state != 'approved':   # another run did it meanwhile
            return False
        self._crm_action_write({'state': 'expired'})
        self.message_post(body=_('Expired on %s.') % self.date_end, subtype='mail.mt_note')

    @api.model
    def _crm_to_remind(self):
        return self.sudo().search([('is_expiring', '=', True), ('expiry_notified', '=', False)])

    def _crm_remind_one(self):
        self.ensure_one()
        if self.expiry_notified:
            return False
        self._crm_schedule_activity(
            self._crm_reminder_user(), _('%s ends on %s') % (self.display_name, self.date_end),
            deadline=self.date_end)
        self._crm_action_write({'expiry_notified': True})

    def _crm_reminder_user(self):
        """Who the contract's reminders go to: its owner, else (archived) the customer's
        owner, else the team leader, else a sales manager."""
        self.ensure_one()
        contract = self.sudo()
        return self.env['res.users']._crm_active_recipient([
            contract.user_id, contract.partner_id.commercial_partner_id.user_id,
            contract.team_id.user_id])

    @api.model
    def _crm_expire_ended(self):
        return len([c for c in self._crm_to_expire() if c._crm_expire_one() is not False])

    @api.model
    def _crm_remind_expiring(self):
        return len([c for c in self._crm_to_remind() if c._crm_remind_one() is not False])
