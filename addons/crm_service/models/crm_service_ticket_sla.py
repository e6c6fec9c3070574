# -*- coding: utf-8 -*-
"""SLA of service tickets: deadlines and time left in working hours of the team's
resource calendar (Odoo's resource module), "now" from ``crm.clock``."""
from datetime import timedelta

import pytz

from odoo import _, api, fields, models
from odoo.osv import expression

from odoo.addons.crm_sales.grant import grant, granted

from .crm_service_team import OPEN_STATES

DEFAULT_TZ = 'Asia/Shanghai'


def _to_local(moment, tz):
    return pytz.UTC.localize(moment).astimezone(pytz.timezone(tz)).replace(tzinfo=None)


class CrmServiceTicketSla(models.Model):
    _inherit = 'crm.service.ticket'

    sla_start_at = fields.Datetime('SLA Start', readonly=True, copy=False,
                                   help='Creation (or reopening) by the CRM clock.')
    sla_id = fields.Many2one('crm.service.sla', string='SLA Policy', readonly=True, copy=False)
    response_deadline = fields.Datetime('Response Deadline', readonly=True, copy=False, index=True)
    resolve_deadline = fields.Datetime('Resolution Deadline', readonly=True, copy=False, index=True)
    response_breached = fields.Boolean('Response SLA Breached', compute='_compute_sla',
                                       search='_search_response_breached')
    resolve_breached = fields.Boolean('Resolution SLA Breached', compute='_compute_sla',
                                      search='_search_resolve_breached')
    sla_breached = fields.Boolean('SLA Breached', compute='_compute_sla', search='_search_sla_breached')
    sla_due_soon = fields.Boolean('SLA About to Breach', compute='_compute_sla',
                                  search='_search_sla_due_soon')
    sla_hours_left = fields.Float('Working Hours Left', compute='_compute_sla_hours_left',
                                  help='Working hours until the next deadline (response, then '
                                       'resolution); negative once it has passed.')
    sla_warned_at = fields.Datetime('SLA Warning Sent', readonly=True, copy=False)
    sla_breach_notified_at = fields.Datetime('SLA Breach Notified', readonly=True, copy=False)

    # ------------------------------------------------------------------ working hours
    def _sla_calendar(self):
        self.ensure_one()
        team = self.sudo().team_id
        calendar = team.resource_calendar_id or self.env.ref('crm_service.calendar_service')
        return calendar.sudo().with_context(tz=team.tz or DEFAULT_TZ), team.tz or DEFAULT_TZ

    @staticmethod
    def _day_intervals(calendar, day):
        """Working intervals of a local ``day`` in naive UTC, sorted (leaves removed)."""
        return sorted((a, b) for a, b, _meta in
                      calendar._get_day_work_intervals(day, compute_leaves=True))

    def _sla_add_hours(self, start, hours):
        """The moment (naive UTC) ``hours`` working hours after ``start``."""
        calendar, tz = self._sla_calendar()
        remaining = hours
        day = _to_local(start, tz).date()
        for _i in range(800):
            for a, b in self._day_intervals(calendar, day):
                a = max(a, start)
                if b <= a:
                    continue
                span = (b - a).total_seconds() / 3600.0
                if span >= remaining - 1e-9:
                    return a + timedelta(hours=remaining)
                remaining -= span
            day += timedelta(days=1)
        return start + timedelta(hours=hours)  # a calendar without working hours

    def _sla_hours_between(self, start, end):
        """Working hours from ``start`` to ``end`` (negative when ``end`` is earlier)."""
        if end < start:
            return -self._sla_hours_between(end, start)
        calendar, tz = self._sla_calendar()
        total = 0.0
        day, last = _to_local(start, tz).date(), _to_local(end, tz).date()
        while day <= last:
            for a, b in self._day_intervals(calendar, day):
                overlap = (min(b, end) - max(a, start)).total_seconds()
                if overlap > 0:
                    total += overlap / 3600.0
            day += timedelta(days=1)
        return total

    def _sla_apply(self, start=None):
        """Find the SLA policy and set the deadlines from ``start`` (creation)."""
        Sla = self.env['crm.service.sla'].sudo()
        for ticket in self:
            policy = Sla._find(ticket.priority, ticket.type_id)
            vals = {'sla_id': policy.id, 'response_deadline': False, 'resolve_deadline': False,
                    'sla_start_at': start or ticket.sla_start_at or ticket._sla_start(),
                    'sla_warned_at': False, 'sla_breach_notified_at': False}
            if policy:
                begin = fields.Datetime.from_string(start or ticket.sla_start_at or ticket._sla_start())
                vals['response_deadline'] = fields.Datetime.to_string(
                    ticket._sla_add_hours(begin, policy.response_hours))
                vals['resolve_deadline'] = fields.Datetime.to_string(
                    ticket._sla_add_hours(begin, policy.resolve_hours))
            grant(ticket.sudo(), 'action_write', 'sla_applying').write(vals)

    def _sla_start(self):
        """When the SLA clock starts: the ticket's opening by the CRM clock, or the moment
        an action granted as ``sla_start`` (never a client's context)."""
        self.ensure_one()
        return granted(self, 'sla_start') or self.opened_at or self.env['crm.clock'].now_str()

    # ------------------------------------------------------------------ figures
    def _sla_target(self):
        """The deadline an open ticket runs against: the response until it is started,
        then the resolution (naive UTC datetime, or None)."""
        self.ensure_one()
        if self.state not in OPEN_STATES:
            return None
        deadline = self.resolve_deadline if self.started_at else self.response_deadline
        return fields.Datetime.from_string(deadline) if deadline else None

    @api.depends('response_deadline', 'resolve_deadline', 'started_at', 'processed_at', 'state')
    def _compute_sla(self):
        """The flags compare stored moments only (lists show them on every row)."""
        now = self.env['crm.clock'].now()
        soon = now + timedelta(hours=self._sla_warning_hours())
        dt = fields.Datetime.from_string
        for ticket in self:
            response = dt(ticket.response_deadline) if ticket.response_deadline else None
            resolve = dt(ticket.resolve_deadline) if ticket.resolve_deadline else None
            started = dt(ticket.started_at) if ticket.started_at else None
            processed = dt(ticket.processed_at) if ticket.processed_at else None
            ticket.response_breached = bool(response and (started or now) > response)
            ticket.resolve_breached = bool(resolve and (processed or now) > resolve)
            ticket.sla_breached = ticket.response_breached or ticket.resolve_breached
            target = ticket._sla_target()
            ticket.sla_due_soon = bool(target and now <= target <= soon)

    @api.depends('response_deadline', 'resolve_deadline', 'started_at', 'state')
    def _compute_sla_hours_left(self):
        """Working hours in the team's calendar: a walk over the days in between, so
        only the form asks for it."""
        now = self.env['crm.clock'].now()
        for ticket in self:
            target = ticket._sla_target()
            ticket.sla_hours_left = round(ticket._sla_hours_between(now, target), 2) if target else 0.0

    @api.model
    def _sla_warning_hours(self):
        value = self.env['ir.config_parameter'].sudo().get_param('crm_service.sla_warning_hours', '2')
        try:
            return float(value)
        except ValueError:
            return 2.0

    @api.model
    def _sla_domains(self):
        now = self.env['crm.clock'].now_str()
        soon = fields.Datetime.to_string(self.env['crm.clock'].now()
                                         + timedelta(hours=self._sla_warning_hours()))
        return {
            'response_open': [('state', 'in', OPEN_STATES), ('started_at', '=', False),
                              ('response_deadline', '!=', False), ('response_deadline', '<', now)],
            'resolve_open': [('state', 'in', OPEN_STATES), ('resolve_deadline', '!=', False),
                             ('resolve_deadline', '<', now)],
            'due_soon': [('state', 'in', OPEN_STATES), '|',
                         '&', '&', ('started_at', '=', False), ('response_deadline', '>=', now),
                         ('response_deadline', '<=', soon),
                         '&', '&', ('started_at', '!=', False), ('resolve_deadline', '>=', now),
                         ('resolve_deadline', '<=', soon)],
        }

    @staticmethod
    def _positive(operator, value):
        return (operator == '=' and value) or (operator == '!=' and not value)

    def _breached_query(self, kinds):
        """A sub-select of the tickets whose response / resolution came (or is still
        open) after the deadline: comparing two columns is beyond a domain, and a
        sub-select keeps a search over years of tickets from shipping their ids around."""
        now = self.env['crm.clock'].now_str()
        columns = {'response': ('response_deadline', 'started_at'),
                   'resolve': ('resolve_deadline', 'processed_at')}
        where = ' OR '.join('({d} IS NOT NULL AND COALESCE({c}, %s) > {d})'.format(d=d, c=c)
                            for d, c in (columns[k] for k in kinds))
        return 'SELECT id FROM crm_service_ticket WHERE ' + where, (now,) * len(kinds)

    def _search_breach(self, kinds, operator, value):
        return [('id', 'inselect' if self._positive(operator, value) else 'not inselect',
                 self._breached_query(kinds))]

    def _search_response_breached(self, operator, value):
        return self._search_breach(['response'], operator, value)

    def _search_resolve_breached(self, operator, value):
        return self._search_breach(['resolve'], operator, value)

    def _search_sla_breached(self, operator, value):
        return self._search_breach(['response', 'resolve'], operator, value)

    def _search_sla_due_soon(self, operator, value):
        domain = expression.normalize_domain(self._sla_domains()['due_soon'])
        return domain if self._positive(operator, value) else ['!'] + domain

    # ------------------------------------------------------------------ cron
    @api.model
    def _sla_to_warn(self):
        """Handled open tickets whose warning time has passed (their deadline is less
        than the warning window away, or already past when no run warned in time:
        late rather than never) and whose handler was not warned yet."""
        soon = fields.Datetime.to_string(self.env['crm.clock'].now()
                                         + timedelta(hours=self._sla_warning_hours()))
        return self.sudo().search([
            ('state', 'in', OPEN_STATES), ('sla_warned_at', '=', False), ('user_id', '!=', False),
            '|', '&', ('started_at', '=', False), ('response_deadline', '<=', soon),
            '&', ('started_at', '!=', False), ('resolve_deadline', '<=', soon)])

    @api.model
    def _sla_to_notify(self):
        """Open tickets past a deadline whose breach was not notified yet."""
        domains = self._sla_domains()
        late = expression.OR([expression.normalize_domain(domains['response_open']),
                              expression.normalize_domain(domains['resolve_open'])])
        return self.sudo().search(late + [('sla_breach_notified_at', '=', False)])

    @api.model
    def _cron_sla_check(self):
        """Warn the handler once before a breach (activity; late if the runs missed the
        window), and the team's service manager once after it. Each ticket in a
        savepoint of its own, committed one by one (``crm.cron.run``): one that fails is
        recorded on the run and tried again by the next run. Reminders never go to an
        archived user (``_sla_recipient``)."""
        def body(run):
            now = self.env['crm.clock'].now_str()
            run._crm_each(self._sla_to_warn(), lambda t: t._sla_warn(now))
            run._crm_each(self._sla_to_notify(), lambda t: t._sla_notify_breach(now))
        self.env['crm.cron.run']._crm_run('crm_service.ir_cron_crm_service_sla', body)
        return True

    def _sla_recipient(self, candidates):
        """The first active user of ``candidates``, else the ticket team's service
        manager, else a service manager."""
        self.ensure_one()
        return self.env['res.users']._crm_active_recipient(
            list(candidates) + [self.sudo().team_id.manager_id],
            'crm_service.group_crm_service_manager')

    def _sla_warn(self, now):
        """The handler's warning (False when it was given meanwhile)."""
        self.ensure_one()
        ticket = self.sudo()
        if ticket.sla_warned_at or ticket.state not in OPEN_STATES:
            return False
        user = ticket._sla_recipient([ticket.user_id])
        if user:
            summary, note = ticket.with_context(lang=user.lang)._sla_warn_texts()
            self._sla_notify([(ticket.id, user.id, summary, note)])
        grant(ticket, 'action_write').write({'sla_warned_at': now})

    def _sla_warn_texts(self):
        """(summary, note) of the handler's warning, in this environment's language
        (the recipient's, whoever triggered the check)."""
        hours = self.sla_hours_left
        if hours >= 0:
            note = _('Ticket %s reaches its SLA deadline in %.1f working hours.') % (
                self.number, hours)
        else:
            note = _('Ticket %s passed its SLA deadline %.1f working hours ago.') % (
                self.number, -hours)
        return _('SLA deadline close: %s') % self.number, note

    def _sla_breach_texts(self):
        """(summary, note) of the manager's breach notice, in this environment's
        language."""
        return (_('SLA breached: %s') % self.number,
                _('Ticket %s (handler: %s) missed its SLA deadline.')
                % (self.number, self.user_id.name or _('nobody')))

    def _sla_notify_breach(self, now):
        """The service manager's breach notice (False when it was given meanwhile)."""
        self.ensure_one()
        ticket = self.sudo()
        if ticket.sla_breach_notified_at:
            return False
        manager = ticket._sla_recipient([])
        if manager:
            summary, note = ticket.with_context(lang=manager.lang)._sla_breach_texts()
            self._sla_notify([(ticket.id, manager.id, summary, note)])
        ticket.message_post(body=_('SLA breached; the service manager has been notified.'),
                            subtype='mail.mt_note')
        grant(ticket, 'action_write').write({'sla_breach_notified_at': now})

    @api.model
    def _sla_notify(self, notices):
        """A to-do activity per (ticket id, user id, summary, note), due today."""
        todo = self.env.ref('mail.mail_activity_data_todo')
        model = self.env['ir.model']._get('crm.service.ticket')
        today = self.env['crm.clock'].today_str()
        Activity = self.env['mail.activity'].sudo()
        for ticket_id, user_id, summary, note in notices:
            Activity.create({'res_model_id': model.id, 'res_id': ticket_id, 'user_id': user_id,
                             'activity_type_id': todo.id, 'date_deadline': today,
                             'summary': summary, 'note': note})
