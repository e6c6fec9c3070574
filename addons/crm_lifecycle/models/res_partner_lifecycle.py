# -*- coding: utf-8 -*-
from odoo import api, fields, models

# Contracts that count as orders: approved ones, expired ones, and earlier versions of
# a changed contract (a contract and its versions are one order: grouped by root).
ORDER_STATES = ('approved', 'expired', 'superseded')
LIFECYCLE_TZ = 'Asia/Shanghai'

STAGES = [
    ('lead', 'Lead'),
    ('customer', 'Customer'),
    ('opportunity', 'Opportunity'),
    ('deal', 'Deal'),
    ('repurchase', 'Repurchase'),
    ('lost', 'Churned'),
]

#: lifecycle fields only the refresh and the churn actions write
LIFECYCLE_FIELDS = (
    'lifecycle_stage', 'lifecycle_lead_date', 'lifecycle_opportunity_date',
    'lifecycle_repurchase_date', 'lifecycle_order_count', 'last_order_date',
    'churned_date', 'churn_reason_id', 'churn_deferred_until',
)


def local_date_sql(column):
    """SQL: the Beijing date of a UTC datetime column."""
    return "((%s AT TIME ZONE 'UTC') AT TIME ZONE '%s')::date" % (column, LIFECYCLE_TZ)


