# -*- coding: utf-8 -*-
from odoo import models


class CalendarEvent(models.Model):
    """A visit's reminder (Odoo's calendar notification) reads "2026-12-07 在 (13:49 到
    14:49)": the user's own time zone, without its English name "(Asia/Shanghai)"
    appended."""
    _inherit = 'calendar.event'

    def _get_display_time(self, start, stop, zduration, zallday):
        text = super(CalendarEvent, self)._get_display_time(start, stop, zduration, zallday)
        timezone = self._context.get('tz') or self.env.user.partner_id.tz or 'UTC'
        suffix = ' (%s)' % timezone
        return text[:-len(suffix)] if text.endswith(suffix) else text
