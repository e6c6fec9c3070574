# -*- coding: utf-8 -*-
import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

_logger = logging.getLogger(__name__)

CLOCK_PARAM = 'crm_sales.clock_now'


class CrmClock(models.AbstractModel):
    """The one place every CRM rule and cron reads "now" from.

    When the system parameter ``crm_sales.clock_now`` holds a datetime
    ("2026-11-23 08:00:00", UTC), the whole CRM behaves as if it were that
    moment, so tests (and administrators rehearsing pool rules) move the clock
    instead of sleeping. Empty or missing means the real time.
    """
    _name = 'crm.clock'
    _description = 'CRM Clock'

    @api.model
    def now(self):
        """Current datetime (naive UTC, as Odoo stores it)."""
        frozen = self.env['ir.config_parameter'].sudo().get_param(CLOCK_PARAM)
        if frozen:
            try:
                return fields.Datetime.from_string(frozen)
            except ValueError:
                # a value written around set_now (e.g. in the system parameters screen)
                # must not break every screen: ignore it, log it once per call
                _logger.warning('Ignoring invalid %s = %r: using the real time', CLOCK_PARAM, frozen)
        return fields.Datetime.from_string(fields.Datetime.now())

    @api.model
    def now_str(self):
        return fields.Datetime.to_string(self.now())

    @api.model
    def today(self):
        """Current date in the user's timezone (date object)."""
        now = fields.Datetime.context_timestamp(self, self.now())
        return now.date()

    @api.model
    def today_str(self):
        return fields.Date.to_string(self.today())

    @api.model
    def set_now(self, value):
        """Freeze the clock at ``value`` (string or False to use real time).
        Only CRM administrators may move the clock."""
        if not self.env.user._crm_is_admin():
            raise AccessError(_('Only CRM administrators may set the CRM clock.'))
        if value:
            moment = self.env['crm.guard']._arg_datetime(value, _('CRM clock time'))
            value = fields.Datetime.to_string(moment)
        self.env['ir.config_parameter'].sudo().set_param(CLOCK_PARAM, value or '')
        return True
