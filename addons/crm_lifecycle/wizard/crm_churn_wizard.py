# -*- coding: utf-8 -*-
import datetime

from odoo import _, api, fields, models


def open_wizard(wizard_model, title, customer):
    """The action opening ``wizard_model`` for ``customer`` in a dialog."""
    return {
        'type': 'ir.actions.act_window', 'name': title, 'res_model': wizard_model._name,
        'view_mode': 'form', 'target': 'new', 'context': {'default_partner_id': customer.id},
    }


class CrmChurnDeferWizard(models.TransientModel):
    """暂缓流失: what was done to keep the customer and when to check again."""
    _name = 'crm.churn.defer.wizard'
    _description = 'Defer Churn'

    partner_id = fields.Many2one('res.partner', 'Customer', required=True, readonly=True,
                                 ondelete='cascade')
    last_order_date = fields.Date(related='partner_id.last_order_date', readonly=True)
    measures = fields.Text('Measures Taken', required=True,
                           help='What you did or will do to keep the customer (a visit, an '
                                'offer, a call with the decision maker...).')
    next_check_date = fields.Date(
        'Next Check', required=True,
        default=lambda self: fields.Date.to_string(
            self.env['crm.clock'].today() + datetime.timedelta(days=30)),
        help='The customer leaves the churn warnings until this date; the warning comes '
             'back then if it has not ordered.')

    @api.model
    def _crm_open(self, customer):
        return open_wizard(self, _('Defer Churn'), customer)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.partner_id.action_churn_defer(self.measures, self.next_check_date)
        return self.env['crm.notify'].with_context(crm_notify=True).done(
            _('Churn deferred: "%s" leaves the warnings until %s.')
            % (self.partner_id.name, self.next_check_date))


class CrmChurnConfirmWizard(models.TransientModel):
    """确认流失 (sales managers): the reason the customer was lost."""
    _name = 'crm.churn.confirm.wizard'
    _description = 'Confirm Churn'

    partner_id = fields.Many2one('res.partner', 'Customer', required=True, readonly=True,
                                 ondelete='cascade')
    last_order_date = fields.Date(related='partner_id.last_order_date', readonly=True)
    reason_id = fields.Many2one('crm.churn.reason', 'Churn Reason', required=True)
    note = fields.Text('Note')

    @api.model
    def _crm_open(self, customer):
        return open_wizard(self, _('Confirm Churn'), customer)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.partner_id.action_churn_confirm(self.reason_id.id, self.note or False)
        return self.env['crm.notify'].with_context(crm_notify=True).done(
            _('"%s" is confirmed as churned.') % self.partner_id.name)
