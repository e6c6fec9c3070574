# -*- coding: utf-8 -*-
import logging
import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..grant import grant, granted

_logger = logging.getLogger(__name__)

CONTACT_ROLES = [
    ('decision_maker', 'Decision maker'),
    ('user', 'User'),
    ('finance', 'Finance'),
    ('other', 'Other'),
]


def normalize_name(name):
    """Name key for uniqueness: lower case, without any (also full-width) spaces."""
    return re.sub(r'\s+', '', name or '').lower() or False


def normalize_phone(number):
    """Phone key for duplicate detection: digits only (at least 5, else nothing)."""
    digits = re.sub(r'\D', '', number or '')
    if digits.startswith('0086'):
        digits = digits[4:]
    elif digits.startswith('86') and len(digits) == 13:
        digits = digits[2:]
    return digits if len(digits) >= 5 else False


class ResPartner(models.Model):
    _name = 'res.partner'
    _inherit = ['res.partner', 'crm.follow.up.mixin', 'crm.guard.mixin']
    _follow_up_parent_field = 'partner_id'

    type = fields.Selection(selection_add=[('registered', 'Registered address'),
                                           ('office', 'Office address')])
    is_crm_customer = fields.Boolean('CRM Customer', compute='_compute_is_crm_customer',
                                     store=True, index=True,
                                     help='A company that is a customer: managed in the CRM.')
    customer_code = fields.Char('Customer Code', copy=False, index=True, readonly=False,
                                help='Given automatically; only CRM administrators may change it.')
    crm_can_edit_code = fields.Boolean('Can Edit Customer Code', compute='_compute_crm_can_edit_code')
    name_normalized = fields.Char('Normalized Name', compute='_compute_name_normalized',
                                  store=True, index=True)
    phone_normalized = fields.Char(compute='_compute_phone_normalized', store=True, index=True)
    mobile_normalized = fields.Char(compute='_compute_phone_normalized', store=True, index=True)
    customer_level_id = fields.Many2one('crm.customer.level', 'Customer Level', index=True,
                                       ondelete='restrict', track_visibility='onchange')
    customer_source_id = fields.Many2one('crm.customer.source', 'Customer Source', index=True,
                                        ondelete='restrict')
    region = fields.Selection([
        ('east', 'East China'), ('south', 'South China'), ('north', 'North China'),
        ('central', 'Central China'), ('southwest', 'Southwest China'),
        ('northwest', 'Northwest China'), ('northeast', 'Northeast China'),
        ('overseas', 'Overseas'),
    ], string='Region', index=True)
    employee_count = fields.Integer('Employees')
    annual_revenue = fields.Float('Annual Revenue (10k CNY)', digits=(16, 2))
    customer_type = fields.Selection([
        ('enterprise', 'Enterprise'), ('individual', 'Individual'),
        ('distributor', 'Distributor'), ('supplier', 'Supplier'),
    ], string='Customer Type', default='enterprise')
    customer_status = fields.Selection([
        ('new', 'New'), ('following', 'Following up'), ('deal', 'Deal'),
        ('paused', 'Paused'), ('lost', 'Churned'),
    ], string='Customer Status', default='new', index=True, track_visibility='onchange')
    # not tracked: the chatter would show a boolean as "true"; the status change to
    # "deal" and the "Deal registered" note say it in words
    is_deal = fields.Boolean('Deal Closed', copy=False, index=True, readonly=True)
    first_deal_date = fields.Date('First Deal Date', copy=False, readonly=True)
    relation_ids = fields.One2many('crm.customer.relation', 'partner_id', 'Relations')
    relation_inverse_ids = fields.One2many('crm.customer.relation', 'related_partner_id',
                                           'Related by')
    owner_assigned_at = fields.Datetime('Owner Since', copy=False, readonly=True,
                                        help='When the current owner received the customer.')
    crm_owner_id = fields.Many2one('res.users', 'CRM Owner', compute='_compute_crm_owner',
                                   store=True, index=True, compute_sudo=True,
                                   help="The customer's owner (for a contact: its company's).")
    crm_team_id = fields.Many2one('crm.team', 'CRM Team', compute='_compute_crm_owner',
                                  store=True, index=True, compute_sudo=True)
    follow_up_ids = fields.One2many('crm.follow.up', 'partner_id', 'Follow-up Records')

    # contacts
    wechat = fields.Char('WeChat')
    contact_role = fields.Selection(CONTACT_ROLES, 'Contact Role')
    is_primary_contact = fields.Boolean('Primary Contact', copy=False)
    birthday = fields.Date('Birthday')
    gender = fields.Selection([('male', 'Male'), ('female', 'Female'), ('other', 'Other')],
                              string='Gender')
    primary_contact_id = fields.Many2one('res.partner', 'Primary Contact Person',
                                         compute='_compute_primary_contact')

    # duplicates
    duplicate_partner_ids = fields.Many2many('res.partner', string='Possible Duplicates',
                                             compute='_compute_duplicates')
    duplicate_warning = fields.Text('Duplicate Warning', compute='_compute_duplicates')

    _sql_constraints = [
        ('customer_code_uniq', 'unique(customer_code)', 'This customer code is already used.'),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends('is_company', 'customer')
    def _compute_is_crm_customer(self):
        for partner in self:
            partner.is_crm_customer = bool(partner.is_company and partner.customer)

    def _compute_crm_can_edit_code(self):
        can = self.env.user._crm_is_admin()
        for partner in self:
            partner.crm_can_edit_code = can

    @api.depends('name')
    def _compute_name_normalized(self):
        for partner in self:
            partner.name_normalized = normalize_name(partner.name)

    @api.depends('phone', 'mobile')
    def _compute_phone_normalized(self):
        for partner in self:
            partner.phone_normalized = normalize_phone(partner.phone)
            partner.mobile_normalized = normalize_phone(partner.mobile)

    @api.depends('user_id', 'team_id', 'parent_id', 'commercial_partner_id',
                 'commercial_partner_id.user_id', 'commercial_partner_id.team_id')
    def _compute_crm_owner(self):
        for partner in self:
            commercial = partner.commercial_partner_id or partner
            partner.crm_owner_id = commercial.user_id
            partner.crm_team_id = commercial.team_id

    @api.depends('child_ids.is_primary_contact')
    def _compute_primary_contact(self):
        for partner in self:
            partner.primary_contact_id = partner.child_ids.filtered('is_primary_contact')[:1]

    @api.model
    def _crm_find_duplicates(self, name=False, phones=(), exclude_ids=(), companies_only=True):
        """Customers (sudo) whose name matches ``name`` ignoring case/spaces, or
        customers/contacts whose phone or mobile matches one of ``phones``.
        Returns {commercial partner: [reasons]}."""
        Partner = self.sudo().with_context(active_test=False)
        found = {}
        key = normalize_name(name)
        if key:
            for p in Partner.search([('name_normalized', '=', key), ('is_company', '=', True),
                                     ('id', 'not in', list(exclude_ids))], limit=5):
                found.setdefault(p, []).append(_('same name'))
        keys = [k for k in {normalize_phone(ph) for ph in phones} if k]
        if keys:
            for p in Partner.search(['|', ('phone_normalized', 'in', keys),
                                     ('mobile_normalized', 'in', keys),
                                     ('id', 'not in', list(exclude_ids))], limit=10):
                target = p.commercial_partner_id if (companies_only and p.commercial_partner_id.is_company) else p
                if target.id in exclude_ids:
                    continue
                reason = _('same phone') if p == target else _('same phone as contact %s') % p.name
                found.setdefault(target, [])
                if reason not in found[target]:
                    found[target].append(reason)
        return found

    @api.model
    def _crm_duplicate_text(self, found):
        lines = []
        for partner, reasons in found.items():
            owner = partner.crm_owner_id.name or _('no owner')
            lines.append(_('%s (owner: %s): %s') % (partner.display_name, owner, _(', ').join(reasons)))
        return '\n'.join(lines) or False

    @api.depends('name', 'phone', 'mobile', 'is_company', 'parent_id')
    def _compute_duplicates(self):
        for partner in self:
            origin = getattr(partner, '_origin', None)
            own_id = partner.id if isinstance(partner.id, int) else (origin.id if origin else False)
            exclude = [i for i in [own_id] if i]
            if own_id:
                commercial = self.browse(own_id).commercial_partner_id
                exclude += (commercial | commercial.child_ids).ids
            if partner.parent_id and isinstance(partner.parent_id.id, int):
                exclude += (partner.parent_id.commercial_partner_id
                            | partner.parent_id.commercial_partner_id.child_ids).ids
            found = self._crm_find_duplicates(
                name=partner.name if partner.is_company else False,
                phones=[partner.phone, partner.mobile], exclude_ids=exclude)
            visible = self.search([('id', 'in', [p.id for p in found])]) if found else self.browse()
            partner.duplicate_partner_ids = visible
            partner.duplicate_warning = self._crm_duplicate_text(found)

    @api.model_cr
    def init(self):
        """Back the name check with a unique index: two salespeople saving the same new
        customer at the same moment both pass the Python check, the index stops one."""
        cr = self.env.cr
        cr.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'res_partner_crm_customer_name_uniq'")
        if cr.fetchone():
            return
        cr.execute("""SELECT name_normalized FROM res_partner
                       WHERE is_crm_customer AND COALESCE(name_normalized, '') != ''
                       GROUP BY name_normalized HAVING count(*) > 1 LIMIT 1""")
        if cr.fetchone():
            _logger.warning('Duplicate customer names exist: the unique index on customer '
                            'names is not created until they are merged or renamed.')
            return
        cr.execute("""CREATE UNIQUE INDEX res_partner_crm_customer_name_uniq ON res_partner
                      (name_normalized) WHERE is_crm_customer AND COALESCE(name_normalized, '') != ''""")

    # ------------------------------------------------------------------ constraints
    @api.constrains('name', 'is_company', 'customer')
    def _check_unique_customer_name(self):
        customers = self.filtered('is_crm_customer')
        keys = {partner.id: normalize_name(partner.name) for partner in customers}
        holders = self._crm_customers_named(set(keys.values()) - {False, ''})
        for partner in customers:
            key = keys[partner.id]
            others = [pid for pid in holders.get(key, ()) if pid != partner.id] if key else None
            if others:
                other = self.sudo().browse(others[0])
                raise ValidationError(
                    _('A customer named "%s" already exists (owner: %s). Customer names must be '
                      'unique, ignoring upper/lower case and spaces.')
                    % (other.name, other.crm_owner_id.name or _('no owner')))

    @api.model
    def _crm_customers_named(self, keys):
        """{normalized name: [ids of the customers (archived too) with that name]}, in
        one query for all ``keys``."""
        if not keys:
            return {}
        self.env.cr.execute(
            'SELECT name_normalized, id FROM res_partner WHERE is_crm_customer '
            'AND name_normalized IN %s ORDER BY id', (tuple(keys),))
        holders = {}
        for key, pid in self.env.cr.fetchall():
            holders.setdefault(key, []).append(pid)
        return holders

    @api.constrains('is_primary_contact', 'parent_id', 'active', 'type')
    def _check_one_primary_contact(self):
        for parent in self.mapped('parent_id'):
            primaries = parent.child_ids.filtered(lambda c: c.is_primary_contact)
            if len(primaries) > 1:
                raise ValidationError(
                    _('"%s" already has a primary contact (%s). Use "Set as primary contact" '
                      'to change it.') % (parent.name, _(', ').join(
                          (primaries - self).mapped('name') or primaries.mapped('name'))))

    # ------------------------------------------------------------------ guard (crm.guard.mixin)
    def _crm_action_fields(self):
        return super(ResPartner, self)._crm_action_fields() + (
            'is_deal', 'first_deal_date', 'owner_assigned_at', 'last_follow_up_at',
            'followed_up', 'is_crm_customer', 'crm_owner_id', 'crm_team_id')

    # a partner's related values come from its company, readable with it
    _crm_guard_related = False
    _crm_owner_team_fields = ('user_id', 'team_id')

    def _crm_target_fields(self):
        return dict(super(ResPartner, self)._crm_target_fields(),
                    parent_id='write', child_ids='write')

    @api.multi
    def _crm_check_target_access(self, mode, source, field):
        """CRM customers and their contacts need ``mode``; other partners (colleagues,
        suppliers, the company) only need to be readable."""
        scoped = self.sudo().with_context(prefetch_fields=False).filtered('is_crm_scoped')
        super(ResPartner, self.browse(scoped.ids))._crm_check_target_access(mode, source, field)
        super(ResPartner, self - self.browse(scoped.ids))._crm_check_target_access(
            'read', source, field)

    # ------------------------------------------------------------------ CRUD
    def _crm_is_contact_vals(self, vals):
        return (vals.get('parent_id') and not vals.get('is_company')
                and vals.get('type', 'contact') == 'contact')

    def _crm_check_code_free(self, code, exclude_ids=()):
        other = self.sudo().with_context(active_test=False).search(
            [('customer_code', '=', code), ('id', 'not in', list(exclude_ids))], limit=1)
        if other:
            raise ValidationError(_('The customer code %s is already used by "%s".')
                                  % (code, other.name))

    def _crm_check_code_access(self):
        if not self.env.user._crm_is_admin():
            raise AccessError(_('Only CRM administrators may change the customer code.'))

    @api.model
    def create(self, vals):
        vals = self._crm_default_owner_vals(vals)
        if vals.get('customer_code'):
            self._crm_check_code_access()
            self._crm_check_code_free(vals['customer_code'])
        if self._crm_is_contact_vals(vals) and 'is_primary_contact' not in vals:
            parent = self.browse(vals['parent_id'])
            if not parent.child_ids.filtered('is_primary_contact'):
                vals['is_primary_contact'] = True
        this = self
        if vals.get('user_id') and not vals.get('owner_assigned_at'):
            this, vals = self._crm_own_values(vals, creating=True,
                                              owner_assigned_at=self.env['crm.clock'].now_str())
        partner = super(ResPartner, this).create(vals)
        partner._crm_assign_code()
        return partner

    @api.multi
    def write(self, vals):
        if 'customer_code' in vals and any(p.customer_code != vals['customer_code'] for p in self):
            self._crm_check_code_access()
            if vals['customer_code']:
                self._crm_check_code_free(vals['customer_code'], self.ids)
        if vals.get('user_id') and 'owner_assigned_at' not in vals:
            changed = self.filtered(lambda p: p.user_id.id != vals['user_id'])
            if changed and changed != self:
                (self - changed).write(dict(vals))
                return changed.write(vals)
            if changed:
                self, vals = self._crm_own_values(
                    vals, owner_assigned_at=self.env['crm.clock'].now_str())
        if vals.get('is_deal'):
            today = self.env['crm.clock'].today_str()
            for partner in self.filtered(lambda p: not p.first_deal_date):
                super(ResPartner, partner).write({'first_deal_date': vals.get('first_deal_date') or today})
            if 'customer_status' not in vals:
                vals = dict(vals, customer_status='deal')
        moving = vals.get('active') is False or (
            'parent_id' in vals and any(p.parent_id.id != vals['parent_id'] for p in self))
        old_parents = self.mapped('parent_id') if moving else self.browse()
        if moving and 'is_primary_contact' not in vals:
            vals = dict(vals, is_primary_contact=False)
        old_owners = {p.id: p.user_id.id for p in self.sudo()} \
            if 'user_id' in vals and not granted(self, 'set_owner') else None
        res = super(ResPartner, self).write(vals)
        if old_owners is not None:
            changed = self.sudo().filtered(
                lambda p: p.is_crm_customer and p.user_id.id != old_owners[p.id])
            changed._crm_owner_changed({p.id: old_owners[p.id] for p in changed},
                                       {'reason': granted(self, 'owner_reason') or 'write',
                                        'sql': False})
            for owner in {p.user_id for p in changed}:
                changed.filtered(lambda p: p.user_id == owner)._crm_log_owner_change(
                    'owner_change', old_owners, owner)
        if 'is_company' in vals or 'customer' in vals:
            self._crm_assign_code()
        if moving:
            (old_parents | self.mapped('parent_id')).exists()._crm_ensure_primary()
        return res

    @api.multi
    def unlink(self):
        parents = self.filtered('is_primary_contact').mapped('parent_id')
        res = super(ResPartner, self).unlink()
        parents.exists()._crm_ensure_primary()
        return res

    def _crm_assign_code(self):
        for partner in self.filtered(lambda p: p.is_crm_customer and not p.customer_code):
            code = self.env['ir.sequence'].sudo().next_by_code('crm.customer.code')
            super(ResPartner, partner).write({'customer_code': code})

    def _crm_ensure_primary(self):
        for company in self:
            contacts = company.child_ids.filtered(
                lambda c: c.type == 'contact' and not c.is_company)
            if contacts and not contacts.filtered('is_primary_contact'):
                super(ResPartner, contacts.sorted('id')[:1]).write({'is_primary_contact': True})
        return True

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_set_primary(self):
        """Make this contact the primary contact of its company (the previous one is unset)."""
        self.env.user._crm_check_can_act()
        for contact in self:
            if not contact.parent_id:
                raise UserError(_('"%s" does not belong to a customer, so it cannot be its '
                                  'primary contact.') % contact.name)
            others = contact.parent_id.child_ids.filtered('is_primary_contact') - contact
            others.write({'is_primary_contact': False})
            contact.write({'is_primary_contact': True})
        return True

    @api.multi
    def action_mark_deal(self):
        """Mark the customer as having closed a deal (sets the first deal date once)."""
        self.env.user._crm_check_can_act()
        self.check_access_rights('write')
        self.check_access_rule('write')
        self._crm_register_deal()
        return True

    @api.multi
    def _crm_register_deal(self, date=None, source=None):
        """The one way a customer gets the deal status: ``date`` (default today, from
        crm.clock) and ``source`` (the won opportunity, later the approved contract; or
        nothing for the button). Sets ``is_deal``, the status "deal" and the first deal
        date (the earliest deal), and notes it in the chatter. Called on contacts, it
        registers their company. Callers check the rights first (it writes in sudo)."""
        date = date or self.env['crm.clock'].today_str()
        customers = self.sudo().mapped('commercial_partner_id').filtered('is_crm_customer')
        for partner in customers:
            vals = {'is_deal': True, 'customer_status': 'deal'}
            if not partner.first_deal_date or date < partner.first_deal_date:
                vals['first_deal_date'] = date
            grant(partner, 'action_write').write(vals)
            if source:
                partner.message_post(body=_('Deal registered by %s.') % source.display_name,
                                     subtype='mail.mt_note',
                                     author_id=self.env.user.partner_id.id)
        return customers
