# -*- coding: utf-8 -*-
import logging

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.crm_sales.grant import grant

_logger = logging.getLogger(__name__)

UNITS = {'day': 'days', 'week': 'weeks', 'month': 'months'}
#: the longest interval of each unit (ten years)
MAX_INTERVAL = {'day': 3650, 'week': 520, 'month': 120}


class CrmServicePlan(models.Model):
    """Service plan (服务计划): a recurring revisit or maintenance for a customer. The
    daily cron creates the revisit activity (or a ticket) when it is due and moves the
    next date; running it again the same day creates nothing."""
    _name = 'crm.service.plan'
    _description = 'Service Plan'
    _inherit = ['mail.thread', 'crm.guard.mixin', 'crm.scope.mixin']
    # salespeople see the plans of their customers (user_id / team_id: the assignee and
    # the service team)
    _crm_scope_owner_field = 'partner_id.crm_owner_id'
    _crm_scope_team_field = 'partner_id.crm_team_id'
    _order = 'next_date, id'

    name = fields.Char('Plan', required=True, track_visibility='onchange')
    active = fields.Boolean(default=True)
    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True,
                                 domain=[('is_company', '=', True)])
    contact_id = fields.Many2one('res.partner', string='Contact', domain="[('parent_id', '=', partner_id)]")
    plan_type = fields.Selection([('revisit', 'Revisit'), ('maintenance', 'Maintenance'),
                                  ('inspection', 'Routine Inspection')], string='Plan Type',
                                 required=True, default='revisit')
    action = fields.Selection([('activity', 'Schedule an activity'), ('ticket', 'Create a ticket')],
                              string='When Due', required=True, default='activity')
    user_id = fields.Many2one('res.users', string='Assignee', required=True, index=True,
                              default=lambda self: self.env.user, track_visibility='onchange')
    team_id = fields.Many2one('crm.service.team', string='Service Team', index=True)
    type_id = fields.Many2one('crm.service.type', string='Ticket Service Type',
                              help='Service type of the tickets the plan creates.')
    interval_number = fields.Integer('Every', required=True, default=1)
    interval_type = fields.Selection([('day', 'Days'), ('week', 'Weeks'), ('month', 'Months')],
                                     string='Interval Unit', required=True, default='month')
    next_date = fields.Date('Next Date', required=True, index=True, track_visibility='onchange')
    last_run_date = fields.Date('Last Run', readonly=True, copy=False)
    run_count = fields.Integer('Times Run', readonly=True, copy=False)
    note = fields.Text('Instructions')
    ticket_ids = fields.One2many('crm.service.ticket', 'plan_id', string='Tickets')

    @api.constrains('interval_number', 'interval_type', 'action', 'type_id', 'name', 'partner_id',
                    'contact_id')
    def _check_plan(self):
        for plan in self.sudo():
            if not (plan.name or '').strip():
                raise ValidationError(_('Enter a name for the service plan.'))
            plan._check_interval()
            contact = plan.contact_id
            if contact and contact.commercial_partner_id != plan.partner_id.commercial_partner_id:
                raise ValidationError(_('%s is not a contact of %s: choose one of the customer\'s '
                                        'contacts.') % (contact.display_name, plan.partner_id.name))
            if plan.action == 'ticket' and not plan.type_id:
                raise ValidationError(_('Service plan "%s" creates tickets: choose their service type.')
                                      % plan.name)

    def _crm_action_fields(self):
        return ('last_run_date', 'run_count')

    def _crm_target_fields(self):
        return {'partner_id': 'read', 'contact_id': 'read'}

    def _check_interval(self):
        if self.interval_number < 1:
            raise ValidationError(_('Service plan "%s": the interval must be at least 1.') % self.name)
        longest = MAX_INTERVAL.get(self.interval_type, 0)
        if self.interval_number > longest:
            unit = dict(self._fields['interval_type']._description_selection(self.env)).get(
                self.interval_type, self.interval_type)
            raise ValidationError(_('Service plan "%s": the interval is at most %d (%s).')
                                  % (self.name, longest, unit))

    def _next(self, date):
        return date + relativedelta(**{UNITS[self.interval_type]: self.interval_number})

    @api.model
    def _cron_run_plans(self):
        """Create what is due up to today (CRM clock) and move each plan's next date past
        today. Idempotent: a second run the same day finds nothing due. Each plan in a
        savepoint of its own, committed one by one (``crm.cron.run``): a plan that fails
        is recorded on the run and left for the next run, the others go through."""
        today = self.env['crm.clock'].today()

        def body(run):
            due = self.sudo().search([('next_date', '<=', fields.Date.to_string(today))])
            run._crm_each(due, lambda plan: plan._run(today))
        self.env['crm.cron.run']._crm_run('crm_service.ir_cron_crm_service_plan', body)
        return True

    def _plan_recipient(self):
        """Who the plan's activity goes to: its assignee, else (archived) the service
        team's manager, else a service manager."""
        self.ensure_one()
        return self.env['res.users']._crm_active_recipient(
            [self.user_id, self.team_id.manager_id], 'crm_service.group_crm_service_manager')

    def _run(self, today):
        self.ensure_one()
        due = fields.Date.from_string(self.next_date)
        if self.last_run_date == self.next_date or fields.Date.from_string(
                self.next_date) > today:   # done meanwhile by another run
            return False
        self._check_interval()  # a plan stored before the bounds existed
        if self.action == 'ticket':
            self.env['crm.service.ticket'].create({
                'name': '%s: %s' % (dict(self._fields['plan_type']._description_selection(self.env))[self.plan_type],
                                    self.name),
                'partner_id': self.partner_id.id, 'contact_id': self.contact_id.id,
                'type_id': self.type_id.id, 'team_id': self.team_id.id, 'channel': 'visit',
                # a salesperson assignee: the team's rule picks the handler
                'user_id': self.user_id.id if self.user_id.active
                and self.user_id._crm_is_service_agent() else False,
                'description': self.note, 'plan_id': self.id,
            })
        else:
            self.env['mail.activity'].create({
                'res_model_id': self.env['ir.model']._get('res.partner').id,
                'res_id': self.partner_id.id,
                'activity_type_id': self.env.ref('mail.mail_activity_data_call').id,
                'user_id': self._plan_recipient().id or self.env.uid,
                'date_deadline': fields.Date.to_string(due),
                'summary': _('Service plan due: %s') % self.name, 'note': self.note or '',
            })
        following = self._next(due)
        while following <= today:
            following = self._next(following)
        grant(self, 'action_write').write({
            'last_run_date': self.next_date, 'next_date': fields.Date.to_string(following),
            'run_count': self.run_count + 1})
        self.message_post(body=_('Due on %s: done; next on %s.') % (
            fields.Date.to_string(due), fields.Date.to_string(following)), subtype='mail.mt_note')


class CrmServiceTicketPlan(models.Model):
    _inherit = 'crm.service.ticket'

    plan_id = fields.Many2one('crm.service.plan', string='Service Plan', readonly=True, index=True)
