# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class ResUsers(models.Model):
    _inherit = 'res.users'

    crm_led_team_ids = fields.Many2many(
        'crm.team', string='Teams Led', compute='_compute_crm_led_team_ids',
        help='Sales teams this user leads (crm.team.user_id); used by the record rules.')

    def _compute_crm_led_team_ids(self):
        Team = self.env['crm.team'].sudo()
        for user in self:
            user.crm_led_team_ids = Team.search([('user_id', '=', user.id)])

    def _crm_scope_level(self):
        """'all' (manager / administrator / superuser), 'read_all' (executive: reads
        everything), 'scoped' (salesperson / leader) or 'none' (not a CRM user: the CRM
        data scope does not apply)."""
        self.ensure_one()
        if self._is_superuser() or self.has_group('crm_sales.group_crm_manager'):
            return 'all'
        if self.has_group('crm_sales.group_crm_salesman'):
            if self.has_group('crm_sales.group_crm_executive'):
                return 'read_all'
            return 'scoped'
        if self.has_group('crm_sales.group_crm_executive'):
            return 'read_all'
        return 'none'

    def _crm_can_act(self):
        """True for users who may change CRM data (salespeople, leaders, managers,
        administrators); False for the read-only executive and non-CRM users."""
        self.ensure_one()
        return self._crm_scope_level() in ('all', 'scoped')

    def _crm_check_can_act(self):
        """Public actions that write through sudo() or SQL call this first: the ACLs they
        bypass would otherwise let a read-only role act."""
        if not self._crm_can_act():
            raise AccessError(_('%s can read the CRM but not change it: this action needs a '
                                'salesperson, team leader or sales manager.') % self.name)
        return True

    @api.multi
    def _crm_partner_rule_domain(self, mode='read'):
        """Domain of the global record rules on res.partner (see
        security/crm_sales_security.xml). Only CRM partners (customers and their
        contacts, ``is_crm_scoped``) are restricted; every other partner (users,
        the company, suppliers...) stays visible. Salespeople see their own customers
        (``crm_owner_id``) and those shared with them (with their contacts), leaders
        also their teams'.
        Other modules (e.g. the public pool) extend it by overriding this method and
        OR-ing their part."""
        self.ensure_one()
        level = self._crm_scope_level()
        if level in ('all', 'none') or (level == 'read_all' and mode == 'read'):
            return [(1, '=', 1)]
        # Shares live on the customer; through commercial_partner_id they also open its
        # contacts and addresses (crm_shared_*_user_ids search with a sub-select on the
        # share tables: the SQL has the same size however many customers are shared).
        shared = 'crm_shared_user_ids' if mode == 'read' else 'crm_shared_write_user_ids'
        scope = [('crm_owner_id', '=', self.id), (shared, 'in', [self.id])]
        if self.crm_led_team_ids:
            scope.append(('crm_team_id', 'in', self.crm_led_team_ids.ids))
        scope.append(('is_crm_scoped', '=', False))
        return ['|'] * (len(scope) - 1) + scope
