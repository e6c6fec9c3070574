# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

KEEP_OLD_OWNER = ('none', 'read', 'write')


class ResPartner(models.Model):
    """Data scope, sharing and transfer of CRM customers."""
    _name = 'res.partner'
    _inherit = ['res.partner', 'crm.share.mixin']

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
    share_read_user_ids = fields.Many2many(
        'res.users', 'res_partner_share_read_rel', 'partner_id', 'user_id',
        string='Shared (read)', copy=False, help='Colleagues who can see this customer.')
    share_write_user_ids = fields.Many2many(
        'res.users', 'res_partner_share_write_rel', 'partner_id', 'user_id',
        string='Shared (read and write)', copy=False,
        help='Colleagues who can see and change this customer.')

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
        if operator not in ('in', '=') or not value:
            raise UserError(_('Search the sharing only with "in" a list of users.'))
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

    # ------------------------------------------------------------------ transfer
    @api.multi
    def action_transfer(self, user_id, with_contacts=True, with_opportunities=True,
                        keep_old_owner='none'):
        """Give the customers to the salesperson ``user_id``.

        ``with_contacts``: their contacts get the new salesperson too;
        ``with_opportunities``: their open opportunities move to the new salesperson
        (and their team); ``keep_old_owner``: 'none', 'read' or 'write' -- the previous
        owner stays as a read or write member. Only the owner, the leader of the
        customer's team or a sales manager may transfer. Returns True."""
        self.env.user._crm_check_can_act()
        if not isinstance(keep_old_owner, str) or keep_old_owner not in KEEP_OLD_OWNER:
            raise UserError(_('Keep the previous owner as "none", "read" or "write".'))
        new_user = self.env['crm.guard']._arg_record(
            'res.users', user_id, _('the salesperson who receives the customers'))
        if not new_user.active:
            raise UserError(_('Choose the salesperson who receives the customers.'))
        if not new_user.has_group('crm_sales.group_crm_salesman'):
            raise UserError(_('%s is not a salesperson and cannot own customers.') % new_user.name)
        if not self:
            raise UserError(_('Choose the customers to transfer.'))
        self._crm_check_customers()
        self._crm_check_can_manage(_(
            'Only the owner of "%s", the leader of its team or a sales manager can transfer it.'))
        options = {
            'with_contacts': bool(with_contacts),
            'with_opportunities': bool(with_opportunities),
            'keep_old_owner': keep_old_owner,
        }
        author = self.env.user.partner_id.id
        for partner in self.sudo():
            old_user = partner.user_id
            if old_user == new_user:
                continue
            vals = {'user_id': new_user.id,
                    'share_read_user_ids': [(3, new_user.id)],
                    'share_write_user_ids': [(3, new_user.id)]}
            if new_user.sale_team_id:
                vals['team_id'] = new_user.sale_team_id.id
            if old_user and keep_old_owner == 'read':
                vals['share_read_user_ids'].append((4, old_user.id))
            elif old_user and keep_old_owner == 'write':
                vals['share_write_user_ids'].append((4, old_user.id))
            partner.with_context(crm_share_ok=True).write(vals)
            partner_options = dict(options, old_user_id=old_user.id, author_id=author)
            partner._crm_transfer_related(new_user, partner_options)
            keep_label = {'none': _('not kept'), 'read': _('kept as read member'),
                          'write': _('kept as write member')}[keep_old_owner]
            partner.message_post(author_id=author, body=_(
                'Customer transferred from %s to %s by %s (previous owner %s).') % (
                old_user.name or _('nobody'), new_user.name, self.env.user.name, keep_label))
        return True

    def _crm_transfer_related(self, new_user, options):
        """Carry the customer's related records to ``new_user`` (called in sudo, once
        per customer, after the customer itself changed owner). ``options`` holds
        with_contacts, with_opportunities, keep_old_owner ('none'/'read'/'write') and
        old_user_id and author_id (partner id of the user who transfers). Other modules (contracts...) override it and call super()."""
        self.ensure_one()
        old_user = self.env['res.users'].browse(options.get('old_user_id') or [])
        keep = options.get('keep_old_owner', 'none')
        if options.get('with_contacts'):
            contacts = self.with_context(active_test=False).search(
                [('id', 'child_of', self.id), ('id', '!=', self.id), ('is_company', '=', False)])
            if contacts:
                contacts.write({'user_id': new_user.id})
        if options.get('with_opportunities'):
            opps = self.env['crm.lead'].search([
                ('type', '=', 'opportunity'), ('partner_id', 'child_of', self.id),
                ('end_status', '=', False), ('user_id', '!=', new_user.id)])
            for opp in opps:
                vals = {'user_id': new_user.id,
                        'share_read_user_ids': [(3, new_user.id)],
                        'share_write_user_ids': [(3, new_user.id)]}
                if new_user.sale_team_id:
                    vals['team_id'] = new_user.sale_team_id.id
                opp_old = opp.user_id
                if opp_old and keep == 'read':
                    vals['share_read_user_ids'].append((4, opp_old.id))
                elif opp_old and keep == 'write':
                    vals['share_write_user_ids'].append((4, opp_old.id))
                opp.with_context(crm_share_ok=True).write(vals)
                opp.message_post(author_id=options.get('author_id'), body=_(
                    'Opportunity transferred with its customer from %s to %s.') % (
                    opp_old.name or _('nobody'), new_user.name))
        return True