class ResPartner(models.Model):
    """Lifecycle stage and dates of a customer (线索 → 客户 → 商机 → 成交 → 复购, 流失),
    stored and kept current by ``_crm_lifecycle_refresh()`` (one SQL update for any
    number of customers) whenever a lead, opportunity, contract or the customer's
    status changes, and nightly for all."""
    _inherit = 'res.partner'

    lifecycle_stage = fields.Selection(
        STAGES, 'Lifecycle Stage', readonly=True, index=True, copy=False, default='lead',
        help='Lead: nobody has worked on the customer yet. Customer: followed up, no '
             'opportunity yet. Opportunity: an opportunity was opened, no deal yet. Deal: '
             'a first deal. Repurchase: a second approved contract. Churned: the sales '
             'manager confirmed the customer lost.')
    lifecycle_lead_date = fields.Date(
        'Lead Date', readonly=True, copy=False, default=False,
        help='When the customer first came in: its first lead, else its creation.')
    lifecycle_opportunity_date = fields.Date('First Opportunity', readonly=True, copy=False,
                                                 default=False)
    lifecycle_repurchase_date = fields.Date(
        'Repurchase Date', readonly=True, copy=False, default=False,
        help='The sign date of the second approved contract.')
    lifecycle_order_count = fields.Integer(
        'Approved Contracts', readonly=True, copy=False, default=0,
        help='Approved or expired contracts (a changed contract counts once).')
    last_order_date = fields.Date(
        'Last Order', readonly=True, copy=False, index=True, default=False,
        help='The sign date of the latest approved contract (else of the first deal).')
    churned_date = fields.Date('Churned On', readonly=True, copy=False, default=False)
    churn_reason_id = fields.Many2one('crm.churn.reason', 'Churn Reason', readonly=True,
                                      copy=False, ondelete='restrict', default=False)
    churn_deferred_until = fields.Date(
        'Churn Check Deferred Until', readonly=True, copy=False, default=False,
        help='Churn deferred: the customer leaves the churn warnings until this date.')
    churn_record_ids = fields.One2many('crm.churn.record', 'partner_id', 'Churn History')

    def _crm_action_fields(self):
        return super(ResPartner, self)._crm_action_fields() + LIFECYCLE_FIELDS

    @api.model_cr
    def init(self):
        super(ResPartner, self).init()
        # the lookups of a refresh limited to a few customers
        cr = self.env.cr
        cr.execute("CREATE INDEX IF NOT EXISTS crm_lifecycle_lead_partner_idx ON crm_lead "
                   "(COALESCE(converted_partner_id, partner_id)) WHERE type = 'lead'")
        cr.execute("CREATE INDEX IF NOT EXISTS crm_lifecycle_opportunity_partner_idx ON "
                   "crm_lead (partner_id) WHERE type = 'opportunity'")
        # the churn warnings read the deal customers with an owner
        cr.execute("CREATE INDEX IF NOT EXISTS crm_lifecycle_churn_owner_idx ON res_partner "
                   "(crm_owner_id, last_order_date) WHERE is_crm_customer AND is_deal "
                   "AND active")

    # ------------------------------------------------------------------ refresh
    @api.model
    def _crm_lifecycle_refresh(self, partner_ids=None):
        """Recompute the lifecycle fields of the customers ``partner_ids`` (all CRM
        customers when None) in one UPDATE: orders (approved contracts, versions of one
        contract counted once), last order, repurchase, lead and opportunity dates, and
        the stage. No ORM write: nothing is tracked and no rule applies (derived data)."""
        if partner_ids is not None:
            partner_ids = tuple(i for i in partner_ids if isinstance(i, int))
            if not partner_ids:
                return
        where = 'AND id IN %s' if partner_ids is not None else ''
        params = [partner_ids] if partner_ids is not None else []
        contract_date = 'COALESCE(c.sign_date, %s)' % local_date_sql('c.create_date')
        self.env.cr.execute("""
            WITH target AS (SELECT id FROM res_partner WHERE is_crm_customer {where}),
            c AS (SELECT c.partner_id, min({contract_date}) AS d
                    FROM crm_contract c JOIN target t ON t.id = c.partner_id
                   WHERE c.state IN %s
                   GROUP BY c.partner_id, COALESCE(c.root_id, c.id)),
            ca AS (SELECT partner_id, count(*) AS n, max(d) AS last_d,
                          (array_agg(d ORDER BY d))[2] AS second_d
                     FROM c GROUP BY partner_id),
            l AS (SELECT COALESCE(l.converted_partner_id, l.partner_id) AS pid,
                         min(l.create_date) AS d
                    FROM crm_lead l JOIN target t
                      ON t.id = COALESCE(l.converted_partner_id, l.partner_id)
                   WHERE l.type = 'lead' GROUP BY 1),
            o AS (SELECT l.partner_id AS pid, min(l.create_date) AS d
                    FROM crm_lead l JOIN target t ON t.id = l.partner_id
                   WHERE l.type = 'opportunity' GROUP BY 1),
            n AS (SELECT p.id, COALESCE(ca.n, 0) AS order_count,
                         COALESCE(ca.last_d, p.first_deal_date) AS last_order,
                         ca.second_d AS repurchase,
                         LEAST({lead_date}, {created}) AS lead_date,
                         {opp_date} AS opp_date,
                         CASE WHEN p.customer_status = 'lost' THEN 'lost'
                              WHEN COALESCE(ca.n, 0) >= 2 THEN 'repurchase'
                              WHEN p.is_deal OR COALESCE(ca.n, 0) = 1 THEN 'deal'
                              WHEN o.pid IS NOT NULL THEN 'opportunity'
                              WHEN COALESCE(p.customer_status, 'new') != 'new'
                                   OR p.last_follow_up_at IS NOT NULL THEN 'customer'
                              ELSE 'lead' END AS stage
                    FROM target JOIN res_partner p ON p.id = target.id
                    LEFT JOIN ca ON ca.partner_id = target.id
                    LEFT JOIN l ON l.pid = target.id
                    LEFT JOIN o ON o.pid = target.id)
            UPDATE res_partner p SET
                   lifecycle_order_count = n.order_count, last_order_date = n.last_order,
                   lifecycle_repurchase_date = n.repurchase, lifecycle_lead_date = n.lead_date,
                   lifecycle_opportunity_date = n.opp_date, lifecycle_stage = n.stage
              FROM n
             WHERE p.id = n.id
               AND (p.lifecycle_order_count, p.last_order_date, p.lifecycle_repurchase_date,
                    p.lifecycle_lead_date, p.lifecycle_opportunity_date, p.lifecycle_stage)
                   IS DISTINCT FROM (n.order_count, n.last_order, n.repurchase, n.lead_date,
                                     n.opp_date, n.stage)
        """.format(where=where, contract_date=contract_date,
                   lead_date=local_date_sql('l.d'), created=local_date_sql('p.create_date'),
                   opp_date=local_date_sql('o.d')), params + [ORDER_STATES])
        fnames = ['lifecycle_order_count', 'last_order_date', 'lifecycle_repurchase_date',
                  'lifecycle_lead_date', 'lifecycle_opportunity_date', 'lifecycle_stage']
        self.invalidate_cache(fnames, list(partner_ids) if partner_ids is not None else None)
        self.env['crm.churn.warning'].invalidate_cache()

    @api.model
    def _cron_lifecycle_refresh(self):
        """Nightly: every customer (what changed without the ORM, such as SQL imports)."""
        self._crm_lifecycle_refresh()
        return True

    # ------------------------------------------------------------------ triggers
    @api.model
    def create(self, vals):
        partner = super(ResPartner, self).create(vals)
        if partner.is_crm_customer:
            self._crm_lifecycle_refresh(partner.ids)
        return partner

    @api.model
    def _crm_created_in_batch(self, records):
        res = super(ResPartner, self)._crm_created_in_batch(records)
        self._crm_lifecycle_refresh(records.ids)
        return res

    @api.multi
    def write(self, vals):
        res = super(ResPartner, self).write(vals)
        if {'customer_status', 'is_deal', 'first_deal_date', 'is_company',
                'customer'} & set(vals):
            self._crm_lifecycle_refresh(self.ids)
        return res
