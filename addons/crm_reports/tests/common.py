# -*- coding: utf-8 -*-
"""Common set-up of the report tests. Every expected figure is computed here from the raw
records (contracts, payments, plans, leads, customers, follow-ups, pool log) with the ORM
as the superuser, then filtered by the scope the report's record rules must give: the
reports' SQL is never reused."""
import datetime

from odoo import fields
from odoo.addons.crm_contract.tests.common import ContractCase

EFFECTIVE = ('approved', 'expired')


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
    def approved_contract(cls, customer, amount, sign_date, user=None, lines=None):
        """A contract below the first approval tier (approved on submit)."""
        user = user or customer.user_id
        vals = dict(name='报表测试合同 %s' % sign_date, partner_id=customer.id, user_id=user.id,
                    team_id=user.sale_team_id.id, sign_date=sign_date, date_start=sign_date,
                    date_end='2029-12-31')
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
