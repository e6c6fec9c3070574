# -*- coding: utf-8 -*-
import datetime

from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_sales.grant import grant

MAX_DEFER_DAYS = 366


class ResPartner(models.Model):
    """The churn actions on a customer: 暂缓流失 (the owner, her leader or a manager:
    measures taken and the next check date), 确认流失 (the sales manager: a reason;
    the customer's status becomes "churned") and 撤销流失 (the sales manager: a
    churn confirmed by mistake). Each writes a ``crm.churn.record`` and a note in the
    customer's chatter."""
    _inherit = 'res.partner'

    # ------------------------------------------------------------------ checks
    def _crm_churn_customer(self):
        """The one CRM customer the action is about (contacts designate their company)."""
        if len(self) != 1:
            raise UserError(_('Choose one customer at a time.'))
        customer = self.sudo().commercial_partner_id
        if not customer.is_crm_customer:
            raise UserError(_('"%s" is not a CRM customer: churn handling applies to '
                              'customers only.') % customer.name)
        return customer

    def _crm_churn_check_write(self, customer):
        self.env.user._crm_check_can_act()
        try:
            customer.sudo(self.env.uid).check_access_rule('write')
        except AccessError:
            raise AccessError(_('Only the owner of "%s", the leader of its team or a sales '
                                'manager can handle its churn warning.') % customer.name)

    def _crm_churn_check_manager(self, what):
        if not (self.env.user._crm_is_manager() and self.env.user._crm_can_act()):
            raise AccessError(_('Only a sales manager can %s.') % what)

    def _crm_churn_record(self, customer, kind, **values):
        record = self.env['crm.churn.record'].sudo().create(dict(
            values, partner_id=customer.id, kind=kind, user_id=self.env.uid,
            date=self.env['crm.clock'].today_str(),
            last_order_date=customer.last_order_date))
        return record.sudo(self.env.uid)

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_churn_defer(self, measures, next_check_date):
        """暂缓流失: what was done to keep the customer, and when to check again (after
        today, within a year). The customer leaves the churn warnings until that date;
        the warning returns then unless it ordered meanwhile."""
        customer = self._crm_churn_customer()
        self._crm_churn_check_write(customer)
        Guard = self.env['crm.guard']
        measures = Guard._arg_text(measures, _('the measures taken'))
        check = Guard._arg_datetime(next_check_date, _('the next check date'), date_only=True)
        check = check.date() if isinstance(check, datetime.datetime) else check
        today = self.env['crm.clock'].today()
        if customer.customer_status == 'lost':
            raise UserError(_('"%s" was confirmed as churned: its churn can no longer be '
                              'deferred.') % customer.name)
        if check <= today:
            raise UserError(_('The next check date must be after today (%s).')
                            % fields_date(today))
        if (check - today).days > MAX_DEFER_DAYS:
            raise UserError(_('The next check date must be within a year (at the latest %s).')
                            % fields_date(today + datetime.timedelta(days=MAX_DEFER_DAYS)))
        check_str = fields_date(check)
        record = self._crm_churn_record(customer, 'defer', measures=measures,
                                        next_check_date=check_str)
        grant(customer, 'action_write').write({'churn_deferred_until': check_str})
        customer.message_post(
            body=_('Churn deferred by %s until %s. Measures: %s')
            % (self.env.user.name, check_str, measures),
            subtype='mail.mt_note', author_id=self.env.user.partner_id.id)
        self.env['crm.churn.warning'].invalidate_cache()
        return record.id

    @api.multi
    def action_churn_confirm(self, reason_id, note=False):
        """确认流失 (sales managers): the customer is lost, for ``reason_id``
        (``crm.churn.reason``), dated today by the CRM clock."""
        customer = self._crm_churn_customer()
        self._crm_churn_check_manager(_('confirm a churn'))
        Guard = self.env['crm.guard']
        reason = Guard._arg_record('crm.churn.reason', reason_id, _('the churn reason'))
        if not reason.active:
            raise UserError(_('The churn reason "%s" is archived: choose another one.')
                            % reason.name)
        note = Guard._arg_text(note, _('the note'), required=False)
        if customer.customer_status == 'lost':
            raise UserError(_('"%s" is already confirmed as churned.') % customer.name)
        today = self.env['crm.clock'].today_str()
        record = self._crm_churn_record(customer, 'confirm', reason_id=reason.id,
                                        measures=note or False)
        grant(customer, 'action_write').write({
            'customer_status': 'lost', 'churned_date': today, 'churn_reason_id': reason.id,
            'churn_deferred_until': False})
        body = _('Churn confirmed by %s: %s.') % (self.env.user.name, reason.name)
        if note:
            body += ' ' + note
        customer.message_post(body=body, subtype='mail.mt_note',
                              author_id=self.env.user.partner_id.id)
        self.env['crm.churn.warning'].invalidate_cache()
        return record.id

    @api.multi
    def action_churn_restore(self):
        """撤销流失 (sales managers): a churn confirmed by mistake; the customer is back
        to "deal" (or "following up" if it never closed one)."""
        customer = self._crm_churn_customer()
        self._crm_churn_check_manager(_('undo a churn'))
        if customer.customer_status != 'lost':
            raise UserError(_('"%s" is not churned.') % customer.name)
        record = self._crm_churn_record(customer, 'restore')
        grant(customer, 'action_write').write({
            'customer_status': 'deal' if customer.is_deal else 'following',
            'churned_date': False, 'churn_reason_id': False})
        customer.message_post(body=_('Churn undone by %s.') % self.env.user.name,
                              subtype='mail.mt_note', author_id=self.env.user.partner_id.id)
        self.env['crm.churn.warning'].invalidate_cache()
        return record.id

    # ------------------------------------------------------------------ UI
    @api.multi
    def action_open_churn_defer(self):
        customer = self._crm_churn_customer()
        self._crm_churn_check_write(customer)
        return self.env['crm.churn.defer.wizard']._crm_open(customer)

    @api.multi
    def action_open_churn_confirm(self):
        customer = self._crm_churn_customer()
        self._crm_churn_check_manager(_('confirm a churn'))
        return self.env['crm.churn.confirm.wizard']._crm_open(customer)

    @api.multi
    def action_view_churn_records(self):
        self.ensure_one()
        action = self.env.ref('crm_lifecycle.crm_churn_record_action').read()[0]
        action.update({'domain': [('partner_id', '=', self.commercial_partner_id.id)],
                       'context': {}})
        return action


def fields_date(value):
    return value.strftime('%Y-%m-%d')
