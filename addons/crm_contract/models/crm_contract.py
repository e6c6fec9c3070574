# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

from odoo.addons.crm_sales.grant import granted

STATES = [
    ('draft', 'Draft'),
    ('waiting', 'Waiting Approval'),
    ('approved', 'Approved'),
    ('superseded', 'Superseded'),
    ('expired', 'Expired'),
    ('cancelled', 'Cancelled'),
]
# fields anyone with write access may change on a contract that is no longer a draft
SHARE_FIELDS = {'share_read_user_ids', 'share_write_user_ids'}
FREE_FIELDS = {'message_follower_ids', 'message_partner_ids', 'message_channel_ids',
               'message_ids', 'activity_ids', 'message_main_attachment_id',
               'message_last_post'}


class CrmContract(models.Model):
    """A customer contract (合同): lines, amount, approval, revisions, plans and
    payments. The form and the approval belong to ``crm.approval.mixin``."""
    _name = 'crm.contract'
    _description = 'Contract'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'crm.approval.mixin',
                'crm.version.mixin', 'crm.share.mixin', 'crm.guard.mixin']
    _order = 'sign_date desc, id desc'
    _crm_approval_owner_field = 'user_id'
    _crm_share_column = 'contract_id'
    _crm_owner_team_fields = ('user_id', 'team_id')

    number = fields.Char('Contract No.', readonly=True, copy=False, index=True,
                         default=lambda self: _('New'))
    revision = fields.Integer('Version', default=1, readonly=True, copy=False)
    name = fields.Char('Contract Name', required=True, track_visibility='onchange')
    partner_id = fields.Many2one(
        'res.partner', 'Customer', required=True, index=True, ondelete='restrict',
        domain=[('is_crm_customer', '=', True)], track_visibility='onchange')
    lead_id = fields.Many2one(
        'crm.lead', 'Opportunity', index=True, ondelete='set null',
        domain="[('type', '=', 'opportunity'), ('partner_id', '=', partner_id)]")
    user_id = fields.Many2one('res.users', 'Owner', required=True, index=True,
                              default=lambda self: self.env.user, track_visibility='onchange')
    team_id = fields.Many2one('crm.team', 'Sales Team', index=True,
                              default=lambda self: self.env.user.sale_team_id,
                              track_visibility='onchange')
    customer_signer_id = fields.Many2one(
        'res.partner', "Customer's Signer",
        domain="[('parent_id', '=', partner_id), ('type', '=', 'contact')]")
    signer_user_id = fields.Many2one('res.users', 'Our Signer',
                                     default=lambda self: self.env.user)
    sign_date = fields.Date('Sign Date', index=True, track_visibility='onchange')
    date_start = fields.Date('Start Date', track_visibility='onchange')
    date_end = fields.Date('End Date', index=True, track_visibility='onchange')
    line_ids = fields.One2many('crm.contract.line', 'contract_id', 'Products', copy=True)
    company_id = fields.Many2one('res.company', 'Company', required=True,
                                 default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True,
                                  string='Currency')
    amount_products = fields.Monetary('Products Total', compute='_compute_amount_products',
                                      store=True)
    discount = fields.Float('Discount (%)', digits=(5, 2), default=0.0,
                            help='Discount on the whole contract, in percent.')
    amount_total = fields.Monetary(
        'Contract Amount', track_visibility='onchange',
        help='Products total less the discount when the contract has product lines; '
             'entered by hand otherwise.')
    note = fields.Text('Remarks')
    attachment_ids = fields.Many2many('ir.attachment', 'crm_contract_attachment_rel',
                                      'contract_id', 'attachment_id', string='Attachments')
    state = fields.Selection(STATES, 'Status', default='draft', required=True, readonly=True,
                             copy=False, index=True, track_visibility='onchange')
    crm_review_user_ids = fields.Many2many(
        'res.users', 'crm_contract_reviewer_rel', 'contract_id', 'user_id',
        string='Reviewers (all tiers)', readonly=True, copy=False)

    _sql_constraints = [
        ('number_revision_uniq', 'unique(number, revision)',
         'A contract number exists only once per version.'),
    ]

    @api.multi
    @api.depends('number', 'revision', 'name')
    def name_get(self):
        result = []
        for rec in self:
            version = ' V%d' % rec.revision if rec.revision > 1 else ''
            result.append((rec.id, '%s%s %s' % (rec.number or '', version, rec.name or '')))
        return result

    @api.model
    def _name_search(self, name, args=None, operator='ilike', limit=100, name_get_uid=None):
        args = list(args or [])
        if name:
            args = ['|', ('number', operator, name), ('name', operator, name)] + args
        ids = self._search(args, limit=limit, access_rights_uid=name_get_uid)
        return self.browse(ids).sudo(name_get_uid or self.env.uid).name_get()

    @api.depends('line_ids.subtotal')
    def _compute_amount_products(self):
        for rec in self:
            rec.amount_products = sum(rec.line_ids.mapped('subtotal'))

    def _crm_amount_from_lines(self):
        self.ensure_one()
        return self.currency_id.round(self.amount_products * (1 - (self.discount or 0.0) / 100.0))

    @api.onchange('line_ids', 'discount')
    def _onchange_lines_amount(self):
        if self.line_ids:
            self.amount_total = self._crm_amount_from_lines()

    @api.onchange('partner_id')
    def _onchange_partner_id(self):
        if self.customer_signer_id and self.customer_signer_id.parent_id != self.partner_id:
            self.customer_signer_id = False
        if self.partner_id and not self.customer_signer_id:
            self.customer_signer_id = self.partner_id.primary_contact_id

    # ------------------------------------------------------------------ checks
    @api.constrains('date_start', 'date_end')
    def _check_dates(self):
        for rec in self:
            if rec.date_start and rec.date_end and rec.date_end < rec.date_start:
                raise ValidationError(_('The end date of "%s" is before its start date.')
                                      % rec.name)

    @api.constrains('name')
    def _check_name(self):
        for rec in self:
            if not (rec.name or '').strip():
                raise ValidationError(_('Please enter the contract name.'))

    @api.constrains('discount', 'amount_total')
    def _check_amounts(self):
        for rec in self:
            rec._crm_check_size(rec.amount_total)
            if not 0.0 <= rec.discount < 100.0:
                raise ValidationError(_('The discount must be at least 0% and below 100%.'))
            if float_compare(rec.amount_total, 0.0,
                             precision_rounding=rec.currency_id.rounding or 0.01) < 0:
                raise ValidationError(_('The contract amount cannot be negative.'))

    @api.constrains('partner_id', 'customer_signer_id', 'lead_id')
    def _check_links(self):
        for rec in self.sudo():
            if not rec.partner_id.is_crm_customer:
                raise ValidationError(_('"%s" is not a customer: contracts are signed with '
                                        'customers.') % rec.partner_id.display_name)
            if rec.customer_signer_id and rec.customer_signer_id.parent_id != rec.partner_id:
                raise ValidationError(_("The customer's signer must be one of %s's contacts.")
                                      % rec.partner_id.name)
            if rec.lead_id and rec.lead_id.partner_id.commercial_partner_id != rec.partner_id:
                raise ValidationError(_('The opportunity "%s" belongs to another customer.')
                                      % rec.lead_id.name)

    def _crm_approval_check_ready(self):
        self.ensure_one()
        rounding = self.currency_id.rounding or 0.01
        if float_is_zero(self.amount_total, precision_rounding=rounding):
            raise UserError(_('"%s" has no amount: enter the contract amount or its products '
                              'before submitting it.') % self.display_name)
        if not self.date_start or not self.date_end:
            raise UserError(_('"%s" needs a start and an end date before it is submitted.')
                            % self.display_name)
        committed = self._crm_plans_total()
        if float_compare(committed, self.amount_total, precision_rounding=rounding) > 0:
            raise UserError(_('The payment plans of "%s" add up to %s, more than the contract '
                              'amount %s.') % (self.display_name, self._crm_money(committed), self._crm_money(self.amount_total)))
        return self._crm_revision_check_ready()

    # ------------------------------------------------------------------ guard
    def _crm_action_fields(self):
        return super(CrmContract, self)._crm_action_fields() + (
            'number', 'revision', 'state', 'submitted_by_id', 'submitted_at', 'approved_at',
            'reject_reason', 'root_id', 'previous_id', 'expiry_notified', 'crm_review_user_ids',
            # computed money (stored, no inverse): only their computation writes them
            'amount_products', 'amount_received', 'amount_in_review', 'amount_outstanding')

    def _crm_target_fields(self):
        res = super(CrmContract, self)._crm_target_fields()
        res.update({'partner_id': 'write', 'lead_id': 'write', 'customer_signer_id': 'read'})
        return res

    # ------------------------------------------------------------------ ORM
    @api.model
    def create(self, vals):
        env, vals = self.env, dict(vals)
        if vals.get('user_id') and 'team_id' not in vals:
            vals['team_id'] = self.env['res.users'].browse(vals['user_id']).sale_team_id.id
        if not vals.get('number') or vals.get('number') == _('New'):
            self, vals = self._crm_own_values(vals, creating=True, number=self.env[
                'ir.sequence'].next_by_code('crm.contract') or _('New'))
        record = super(CrmContract, self).create(vals)
        record._crm_sync_amount()
        return record.with_env(env)

    @api.multi
    def write(self, vals):
        if not granted(self, 'action_write') and not (
                granted(self, 'share') and set(vals) <= SHARE_FIELDS | FREE_FIELDS):
            locked = self.filtered(lambda r: r.state != 'draft')
            if locked and set(vals) - FREE_FIELDS:
                # who may not write at all hears that first
                self.check_access_rights('write')
                self.check_access_rule('write')
                raise UserError(_('"%s" is %s and cannot be edited: use "Change" on an approved '
                                  'contract to make a new version.') % (
                    locked[0].display_name,
                    dict(self._fields['state']._description_selection(self.env))[locked[0].state]))
        res = super(CrmContract, self).write(vals)
        if 'line_ids' in vals or 'discount' in vals:
            self._crm_sync_amount()
        return res

    def _crm_sync_amount(self):
        for rec in self:
            if rec.line_ids:
                amount = rec._crm_amount_from_lines()
                if float_compare(amount, rec.amount_total,
                                 precision_rounding=rec.currency_id.rounding or 0.01):
                    super(CrmContract, rec).write({'amount_total': amount})

    @api.multi
    def unlink(self):
        for rec in self:
            if rec.state != 'draft':
                raise UserError(_('"%s" is not a draft and cannot be deleted: cancel it instead.')
                                % rec.display_name)
            if rec.sudo().receivable_ids:
                raise UserError(_('"%s" has payments and cannot be deleted.') % rec.display_name)
        return super(CrmContract, self).unlink()

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_cancel(self):
        """Cancel drafts, contracts waiting for approval or approved contracts that have
        no payments."""
        self.env.user._crm_check_can_act()
        self.check_access_rights('write')
        self.check_access_rule('write')
        self._crm_lock()
        self._crm_check_state(('draft', 'waiting', 'approved'),
                              _('"%s" cannot be cancelled in its current state.'))
        for rec in self:
            if rec.sudo().receivable_ids.filtered(lambda p: p.state != 'cancelled'):
                raise UserError(_('"%s" has payments and cannot be cancelled.') % rec.display_name)
        for rec in self:
            rec._crm_withdraw_reviews(_('Cancelled'))
            rec._crm_action_write({'state': 'cancelled'})
            rec._crm_post(_('Cancelled by %s.') % self.env.user.name)
        return True

    def _crm_on_approved(self):
        super(CrmContract, self)._crm_on_approved()
        self._crm_revision_approved()
        if self.revision == 1:
            self.partner_id._crm_register_deal(date=self.sign_date or None, source=self)

    @api.model
    def _crm_today(self):
        return self.env['crm.clock'].today_str()
