# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmPool(models.Model):
    """A public customer pool (公海). Customers released by a rule, by their owner or by a
    leader land in the pool serving their team; they have no owner there and are visible
    to the salespeople of the teams the pool serves (all teams when none is set)."""
    _name = 'crm.pool'
    _description = 'Public Customer Pool'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        'res.company', string='Company', required=True,
        default=lambda self: self.env.user.company_id)
    team_ids = fields.Many2many(
        'crm.team', 'crm_pool_team_rel', 'pool_id', 'team_id', string='Teams Served',
        help='Sales teams whose customers are released into this pool and whose '
             'salespeople may claim from it. Empty: the whole company.')
    protection_days = fields.Integer(
        'Protection Period (days)', default=7,
        help='A customer released by a salesperson (or taken from them) cannot be claimed '
             'back by that salesperson for this many days. Other salespeople may claim it '
             'at once.')
    remind_days = fields.Integer(
        'Remind Before (days)', default=3,
        help='The owner gets a to-do activity this many days before one of their customers '
             'is released by a rule of this pool (once per cycle). 0 disables reminders.')
    rule_ids = fields.One2many('crm.pool.rule', 'pool_id', string='Release Rules',
                               context={'active_test': False})
    partner_ids = fields.One2many('res.partner', 'pool_id', string='Customers in Pool')
    customer_count = fields.Integer(compute='_compute_customer_count', string='Customers')
    note = fields.Text('Description')

    _sql_constraints = [
        ('protection_days_positive', 'CHECK(protection_days >= 0)',
         'The protection period cannot be negative.'),
        ('remind_days_positive', 'CHECK(remind_days >= 0)',
         'The reminder delay cannot be negative.'),
    ]

    @api.multi
    def _compute_customer_count(self):
        data = self.env['res.partner'].sudo().read_group(
            [('pool_id', 'in', self.ids)], ['pool_id'], ['pool_id'])
        counts = {d['pool_id'][0]: d['pool_id_count'] for d in data}
        for pool in self:
            pool.customer_count = counts.get(pool.id, 0)

    @api.model
    def _check_pool_vals(self, vals):
        for key, label in (('protection_days', _('protection period')),
                           ('remind_days', _('reminder delay'))):
            if key in vals and (vals[key] or 0) < 0:
                raise ValidationError(_('The %s of a pool cannot be negative.') % label)

    @api.model
    def create(self, vals):
        self._check_pool_vals(vals)
        pool = super(CrmPool, self).create(vals)
        self.env['ir.rule'].clear_caches()  # pool visibility rule reads the pools
        return pool

    @api.multi
    def write(self, vals):
        self._check_pool_vals(vals)
        res = super(CrmPool, self).write(vals)
        if {'team_ids', 'active', 'company_id'} & set(vals):
            self.env['ir.rule'].clear_caches()
        return res

    @api.multi
    def unlink(self):
        res = super(CrmPool, self).unlink()
        self.env['ir.rule'].clear_caches()
        return res

    @api.model
    def _get_for_team(self, team):
        """The pool a customer of ``team`` goes to: the first pool (by sequence) serving
        that team, else the first pool serving the whole company."""
        pools = self.sudo().search([])
        if team:
            for pool in pools:
                if team in pool.team_ids:
                    return pool
        for pool in pools:
            if not pool.team_ids:
                return pool
        return self.browse()

    @api.model
    def _get_visible_for_user(self, user):
        """Pools whose customers ``user`` may see and claim as a salesperson."""
        pools = self.sudo().search([])
        team = user.sale_team_id
        return pools.filtered(lambda p: not p.team_ids or (team and team in p.team_ids))

    @api.multi
    def action_view_customers(self):
        self.ensure_one()
        action = self.env.ref('crm_pool.res_partner_action_pool').read()[0]
        action['domain'] = [('pool_id', '=', self.id)]
        return action

    @api.multi
    def action_preview(self):
        self.ensure_one()
        wizard = self.env['crm.pool.preview.wizard'].create({
            'pool_id': self.id,
            'date': self.env['crm.clock'].today_str(),
        })
        return wizard.action_compute()
