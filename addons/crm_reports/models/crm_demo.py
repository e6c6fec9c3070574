# -*- coding: utf-8 -*-
import datetime
import random

from odoo import api, fields, models

# one long-standing customer per salesperson, with a contract, its payments and
# follow-ups every month: what makes the report charts show more than a month or two
HISTORY_CUSTOMERS = [
    ('crm_sales.user_sales_east_1', '苏州恒通精密机械有限公司', 'east', 'customer_level_a'),
    ('crm_sales.user_sales_east_2', '宁波海天塑业有限公司', 'east', 'customer_level_b'),
    ('crm_sales.user_sales_east_3', '无锡华光电子科技有限公司', 'east', 'customer_level_c'),
    ('crm_sales.user_sales_south_1', '东莞鸿达五金制品有限公司', 'south', 'customer_level_b'),
    ('crm_sales.user_sales_south_2', '佛山美居家具有限公司', 'south', 'customer_level_a'),
]
FOLLOW_UP_NOTES = ['电话沟通本月订单需求', '上门拜访，了解新产线计划', '微信发送报价单',
                   '邮件确认交货时间', '回访上批设备使用情况', '沟通年度框架合同']
FOLLOW_UP_TYPES = ['call', 'visit', 'wechat', 'email', 'call', 'sms']


