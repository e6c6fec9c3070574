# -*- coding: utf-8 -*-
import datetime

from odoo import api, fields, models

ACTIVITY_DAYS = 90
EFFECTIVE = ('approved', 'expired')
TOP_N = 3


class ResPartner(models.Model):
    """On the customer card: its activity over the last 90 days (by the CRM clock) and
    what it buys most (top 3 products and categories by amount of approved contract
    lines). Read as the current user: only the records she may read count."""
    _inherit = 'res.partner'

    activity_follow_up_count = fields.Integer(
        'Follow-ups (90 days)', compute='_compute_lifecycle_activity')
    activity_opportunity_count = fields.Integer(
        'New Opportunities (90 days)', compute='_compute_lifecycle_activity')
    activity_contract_count = fields.Integer(
        'Approved Contracts (90 days)', compute='_compute_lifecycle_activity')
    activity_contract_amount = fields.Float(
        'Contract Amount (90 days)', digits=(16, 2), compute='_compute_lifecycle_activity')
    activity_level = fields.Selection(
        [('active', 'Engaged'), ('quiet', 'Quiet'), ('inactive', 'Inactive')],
        'Activity (90 days)', compute='_compute_lifecycle_activity',
        help='Engaged: an order or an opportunity in the last 90 days. Quiet: follow-ups, '
             'visits or service tickets only. Inactive: nothing.')
    preferred_product_ids = fields.Many2many(
        'product.product', string='Preferred Products', compute='_compute_preferences',
        help='The three products with the highest amount in its approved contracts.')
    preferred_category_ids = fields.Many2many(
        'product.category', string='Preferred Categories', compute='_compute_preferences',
        help='The three product categories with the highest amount in its approved contracts.')

    def _compute_lifecycle_activity(self):
        clock = self.env['crm.clock']
        since = fields.Datetime.to_string(clock.now() - datetime.timedelta(days=ACTIVITY_DAYS))
        since_day = fields.Date.to_string(clock.today() - datetime.timedelta(days=ACTIVITY_DAYS))
        FollowUp, Lead, Contract = (self.env['crm.follow.up'], self.env['crm.lead'],
                                    self.env['crm.contract'])
        readable = {m._name: m.check_access_rights('read', raise_exception=False)
                    for m in (FollowUp, Lead, Contract)}
        for partner in self:
            if not isinstance(partner.id, int) or not partner.is_company:
                partner.update(dict(self._crm_activity_contacts(False, since),
                                    activity_follow_up_count=0, activity_opportunity_count=0,
                                    activity_contract_count=0, activity_contract_amount=0.0,
                                    activity_level=False))
                continue
            follow_ups = FollowUp.search_count(
                [('partner_id', '=', partner.id), ('date', '>=', since)]) \
                if readable['crm.follow.up'] else 0
            opportunities = Lead.search_count(
                [('partner_id', '=', partner.id), ('type', '=', 'opportunity'),
                 ('create_date', '>=', since)]) if readable['crm.lead'] else 0
            totals = Contract.read_group(
                [('partner_id', '=', partner.id), ('state', 'in', list(EFFECTIVE)),
                 ('sign_date', '>=', since_day)], ['amount_total'], []) \
                if readable['crm.contract'] else []
            contracts = totals[0].get('__count', 0) if totals else 0
            partner.activity_follow_up_count = follow_ups
            partner.activity_opportunity_count = opportunities
            partner.activity_contract_count = contracts
            partner.activity_contract_amount = (totals[0].get('amount_total') or 0.0) \
                if contracts else 0.0
            contacts = self._crm_activity_contacts(partner, since)
            partner.update(contacts)
            partner.activity_level = 'active' if (contracts or opportunities) else (
                'quiet' if follow_ups or any(contacts.values()) else 'inactive')

    def _crm_activity_contacts(self, partner, since):
        """Extension point: the customer's other contacts since ``since`` (UTC) that
        make it at least "quiet", as {field: count} of fields computed by
        ``_compute_lifecycle_activity`` (bridges add visits, service tickets...), read as
        the current user; ``partner`` False: the fields' empty values."""
        return {}

    def _crm_count_readable(self, model, domain):
        """How many records of ``model`` match ``domain`` for the current user (0 when
        she may not read the model at all)."""
        Model = self.env[model]
        if not Model.check_access_rights('read', raise_exception=False):
            return 0
        return Model.search_count(domain)

    def _crm_top_bought(self, partner, group_sql):
        """[(id, amount)] of the top products / categories of ``partner``'s approved
        contract lines the current user may read (``group_sql``: the grouped column)."""
        Line = self.env['crm.contract.line']
        if not Line.check_access_rights('read', raise_exception=False):
            return []
        query = Line._where_calc([('contract_id.partner_id', '=', partner.id),
                                  ('contract_id.state', 'in', list(EFFECTIVE))])
        Line._apply_ir_rules(query, 'read')
        from_clause, where_clause, params = query.get_sql()
        self.env.cr.execute("""
            SELECT {group}, sum("crm_contract_line".subtotal) AS amount
              FROM {frm}
              JOIN product_product pp ON pp.id = "crm_contract_line".product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE {where}
             GROUP BY 1 HAVING {group} IS NOT NULL
             ORDER BY 2 DESC, 1 LIMIT %s""".format(group=group_sql, frm=from_clause,
                                                    where=where_clause), params + [TOP_N])
        return self.env.cr.fetchall()

    def _compute_preferences(self):
        for partner in self:
            if not isinstance(partner.id, int) or not partner.is_company:
                partner.preferred_product_ids = False
                partner.preferred_category_ids = False
                continue
            products = self._crm_top_bought(partner, 'pp.id')
            categories = self._crm_top_bought(partner, 'pt.categ_id')
            partner.preferred_product_ids = [(6, 0, [pid for pid, _a in products])]
            partner.preferred_category_ids = [(6, 0, [cid for cid, _a in categories])]
