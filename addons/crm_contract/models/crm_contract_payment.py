# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

#: payments counted as received, and as taking room (received or in review)
RECEIVED = ('approved',)
COMMITTED = ('approved', 'waiting')


def book_in_order(plans, payments):
    """How the payments of a contract are booked on its instalments.

    ``plans``: [(plan key, amount)] in the order they fall due; ``payments``:
    [(payment key, chosen plan key or None, amount)] in the order they were made. A
    payment on a chosen instalment fills that one first; what exceeds it, and payments
    without an instalment, fill the instalments in order, oldest first (what exceeds
    every instalment is booked on none). Returns {payment key: [(plan key, amount)]}."""
    room = dict(plans)
    booked = {key: [] for key, _plan, _amount in payments}
    pool = []
    for key, plan, amount in payments:
        take = min(amount, room[plan]) if plan in room else 0.0
        if take > 0:
            booked[key].append((plan, take))
            room[plan] -= take
        if amount - take > 0:
            pool.append([key, amount - take])
    for plan, _amount in plans:
        while pool and room[plan] > 0:
            take = min(pool[0][1], room[plan])
            booked[pool[0][0]].append((plan, take))
            room[plan] -= take
            pool[0][1] -= take
            if pool[0][1] <= 0:
                pool.pop(0)
    return booked


def plan_order(plan):
    """Instalments fall due by date (then in the order they were entered)."""
    return (plan.date_planned or '9999-12-31', plan.id if isinstance(plan.id, int) else 2 ** 62)


class CrmContract(models.Model):
    """What a contract has received: payment plans, payments and their totals."""
    _inherit = 'crm.contract'

    plan_ids = fields.One2many('crm.receivable.plan', 'contract_id', 'Payment Plans')
    receivable_ids = fields.One2many('crm.receivable', 'contract_id', 'Payments')
    amount_received = fields.Monetary('Received', compute='_compute_amount_received',
                                      store=True)
    amount_in_review = fields.Monetary('In Review', compute='_compute_amount_received',
                                       store=True)
    amount_outstanding = fields.Monetary('Outstanding', compute='_compute_amount_received',
                                         store=True)
    amount_overdue = fields.Monetary('Overdue', compute='_compute_amount_overdue')
    plan_count = fields.Integer('Plans', compute='_compute_counts')
    receivable_count = fields.Integer('Payments', compute='_compute_counts')
    has_overdue = fields.Boolean('Payments Overdue', compute='_compute_amount_overdue',
                                 search='_search_has_overdue')

    @api.depends('state', 'amount_total', 'receivable_ids.amount', 'receivable_ids.state')
    def _compute_amount_received(self):
        for rec in self:
            payments = rec.receivable_ids
            received = sum(payments.filtered(lambda p: p.state == 'approved').mapped('amount'))
            rec.amount_received = received
            rec.amount_in_review = sum(payments.filtered(
                lambda p: p.state == 'waiting').mapped('amount'))
            rec.amount_outstanding = max(rec.amount_total - received, 0.0) \
                if rec.state in ('approved', 'expired') else 0.0

    def _compute_amount_overdue(self):
        for rec in self:
            overdue = rec.sudo().plan_ids.filtered('is_overdue')
            rec.amount_overdue = sum(overdue.mapped('amount_due'))
            rec.has_overdue = bool(overdue)

    @api.model
    def _search_has_overdue(self, operator, value):
        sql = ("SELECT contract_id FROM crm_receivable_plan "
               "WHERE amount_due > 0 AND date_planned < %s")
        positive = (operator == '=') == bool(value)
        return [('id', 'inselect' if positive else 'not inselect',
                 (sql, (self.env['crm.clock'].today_str(),)))]

    def _crm_booking(self, payments):
        """{payment id: [(plan, amount)]}: ``payments`` of this contract booked on its
        instalments (``book_in_order``)."""
        self.ensure_one()
        contract = self.sudo() if isinstance(self.id, int) else self
        plans = contract.plan_ids.sorted(plan_order)
        payments = payments.sorted(lambda p: (p.date or '', p.id if isinstance(p.id, int) else 0))
        by_id = {plan.id: plan for plan in plans}
        # in cents (the currency's units): no float remainders between instalments
        rounding = contract.currency_id.rounding or 0.01
        units = lambda amount: int(round((amount or 0.0) / rounding))
        booked = book_in_order([(plan.id, units(plan.amount)) for plan in plans],
                               [(pay.id, pay.plan_id.id or None, units(pay.amount))
                                for pay in payments])
        return {key: [(by_id[plan], round(count * rounding, 6)) for plan, count in parts]
                for key, parts in booked.items()}

    def _crm_booked_per_plan(self, states=RECEIVED, exclude=None):
        """{plan id: amount} booked on each instalment by the payments in ``states``
        (but ``exclude``)."""
        self.ensure_one()
        contract = self.sudo() if isinstance(self.id, int) else self
        payments = contract.receivable_ids.filtered(
            lambda p: p.state in states and p.amount > 0 and (not exclude or p.id != exclude.id))
        totals = {}
        for parts in self._crm_booking(payments).values():
            for plan, amount in parts:
                totals[plan.id] = totals.get(plan.id, 0.0) + amount
        return totals

    def _crm_plans_total(self):
        self.ensure_one()
        return sum(self.sudo().plan_ids.mapped('amount'))

    def _compute_counts(self):
        for rec in self:
            rec.plan_count = len(rec.plan_ids)
            rec.receivable_count = len(rec.receivable_ids)

    @api.multi
    def action_view_plans(self):
        self.ensure_one()
        action = self.env.ref('crm_contract.crm_receivable_plan_action').read()[0]
        action.update({'domain': [('contract_id', '=', self.id)],
                       'context': {'default_contract_id': self.id}})
        return action

    @api.multi
    def action_view_receivables(self):
        self.ensure_one()
        action = self.env.ref('crm_contract.crm_receivable_action').read()[0]
        action.update({'domain': [('contract_id', '=', self.id)],
                       'context': {'default_contract_id': self.id}})
        return action

    @api.multi
    def action_view_versions(self):
        self.ensure_one()
        action = self.env.ref('crm_contract.crm_contract_action').read()[0]
        action.update({'domain': [('id', 'in', self.version_ids.ids)], 'context': {}})
        return action

    @api.multi
    def action_new_receivable(self):
        """Open a new payment for this approved contract."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Register Payment'),
            'res_model': 'crm.receivable',
            'view_mode': 'form',
            'target': 'current',
            'context': {'default_contract_id': self.id, 'default_amount': self.amount_outstanding
                        - self.amount_in_review},
        }