class CrmDemo(models.AbstractModel):
    _inherit = 'crm.demo'

    @api.model
    def _generate_report_history(self, months=14):
        """Demo history for the reports: for each of the five demo salespeople a customer
        created ``months`` months ago with, every month since, an approved contract
        (below the first approval tier), its payment plan, one or two approved payments
        (the last months' partly outstanding, some overdue) and a few follow-ups, plus two
        leads a month. Deterministic; dated from the CRM clock's today."""
        rnd = random.Random(11)
        env = self.env(context=dict(self.env.context, lang='zh_CN', tracking_disable=True,
                                    mail_create_nolog=True, mail_notrack=True))
        today = env['crm.clock'].today()
        first = self._month_start(today, -months)
        for xmlid, name, region, level in HISTORY_CUSTOMERS:
            if env['res.partner'].search_count([('name', '=', name)]):
                continue    # demo files run again on each module update
            user = env.ref(xmlid)
            customer = env['res.partner'].sudo(user).create({
                'name': name, 'is_company': True, 'customer': True, 'user_id': user.id,
                'team_id': user.sale_team_id.id, 'region': region,
                'customer_level_id': env.ref('crm_sales.' + level).id,
                'customer_source_id': env.ref('crm_sales.customer_source_exhibition').id})
            self._backdate(customer, first)
            for offset in range(months + 1):     # and this month, up to yesterday
                month = self._month_start(first, offset)
                self._history_month(env, rnd, user, customer, month, today)
        self._history_pool(env, rnd, first, months, today)
        env['crm.report.customer']._refresh_facts()
        return True

    def _history_pool(self, env, rnd, first, months, today):
        """The public pool's history (公海分析): each demo pool customer was claimed and
        released (by hand or by a rule) by the demo salespeople over the months, the last
        entry a release (they are in the pool today). Logged as the pool logs it."""
        Log = env['crm.pool.log']
        users = [env.ref(xmlid) for xmlid, _n, _r, _l in HISTORY_CUSTOMERS]
        rules = env['crm.pool.rule'].search([], order='id')
        partners = env['res.partner'].search([('pool_id', '!=', False), ('user_id', '=', False)],
                                             order='id')
        for partner in partners:
            if Log.search_count([('partner_id', '=', partner.id)]):
                continue
            offset = rnd.randint(0, 2)
            while offset + 2 <= months:
                user = rnd.choice(users)
                claimed = datetime.datetime.combine(
                    self._month_start(first, offset), datetime.time(2)) + datetime.timedelta(
                        days=rnd.randint(0, 20))
                Log._log_bulk('claim', [partner.id], claimed, to_user_id=user.id,
                              pool=partner.pool_id, user_id=user.id)
                released = claimed + datetime.timedelta(days=rnd.randint(15, 35))
                if released.date() >= today:
                    released = datetime.datetime.combine(today, datetime.time(1)) - \
                        datetime.timedelta(days=1)
                rule = rnd.choice(rules) if rules and rnd.random() < 0.5 else None
                Log._log_bulk('auto_release' if rule else 'release', [partner.id], released,
                              from_user_ids=user.id, pool=partner.pool_id, rule=rule,
                              user_id=user.id if not rule else env.ref('base.user_root').id,
                              reason=None if rule else '暂无采购计划')
                offset += rnd.randint(2, 4)

    @staticmethod
    def _month_start(day, offset):
        index = day.year * 12 + day.month - 1 + offset
        return datetime.date(index // 12, index % 12 + 1, 1)

    def _backdate(self, records, day):
        """create_date is the database's time: the reports date customers and leads by it."""
        self.env.cr.execute('UPDATE %s SET create_date = %%s WHERE id IN %%s' % records._table,
                            ('%s 02:00:00' % fields.Date.to_string(day), tuple(records.ids)))
        records.invalidate_cache(['create_date'])

    def _history_deal(self, env, user, customer, month, created, won_on, amount):
        """The month's deal as the funnel follows it: an inquiry (lead) converted on the
        customer with an opportunity, won on the day before the contract is signed."""
        lead = env['crm.lead'].sudo(user).create({
            'name': '%s 采购需求 %s' % (customer.name[:4], month.strftime('%Y-%m')),
            'type': 'lead', 'user_id': user.id, 'team_id': user.sale_team_id.id,
            'contact_name': '采购部', 'planned_revenue': amount})
        result = lead.action_convert(partner_id=customer.id, create_opportunity=True)
        opportunity = env['crm.lead'].browse(result['opportunity_id'])
        opportunity.sudo(user).action_set_end_status('won')
        self._backdate(lead | opportunity, created)
        won_at = '%s 03:00:00' % fields.Date.to_string(max(won_on - datetime.timedelta(days=1),
                                                            created))
        self.env.cr.execute('UPDATE crm_lead SET end_date = %s, converted_at = %s WHERE id IN %s',
                            (won_at, '%s 02:30:00' % fields.Date.to_string(created),
                             (lead.id, opportunity.id)))
        (lead | opportunity).invalidate_cache(['end_date', 'converted_at'])
        return opportunity

    def _history_month(self, env, rnd, user, customer, month, today):
        yesterday = today - datetime.timedelta(days=1)
        day = lambda d: min(month + datetime.timedelta(days=d), yesterday)
        sign = day(rnd.randint(2, 20))
        amount = rnd.randrange(30000, 96000, 1000)
        opportunity = self._history_deal(env, user, customer, month, day(rnd.randint(0, 1)),
                                         sign, amount)
        contract = env['crm.contract'].sudo(user).create({
            'lead_id': opportunity.id,
            'name': '%s 年度供货合同 %s' % (customer.name[:4], month.strftime('%Y-%m')),
            'partner_id': customer.id, 'user_id': user.id, 'team_id': user.sale_team_id.id,
            'sign_date': fields.Date.to_string(sign), 'date_start': fields.Date.to_string(sign),
            'date_end': fields.Date.to_string(sign + datetime.timedelta(days=364)),
            'amount_total': amount})
        contract.action_submit()
        half = amount // 2
        for seq, (share, days) in enumerate(((half, 10), (amount - half, 40)), 1):
            planned = sign + datetime.timedelta(days=days)
            plan = env['crm.receivable.plan'].sudo(user).create({
                'contract_id': contract.id, 'amount': share, 'sequence': seq,
                'date_planned': fields.Date.to_string(planned)})
            # older instalments are paid (a few late), the last months' partly outstanding
            paid_on = planned + datetime.timedelta(days=rnd.choice((0, 2, 5, 12)))
            if paid_on < today - datetime.timedelta(days=45) or (
                    paid_on < today and rnd.random() < 0.5):
                payment = env['crm.receivable'].sudo(user).create({
                    'contract_id': contract.id, 'plan_id': plan.id, 'amount': share,
                    'date': fields.Date.to_string(paid_on)})
                payment.action_submit()
        for _i in range(rnd.randint(2, 4)):
            kind = rnd.randrange(len(FOLLOW_UP_TYPES))
            env['crm.follow.up'].sudo(user).create({
                'partner_id': customer.id, 'follow_up_type': FOLLOW_UP_TYPES[kind],
                'content': FOLLOW_UP_NOTES[kind],
                'date': '%s 02:00:00' % fields.Date.to_string(day(rnd.randint(0, 27)))})
        leads = env['crm.lead']
        for i in range(2):
            leads |= env['crm.lead'].sudo(user).create({
                'name': '%s 询价 %s-%d' % (customer.name[:4], month.strftime('%Y%m'), i + 1),
                'type': 'lead', 'user_id': user.id, 'team_id': user.sale_team_id.id,
                'contact_name': '采购部', 'partner_name': '%s客户%d' % (month.strftime('%m月'), i + 1)})
        self._backdate(leads, day(rnd.randint(0, 27)))
