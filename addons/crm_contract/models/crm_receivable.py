# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.crm_sales.grant import granted, privileged

from .crm_contract import FREE_FIELDS
from .crm_contract_payment import COMMITTED

RECEIVABLE_STATES = [
    ('draft', 'Draft'),
    ('waiting', 'Waiting Approval'),
    ('approved', 'Approved'),
    ('cancelled', 'Cancelled'),
]


class CrmReceivable(models.Model):
    """A payment received on an approved contract (回款), approved like contracts
    (its own tiers). Only approved payments count as received; a payment may not
    exceed the contract amount less the payments approved or in review, nor, when it
    names an instalment, what that instalment still has open. It is booked on the
    instalment it names, the rest on the instalments in order (``plan_booking``)."""
    _name = 'crm.receivable'
    _description = 'Payment'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'crm.approval.mixin', 'crm.guard.mixin',
                'crm.scope.mixin']
    _order = 'date desc, id desc'
    _crm_approval_owner_field = 'user_id'
    # the contract's scope; who registered the payment (user_id, team_id) also sees it
    _crm_scope_owner_field = 'contract_id.user_id'
    _crm_scope_team_field = 'contract_id.team_id'

    number = fields.Char('Payment No.', readonly=True, copy=False, index=True,
                         default=lambda self: _('New'))
    # auto_join: the record rules' contract_id.* paths become a join, not a list of ids
    contract_id = fields.Many2one('crm.contract', 'Contract', required=True, index=True,
                                  ondelete='restrict', track_visibility='onchange', auto_join=True,
                                  domain=[('state', '=', 'approved')])
    plan_id = fields.Many2one('crm.receivable.plan', 'Instalment', index=True,
                              ondelete='restrict',
                              domain="[('contract_id', '=', contract_id)]",
                              help='Leave empty to book the payment on the instalments in '
                                   'order, the oldest still due first.')
    plan_booking = fields.Char('Booked on', compute='_compute_plan_booking')
    partner_id = fields.Many2one(related='contract_id.partner_id', store=True, index=True,
                                 readonly=True, string='Customer')
    currency_id = fields.Many2one(related='contract_id.currency_id', readonly=True)
    amount = fields.Monetary('Amount', required=True, track_visibility='onchange')
    date = fields.Date('Payment Date', required=True, index=True,
                       default=lambda self: self.env['crm.clock'].today_str(),
                       track_visibility='onchange')
    method_id = fields.Many2one('crm.receivable.method', 'Payment Method', ondelete='restrict')
    user_id = fields.Many2one('res.users', 'Owner', required=True, index=True,
                              default=lambda self: self.env.user)
    team_id = fields.Many2one('crm.team', 'Sales Team', index=True,
                              default=lambda self: self.env.user.sale_team_id)
    attachment_ids = fields.Many2many('ir.attachment', 'crm_receivable_attachment_rel',
                                      'receivable_id', 'attachment_id', string='Attachments')
    note = fields.Text('Remarks')
    crm_review_user_ids = fields.Many2many(
        'res.users', 'crm_receivable_reviewer_rel', 'receivable_id', 'user_id',
        string='Reviewers (all tiers)', readonly=True, copy=False)
    state = fields.Selection(RECEIVABLE_STATES, 'Status', default='draft', required=True,
                             readonly=True, copy=False, index=True,
                             track_visibility='onchange')

    @api.multi
    def name_get(self):
        return [(r.id, '%s %s' % (r.number or '', r.sudo().contract_id.number or ''))
                for r in self]

    def _compute_plan_booking(self):
        """"Instalment 1 ¥180,000.00, Instalment 2 ¥180,000.00": where the payment is (or,
        for a draft, would be) booked, with the payments approved or in review."""
        for rec in self:
            contract = rec.contract_id.sudo()
            if not contract or not isinstance(rec.id, int):
                rec.plan_booking = False
                continue
            payments = contract.receivable_ids.filtered(
                lambda p: p.state in COMMITTED or p.id == rec.id)
            parts = contract._crm_booking(payments).get(rec.id, [])
            rec.plan_booking = _(', ').join(
                '%s %s' % (plan.name, rec._crm_money(amount)) for plan, amount in parts) or \
                (contract.plan_ids and _('No instalment (beyond the plans)') or False)

    @api.onchange('contract_id')
    def _onchange_contract_id(self):
        if self.contract_id:
            self.user_id = self.contract_id.user_id
            self.team_id = self.contract_id.team_id
            if self.plan_id.contract_id != self.contract_id:
                self.plan_id = False
            if not self.amount:
                self.amount = self._crm_contract_open()

    @api.onchange('plan_id')
    def _onchange_plan_id(self):
        """Picking an instalment proposes what it still has open; clearing it, what
        the contract has open."""
        if self.plan_id:
            self.amount = self.plan_id.amount_open
        elif self.contract_id:
            self.amount = self._crm_contract_open()

    def _crm_contract_open(self):
        """What the contract still has open for a new payment (not yet received nor
        in review)."""
        contract = self.contract_id.sudo()
        committed = contract.receivable_ids.filtered(
            lambda p: p.state in COMMITTED and p.id != self.id)
        return max(contract.amount_total - sum(committed.mapped('amount')), 0.0)

    # ------------------------------------------------------------------ checks
    def _crm_check_amount(self):
        """The payment fits in what the contract still has open."""
        for rec in self:
            rec._crm_check_size(rec.amount)
            contract = rec.contract_id.sudo()
            rounding = contract.currency_id.rounding or 0.01
            if float_compare(rec.amount, 0.0, precision_rounding=rounding) <= 0:
                raise ValidationError(_('The payment amount must be greater than zero.'))
            others = contract.receivable_ids.filtered(
                lambda p: p.state in ('approved', 'waiting') and p != rec)
            open_amount = contract.amount_total - sum(others.mapped('amount'))
            if float_compare(rec.amount, open_amount, precision_rounding=rounding) > 0:
                raise ValidationError(_(
                    'The payment of %s is more than %s still open on %s (contract amount %s, '
                    'approved or in review %s).') % (
                        rec._crm_money(rec.amount), rec._crm_money(max(open_amount, 0.0)),
                        contract.display_name, rec._crm_money(contract.amount_total),
                        rec._crm_money(sum(others.mapped('amount')))))
            if rec.plan_id:
                rec._crm_check_plan_amount()

    def _crm_check_plan_amount(self):
        """A payment naming an instalment fits in what that instalment has open (the
        rest of the contract is paid with payments on the later instalments, or
        without one)."""
        plan = self.plan_id.sudo()
        contract = self.contract_id.sudo()
        booked = contract._crm_booked_per_plan(COMMITTED, exclude=self).get(plan.id, 0.0)
        open_amount = max(plan.amount - booked, 0.0)
        if float_compare(self.amount, open_amount,
                         precision_rounding=contract.currency_id.rounding or 0.01) > 0:
            raise ValidationError(_(
                'The payment of %(amount)s is more than the %(open)s still open on instalment '
                '%(number)d of %(contract)s (planned %(planned)s, received or in review '
                '%(booked)s). Choose no instalment to book it on the instalments in order, or '
                'split it.') % {
                    'amount': self._crm_money(self.amount), 'open': self._crm_money(open_amount),
                    'number': plan.sequence, 'contract': contract.display_name,
                    'planned': self._crm_money(plan.amount), 'booked': self._crm_money(booked)})

    @api.constrains('amount', 'contract_id', 'plan_id')
    def _check_contract(self):
        for rec in self:
            if rec.plan_id and rec.plan_id.contract_id != rec.contract_id:
                raise ValidationError(_('The instalment belongs to another contract.'))
        self._crm_check_amount()

    def _crm_check_contract_approved(self, contracts):
        for contract in contracts.sudo():
            if contract.state != 'approved':
                raise UserError(_('Payments can only be registered on approved contracts; '
                                  '"%s" is not approved.') % contract.display_name)

    def _crm_approval_check_ready(self):
        self.ensure_one()
        self._crm_check_contract_approved(self.contract_id)
        self._crm_check_amount()
        return True

    def _crm_action_fields(self):
        return super(CrmReceivable, self)._crm_action_fields() + (
            'number', 'state', 'submitted_by_id', 'submitted_at', 'approved_at',
            'reject_reason', 'crm_review_user_ids')

    # ------------------------------------------------------------------ ORM
    @api.model
    def create(self, vals):
        env, vals = self.env, dict(vals)
        contract = self.env['crm.contract'].browse(vals.get('contract_id') or [])
        if contract:
            contract.sudo()._crm_lock()
            contract.check_access_rule('write')
            self._crm_check_contract_approved(contract)
            vals.update(self._crm_scope_of(contract, vals))
        if not vals.get('number') or vals.get('number') == _('New'):
            self, vals = self._crm_own_values(vals, creating=True, number=self.env[
                'ir.sequence'].next_by_code('crm.receivable') or _('New'))
        # the tracked values logged at creation say it all: no separate "created" post
        # (a third of the time of saving a payment)
        self = self.with_context(mail_create_nolog=True)
        return super(CrmReceivable, self).create(vals).with_env(env)

    @api.multi
    def write(self, vals):
        if not granted(self, 'action_write'):
            locked = self.filtered(lambda r: r.state != 'draft')
            if locked and set(vals) - FREE_FIELDS:
                raise UserError(_('Payment %s is no longer a draft and cannot be edited.')
                                % locked[0].display_name)
            if 'contract_id' in vals:
                contract = self.env['crm.contract'].browse(vals['contract_id'])
                contract.sudo()._crm_lock()
                contract.check_access_rule('write')
                self._crm_check_contract_approved(contract)
                vals = dict(vals, **self._crm_scope_of(contract, vals))
            elif 'user_id' in vals or 'team_id' in vals:
                for contract in self.mapped('contract_id'):
                    self._crm_scope_of(contract, vals)
        return super(CrmReceivable, self).write(vals)

    @api.model
    def _crm_scope_of(self, contract, vals):
        """A payment belongs to its contract's owner and team: {user_id, team_id} of
        ``contract``; another owner or team in ``vals`` is refused (the approver and the
        readers follow the team)."""
        contract = contract.sudo()
        scope = {'user_id': contract.user_id.id, 'team_id': contract.team_id.id}
        if not privileged(self):
            for name, value in scope.items():
                given = vals.get(name, value)
                given = given[0] if isinstance(given, (list, tuple)) and given else given
                if (given or False) != (value or False):
                    raise AccessError(_(
                        'A payment belongs to the owner and the sales team of its contract '
                        '(%s, %s): it cannot be given to another person or team.') % (
                            contract.user_id.name, contract.team_id.name or _('no team')))
        return scope

    @api.multi
    def unlink(self):
        for rec in self:
            if rec.state != 'draft':
                raise UserError(_('Payment %s is no longer a draft and cannot be deleted.')
                                % rec.display_name)
        return super(CrmReceivable, self).unlink()

    # ------------------------------------------------------------------ actions
    def _crm_lock(self):
        """Payments lock their contract first (then themselves), in every action: two
        payments submitted at once cannot together exceed what is open, and decisions
        on different payments of one contract, which all recompute the contract's
        totals, wait for each other instead of failing in the middle of the recompute."""
        self.sudo().mapped('contract_id')._crm_lock()
        return super(CrmReceivable, self)._crm_lock()

    @api.multi
    def action_cancel(self):
        """Cancel draft payments or payments waiting for approval."""
        self.env.user._crm_check_can_act()
        self.check_access_rights('write')
        self.check_access_rule('write')
        self._crm_lock()
        self._crm_check_state(('draft', 'waiting'),
                              _('Payment %s cannot be cancelled: only drafts and payments '
                                'waiting for approval can.'))
        for rec in self:
            rec._crm_withdraw_reviews(_('Cancelled'))
            rec._crm_action_write({'state': 'cancelled'})
            rec._crm_post(_('Cancelled by %s.') % self.env.user.name)
        return True

    def _crm_on_approved(self):
        super(CrmReceivable, self)._crm_on_approved()
        # a line in the contract's history, nobody to notify (the payment's own chatter
        # already told its followers): no message_post and its notifications
        self.env['mail.message'].sudo().create({
            'model': 'crm.contract', 'res_id': self.contract_id.id,
            'message_type': 'notification', 'subtype_id': self.env.ref('mail.mt_note').id,
            'author_id': self.env.user.partner_id.id,
            'record_name': self.sudo().contract_id.display_name,
            'body': _('Payment %s of %s approved.') % (self.number, self._crm_money(self.amount))})
