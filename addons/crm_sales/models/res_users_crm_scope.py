# -*- coding: utf-8 -*-
from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    # The name is historical: these are the teams in the user's data scope.
    crm_led_team_ids = fields.Many2many(
        'crm.team', string='Teams in Scope', compute='_compute_crm_led_team_ids',
        help='Sales teams whose records this user sees, by the data scope of their roles: '
             'none (own records), their teams (their own and the teams they lead), or '
             'those and every team below them (crm.team.parent_id). The record rules of '
             'every scoped model read it.')

    def _compute_crm_led_team_ids(self):
        Team = self.env['crm.team'].sudo()
        for user in self:
            level = user._crm_data_scope()
            if level == 'all':
                teams = Team.with_context(active_test=False).search([])
            elif level in ('team', 'team_below'):
                teams = user._crm_teams()
                if level == 'team_below':
                    teams = teams._crm_team_and_below()
            else:
                teams = Team
            user.crm_led_team_ids = teams

    @api.multi
    def _crm_share_uids(self):
        """For the sharing part of the record rules: [user id], or [] when the user's
        data scope is their own records only (what is shared with them stays hidden)."""
        self.ensure_one()
        return [] if self._crm_data_scope() == 'own' else [self.id]

    @api.multi
    def _crm_scope_all_domain(self):
        """For the "all records" rule of every scoped model: true for a data scope of
        all records, false otherwise."""
        self.ensure_one()
        return [(1, '=', 1)] if self._crm_data_scope() == 'all' else [(0, '=', 1)]

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
        scope = [('crm_owner_id', '=', self.id)]
        if self._crm_share_uids():
            scope.append((shared, 'in', [self.id]))
        if self.crm_led_team_ids:
            scope.append(('crm_team_id', 'in', self.crm_led_team_ids.ids))
        scope.append(('is_crm_scoped', '=', False))
        return ['|'] * (len(scope) - 1) + scope
