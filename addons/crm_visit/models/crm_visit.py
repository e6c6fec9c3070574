# -*- coding: utf-8 -*-
from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_sales.grant import grant

VISIT_STATES = [
    ('planned', 'Planned'),
    ('checked_in', 'Checked In'),
    ('done', 'Done'),
    ('cancelled', 'Cancelled'),
]

#: fields only the visit's actions write (check-in, check-out, cancel)
ACTION_FIELDS = (
    'visit_state', 'assigned_by_id', 'checkin_at', 'checkin_latitude', 'checkin_longitude',
    'checkin_accuracy', 'checkin_address', 'checkin_located', 'checkin_photo',
    'checkout_at', 'visit_note', 'follow_up_id', 'duration_minutes',
)

#: what may no longer change once the salesperson checked in
FROZEN_AFTER_CHECK_IN = ('customer_id', 'contact_id', 'opportunity_id', 'user_id', 'team_id',
                         'start', 'stop', 'start_datetime', 'stop_datetime', 'duration',
                         'allday')


class CrmVisit(models.Model):
    """A visit (拜访) to a customer: a calendar event (``_inherits``: the event is a
    real ``calendar.event``, so it shows in Odoo's calendar of its attendees and its
    alarms remind them) with the customer, the contact met, the opportunity, and the
    check-in / check-out of the salesperson who goes there.

    The visit belongs to ``user_id`` (the event's responsible: who visits) and to
    ``team_id``; ``crm.scope.mixin`` stores both for the rules (a salesperson sees her
    visits, a leader her teams', a manager all)."""
    _name = 'crm.visit'
    _description = 'Customer Visit'
    _inherits = {'calendar.event': 'event_id'}
    _inherit = ['crm.scope.mixin', 'crm.guard.mixin']
    _crm_owner_team_fields = ('user_id', 'team_id')
    _order = 'start desc, id desc'

    event_id = fields.Many2one('calendar.event', 'Calendar Event', required=True, index=True, copy=False,
                               ondelete='cascade', auto_join=True)
    customer_id = fields.Many2one('res.partner', 'Customer', required=True, index=True,
                                  ondelete='cascade',
                                  domain=[('is_company', '=', True),
                                          ('is_crm_customer', '=', True)])
    contact_id = fields.Many2one('res.partner', 'Contact', ondelete='set null',
                                 domain="[('parent_id', '=', customer_id)]")
    team_id = fields.Many2one('crm.team', 'Sales Team', index=True, ondelete='set null',
                              default=lambda self: self.env.user.sale_team_id)
    company_id = fields.Many2one('res.company', 'Company',
                                 default=lambda self: self.env.user.company_id)
    visit_state = fields.Selection(VISIT_STATES, 'Visit Status', required=True,
                                   default='planned', index=True, readonly=True, copy=False)
    assigned_by_id = fields.Many2one('res.users', 'Assigned By', readonly=True, copy=False,
                                     ondelete='set null',
                                     help='The leader or manager who planned this visit for '
                                          'the salesperson (empty: planned by themselves).')
    checkin_at = fields.Datetime('Checked In At', readonly=True, copy=False)
    checkin_latitude = fields.Float('Latitude', digits=(10, 7), readonly=True, copy=False)
    checkin_longitude = fields.Float('Longitude', digits=(10, 7), readonly=True, copy=False)
    checkin_accuracy = fields.Float('Accuracy (m)', digits=(10, 1), readonly=True, copy=False)
    checkin_located = fields.Boolean('Position Recorded', readonly=True, copy=False,
                                     help='The phone gave its position at check-in; '
                                          'without it only the address text was recorded.')
    checkin_address = fields.Char('Check-in Address', readonly=True, copy=False)
    checkin_photo = fields.Binary('Check-in Photo', attachment=True, readonly=True, copy=False)
    checkout_at = fields.Datetime('Checked Out At', readonly=True, copy=False)
    visit_note = fields.Text('Visit Notes', readonly=True, copy=False)
    follow_up_id = fields.Many2one('crm.follow.up', 'Follow-up', readonly=True, copy=False,
                                   ondelete='set null')
    duration_minutes = fields.Float('Time at the Customer (min)', digits=(10, 0),
                                    readonly=True, copy=False, group_operator='avg',
                                    help='From check-in to check-out.')
    done_count = fields.Integer('Visits Done', compute='_compute_counts', store=True)
    planned_count = fields.Integer('Visits Planned', compute='_compute_counts', store=True,
                                   help='Every visit not cancelled.')

    def _crm_action_fields(self):
        return ACTION_FIELDS

    def _crm_target_fields(self):
        return {'customer_id': 'write', 'contact_id': 'read', 'opportunity_id': 'write'}

    @api.depends('visit_state')
    def _compute_counts(self):
        for rec in self:
            rec.done_count = 1 if rec.visit_state == 'done' else 0
            rec.planned_count = 0 if rec.visit_state == 'cancelled' else 1

    # ------------------------------------------------------------------ defaults
    @api.model
    def default_get(self, fields_list):
        res = super(CrmVisit, self).default_get(fields_list)
        if 'alarm_ids' in fields_list and not res.get('alarm_ids'):
            alarms = self.env['calendar.alarm']._crm_visit_default_alarms()
            res['alarm_ids'] = [(6, 0, alarms.ids)]
        if 'privacy' in fields_list:
            res['privacy'] = 'public'
        return res

    @api.onchange('customer_id')
    def _onchange_customer_id(self):
        if self.customer_id:
            if not self.name:
                self.name = _('Visit: %s') % self.customer_id.name
            if not self.location:
                self.location = self._crm_customer_address(self.customer_id.sudo())
            if self.contact_id and self.contact_id.parent_id != self.customer_id:
                self.contact_id = False

    @api.onchange('user_id')
    def _onchange_user_id(self):
        if self.user_id and self.team_id not in self._crm_user_teams(self.user_id):
            self.team_id = self._crm_user_teams(self.user_id)[:1]

    # ------------------------------------------------------------------ create / write
    @api.model
    def _crm_user_teams(self, user):
        return self.env['crm.team'].sudo().search(
            ['|', ('user_id', '=', user.id), ('member_ids', 'in', [user.id])])

    @api.model
    def _crm_check_visitor(self, user, customer):
        """The current user may plan a visit by ``user`` to ``customer``: herself, or a
        member of a team she leads (leader), or anyone (manager); the visitor must be able
        to work on the customer (her check-out writes a follow-up on it)."""
        me = self.env.user
        if user != me and not me._crm_is_manager():
            teams = self._crm_user_teams(user)
            if not teams or not any(me._crm_leads_team(team) for team in teams):
                raise UserError(_('You can plan visits for yourself, or as a team leader for '
                                  'the members of your teams: %s is not in a team you lead.')
                                % user.name)
        if customer and user:
            try:
                customer.sudo(user.id).check_access_rule('write')
            except AccessError:
                raise AccessError(_('%s cannot work on the customer "%s", so cannot visit it: '
                                  'transfer or share the customer first.')
                                % (user.name, customer.sudo().name))

    @api.model
    def _crm_prepare_event_vals(self, vals):
        vals = dict(vals)
        if not vals.get('start') and vals.get('start_datetime'):
            vals['start'] = vals['start_datetime']
        if vals.get('start') and not vals.get('stop'):
            hours = vals.get('duration') or 1.0
            start = fields.Datetime.from_string(vals['start'])
            vals['stop'] = fields.Datetime.to_string(start + timedelta(hours=hours))
        if vals.get('customer_id') and not (vals.get('name') and 'location' in vals):
            customer = self.env['res.partner'].sudo().browse(vals['customer_id'])
            if not vals.get('name'):
                vals['name'] = _('Visit: %s') % customer.name
            if 'location' not in vals:
                vals['location'] = self._crm_customer_address(customer)
        return vals

    @api.model
    def _crm_customer_address(self, customer):
        """Where the visit takes place by default: the customer's address, one line."""
        parts = [customer.state_id.name, customer.city, customer.street, customer.street2]
        return ' '.join(p for p in parts if p) or False

    @api.model
    def create(self, vals):
        self.check_access_rights('create')   # (a read-only role hears it first)
        vals = self._crm_prepare_event_vals(vals)
        if not vals.get('start'):
            raise UserError(_('Please give the time of the visit.'))
        user = self.env['res.users'].browse(vals.get('user_id') or self.env.uid)
        customer = self.env['res.partner'].browse(vals.get('customer_id') or [])
        self._crm_check_visitor(user, customer)
        if 'team_id' not in vals or not vals.get('team_id'):
            vals['team_id'] = self._crm_user_teams(user)[:1].id or False
        # the visitor attends (Odoo's calendar shows the event to its attendees and
        # reminds them); the customer's people are not invited by e-mail
        vals.setdefault('partner_ids', [(6, 0, [user.partner_id.id])])
        own = {}
        if user != self.env.user and self.env.uid != SUPERUSER_ID:
            own['assigned_by_id'] = self.env.uid
        records, vals = self._crm_own_values(vals, creating=True, **own)
        visit = super(CrmVisit, records).create(vals)
        return visit.with_env(self.env)

    @api.multi
    def write(self, vals):
        frozen = set(FROZEN_AFTER_CHECK_IN) & set(vals)
        if frozen and not self.env['crm.guard']._is_privileged():
            started = self.filtered(lambda v: v.visit_state != 'planned')
            if started:
                raise UserError(_('The visit "%s" has started or ended: its customer, '
                                  'visitor and time can no longer change.')
                                % started[0].name)
        if 'user_id' in vals or 'customer_id' in vals:
            for rec in self:
                user = self.env['res.users'].browse(vals.get('user_id', rec.user_id.id))
                customer = self.env['res.partner'].browse(
                    vals.get('customer_id', rec.customer_id.id))
                if user != rec.user_id or customer != rec.customer_id:
                    self._crm_check_visitor(user, customer)
        return super(CrmVisit, self).write(vals)

    @api.multi
    def unlink(self):
        if not self.env['crm.guard']._is_privileged() and \
                self.filtered(lambda v: v.visit_state in ('checked_in', 'done')):
            raise UserError(_('A visit that was checked in cannot be deleted: it is part of '
                              'the customer\'s history.'))
        events = self.mapped('event_id')
        res = super(CrmVisit, self).unlink()
        # the events of the deleted visits, but never one another visit still stands on
        # (deleting it would delete that visit too: ondelete cascade)
        kept = self.sudo().with_context(active_test=False).search(
            [('event_id', 'in', events.ids)]).mapped('event_id')
        (events - kept).exists().unlink()
        return res

    @api.multi
    def action_cancel(self):
        """Cancel planned visits (the owner, her leader, a manager: write access)."""
        self.env.user._crm_check_can_act()
        self.check_access_rule('write')
        bad = self.filtered(lambda v: v.visit_state != 'planned')
        if bad:
            raise UserError(_('Only a planned visit can be cancelled: "%s" is not planned '
                              'any more.') % bad[0].name)
        grant(self, 'action_write').write({'visit_state': 'cancelled'})
        self.mapped('event_id').write({'active': False})
        return self.env['crm.notify'].done(_('The visit was cancelled.'))

    @api.multi
    def action_view_follow_up(self):
        self.ensure_one()
        if not self.follow_up_id:
            raise UserError(_('This visit has no follow-up yet: it is written at check-out.'))
        return self.follow_up_id.get_formview_action()
