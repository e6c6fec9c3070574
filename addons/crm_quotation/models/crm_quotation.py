# -*- coding: utf-8 -*-
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.crm_sales.grant import granted, privileged

STATES = [
    ('draft', 'Draft'),
    ('waiting', 'Waiting Approval'),
    ('approved', 'Approved'),
    ('sent', 'Sent'),
    ('accepted', 'Accepted'),
    ('declined', 'Declined'),
    ('expired', 'Expired'),
    ('superseded', 'Superseded'),
    ('cancelled', 'Cancelled'),
]
#: fields anyone with write access may change on a quote that is no longer a draft
SHARE_FIELDS = {'share_read_user_ids', 'share_write_user_ids'}
FREE_FIELDS = {'message_follower_ids', 'message_partner_ids', 'message_channel_ids',
               'message_ids', 'activity_ids', 'message_main_attachment_id',
               'message_last_post'}
#: days a new quote stays valid (from today by the CRM clock)
VALIDITY_DAYS = 30


class CrmQuotation(models.Model):
    """A quotation (报价单) sent to a CRM customer: product lines priced through
    ``product.product._crm_prices``, a discount on the whole quote, terms, validity,
    approval tier by tier (``crm.approval.mixin`` of crm_contract), versions and the
    step to a contract. States and the actions that move them: crm_quotation_state.py;
    versions: crm_quotation_revision.py; pricing: crm_quotation_pricing.py."""
    _name = 'crm.quotation'
    _description = 'Quotation'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'crm.approval.mixin',
                'crm.version.mixin', 'crm.share.mixin', 'crm.guard.mixin', 'crm.scope.mixin']
    _order = 'date desc, id desc'
    _rec_name = 'reference'
    _crm_approval_owner_field = 'user_id'
    _crm_share_column = 'quotation_id'
    _crm_owner_team_fields = ('user_id', 'team_id')
    _crm_amount_fields = ('amount_total',)
    _crm_discount_field = 'discount_total'
    _crm_below_floor_field = 'below_floor'

    number = fields.Char('Quotation No.', readonly=True, copy=False, index=True,
                         default=lambda self: _('New'),
                         help='BJ + date + counter; the versions of a quote share it.')
    revision = fields.Integer('Version', default=1, readonly=True, copy=False)
    reference = fields.Char('Quotation', readonly=True, copy=False, index=True,
                            help='The number, with -V2, -V3… for later versions.')
    title = fields.Char('Subject', track_visibility='onchange')
    date = fields.Date('Quotation Date', readonly=True, copy=False, index=True,
                       default=lambda self: self.env['crm.clock'].today_str())
    partner_id = fields.Many2one(
        'res.partner', 'Customer', required=True, index=True, ondelete='restrict',
        domain=[('is_crm_customer', '=', True)], track_visibility='onchange')
    contact_id = fields.Many2one(
        'res.partner', 'Contact',
        domain="[('parent_id', '=', partner_id), ('type', '=', 'contact')]")
    lead_id = fields.Many2one(
        'crm.lead', 'Opportunity', index=True, ondelete='set null',
        domain="[('type', '=', 'opportunity'), ('partner_id', '=', partner_id)]")
    user_id = fields.Many2one('res.users', 'Owner', required=True, index=True,
                              default=lambda self: self.env.user, track_visibility='onchange')
    team_id = fields.Many2one('crm.team', 'Sales Team', index=True,
                              default=lambda self: self.env.user.sale_team_id,
                              track_visibility='onchange')
    company_id = fields.Many2one('res.company', 'Company', required=True,
                                 default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True,
                                  string='Currency')
    line_ids = fields.One2many('crm.quotation.line', 'quotation_id', 'Products', copy=True)
    discount = fields.Float('Extra Discount (%)', digits=(5, 2), default=0.0,
                            help='Discount on the whole quotation, in percent, after the '
                                 'line prices.')
    amount_list = fields.Monetary('List Price Total', compute='_compute_amounts', store=True)
    amount_lines = fields.Monetary('Products Total', compute='_compute_amounts', store=True)
    amount_total = fields.Monetary('Quotation Amount', compute='_compute_amounts', store=True,
                                   track_visibility='onchange')
    discount_total = fields.Float(
        'Total Discount (%)', digits=(5, 2), compute='_compute_amounts', store=True,
        help='How far the quotation amount is below the list prices, in percent.')
    below_floor = fields.Boolean(
        'Below Floor Price', compute='_compute_below_floor', store=True,
        help='A line is offered below its floor price (after the extra discount).')
    tax_note = fields.Char('Tax Note', default=lambda self: _('Prices include 13% VAT.'))
    validity_date = fields.Date(
        'Valid Until', required=True, track_visibility='onchange',
        default=lambda self: fields.Date.to_string(
            self.env['crm.clock'].today() + datetime.timedelta(days=VALIDITY_DAYS)))
    payment_terms = fields.Text('Payment Terms')
    delivery_terms = fields.Text('Delivery Terms')
    note = fields.Text('Remarks')
    state = fields.Selection(STATES, 'Status', default='draft', required=True, readonly=True,
                             copy=False, index=True, track_visibility='onchange')
    crm_review_user_ids = fields.Many2many(
        'res.users', 'crm_quotation_reviewer_rel', 'quotation_id', 'user_id',
        string='Reviewers (all tiers)', readonly=True, copy=False)

    _sql_constraints = [
        ('number_revision_uniq', 'unique(number, revision)',
         'A quotation number exists only once per version.'),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends('line_ids.subtotal', 'line_ids.list_price', 'line_ids.quantity', 'discount')
    def _compute_amounts(self):
        for rec in self:
            currency = rec.currency_id or rec.env.user.company_id.currency_id
            amount_list = sum(l.list_price * l.quantity for l in rec.line_ids)
            amount_lines = sum(rec.line_ids.mapped('subtotal'))
            total = currency.round(amount_lines * (1 - (rec.discount or 0.0) / 100.0))
            rec.amount_list = currency.round(amount_list)
            rec.amount_lines = amount_lines
            rec.amount_total = total
            rec.discount_total = round((1 - total / amount_list) * 100.0, 2) \
                if amount_list > 0 else (rec.discount or 0.0)

    @api.depends('line_ids.below_floor')
    def _compute_below_floor(self):
        for rec in self:
            rec.below_floor = any(rec.line_ids.mapped('below_floor'))

    @api.multi
    @api.depends('reference', 'number')
    def name_get(self):
        return [(rec.id, rec.reference or rec.number or '') for rec in self]

    @api.model
    def _name_search(self, name, args=None, operator='ilike', limit=100, name_get_uid=None):
        args = list(args or [])
        if name:
            args = ['|', ('reference', operator, name), ('title', operator, name)] + args
        ids = self._search(args, limit=limit, access_rights_uid=name_get_uid)
        return self.browse(ids).sudo(name_get_uid or self.env.uid).name_get()

    @api.onchange('partner_id')
    def _onchange_partner_id(self):
        if self.contact_id and self.contact_id.parent_id != self.partner_id:
            self.contact_id = False
        if self.partner_id and not self.contact_id:
            self.contact_id = self.partner_id.primary_contact_id

    # ------------------------------------------------------------------ checks
    @api.constrains('discount')
    def _check_discount(self):
        for rec in self:
            if not 0.0 <= rec.discount < 100.0:
                raise ValidationError(_('The extra discount must be at least 0% and below '
                                        '100%.'))

    @api.constrains('amount_total', 'amount_list')
    def _check_size(self):
        for rec in self:
            rec._crm_check_size(rec.amount_total, rec.amount_list)

    @api.constrains('partner_id', 'contact_id', 'lead_id')
    def _check_links(self):
        for rec in self.sudo():
            if not rec.partner_id.is_crm_customer:
                raise ValidationError(_('"%s" is not a customer: quotations are made for '
                                        'customers.') % rec.partner_id.display_name)
            if rec.contact_id and rec.contact_id.parent_id != rec.partner_id:
                raise ValidationError(_('The contact must be one of %s\'s contacts.')
                                      % rec.partner_id.name)
            if rec.lead_id and rec.lead_id.partner_id.commercial_partner_id != rec.partner_id:
                raise ValidationError(_('The opportunity "%s" belongs to another customer.')
                                      % rec.lead_id.name)

    def _crm_approval_check_ready(self):
        self.ensure_one()
        if not self.line_ids:
            raise UserError(_('"%s" has no products: add at least one before submitting it.')
                            % self.display_name)
        self._crm_check_still_valid()
        self.line_ids.mapped('product_id')._crm_check_sellable()
        return True

    def _crm_check_still_valid(self):
        today = self.env['crm.clock'].today_str()
        for rec in self:
            if rec.validity_date < today:
                raise UserError(_('"%s" was valid until %s: set a later validity date (or '
                                  'revise it).') % (rec.display_name, rec.validity_date))

    # ------------------------------------------------------------------ guard
    def _crm_action_fields(self):
        return super(CrmQuotation, self)._crm_action_fields() + (
            'number', 'revision', 'reference', 'state', 'submitted_by_id', 'submitted_at',
            'approved_at', 'reject_reason', 'root_id', 'previous_id', 'crm_review_user_ids',
            'sent_at', 'closed_at', 'customer_comment', 'customer_signer', 'answered_online',
            # computed (stored, no inverse): only their computation writes them
            'amount_list', 'amount_lines', 'discount_total', 'below_floor')

    def _crm_check_own_fields(self, vals):
        """Fields only actions write whose names other models use for fields users type
        (so not ``_crm_action_fields``, whose names are refused as ``default_<name>``
        everywhere): the amount (computed) and the contract link."""
        if privileged(self) or not isinstance(vals, dict):
            return
        names = [n for n in ('amount_total', 'contract_id', 'date') if n in vals and (
            (not self and vals[n] and not (n == 'date' and vals[n] == self._crm_today())) or
            any(self._fields[n].convert_to_write(rec[n], rec) != vals[n] for rec in self.sudo()))]
        if names:
            labels = _(', ').join(self._fields[n].get_description(self.env)['string']
                                  for n in names)
            raise AccessError(_('%s cannot be changed directly: use the corresponding '
                                'button (action) instead.') % labels)

    def _crm_target_fields(self):
        res = super(CrmQuotation, self)._crm_target_fields()
        res.update({'partner_id': 'write', 'lead_id': 'write', 'contact_id': 'read'})
        return res

    # ------------------------------------------------------------------ ORM
    @api.model
    def create(self, vals):
        env, vals = self.env, dict(vals)
        if vals.get('user_id') and 'team_id' not in vals:
            vals['team_id'] = self.env['res.users'].browse(vals['user_id']).sale_team_id.id
        if vals.get('partner_id') and not vals.get('contact_id'):
            partner = self.env['res.partner'].browse(vals['partner_id'])
            vals['contact_id'] = partner.sudo().primary_contact_id.id or False
        self._crm_check_own_fields(vals)
        if privileged(self) and vals.get('number') and vals.get('revision'):
            # a new version (crm_quotation_revision.py): same number, next revision
            vals['reference'] = '%s-V%d' % (vals['number'], vals['revision'])
        else:
            # the sequence's date is the server's, as for contracts (a context key
            # ``ir_sequence_date`` would be one more key clients could send)
            today = self.env['crm.clock'].today_str()
            number = self.env['ir.sequence'].next_by_code('crm.quotation') or _('New')
            self, vals = self._crm_own_values(vals, creating=True, number=number,
                                              reference=number)
            vals['date'] = today
        self, vals = self._crm_price_new_lines(vals)
        record = super(CrmQuotation, self).create(vals)
        return record.with_env(env)

    @api.multi
    def write(self, vals):
        self._crm_check_own_fields(vals)
        if not granted(self, 'action_write') and not (
                granted(self, 'share') and set(vals) <= SHARE_FIELDS | FREE_FIELDS):
            locked = self.filtered(lambda r: r.state != 'draft')
            if locked and set(vals) - FREE_FIELDS:
                self.check_access_rights('write')
                self.check_access_rule('write')
                raise UserError(_('"%s" is %s and cannot be edited: use "Revise" to make a '
                                  'new version.') % (
                    locked[0].display_name,
                    dict(self._fields['state']._description_selection(self.env))[locked[0].state]))
        if 'line_ids' in vals and len(self) == 1:
            self, vals = self._crm_price_new_lines(vals)
        return super(CrmQuotation, self).write(vals)

    @api.multi
    def unlink(self):
        for rec in self:
            if rec.state != 'draft' or rec.revision > 1:
                raise UserError(_('"%s" is not a first draft and cannot be deleted: cancel it '
                                  'instead.') % rec.display_name)
        return super(CrmQuotation, self).unlink()

    @api.model
    def _crm_today(self):
        return self.env['crm.clock'].today_str()

    def _crm_form_action(self):
        return {
            'type': 'ir.actions.act_window',
            'name': _('Quotation'),
            'res_model': 'crm.quotation',
            'res_id': self.id,
            'view_mode': 'form',
            'target': 'current',
        }

    def _crm_amount_equal(self, a, b):
        return not float_compare(a, b, precision_rounding=self.currency_id.rounding or 0.01)


class CrmContract(models.Model):
    """A contract made from a quote lists it."""
    _inherit = 'crm.contract'

    quotation_ids = fields.One2many('crm.quotation', 'contract_id', 'Quotations',
                                    readonly=True)
