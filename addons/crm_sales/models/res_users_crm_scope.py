# -*- coding: utf-8 -*-
from odoo import api, fields, models


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
        # contacts and addresses. The ORM resolves the path to the ids of the few
        # customers shared with this user, so the rule stays an indexed IN.
        scope = [('crm_owner_id', '=', self.id),
                 ('commercial_partner_id.share_write_user_ids', 'in', [self.id])]
        if mode == 'read':
            scope.append(('commercial_partner_id.share_read_user_ids', 'in', [self.id]))
        if self.crm_led_team_ids:
            scope.append(('crm_team_id', 'in', self.crm_led_team_ids.ids))
        scope.append(('is_crm_scoped', '=', False))
        return ['|'] * (len(scope) - 1) + scope
