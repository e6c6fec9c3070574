# -*- coding: utf-8 -*-
import math
import random

from odoo import api, models

from odoo.addons.crm_sales.grant import grant

SOURCES = ('exhibition', 'referral', 'website', 'advertising', 'cold_call')
INDUSTRIES = ('C', 'J', 'G', 'H')
#: how likely a lead of each source / industry converts, and an open stage wins
SOURCE_RATE = {'exhibition': 0.6, 'referral': 0.75, 'website': 0.4, 'advertising': 0.25,
               'cold_call': 0.15}
INDUSTRY_BONUS = {'C': 0.15, 'J': 0.05, 'G': -0.05, 'H': -0.1}
#: closed opportunities of the demo history, and what besides the stage decides whether
#: one was won (log-odds): its source and its amount, as on a real sales floor where
#: referrals and small orders close more often than cold calls and big projects
HISTORY_OPPORTUNITIES = 240
OPP_SOURCE_EFFECT = {'referral': 1.0, 'exhibition': 0.5, 'website': 0.0,
                     'advertising': -0.6, 'cold_call': -1.1}
AMOUNT_EFFECT = {30000: 0.6, 80000: 0.2, 150000: -0.3, 400000: -0.9}


class CrmDemo(models.AbstractModel):
    _inherit = 'crm.demo'

    @api.model
    def _generate_scoring_history(self):
        """A closed history the scoring models can learn from: 80 leads of the demo
        salespeople, converted or marked invalid depending on source and industry (with
        chance), and 240 opportunities won or lost depending on their stage, source and
        amount (with chance);
        then both models learn and every lead and opportunity is scored."""
        env = self.with_context(lang='zh_CN').env
        ref = env.ref
        rnd = random.Random(26)
        users = [ref('crm_sales.user_sales_east_1'), ref('crm_sales.user_sales_east_2'),
                 ref('crm_sales.user_sales_south_1')]
        Lead = env['crm.lead'].sudo()
        leads = []
        for i in range(80):
            source, industry = rnd.choice(SOURCES), rnd.choice(INDUSTRIES)
            user = users[i % len(users)]
            full = rnd.random() < 0.6
            converted = rnd.random() < SOURCE_RATE[source] + INDUSTRY_BONUS[industry]
            leads.append((Lead.create({
                'name': '历史线索 %02d' % (i + 1), 'type': 'lead',
                'partner_name': '历史客户%02d有限公司' % (i + 1),
                'contact_name': '联系人%02d' % (i + 1), 'mobile': '1390000%04d' % i,
                'email_from': ('contact%02d@example.cn' % i) if full else False,
                'customer_source_id': ref('crm_sales.customer_source_' + source).id,
                'industry_id': ref('base.res_partner_industry_' + industry).id,
                'user_id': user.id, 'team_id': user.sale_team_id.id}), converted))
        for lead, converted in leads:
            if converted:
                grant(lead, 'action_write').write({'lead_state': 'converted'})
            else:
                grant(lead, 'action_write').write({'lead_state': 'invalid',
                                                   'invalid_reason': '无真实需求'})
        quiet = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True,
                                 mail_notrack=True))
        Opportunity = quiet['crm.lead'].sudo()
        lost_reason = ref('crm_sales.lost_reason_price').id
        open_stages = {}
        for i in range(HISTORY_OPPORTUNITIES):
            user = users[i % len(users)]
            source = rnd.choice(SOURCES)
            amount = rnd.choice(sorted(AMOUNT_EFFECT))
            opp = Opportunity.create({
                'name': '历史商机 %03d' % (i + 1), 'type': 'opportunity',
                'partner_name': '历史商机客户%03d' % (i + 1), 'planned_revenue': amount,
                'customer_source_id': ref('crm_sales.customer_source_' + source).id,
                'user_id': user.id, 'team_id': user.sale_team_id.id})
            group = opp.stage_group_id.id
            if group not in open_stages:
                open_stages[group] = quiet['crm.stage'].search([
                    ('stage_group_id', '=', group), ('probability', '<', 100),
                    ('probability', '>', 0)])
            stages = open_stages[group]
            stage = stages[rnd.randrange(len(stages))] if stages else opp.stage_id
            position = (list(stages).index(stage) + 1.0) / max(len(stages), 1)
            opp.write({'stage_id': stage.id})
            logit = -1.6 + 3.0 * position + OPP_SOURCE_EFFECT[source] + AMOUNT_EFFECT[amount]
            if rnd.random() < 1.0 / (1.0 + math.exp(-logit)):
                opp.action_set_end_status('won')
            else:
                opp.action_set_end_status('lost', lost_reason)
        env['crm.score.model']._crm_retrain_all()
        return True
