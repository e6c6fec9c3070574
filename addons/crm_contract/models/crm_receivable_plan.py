# -*- coding: utf-8 -*-
import datetime
import re

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import float_compare, float_is_zero

from odoo.addons.crm_sales.grant import grant, granted

from .crm_contract_payment import COMMITTED, plan_order

PLAN_STATES = [('pending', 'Pending'), ('partial', 'Partly Received'),
               ('received', 'Received'), ('overdue', 'Overdue')]


class CrmReceivablePlan(models.Model):
    """An instalment of a contract (回款计划): planned date and amount. Instalments number
    themselves in the order they fall due; the contract's approved payments are booked
    on them in that order (or on the instalment a payment names, see
    ``crm.contract._crm_booking``), so a contract and its instalments always agree. The
    state comes from what is booked and, for "overdue", from ``crm.clock``."""
    _name = 'crm.receivable.plan'
    _description = 'Payment Plan'
    _inherit = ['crm.guard.mixin', 'crm.scope.mixin']
    _crm_scope_owner_field = 'contract_id.user_id'
    _crm_scope_team_field = 'contract_id.team_id'
    _order = 'contract_id, sequence, date_planned, id'

    sequence = fields.Integer('Instalment', compute='_compute_sequence', store=True,
                              readonly=True)
    name = fields.Char('Plan', compute='_compute_name', search='_search_name')
    contract_id = fields.Many2one('crm.contract', 'Contract', required=True, index=True,
                                  ondelete='cascade',
                                  auto_join=True)
    partner_id = fields.Many2one(related='contract_id.partner_id', store=True, index=True,
                                 readonly=True, string='Customer')
    user_id = fields.Many2one(related='contract_id.user_id', store=True, index=True,
                              readonly=True, string='Owner')
    team_id = fields.Many2one(related='contract_id.team_id', store=True, index=True,
                              readonly=True, string='Sales Team')
    currency_id = fields.Many2one(related='contract_id.currency_id', readonly=True)
    date_planned = fields.Date('Planned Date', required=True, index=True)
    amount = fields.Monetary('Planned Amount', required=True)
    remind_days = fields.Integer('Remind Days Before', default=3)
    note = fields.Char('Remarks')
    receivable_ids = fields.One2many('crm.receivable', 'plan_id', 'Payments')
    amount_received = fields.Monetary('Received', compute='_compute_amount_received',
                                      store=True)
    amount_due = fields.Monetary('Still Due', compute='_compute_amount_received', store=True)
    amount_in_review = fields.Monetary('In Review', compute='_compute_amount_open')
    amount_open = fields.Monetary('Open', compute='_compute_amount_open',
                                  help='Still due, less the payments waiting for approval: '
                                       'the most a new payment of this instalment may be.')
    state = fields.Selection(PLAN_STATES, 'Status', compute='_compute_state',
                             search='_search_state')
    is_overdue = fields.Boolean('Overdue', compute='_compute_state', search='_search_is_overdue')
    remind_notified = fields.Boolean('Reminder Sent', readonly=True, copy=False)
    overdue_notified = fields.Boolean('Overdue Reminder Sent', readonly=True, copy=False)

    def _compute_name(self):
        for plan in self:
            plan.name = _('Instalment %d') % plan.sequence

    def _search_name(self, operator, value):
        """What is typed in an instalment picker: "2" / "第2期" (the instalment's number)
        or the contract's number or name."""
        if operator not in ('ilike', 'like', '=', '=ilike', '=like') \
                or not isinstance(value, str) or not value.strip():
            return []
        number = re.match(r'^\s*(?:第|instalment)?\s*(\d{1,3})\s*期?\s*$', value, re.I)
        if number:
            return [('sequence', '=', int(number.group(1)))]
        return [('contract_id', operator, value)]

    @api.multi
    def name_get(self):
        """"Instalment 2"; with ``crm_plan_detail`` in the context (the payment's
        instalment picker) also its date, amount and what is still open."""
        if not self.env.context.get('crm_plan_detail'):
            return super(CrmReceivablePlan, self).name_get()
        result = []
        for plan in self:
            money = plan.contract_id._crm_money
            label = _('%s · %s · %s · open %s') % (
                plan.name, plan.date_planned or '', money(plan.amount), money(plan.amount_open))
            if plan.amount_in_review:
                label += _(' (in review %s)') % money(plan.amount_in_review)
            result.append((plan.id, label))
        return result

    def _crm_siblings(self):
        """The instalments of this one's contract, in the order they fall due."""
        contract = self.contract_id
        plans = (contract.sudo() if isinstance(contract.id, int) else contract).plan_ids
        return (plans | self).sorted(plan_order) if contract else self

    @api.depends('contract_id', 'date_planned', 'contract_id.plan_ids.date_planned')
    def _compute_sequence(self):
        for plan in self:
            siblings = plan._crm_siblings()
            plan.sequence = [p.id for p in siblings].index(plan.id) + 1

    @api.depends('amount', 'date_planned', 'contract_id', 'contract_id.plan_ids.amount',
                 'contract_id.plan_ids.date_planned', 'contract_id.receivable_ids.amount',
                 'contract_id.receivable_ids.state', 'contract_id.receivable_ids.plan_id',
                 'contract_id.receivable_ids.date')
    def _compute_amount_received(self):
        booked = self._crm_booked()
        for plan in self:
            plan.amount_received = booked.get(plan.id, 0.0)
            plan.amount_due = max(plan.amount - plan.amount_received, 0.0)

    def _compute_amount_open(self):
        committed = self._crm_booked(COMMITTED)
        for plan in self:
            plan.amount_in_review = max(committed.get(plan.id, 0.0) - plan.amount_received, 0.0)
            plan.amount_open = max(plan.amount - committed.get(plan.id, 0.0), 0.0)

    def _crm_booked(self, *args, **kwargs):
        """{plan id: amount booked} for these instalments' contracts."""
        booked = {}
        for contract in self.mapped('contract_id'):
            booked.update(contract._crm_booked_per_plan(*args, **kwargs))
        return booked

    def _compute_state(self):
        today = self.env['crm.clock'].today_str()
        for plan in self:
            rounding = plan.currency_id.rounding or 0.01
            if float_is_zero(plan.amount_due, precision_rounding=rounding):
                plan.state = 'received'
            elif plan.date_planned and plan.date_planned < today:
                plan.state = 'overdue'
            elif float_is_zero(plan.amount_received, precision_rounding=rounding):
                plan.state = 'pending'
            else:
                plan.state = 'partial'
            plan.is_overdue = plan.state == 'overdue'

    @api.model
    def _state_domain(self, state):
        today = self.env['crm.clock'].today_str()
        due, not_due = [('amount_due', '>', 0.0)], [('amount_due', '<=', 0.0)]
        future = ['|', ('date_planned', '>=', today), ('date_planned', '=', False)]
        return {
            'received': not_due,
            'overdue': due + [('date_planned', '<', today)],
            'pending': due + future + [('amount_received', '<=', 0.0)],
            'partial': due + future + [('amount_received', '>', 0.0)],
        }[state]

    @api.model
    def _search_state(self, operator, value):
        values = [value] if isinstance(value, str) else list(value or [])
        ids = set()
        for state in values:
            if state in dict(PLAN_STATES):
                ids |= set(self._search(self._state_domain(state)))
        if operator in ('=', 'in'):
            return [('id', 'in', list(ids))]
        return [('id', 'not in', list(ids))]

    @api.model
    def _search_is_overdue(self, operator, value):
        domain = self._state_domain('overdue')
        if (operator == '=') == bool(value):
            return expression.normalize_domain(domain)
        return ['|', ('amount_due', '<=', 0.0), '|', ('date_planned', '>=',
                                                      self.env['crm.clock'].today_str()),
                ('date_planned', '=', False)]

    # ------------------------------------------------------------------ checks
    @api.constrains('amount', 'contract_id', 'remind_days')
    def _check_amount(self):
        for plan in self:
            plan.contract_id._crm_check_size(plan.amount)
            rounding = plan.currency_id.rounding or 0.01
            if float_compare(plan.amount, 0.0, precision_rounding=rounding) <= 0:
                raise ValidationError(_('The planned amount must be greater than zero.'))
            if not 0 <= plan.remind_days <= 365:
                raise ValidationError(_('Remind between 0 and 365 days before the planned date.'))
            contract = plan.contract_id.sudo()
            total = sum(contract.plan_ids.mapped('amount'))
            if float_compare(total, contract.amount_total, precision_rounding=rounding) > 0:
                raise ValidationError(_('The payment plans of %s would add up to %s, more than '
                                        'the contract amount %s.') % (
                    contract.display_name, contract._crm_money(total),
                    contract._crm_money(contract.amount_total)))
            # payments made on this very instalment (others are booked in order)
            received = sum(plan.sudo().receivable_ids.filtered(
                lambda r: r.state == 'approved').mapped('amount'))
            if float_compare(plan.amount, received, precision_rounding=rounding) < 0:
                raise ValidationError(_('Instalment %d has already received %s: its amount cannot '
                                        'be lower.') % (plan.sequence, plan.contract_id._crm_money(received)))

    def _check_contract_open(self, contracts):
        if granted(self, 'action_write'):
            return
        for contract in contracts:
            if contract.state not in ('draft', 'approved'):
                raise UserError(_('The payment plans of "%s" cannot change in its current state.')
                                % contract.display_name)
            contract.check_access_rule('write')

    @api.model
    def create(self, vals):
        if vals.get('contract_id'):
            contract = self.env['crm.contract'].browse(vals['contract_id'])
            # plans of one contract are added one at a time (their sum is checked)
            contract.sudo()._crm_lock()
            self._check_contract_open(contract)
        # the instalment number follows the date (computed)
        vals = {k: v for k, v in vals.items() if k != 'sequence'}
        return super(CrmReceivablePlan, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_contract_open(self.mapped('contract_id'))
        if 'amount' in vals or 'contract_id' in vals:
            self.sudo().mapped('contract_id')._crm_lock()
        if vals.get('contract_id') and not granted(self, 'action_write'):
            raise UserError(_('A payment plan cannot move to another contract.'))
        vals = {k: v for k, v in vals.items() if k != 'sequence'}
        if {'date_planned', 'remind_days'} & set(vals):
            vals = dict(vals, remind_notified=False, overdue_notified=False)
        return super(CrmReceivablePlan, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_contract_open(self.mapped('contract_id'))
        for plan in self:
            if plan.sudo().receivable_ids.filtered(lambda r: r.state != 'cancelled'):
                raise UserError(_('Instalment %d has payments and cannot be deleted.')
                                % plan.sequence)
        return super(CrmReceivablePlan, self).unlink()

    def _crm_action_fields(self):
        return super(CrmReceivablePlan, self)._crm_action_fields() + (
            'remind_notified', 'overdue_notified', 'amount_received', 'amount_due')

    # ------------------------------------------------------------------ cron
    @api.model
    def _crm_remind_plans(self):
        """Owners get one activity when a plan falls due (``remind_days`` before its
        date) and one when it is overdue; returns how many reminders were given."""
        today = self.env['crm.clock'].today()
        return len([p for p in self._crm_plans_to_remind() if p._crm_remind_plan(today)])

    @api.model
    def _crm_plans_to_remind(self):
        return self.sudo().search([
            ('contract_id.state', 'in', ('approved', 'expired')), ('amount_due', '>', 0.0),
            '|', ('remind_notified', '=', False), ('overdue_notified', '=', False)])

    def _crm_remind_plan(self, today):
        """The reminder this plan is due (to the contract's reminder user: its owner, or
        whoever holds it now when the owner has left); False when none is due."""
        self.ensure_one()
        plan, contract = self, self.contract_id
        today_str = fields.Date.to_string(today)
        if plan.date_planned < today_str and not plan.overdue_notified:
            contract._crm_schedule_activity(
                contract._crm_reminder_user(), _('%s: instalment %d (%s, %s) is overdue') % (
                    contract.display_name, plan.sequence, plan.date_planned,
                    contract._crm_money(plan.amount_due)))
            grant(plan, 'action_write').write({'overdue_notified': True, 'remind_notified': True})
            return True
        if not plan.remind_notified and plan.date_planned >= today_str:
            start = fields.Date.from_string(plan.date_planned) - datetime.timedelta(
                days=plan.remind_days)
            if start <= today:
                contract._crm_schedule_activity(
                    contract._crm_reminder_user(), _('%s: instalment %d (%s) is due on %s') % (
                        contract.display_name, plan.sequence,
                        contract._crm_money(plan.amount_due),
                        plan.date_planned), deadline=plan.date_planned)
                grant(plan, 'action_write').write({'remind_notified': True})
                return True
        return False
