# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

PRIORITIES = [('0', 'Low'), ('1', 'Normal'), ('2', 'High'), ('3', 'Urgent')]


class CrmServiceType(models.Model):
    """Service types (the data dictionary of seed 003): pre-sales enquiry, after-sales
    service, technical support, complaint... A type may route its tickets to a team."""
    _name = 'crm.service.type'
    _description = 'Service Type'
    _order = 'sequence, id'

    name = fields.Char('Service Type', required=True, translate=True)
    code = fields.Char('Code')
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    team_id = fields.Many2one('crm.service.team', string='Default Service Team',
                              help='New tickets of this type without a team go to this team '
                                   '(and are assigned by its rule).')
    description = fields.Text('Description', translate=True)

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'A service type with this name already exists.'),
    ]


class CrmServiceSla(models.Model):
    """SLA targets: response and resolution time in working hours of the team's
    calendar, per priority and optionally per service type (a policy with a type wins
    over one without)."""
    _name = 'crm.service.sla'
    _description = 'Service SLA Policy'
    _order = 'priority desc, type_id, id'

    name = fields.Char('SLA Policy', required=True, translate=True)
    active = fields.Boolean(default=True)
    priority = fields.Selection(PRIORITIES, string='Priority', required=True, default='1')
    type_id = fields.Many2one('crm.service.type', string='Service Type',
                              help='Empty: every type without a policy of its own.')
    response_hours = fields.Float('Response Target (working hours)', required=True, default=4.0)
    resolve_hours = fields.Float('Resolution Target (working hours)', required=True, default=16.0)

    @api.constrains('response_hours', 'resolve_hours')
    def _check_hours(self):
        for sla in self:
            if sla.response_hours <= 0 or sla.resolve_hours < sla.response_hours:
                raise ValidationError(_('SLA "%s": the response target must be positive and '
                                        'the resolution target at least as long.') % sla.name)

    @api.model
    def _find(self, priority, service_type):
        """The policy for a ticket of this priority and type (or an empty recordset)."""
        policies = self.search([('priority', '=', priority),
                                ('type_id', 'in', [service_type.id, False] if service_type else [False])])
        typed = policies.filtered(lambda p: p.type_id)
        return (typed or policies)[:1]
