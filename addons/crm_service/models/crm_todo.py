# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from odoo.addons.crm_sales.models.crm_todo import LIST_LIMIT

from .crm_service_team import OPEN_STATES


SERVICE_KINDS = ('ticket_open', 'ticket_due', 'ticket_unassigned')
SERVICE_FIELDS = tuple(k + '_count' for k in SERVICE_KINDS) + tuple(k + '_ids' for k in SERVICE_KINDS)


class CrmTodo(models.TransientModel):
    """Service counters on "My To-do". Service staff who are not CRM users (no
    salesperson / executive role) get the page too: the sales counters, which read
    records they may not, are blank for them."""
    _inherit = 'crm.todo'

    ticket_open_count = fields.Integer('My open tickets', compute='_compute_ticket_counts')
    ticket_due_count = fields.Integer('Tickets about to breach SLA', compute='_compute_ticket_counts')
    ticket_unassigned_count = fields.Integer('Unassigned tickets', compute='_compute_ticket_counts')
    ticket_open_ids = fields.Many2many('crm.service.ticket', string='My open tickets',
                                       compute='_compute_ticket_counts')
    ticket_due_ids = fields.Many2many('crm.service.ticket', string='Tickets about to breach SLA',
                                      compute='_compute_ticket_counts')
    ticket_unassigned_ids = fields.Many2many('crm.service.ticket', string='Unassigned tickets',
                                             compute='_compute_ticket_counts')

    def _crm_service_only(self):
        return self.env.user._crm_scope_level() == 'none'

    def _blank_sales_fields(self, names):
        return [n for n in names if self._fields[n].compute and n not in SERVICE_FIELDS
                and n not in ('display_name', 'name')]

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        if not self._crm_service_only():
            return super(CrmTodo, self).read(fields, load=load)
        fields = list(fields or self._fields)
        blank = self._blank_sales_fields(fields)
        rows = super(CrmTodo, self).read([f for f in fields if f not in blank], load=load)
        for row in rows:
            for name in blank:
                row[name] = [] if self._fields[name].type in ('many2many', 'one2many') else 0
        return rows

    @api.model
    def get_counts(self):
        if not self._crm_service_only():
            return super(CrmTodo, self).get_counts()
        todo = self.new({})
        return {n: todo[n] if n in SERVICE_FIELDS else 0 for n in self._count_field_names()}

    @api.model
    def _crm_todo_visibility(self):
        """Ticket counters for service staff only; the unassigned queue for managers."""
        res = super(CrmTodo, self)._crm_todo_visibility()
        user = self.env.user
        res.update(ticket_open=user._crm_is_service_agent(), ticket_due=user._crm_is_service_agent(),
                   ticket_unassigned=user._crm_is_service_manager())
        return res

    @api.model
    def _domain_ticket_open(self):
        return [('user_id', '=', self.env.uid), ('state', 'in', OPEN_STATES)]

    @api.model
    def _domain_ticket_due(self):
        return [('user_id', '=', self.env.uid), ('sla_due_soon', '=', True)]

    @api.model
    def _domain_ticket_unassigned(self):
        if not self.env.user._crm_is_service_manager():
            return [('id', '=', 0)]
        return [('user_id', '=', False), ('state', '=', 'new')]

    def _compute_ticket_counts(self):
        Ticket = self.env['crm.service.ticket']
        readable = Ticket.check_access_rights('read', raise_exception=False)
        values = {}
        for kind in SERVICE_KINDS:
            domain = getattr(self, '_domain_' + kind)() if readable else [('id', '=', 0)]
            values[kind + '_count'] = Ticket.search_count(domain) if readable else 0
            values[kind + '_ids'] = Ticket.search(domain, limit=LIST_LIMIT) if readable else Ticket
        for rec in self:
            rec.update(values)

    @api.multi
    def action_open_ticket_open(self):
        return self._list_action('crm_service.crm_service_ticket_action', _('My Open Tickets'),
                                 self._domain_ticket_open())

    @api.multi
    def action_open_ticket_due(self):
        return self._list_action('crm_service.crm_service_ticket_action', _('Tickets About to Breach SLA'),
                                 self._domain_ticket_due())

    @api.multi
    def action_open_ticket_unassigned(self):
        return self._list_action('crm_service.crm_service_ticket_action', _('Unassigned Tickets'),
                                 self._domain_ticket_unassigned())
