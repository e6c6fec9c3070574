# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

class ResPartner(models.Model):
    """Data scope, sharing and transfer of CRM customers."""
    _name = 'res.partner'
    _inherit = ['res.partner', 'crm.share.mixin']
    _crm_share_column = 'partner_id'

    is_crm_scoped = fields.Boolean(
        'In CRM Data Scope', compute='_compute_crm_owner', store=True, index=True,
        compute_sudo=True,
        help='A CRM customer or a contact/address of one: only its owner, its team leader, '
             'the people it is shared with and managers can see it.')
    crm_shared_user_ids = fields.Many2many(
        'res.users', string='Shared with (customer)', compute='_compute_crm_shared_user_ids',
        search='_search_crm_shared_user_ids',
        help='Colleagues the customer (for a contact: its company) is shared with, for '
             'reading or writing.')
    crm_shared_write_user_ids = fields.Many2many(
        'res.users', string='Shared for writing (customer)',
        compute='_compute_crm_shared_user_ids', search='_search_crm_shared_write_user_ids')

    # is_crm_scoped shares the compute method of crm_owner_id / crm_team_id on purpose:
    # the ORM then writes the three columns in one UPDATE. Computed separately, a
    # salesperson creating a customer could hit the write rule between the two updates
    # (is_crm_scoped already True, crm_owner_id still empty) and get an AccessError.
    @api.depends('user_id', 'team_id', 'parent_id', 'commercial_partner_id',
                 'commercial_partner_id.user_id', 'commercial_partner_id.team_id',
                 'is_company', 'customer', 'commercial_partner_id.is_company',
                 'commercial_partner_id.customer')
    def _compute_crm_owner(self):
        super(ResPartner, self)._compute_crm_owner()
        for partner in self:
            commercial = partner.commercial_partner_id or partner
            partner.is_crm_scoped = bool((partner.is_company and partner.customer) or
                                         (commercial.is_company and commercial.customer))

    @api.depends('commercial_partner_id.share_read_user_ids',
                 'commercial_partner_id.share_write_user_ids')
    def _compute_crm_shared_user_ids(self):
        for partner in self:
            commercial = partner.sudo().commercial_partner_id
            partner.crm_shared_write_user_ids = commercial.share_write_user_ids
            partner.crm_shared_user_ids = commercial.share_read_user_ids | commercial.share_write_user_ids

    def _crm_shared_domain(self, operator, value, tables):
        """Partners whose customer is shared with users ``value``: one sub-select on the
        share tables (indexed by user), so the data-scope rule keeps the same size
        whether 5 or 5,000 customers are shared (a dotted path would inline every id)."""
        if operator not in ('in', '=') or value is False or value is None:
            raise UserError(_('Search the sharing only with "in" a list of users.'))
        if not value:  # a data scope without shares (crm.role.scope "own records")
            return [(0, '=', 1)]
        user_ids = tuple(value if isinstance(value, (list, tuple)) else [value])
        sql = ' UNION ALL '.join('SELECT partner_id FROM %s WHERE user_id IN %%s' % t
                                 for t in tables)
        return [('commercial_partner_id', 'inselect', (sql, (user_ids,) * len(tables)))]

    def _search_crm_shared_user_ids(self, operator, value):
        return self._crm_shared_domain(operator, value, ('res_partner_share_read_rel',
                                                         'res_partner_share_write_rel'))

    def _search_crm_shared_write_user_ids(self, operator, value):
        return self._crm_shared_domain(operator, value, ('res_partner_share_write_rel',))

    # ------------------------------------------------------------------ sharing
    def _crm_check_customers(self):
        others = self.filtered(lambda p: not p.is_crm_customer)
        if others:
            raise UserError(_('"%s" is not a customer (a company marked as customer); only '
                              'customers can be shared or transferred.') % others[0].display_name)

    @api.multi
    def action_share(self, user_ids, access='read'):
        self._crm_check_customers()
        return super(ResPartner, self).action_share(user_ids, access=access)
