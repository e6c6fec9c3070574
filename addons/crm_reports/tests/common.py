# -*- coding: utf-8 -*-
"""Common set-up of the report tests. Every expected figure is computed here from the raw
records (contracts, payments, plans, leads, customers, follow-ups, pool log) with the ORM
as the superuser, then filtered by the scope the report's record rules must give: the
reports' SQL is never reused."""
import datetime

from odoo import fields
from odoo.addons.crm_contract.tests.common import ContractCase

EFFECTIVE = ('approved', 'expired')
# the funnel's cohort conversion rates, as README.rst defines them: rate -> (what the
# record went on to, the step whose records (entered in the period) are the base)
COHORT_RATES = {
    'customer_rate': ('customer', '1_lead'),
    'opportunity_rate': ('opportunity', '2_customer'),
    'won_rate': ('won', '3_opportunity'),
    'contract_rate': ('contract', '4_won'),
    'payment_rate': ('payment', '5_contract'),
    'opportunity_lead_rate': ('opportunity', '1_lead'),
    'won_lead_rate': ('won', '1_lead'),
    'contract_lead_rate': ('contract', '1_lead'),
    'payment_lead_rate': ('payment', '1_lead'),
}


class ReportCase(ContractCase):
    """crm_contract's test set-up (demo users lina, wangfang, zhangwei, yanglei,
    sunqiang, executive, team_east, a product; the CRM clock frozen at ``NOW``) in
    Beijing time, with English labels."""

    NOW = '2026-06-10 04:00:00'   # 12:00 in Beijing

    @classmethod
    def setUpClass(cls):
        super(ReportCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang='en_US', tz='Asia/Shanghai'))
        cls.team_south = cls.env.ref('crm_sales.team_south')

    # ------------------------------------------------------------------ clock and data
    @classmethod
    def set_now(cls, value):
        cls.env['ir.config_parameter'].sudo().set_param('crm_sales.clock_now', value)

    @classmethod
    def make_customer(cls, name, user, **kw):
        vals = dict(name=name, is_company=True, customer=True, user_id=user.id,
                    team_id=user.sale_team_id.id)
        vals.update(kw)
        return cls.env['res.partner'].sudo(user).create(vals)

    @classmethod
    def set_create_date(cls, records, value):
        """Records created in the past (create_date is the database's time, not the CRM
        clock's)."""
        cls.env.cr.execute('UPDATE %s SET create_date = %%s WHERE id IN %%s' % records._table,
                           (value, tuple(records.ids)))
        records.invalidate_cache(['create_date'])

    @classmethod
    def approved_contract(cls, customer, amount, sign_date, user=None, lines=None, lead=None):
        """A contract below the first approval tier (approved on submit), signed on the
        opportunity ``lead`` if given."""
        user = user or customer.user_id
        vals = dict(name='报表测试合同 %s' % sign_date, partner_id=customer.id, user_id=user.id,
                    team_id=user.sale_team_id.id, sign_date=sign_date, date_start=sign_date,
                    date_end='2029-12-31', lead_id=lead and lead.id)
        if lines:
            vals['line_ids'] = [(0, 0, dict(product_id=cls.product.id, list_price=price,
                                            price_unit=price, quantity=qty))
                                for price, qty in lines]
        else:
            vals['amount_total'] = amount
        contract = cls.env['crm.contract'].sudo(user).create(vals)
        contract.action_submit()
        assert contract.state == 'approved', contract.state
        return contract

    @classmethod
    def plan(cls, contract, amount, date_planned, sequence=1):
        return cls.env['crm.receivable.plan'].sudo(contract.user_id).create({
            'contract_id': contract.id, 'amount': amount, 'date_planned': date_planned,
            'sequence': sequence})

    @classmethod
    def payment(cls, contract, amount, date, plan=None):
        pay = cls.env['crm.receivable'].sudo(contract.user_id).create({
            'contract_id': contract.id, 'plan_id': plan and plan.id, 'amount': amount,
            'date': date})
        pay.action_submit()
        assert pay.state == 'approved', pay.state
        return pay

    # ------------------------------------------------------------------ funnel
    def raw_funnel_rows(self, user, date_from=None, date_to=None):
        """[(step, user id, team id, 'YYYY-MM', record, {later step reached: bool})] of
        every funnel record ``user`` may see, dated when it entered its step, between two
        dates; what each went on to, whenever: a lead converted to a customer, to an
        opportunity, that opportunity won, signed (an effective contract on it), paid (an
        approved payment of that contract); a customer with an opportunity; an
        opportunity won; a won one signed; a contract paid."""
        env, visible = self.env, self.scope_filter(user)
        created = lambda rec: self.local_date(rec.create_date)
        signed = lambda opp: opp.contract_ids.filtered(lambda c: c.state in EFFECTIVE)
        paid = lambda contracts: bool(env['crm.receivable'].search_count(
            [('contract_id', 'in', contracts.ids), ('state', '=', 'approved')]))

        def opportunity_chain(opp):
            won = bool(opp) and opp.active and opp.end_status == 'won'
            contracts = signed(opp) if won else env['crm.contract']
            return {'opportunity': bool(opp) and opp.active, 'won': won,
                    'contract': bool(contracts), 'payment': bool(contracts) and paid(contracts)}

        def lead_flags(lead):
            flags = opportunity_chain(lead.converted_opportunity_id)
            flags['customer'] = bool(lead.converted_partner_id)
            return flags

        def customer_flags(partner):
            return {'opportunity': bool(env['crm.lead'].search_count([
                ('type', '=', 'opportunity'), ('partner_id.commercial_partner_id', '=', partner.id)]))}
        sources = [
            ('1_lead', env['crm.lead'].search([('type', '=', 'lead')]), created, lead_flags),
            ('2_customer', env['res.partner'].search([('is_crm_customer', '=', True)]), created,
             customer_flags),
            ('3_opportunity', env['crm.lead'].search([('type', '=', 'opportunity')]), created,
             lambda o: {'won': o.end_status == 'won'}),
            ('4_won', env['crm.lead'].search([('type', '=', 'opportunity'),
                                              ('end_status', '=', 'won')]),
             lambda rec: self.local_date(rec.end_date or rec.write_date),
             lambda o: {'contract': bool(signed(o))}),
            ('5_contract', env['crm.contract'].search([('state', 'in', EFFECTIVE)]),
             lambda rec: self.date(rec.sign_date) if rec.sign_date else created(rec),
             lambda c: {'payment': paid(c)}),
            ('6_payment', env['crm.receivable'].search([('state', '=', 'approved')]),
             lambda rec: self.date(rec.date), lambda r: {}),
        ]
        result = []
        for step, records, date_of, flags_of in sources:
            for rec in records.filtered(visible):
                day = date_of(rec)
                if (date_from and day < self.date(date_from)) or (date_to and day > self.date(date_to)):
                    continue
                result.append((step, rec.user_id.id, rec.team_id.id, day.strftime('%Y-%m'), rec,
                               flags_of(rec)))
        return result

    @staticmethod
    def cohort_rates(rows):
        """{rate: 100 * reached / base or False} of raw_funnel_rows."""
        result = {}
        for rate, (reached, base_step) in COHORT_RATES.items():
            base = [flags for step, _u, _t, _p, _r, flags in rows if step == base_step]
            hits = len([flags for flags in base if flags.get(reached)])
            result[rate] = (100.0 * hits / len(base)) if base else False
        return result

    # ------------------------------------------------------------------ scope
    def scope_filter(self, user, owner_field='user_id', team_field='team_id', extra_owner=None):
        """Python predicate: may ``user`` see a raw record in the reports? (own / teams led /
        everything, as the report rules)."""
        level = user._crm_scope_level()
        led = set(user.crm_led_team_ids.ids)

        def visible(rec):
            if level in ('all', 'read_all'):
                return True
            owners = [rec[owner_field].id]
            if extra_owner:
                owners.append(rec[extra_owner].id)
            if user.id in owners:
                return True
            return bool(led) and rec[team_field].id in led
        return visible

    @staticmethod
    def local_date(value):
        """Beijing date of a UTC datetime string/object (what the reports count)."""
        moment = fields.Datetime.from_string(value) if isinstance(value, str) else value
        return (moment + datetime.timedelta(hours=8)).date()

    @staticmethod
    def date(value):
        return fields.Date.from_string(value) if isinstance(value, str) else value
