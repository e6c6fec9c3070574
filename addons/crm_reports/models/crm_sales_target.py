# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmSalesTarget(models.Model):
    """A year of sales targets (销售目标) for a salesperson or a sales team: one line per
    month with the contract amount, the payments and the new customers to reach,
    entered as one 12-month grid."""
    _name = 'crm.sales.target'
    _description = 'Sales Target'
    _order = 'year desc, target_type, team_id, user_id'

    name = fields.Char('Target', compute='_compute_name', store=True)
    target_type = fields.Selection([('user', 'Salesperson'), ('team', 'Sales Team')],
                                   'Target For', required=True, default='user')
    user_id = fields.Many2one('res.users', 'Salesperson', index=True, ondelete='cascade')
    team_id = fields.Many2one('crm.team', 'Sales Team', index=True, ondelete='cascade',
                              help="For a salesperson's target: their team.")
    year = fields.Integer('Year', required=True,
                          default=lambda self: self.env['crm.clock'].today().year)
    line_ids = fields.One2many('crm.sales.target.line', 'target_id', 'Monthly Targets',
                               copy=True, default=lambda self: self._default_line_ids())
    contract_amount = fields.Float('Contract Amount (Year)', digits=(16, 2),
                                   compute='_compute_totals', store=True)
    payment_amount = fields.Float('Payments (Year)', digits=(16, 2),
                                  compute='_compute_totals', store=True)
    new_customer_count = fields.Integer('New Customers (Year)', compute='_compute_totals',
                                        store=True)
    note = fields.Char('Remarks')

    @api.model
    def _default_line_ids(self):
        return [(0, 0, {'month': '%02d' % month}) for month in range(1, 13)]

    @api.depends('target_type', 'user_id', 'team_id', 'year')
    def _compute_name(self):
        for target in self:
            who = target.user_id.name if target.target_type == 'user' else target.team_id.name
            target.name = '%s %s' % (target.year or '', who or '')

    @api.depends('line_ids.contract_amount', 'line_ids.payment_amount',
                 'line_ids.new_customer_count')
    def _compute_totals(self):
        for target in self:
            target.contract_amount = sum(target.line_ids.mapped('contract_amount'))
            target.payment_amount = sum(target.line_ids.mapped('payment_amount'))
            target.new_customer_count = sum(target.line_ids.mapped('new_customer_count'))

    @api.onchange('target_type', 'user_id')
    def _onchange_user_id(self):
        if self.target_type == 'user':
            self.team_id = self.user_id.sale_team_id
        else:
            self.user_id = False

    @api.model
    def create(self, vals):
        vals = self._prepare_vals(dict(vals))
        return super(CrmSalesTarget, self).create(vals)

    @api.multi
    def write(self, vals):
        if {'target_type', 'user_id'} & set(vals):
            for target in self:
                super(CrmSalesTarget, target).write(target._prepare_vals(dict(vals)))
            return True
        return super(CrmSalesTarget, self).write(vals)

    def _prepare_vals(self, vals):
        """A salesperson's target belongs to their team (the team leader's scope); a
        team's target names no salesperson."""
        target_type = vals.get('target_type') or (self and self.target_type) or 'user'
        if target_type == 'user':
            user_id = vals['user_id'] if 'user_id' in vals else self.user_id.id
            user = self.env['res.users'].browse(user_id or [])
            vals['team_id'] = user.sale_team_id.id or vals.get('team_id') or self.team_id.id or False
        else:
            vals['user_id'] = False
        return vals

    @api.constrains('target_type', 'user_id', 'team_id', 'year', 'line_ids')
    def _check_target(self):
        for target in self:
            if not 2000 <= target.year <= 2100:
                raise ValidationError(_('The year must be between 2000 and 2100.'))
            if target.target_type == 'user' and not target.user_id:
                raise ValidationError(_('Choose the salesperson this target is for.'))
            if target.target_type == 'team' and not target.team_id:
                raise ValidationError(_('Choose the sales team this target is for.'))
            domain = [('id', '!=', target.id), ('year', '=', target.year),
                      ('target_type', '=', target.target_type)]
            if target.target_type == 'user':
                domain.append(('user_id', '=', target.user_id.id))
            else:
                domain.append(('team_id', '=', target.team_id.id))
            if self.sudo().search_count(domain):
                raise ValidationError(_('%s already has a target for %s: change that one.')
                                      % (target.user_id.name or target.team_id.name, target.year))
            months = target.line_ids.mapped('month')
            if len(months) != len(set(months)):
                raise ValidationError(_('Each month may appear only once in a target.'))
