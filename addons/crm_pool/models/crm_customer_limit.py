# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

LIMIT_TYPES = [('owned', 'Owned customers'), ('locked', 'Locked customers')]


class CrmCustomerLimit(models.Model):
    """The most customers a salesperson may own, or lock. Set per user or per team; the
    limits naming a user directly take precedence over those of their team."""
    _name = 'crm.customer.limit'
    _description = 'Customer Limit'
    _order = 'limit_type, max_count, id'

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company', string='Company', required=True,
                                 default=lambda self: self.env.user.company_id)
    limit_type = fields.Selection(LIMIT_TYPES, string='Type', required=True, default='owned')
    user_ids = fields.Many2many('res.users', 'crm_customer_limit_user_rel', 'limit_id',
                                'user_id', string='Salespeople')
    team_ids = fields.Many2many('crm.team', 'crm_customer_limit_team_rel', 'limit_id',
                                'team_id', string='Teams')
    max_count = fields.Integer('Maximum', required=True, default=100)
    count_deal = fields.Boolean(
        'Count Customers with a Deal', default=True,
        help='When unchecked, customers with a deal do not count towards this limit.')

    @api.model
    def _check_limit_vals(self, vals):
        if 'max_count' in vals and (vals['max_count'] is False or vals['max_count'] < 0):
            raise ValidationError(_('The maximum of a customer limit cannot be negative.'))

    @api.constrains('max_count', 'user_ids', 'team_ids')
    def _check_max_count(self):
        for limit in self:
            if limit.max_count < 0:
                raise ValidationError(_('The maximum of a customer limit cannot be negative.'))
            if not limit.user_ids and not limit.team_ids:
                raise ValidationError(_('Customer limit "%s" applies to nobody: choose '
                                        'salespeople or teams.') % limit.name)

    @api.model
    def create(self, vals):
        self._check_limit_vals(vals)
        return super(CrmCustomerLimit, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_limit_vals(vals)
        return super(CrmCustomerLimit, self).write(vals)

    @api.model
    def _get_user_limits(self, user, limit_type):
        Limit = self.sudo()
        limits = Limit.search([('limit_type', '=', limit_type), ('user_ids', 'in', user.id)])
        if not limits and user.sale_team_id:
            limits = Limit.search([('limit_type', '=', limit_type),
                                   ('team_ids', 'in', user.sale_team_id.id)])
        return limits

    @api.multi
    def _current_count(self, user, exclude_ids):
        self.ensure_one()
        sql = """SELECT count(*) FROM res_partner
                  WHERE user_id = %s AND is_crm_customer AND active AND id != ALL(%s)"""
        if self.limit_type == 'locked':
            sql += ' AND pool_locked'
        if not self.count_deal:
            sql += ' AND NOT COALESCE(is_deal, false)'
        self.env.cr.execute(sql, (user.id, list(exclude_ids)))
        return self.env.cr.fetchone()[0]

    @api.model
    def _check_user_limit(self, user, limit_type, partners):
        """Raise a UserError naming the limit if ``user`` would own (or lock) more customers
        than allowed once ``partners`` are added. Counts are read with SQL, so the callers
        serialize per user first (see res.partner._pool_lock_user)."""
        for limit in self._get_user_limits(user, limit_type):
            adding = partners if limit.count_deal else partners.filtered(lambda p: not p.is_deal)
            if not adding:
                continue
            count = limit._current_count(user, partners.ids)
            if count + len(adding) > limit.max_count:
                what = (_('locked customers') if limit_type == 'locked'
                        else _('customers'))
                raise UserError(_(
                    'Customer limit "%(limit)s" reached: %(user)s may have at most %(max)d '
                    '%(what)s and already has %(count)d.') % {
                        'limit': limit.name, 'user': user.name, 'max': limit.max_count,
                        'what': what, 'count': count})
        return True
