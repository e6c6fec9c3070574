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
