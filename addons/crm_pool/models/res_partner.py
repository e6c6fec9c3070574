# -*- coding: utf-8 -*-
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.crm_sales.grant import grant, granted

_logger = logging.getLogger(__name__)


class ResPartner(models.Model):
    _inherit = 'res.partner'

    # ------------------------------------------------------------------ fields
    pool_id = fields.Many2one('crm.pool', string='Public Pool', index=True, copy=False,
                              readonly=True, ondelete='restrict',
                              help='Set while the customer waits in a public pool (it has '
                                   'no owner then).')
    crm_pool_id = fields.Many2one(
        'crm.pool', string='Pool (Customer)', compute='_compute_crm_pool_id', store=True,
        index=True, readonly=True,
        help='For a customer its pool, for a contact the pool of its customer. Used by the '
             'visibility rule and to hide contact data.')
    pool_entered_at = fields.Datetime('Entered Pool At', readonly=True, copy=False)
    pool_previous_user_id = fields.Many2one('res.users', string='Previous Owner',
                                            readonly=True, copy=False)
    pool_release_reason = fields.Char('Release Reason', readonly=True, copy=False)
    pool_protected_user_id = fields.Many2one(
        'res.users', string='Protected Against', readonly=True, copy=False,
        help='The salesperson who may not claim the customer back before the end of the '
             'protection period.')
    pool_protected_until = fields.Datetime('Protected Until', readonly=True, copy=False)
    pool_locked = fields.Boolean('Locked', readonly=True, copy=False, index=True,
                                 help='A locked customer is never released automatically.')
    pool_locked_at = fields.Datetime('Locked At', readonly=True, copy=False)
    pool_locked_by = fields.Many2one('res.users', string='Locked By', readonly=True,
                                     copy=False)
    pool_reminder_sent_at = fields.Datetime('Release Reminder Sent At', readonly=True,
                                            copy=False)
    pool_days_in_pool = fields.Integer('Days in Pool', compute='_compute_pool_days')
    pool_release_date = fields.Datetime('Release Date', compute='_compute_pool_release')
    pool_release_days = fields.Integer('Days Before Release', compute='_compute_pool_release')
    pool_release_rule_id = fields.Many2one('crm.pool.rule', string='Release Rule',
                                           compute='_compute_pool_release')
    pool_log_ids = fields.One2many('crm.pool.log', 'partner_id', string='Pool History')
    pool_can_claim = fields.Boolean(compute='_compute_pool_can_claim')

    def _crm_action_fields(self):
        return super(ResPartner, self)._crm_action_fields() + (
            'pool_id', 'crm_pool_id', 'pool_entered_at', 'pool_previous_user_id',
            'pool_release_reason', 'pool_protected_user_id', 'pool_protected_until',
            'pool_locked', 'pool_locked_at', 'pool_locked_by', 'pool_reminder_sent_at')

    @api.depends('pool_id', 'commercial_partner_id', 'commercial_partner_id.pool_id')
    def _compute_crm_pool_id(self):
        for partner in self:
            commercial = partner.commercial_partner_id or partner
            partner.crm_pool_id = commercial.pool_id if commercial != partner else partner.pool_id

    # the batch path (imports, crm_sales ``_crm_create_batch``) gives crm_pool_id itself
    @api.model
    def _crm_batch_precomputed(self):
        return super(ResPartner, self)._crm_batch_precomputed() + ('crm_pool_id',)

    @api.model
    def _crm_batch_company_values(self, company):
        return dict(super(ResPartner, self)._crm_batch_company_values(company),
                    pool_id=company.pool_id.id)

    @api.model
    def _crm_batch_precompute(self, row, company):
        super(ResPartner, self)._crm_batch_precompute(row, company)
        row['crm_pool_id'] = (row.get('pool_id') if company is row else company.get('pool_id')) \
            or None

    @api.depends('pool_entered_at')
    def _compute_pool_days(self):
        today = self.env['crm.clock'].today()
        for partner in self:
            if partner.pool_id and partner.pool_entered_at:
                entered = fields.Datetime.context_timestamp(
                    partner, fields.Datetime.from_string(partner.pool_entered_at)).date()
                partner.pool_days_in_pool = (today - entered).days
            else:
                partner.pool_days_in_pool = 0

    def _compute_pool_release(self):
        owned = self.filtered(lambda p: p.id and p.user_id and p.is_crm_customer)
        dates = self.env['crm.pool.rule'].sudo()._compute_release_dates(owned.ids)
        now = self.env['crm.clock'].now()
        for partner in self:
            due, rule = dates.get(partner.id, (False, False))
            partner.pool_release_date = due and fields.Datetime.to_string(due)
            partner.pool_release_rule_id = rule and rule.id
            partner.pool_release_days = due and max(0, (due - now).days + (
                1 if (due - now).seconds or (due - now).microseconds else 0)) or 0

    def _compute_pool_can_claim(self):
        for partner in self:
            partner.pool_can_claim = bool(partner.pool_id) and not partner.user_id

    @api.multi
    def write(self, vals):
        """Giving customers to someone by editing the owner directly respects that user's
        customer limit too, and takes the customers out of the pool."""
        if vals.get('user_id') and not granted(self, 'pool_skip_transfer_check'):
            new_user = self.env['res.users'].sudo().browse(vals['user_id'])
            customers = self.sudo().filtered(
                lambda p: p.is_crm_customer and p.user_id != new_user)
            if customers:
                self._pool_lock_user(new_user)
                self.env['crm.customer.limit']._check_user_limit(new_user, 'owned', customers)
                if 'pool_id' not in vals and customers.filtered('pool_id'):
                    self, vals = self._crm_own_values(
                        vals, pool_id=False, pool_entered_at=False,
                        pool_protected_user_id=False, pool_protected_until=False)
        return super(ResPartner, self).write(vals)

    @api.model
    def _crm_wants_default_owner(self, vals):
        """A customer created straight into a public pool has no owner."""
        return not vals.get('pool_id') and \
            super(ResPartner, self)._crm_wants_default_owner(vals)

    # ------------------------------------------------------------------ helpers
    @api.model
    def _pool_now(self):
        return self.env['crm.clock'].now()

    @api.multi
    def _pool_check_customers(self):
        for partner in self.sudo():
            if not partner.is_crm_customer:
                raise UserError(_('"%s" is not a customer: only customers (companies) go '
                                  'through the public pool.') % partner.display_name)

    @api.model
    def _pool_lock_user(self, user):
        """Serialize the operations adding customers to ``user`` (claim, assign, transfer,
        lock) so that the limit check counts committed data: the UPDATE takes the row lock
        of the user; a concurrent transaction doing the same waits, then (REPEATABLE READ)
        fails with a serialization error and Odoo retries the whole call on a fresh
        snapshot, where the count includes the first transaction's customers."""
        # a concurrency failure here is expected and retried by Odoo: do not log it as an error
        self.env.cr.execute(
            'UPDATE res_users SET crm_pool_op_seq = COALESCE(crm_pool_op_seq, 0) + 1 '
            'WHERE id = %s', (user.id,), log_exceptions=False)

    @api.multi
    def _pool_leads_team_of(self, user):
        """True if ``user`` leads the team of this customer or of its owner."""
        self.ensure_one()
        partner = self.sudo()
        teams = partner.team_id | partner.user_id.sale_team_id
        return bool(teams.filtered(lambda t: t.user_id == user))

    # ------------------------------------------------------------------ transfer (crm_sales)
    @api.multi
    def action_transfer(self, user_id, with_contacts=True, with_opportunities=True,
                        keep_old_owner='none'):
        # remember who transfers: crm_sales calls the hook in sudo
        return super(ResPartner, grant(self, pool_transfer_uid=self.env.uid)).action_transfer(
            user_id, with_contacts=with_contacts, with_opportunities=with_opportunities,
            keep_old_owner=keep_old_owner)

    @api.multi
    def _crm_transfer_related(self, new_user, options):
        """Transfer wizard of crm_sales (called once per customer, after its owner changed
        through _crm_set_owner, whose write already checked the new owner's customer limit
        under its row lock and took the customer out of the pool): log the transfer."""
        if not granted(self, 'pool_skip_transfer_check') and new_user:
            customers = self.sudo().filtered('is_crm_customer')
            if customers:
                customers.write({'pool_reminder_sent_at': False})
                self.env['crm.pool.log']._log_bulk(
                    'transfer', customers.ids, self._pool_now(),
                    from_user_ids=(options or {}).get('old_user_id') or None,
                    to_user_id=new_user.id,
                    user_id=granted(self, 'pool_transfer_uid') or self.env.uid,
                    operation_log=False)  # crm_sales logs the transfer
        return super(ResPartner, self)._crm_transfer_related(new_user, options)
