# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

MONTHS_PARAM = 'crm_lifecycle.churn_months'
DAYS_PARAM = 'crm_lifecycle.churn_follow_up_days'
DEFAULT_MONTHS = 6
DEFAULT_DAYS = 90


def _param_int(env, key, default):
    value = env['ir.config_parameter'].sudo().get_param(key)
    return int(value) if value and value.isdigit() else default


class CrmChurnSettings(models.TransientModel):
    """Churn warning settings (sales managers and CRM administrators): a deal customer
    is warned after ``churn_months`` months without an approved contract or
    ``follow_up_days`` days without a follow-up (or order)."""
    _name = 'crm.churn.settings'
    _description = 'Churn Warning Settings'

    churn_months = fields.Integer(
        'No Order for (months)', required=True,
        default=lambda self: self._churn_months(),
        help='A customer who bought before and has had no approved contract for this many '
             'months gets a churn warning.')
    follow_up_days = fields.Integer(
        'No Follow-up for (days)', required=True,
        default=lambda self: self._follow_up_days(),
        help='A customer who bought before and has had neither a follow-up nor an order for '
             'this many days gets a churn warning.')

    @api.model
    def _churn_months(self):
        return _param_int(self.env, MONTHS_PARAM, DEFAULT_MONTHS)

    @api.model
    def _follow_up_days(self):
        return _param_int(self.env, DAYS_PARAM, DEFAULT_DAYS)

    @api.model
    def _follow_up_days_param(self):
        """The system parameter of "no follow-up for M days" and its default: a bridge
        lets another module's churn warning share this one setting."""
        return DAYS_PARAM, DEFAULT_DAYS

    @api.model
    def _check_may_configure(self):
        if not (self.env.user._crm_is_manager() and self.env.user._crm_can_act()):
            raise AccessError(_('Only sales managers and CRM administrators can change the '
                                'churn warning settings.'))

    @api.constrains('churn_months', 'follow_up_days')
    def _check_values(self):
        for rec in self:
            if not 1 <= rec.churn_months <= 120:
                raise ValidationError(_('The months without an order must be between 1 and '
                                        '120 (got %d).') % rec.churn_months)
            if not 1 <= rec.follow_up_days <= 3650:
                raise ValidationError(_('The days without a follow-up must be between 1 and '
                                        '3650 (got %d).') % rec.follow_up_days)

    @api.model
    def create(self, vals):
        self._check_may_configure()
        return super(CrmChurnSettings, self).create(vals)

    @api.multi
    def action_save(self):
        self.ensure_one()
        self._check_may_configure()
        params = self.env['ir.config_parameter'].sudo()
        params.set_param(MONTHS_PARAM, str(self.churn_months))
        params.set_param(DAYS_PARAM, str(self.follow_up_days))
        return {'type': 'ir.actions.act_window_close'}
