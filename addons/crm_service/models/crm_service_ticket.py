# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_sales.grant import grant, granted

from .crm_service_config import PRIORITIES

STATES = [
    ('new', 'New'),
    ('assigned', 'Assigned'),
    ('in_progress', 'In Progress'),
    ('processed', 'Processed'),
    ('feedback', 'Feedback Received'),
    ('archived', 'Archived'),
]
CHANNELS = [
    ('phone', 'Phone'),
    ('email', 'E-mail'),
    ('portal', 'Portal'),
    ('visit', 'Visit'),
    ('wechat', 'WeChat'),
]
#: fields only the flow actions change (refused in a direct create / write over RPC)
ACTION_FIELDS = ('state', 'number', 'assigned_at', 'started_at', 'processed_at', 'feedback_at',
                 'archived_at', 'reopened_at', 'reopen_count', 'satisfaction', 'feedback_comment',
                 'feedback_by', 'sla_warned_at', 'sla_breach_notified_at', 'access_token',
                 'response_deadline', 'resolve_deadline', 'sla_id', 'sla_start_at', 'opened_at',
                 'portal_user_id')


class CrmServiceTicket(models.Model):
    """A service ticket (服务工单): new -> assigned -> in progress -> processed ->
    feedback -> archived, each step timestamped (``crm.clock``)."""
    _name = 'crm.service.ticket'
    _description = 'Service Ticket'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'portal.mixin', 'crm.guard.mixin',
                'crm.scope.mixin']
    _order = 'priority desc, id desc'
    # salespeople see the tickets of their customers (user_id / team_id are the handler
    # and the service team)
    _crm_scope_owner_field = 'partner_id.crm_owner_id'
    _crm_scope_team_field = 'partner_id.crm_team_id'
    _mail_post_access = 'read'

    number = fields.Char('Ticket Number', readonly=True, copy=False, index=True, default='/')
    name = fields.Char('Subject', required=True, track_visibility='onchange')
    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True,
                                 domain=[('is_company', '=', True)], track_visibility='onchange')
    contact_id = fields.Many2one('res.partner', string='Contact',
                                 domain="[('parent_id', '=', partner_id)]")
    crm_owner_id = fields.Many2one('res.users', string='Customer Owner', related='partner_id.crm_owner_id',
                                   readonly=True)
    type_id = fields.Many2one('crm.service.type', string='Service Type', required=True,
                              track_visibility='onchange')
    priority = fields.Selection(PRIORITIES, string='Priority', required=True, default='1',
                                track_visibility='onchange')
    channel = fields.Selection(CHANNELS, string='Channel', required=True, default='phone')
    description = fields.Text('Description')
    attachment_ids = fields.Many2many('ir.attachment', 'crm_service_ticket_attachment_rel',
                                      'ticket_id', 'attachment_id', string='Attachments')
    team_id = fields.Many2one('crm.service.team', string='Service Team', index=True,
                              track_visibility='onchange')
    user_id = fields.Many2one('res.users', string='Handler', index=True, track_visibility='onchange')
    state = fields.Selection(STATES, string='Status', required=True, default='new', index=True,
                             track_visibility='onchange', copy=False, group_expand='_group_expand_states')
    color = fields.Integer('Color Index')
    assigned_at = fields.Datetime('Assigned On', readonly=True, copy=False)
    started_at = fields.Datetime('Started On', readonly=True, copy=False)
    processed_at = fields.Datetime('Processed On', readonly=True, copy=False)
    feedback_at = fields.Datetime('Feedback On', readonly=True, copy=False)
    archived_at = fields.Datetime('Archived On', readonly=True, copy=False)
    reopened_at = fields.Datetime('Reopened On', readonly=True, copy=False)
    reopen_count = fields.Integer('Times Reopened', readonly=True, copy=False)
    solution = fields.Text('Solution', copy=False)
    satisfaction = fields.Integer('Satisfaction (1-5)', readonly=True, copy=False, group_operator='avg')
    feedback_comment = fields.Text('Customer Feedback', readonly=True, copy=False)
    feedback_by = fields.Selection([('staff', 'Staff'), ('customer', 'Customer')],
                                   string='Feedback Entered By', readonly=True, copy=False)
    opened_at = fields.Datetime('Opened On', readonly=True, copy=False, index=True,
                                help='Creation by the CRM clock.')
    article_ids = fields.One2many('crm.knowledge.article', 'ticket_id', string='Published Articles')
    can_assign = fields.Boolean('Can Assign', compute='_compute_can_assign',
                                help='Whether the current user may choose the handler (service managers).')

    _sql_constraints = [
        ('satisfaction_range', 'CHECK(satisfaction IS NULL OR satisfaction BETWEEN 0 AND 5)',
         'Satisfaction must be between 1 and 5.'),
    ]

    # ------------------------------------------------------------------ guard
    def _crm_action_fields(self):
        return ACTION_FIELDS

    def _crm_target_fields(self):
        return {'partner_id': 'read', 'contact_id': 'read'}

    # ------------------------------------------------------------------ ORM
    @api.model
    def _normalize_partner(self, vals):
        """A contact given as customer becomes the contact of its company."""
        if vals.get('partner_id'):
            partner = self.env['res.partner'].sudo().browse(vals['partner_id'])
            if partner.parent_id and not partner.is_company:
                vals['contact_id'] = vals.get('contact_id') or partner.id
                vals['partner_id'] = partner.commercial_partner_id.id
        return vals

    @api.model
    def create(self, vals):
        vals = self._normalize_partner(dict(vals))
        if 'user_id' not in vals and self.env.context.get('default_user_id'):
            vals['user_id'] = self.env.context['default_user_id']  # checked like a value
        # what the caller sent may not hold action-only fields (the ones added below may)
        self.env['crm.guard']._check_action_fields(self, vals, creating=True)
        self._check_open_rate(vals.get('portal_user_id') or self.env.uid)
        if vals.get('type_id') and not vals.get('team_id'):
            team = self.env['crm.service.type'].browse(vals['type_id']).team_id
            if team:
                vals['team_id'] = team.id
        own = {'opened_at': vals.get('opened_at') or self._now()}
        if vals.get('number', '/') == '/':
            own['number'] = self.env['ir.sequence'].sudo().next_by_code('crm.service.ticket') or '/'
        if vals.get('user_id'):
            if vals['user_id'] != self.env.uid and not self.env.user._is_superuser() \
                    and not self.env.user._crm_is_service_manager():
                raise AccessError(_('Only a service manager may assign tickets.'))
            self._check_handler(self.env['crm.guard']._arg_record('res.users', vals['user_id'],
                                                                 _('the handler')))
            own.update(state='assigned', assigned_at=self._now())
        records, vals = self._crm_own_values(vals, creating=True, **own)
        ticket = super(CrmServiceTicket, records.with_context(mail_create_nolog=True)).create(vals)
        ticket = ticket.with_env(self.env)
        ticket._token_create()
        ticket._sla_apply()
        if ticket.contact_id and ticket.contact_id.email:
            ticket.sudo().message_subscribe(partner_ids=ticket.contact_id.ids)
        ticket.sudo().message_post(body=_('Ticket %s created (%s).') % (
            ticket.number, dict(ticket._fields['channel']._description_selection(ticket.env))[ticket.channel]),
            subtype='mail.mt_note')
        if not ticket.user_id:
            ticket._auto_assign()
        return ticket

    @api.multi
    def write(self, vals):
        vals = self._normalize_partner(dict(vals))
        manual_assign = vals.get('user_id') and not granted(self, 'action_write')
        if manual_assign and not self.env.user._is_superuser() and not self.env.user._crm_is_service_manager():
            raise AccessError(_('Only a service manager may assign tickets.'))
        if manual_assign:
            self._check_handler(self.env['crm.guard']._arg_record('res.users', vals['user_id'],
                                                                 _('the handler')))
        res = super(CrmServiceTicket, self).write(vals)
        if manual_assign:
            self.filtered(lambda t: t.state == 'new')._flow_write(
                {'state': 'assigned', 'assigned_at': self._now()})
        if {'priority', 'type_id'} & set(vals) and not granted(self, 'sla_applying'):
            self._sla_apply()
        return res

    @api.multi
    def unlink(self):
        if not self.env.user._crm_is_service_manager():
            raise AccessError(_('Only a service manager may delete tickets.'))
        return super(CrmServiceTicket, self).unlink()

    @api.model
    def _counts_by(self, field, ids, domain=None):
        """{id: number of tickets} grouped by the many2one ``field`` (tickets the user may read)."""
        if not self.check_access_rights('read', raise_exception=False):
            return {}  # e.g. an employee outside sales and service opening a partner
        data = self.read_group([(field, 'in', list(ids))] + list(domain or []), [field], [field])
        return {d[field][0]: d[field + '_count'] for d in data}

    @api.multi
    def name_get(self):
        return [(t.id, '%s %s' % (t.number, t.name)) for t in self]

    @api.model
    def name_search(self, name='', args=None, operator='ilike', limit=100):
        args = list(args or [])
        if name:
            args = ['|', ('number', operator, name), ('name', operator, name)] + args
            return self.search(args, limit=limit).name_get()
        return super(CrmServiceTicket, self).name_search(name, args, operator, limit)

    @api.onchange('partner_id')
    def _onchange_partner_id(self):
        if self.contact_id and self.contact_id.parent_id != self.partner_id:
            self.contact_id = False
        if self.partner_id and not self.contact_id:
            self.contact_id = self.partner_id.primary_contact_id

    @api.model
    def _group_expand_states(self, states, domain, order):
        """The kanban's columns follow the flow (not the alphabet of the state codes)."""
        return [key for key, _label in STATES]

    def _compute_portal_url(self):
        super(CrmServiceTicket, self)._compute_portal_url()
        for ticket in self:
            ticket.portal_url = '/my/tickets/%s' % ticket.id

    # ------------------------------------------------------------------ flow helpers
    def _now(self):
        return self.env['crm.clock'].now_str()

    def _flow_write(self, vals):
        """Flow actions write through here: their own checks are done."""
        return grant(self, 'action_write').write(vals)

    def _check_state(self, states, message):
        for ticket in self:
            if ticket.state not in states:
                raise UserError(message % {
                    'ticket': ticket.number,
                    'state': dict(ticket._fields['state']._description_selection(ticket.env))[ticket.state]})

    def _check_can_work(self):
        """Agents work on the tickets of their teams (the record rules); the salespeople
        and the executive only read them."""
        user = self.env.user
        if not user._crm_is_service_agent():
            raise AccessError(_('Only service agents and service managers can work on tickets.'))
        self.check_access_rule('write')

    # ------------------------------------------------------------------ flow actions
    @api.multi
    def action_take(self):
        """An agent takes a new ticket of their team for themselves."""
        self._check_can_work()
        self._check_state(('new',), _('Ticket %(ticket)s is %(state)s: only new tickets can be taken.'))
        for ticket in self:
            ticket._do_assign(self.env.user, ticket.team_id, by=self.env.user)
        return True

    @api.multi
    def action_start(self):
        """The handler starts working on the ticket (this is the SLA response)."""
        self._check_can_work()
        self._check_state(('assigned',), _('Ticket %(ticket)s is %(state)s: only assigned tickets can be started.'))
        for ticket in self:
            if ticket.user_id != self.env.user and not self.env.user._crm_is_service_manager():
                raise AccessError(_('Ticket %s is handled by %s.') % (ticket.number, ticket.user_id.name))
            ticket._flow_write({'state': 'in_progress', 'started_at': ticket.started_at or self._now()})
        return True

    @api.multi
    def action_process(self, solution=None):
        """The handler records the solution: the ticket is processed, and the customer
        contact receives the closing e-mail with the feedback link."""
        self._check_can_work()
        self._check_state(('assigned', 'in_progress'),
                          _('Ticket %(ticket)s is %(state)s: only tickets in progress can be processed.'))
        for ticket in self:
            text = solution if solution is not None else ticket.solution
            text = self.env['crm.guard']._arg_text(text, _('the solution'), max_len=20000)
            now = self._now()
            ticket._flow_write({'state': 'processed', 'solution': text, 'processed_at': now,
                                'started_at': ticket.started_at or now})
            ticket.sudo().message_post(body=_('Processed. Solution: %s') % text, subtype='mail.mt_note')
            ticket._send_closing_mail()
        return True

    @api.multi
    def action_mark_processed(self):
        """The form's button: asks for the solution (prefilled with the one written on
        the ticket) in a dialog, which processes the ticket."""
        self.ensure_one()
        self._check_can_work()
        self._check_state(('assigned', 'in_progress'),
                          _('Ticket %(ticket)s is %(state)s: only tickets in progress can be processed.'))
        return {
            'type': 'ir.actions.act_window',
            'name': _('Mark as Processed'),
            'res_model': 'crm.service.process.wizard',
            'view_mode': 'form',
            'views': [(self.env.ref('crm_service.crm_service_process_wizard_view_form').id, 'form')],
            'target': 'new',
            'context': {'default_ticket_id': self.id, 'default_solution': self.solution or ''},
        }

    @api.multi
    def action_feedback(self, satisfaction, comment=False):
        """Staff record the customer's feedback (satisfaction 1-5 and a comment)."""
        self._check_can_work()
        return self._register_feedback(satisfaction, comment, 'staff')

    def _register_feedback(self, satisfaction, comment, by):
        """Feedback from staff or from the customer (portal, e-mail link). 1 or 2 reopens
        the ticket to the manager of its handler's team."""
        if isinstance(satisfaction, str) and satisfaction.strip().isdigit():
            satisfaction = int(satisfaction.strip())
        if isinstance(satisfaction, bool) or not isinstance(satisfaction, int) or not 1 <= satisfaction <= 5:
            raise ValidationError(_('Satisfaction must be a whole number from 1 to 5.'))
        comment = self.env['crm.guard']._arg_text(comment, _('the comment'), required=False, max_len=4000) \
            if comment else False
        self._check_state(('processed',), _('Ticket %(ticket)s is %(state)s: feedback can only be given '
                                            'once the ticket is processed.'))
        for ticket in self:
            now = self._now()
            ticket.sudo()._flow_write({'state': 'feedback', 'satisfaction': satisfaction,
                                       'feedback_comment': comment, 'feedback_at': now,
                                       'feedback_by': by})
            ticket.sudo().message_post(body=_('Feedback: satisfaction %s/5. %s') % (satisfaction, comment or ''),
                                       subtype='mail.mt_note')
            if satisfaction <= 2:
                ticket.sudo()._reopen_to_manager()
        return True

    def _reopen_to_manager(self):
        self.ensure_one()
        manager = self.team_id.manager_id or self.env.ref('base.user_root')
        self._flow_write({'state': 'assigned', 'user_id': manager.id, 'assigned_at': self._now(),
                          'reopened_at': self._now(), 'reopen_count': self.reopen_count + 1,
                          'processed_at': False, 'started_at': False})
        self._sla_apply(start=self.reopened_at)
        self.message_subscribe_users(user_ids=manager.ids)
        self.message_post(body=_('Low satisfaction: the ticket is reopened and assigned to %s.') % manager.name,
                          subtype='mail.mt_note', partner_ids=manager.partner_id.ids)

    @api.multi
    def action_archive_ticket(self):
        """Archive tickets whose feedback is in (service managers may also archive a
        processed ticket the customer never answered)."""
        self._check_can_work()
        for ticket in self:
            if ticket.state == 'feedback' or (ticket.state == 'processed' and self.env.user._crm_is_service_manager()):
                ticket._flow_write({'state': 'archived', 'archived_at': self._now()})
            else:
                ticket._check_state((), _('Ticket %(ticket)s is %(state)s: only tickets with feedback can '
                                        'be archived (a service manager may also archive processed ones).'))
        return True

    @api.multi
    def action_reopen(self):
        """Service managers reopen a processed / fed-back ticket to its handler."""
        if not self.env.user._crm_is_service_manager():
            raise AccessError(_('Only a service manager may reopen tickets.'))
        self._check_state(('processed', 'feedback'),
                          _('Ticket %(ticket)s is %(state)s: only processed tickets can be reopened.'))
        for ticket in self:
            ticket._flow_write({'state': 'assigned', 'reopened_at': self._now(), 'processed_at': False,
                                'started_at': False, 'reopen_count': ticket.reopen_count + 1})
            ticket._sla_apply(start=ticket.reopened_at)
        return True
