# -*- coding: utf-8 -*-
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models


class CrmFollowUpMixin(models.AbstractModel):
    """Follow-up state shared by customers (res.partner) and leads/opportunities (crm.lead).

    The concrete model defines ``follow_up_ids`` (One2many to ``crm.follow.up``) and
    ``_follow_up_parent_field`` (the field of crm.follow.up pointing to it). The state
    fields are written by ``crm.follow.up`` whenever a follow-up is saved or removed
    (see ``_crm_follow_up_refresh``)."""
    _name = 'crm.follow.up.mixin'
    _description = 'CRM Follow-up State'
    _follow_up_parent_field = None

    last_follow_up_at = fields.Datetime('Last Follow-up', copy=False, index=True, readonly=True)
    next_contact_at = fields.Datetime('Next Contact', copy=False, index=True,
                                      help='When to contact again; set by the last follow-up.')
    followed_up = fields.Boolean('Followed Up', copy=False, index=True, readonly=True,
                                 help='At least one follow-up was recorded.')
    follow_up_count = fields.Integer('Follow-ups', compute='_compute_follow_up_count')
    follow_up_due = fields.Selection(
        [('today', 'To contact today'), ('overdue', 'Overdue')], string='Contact Due',
        compute='_compute_follow_up_due', search='_search_follow_up_due',
        help='To contact today: the next contact time is today. Overdue: it was before today.')

    def _compute_follow_up_count(self):
        field = self._follow_up_parent_field
        data = self.env['crm.follow.up'].read_group(
            [(field, 'in', self.ids)], [field], [field]) if self.ids else []
        counts = {d[field][0]: d['%s_count' % field] for d in data}
        for rec in self:
            rec.follow_up_count = counts.get(rec.id, 0)

    @api.model
    def _crm_today_bounds(self):
        """(start, end) of today in the user's timezone, as naive UTC strings, from crm.clock."""
        clock = self.env['crm.clock']
        today = clock.today()
        tz = pytz.timezone(self.env.context.get('tz') or self.env.user.tz or 'UTC')
        start = tz.localize(datetime.combine(today, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
        end = start + timedelta(days=1)
        return fields.Datetime.to_string(start), fields.Datetime.to_string(end)

    @api.depends('next_contact_at')
    def _compute_follow_up_due(self):
        start, end = self._crm_today_bounds()
        for rec in self:
            due = False
            if rec.next_contact_at:
                if rec.next_contact_at < start:
                    due = 'overdue'
                elif rec.next_contact_at < end:
                    due = 'today'
            rec.follow_up_due = due

    def _search_follow_up_due(self, operator, value):
        start, end = self._crm_today_bounds()
        domains = {
            'today': ['&', ('next_contact_at', '>=', start), ('next_contact_at', '<', end)],
            'overdue': [('next_contact_at', '<', start)],
        }
        if operator in ('=', '!=') and value in domains:
            domain = domains[value]
            return domain if operator == '=' else ['!'] + domain
        if operator == '=' and not value:
            return ['|', ('next_contact_at', '=', False), ('next_contact_at', '>=', end)]
        return [('id', '=', 0)] if operator == '=' else []

    @api.multi
    def _crm_follow_up_refresh(self):
        """Recompute last/next contact and followed-up state from the follow-ups."""
        for rec in self.sudo().exists():
            follow_ups = rec.follow_up_ids.sorted(lambda f: (f.date or '', f.id), reverse=True)
            last = follow_ups[:1]
            vals = {
                'last_follow_up_at': last.date or False,
                'followed_up': bool(last),
            }
            if last:
                vals['next_contact_at'] = last.next_contact_at or False
            rec.with_context(crm_follow_up_refresh=True).write(vals)
        return True

    @api.multi
    def action_view_follow_ups(self):
        """The follow-ups of this record, in a list (creating one presets the parent)."""
        self.ensure_one()
        action = self.env.ref('crm_sales.action_crm_follow_up').read()[0]
        field = self._follow_up_parent_field
        action['domain'] = [(field, '=', self.id)]
        action['context'] = {'default_%s' % field: self.id}
        return action

    @api.multi
    def action_log_follow_up(self):
        """Open an empty follow-up form for this record."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Log a Follow-up'),
            'res_model': 'crm.follow.up',
            'view_mode': 'form',
            'views': [(self.env.ref('crm_sales.crm_follow_up_view_form_dialog').id, 'form')],
            'target': 'new',
            'context': {'default_%s' % self._follow_up_parent_field: self.id},
        }
