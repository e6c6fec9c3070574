# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from .crm_score_rule import COMPANY_SIZES

#: what a lead's score depends on (a change rescores it)
LEAD_INPUTS = frozenset(('customer_source_id', 'industry_id', 'region', 'company_size',
                         'contact_name', 'phone', 'mobile', 'email_from', 'wechat',
                         'partner_name', 'type', 'lead_state'))
#: what an opportunity's win probability depends on
WIN_INPUTS = frozenset(('stage_id', 'planned_revenue', 'customer_source_id', 'industry_id',
                        'team_id', 'partner_id', 'type', 'end_status', 'product_line_ids',
                        'discount'))
SCORE_FIELDS = ('lead_score', 'lead_grade', 'score_detail', 'win_probability', 'win_detail')


class CrmLead(models.Model):
    """The lead score (线索评分) and grade of leads, the learned win probability
    (赢单率预测) of opportunities, each with its top reasons. Stored and indexed for
    lists, filters and reports; written only by SQL of ``crm.score.model`` (action-only:
    no client sets them)."""
    _inherit = 'crm.lead'

    company_size = fields.Selection(COMPANY_SIZES, 'Company Size')
    lead_score = fields.Integer('Lead Score', readonly=True, copy=False, index=True,
                                group_operator='avg',
                                help='0-100: the average lead scores 50; the rules of the '
                                     'CRM administrator and what converted and invalid '
                                     'leads of the past say add or take off points.')
    lead_grade = fields.Selection([('A', 'A'), ('B', 'B'), ('C', 'C'), ('D', 'D')],
                                  'Lead Grade', readonly=True, copy=False,
                                  help='A: score 80 or more, B: 60-79, C: 40-59, D: below 40.')
    score_detail = fields.Char('Score Detail', readonly=True, copy=False)
    score_reasons = fields.Text('Why this Score', compute='_compute_score_reasons')
    win_probability = fields.Float(
        'Learned Win Probability (%)', digits=(16, 1), readonly=True, copy=False,
        group_operator='avg',
        help='Learned from won and lost opportunities like this one (stage, days in the '
             'stage, amount, source, industry, follow-up frequency, team). The stage\'s '
             'configured rate is the Probability beside it.')
    win_detail = fields.Char('Win Probability Detail', readonly=True, copy=False)
    win_reasons = fields.Text('Why this Probability', compute='_compute_score_reasons')

    def _crm_action_fields(self):
        return super(CrmLead, self)._crm_action_fields() + SCORE_FIELDS

    # ------------------------------------------------------------------ reasons
    @api.depends('score_detail', 'win_detail')
    def _compute_score_reasons(self):
        Weight = self.env['crm.score.weight']
        parsed = {}
        for lead in self:
            parsed[lead.id] = (self._crm_parse_detail(lead.score_detail),
                               self._crm_parse_detail(lead.win_detail))
        pairs = {(f, k) for a, b in parsed.values() for f, k, _r, _l in a + b}
        labels = Weight._labels(list(pairs))
        names = dict(Weight._fields['feature']._description_selection(self.env))
        win = self.env['crm.score.model'].sudo().search([('kind', '=', 'win')], limit=1)
        rates = {}
        if win.state == 'trained':
            self.env.cr.execute('SELECT feature, key, rate FROM crm_score_weight '
                                'WHERE model_id = %s', (win.id,))
            rates = {(f, k): r for f, k, r in self.env.cr.fetchall()}
        for lead in self:
            lead_parts, win_parts = parsed[lead.id]
            lines = []
            for feature, key, rule, learned in sorted(
                    lead_parts, key=lambda p: -abs(p[2] + int(p[3]))):
                total = rule + int(learned)
                if not total or len(lines) == 3:
                    continue
                lines.append(_('%s: %s %+d (rules %+d, history %+d)') % (
                    names.get(feature, feature), labels[(feature, key)], total, rule,
                    int(learned)))
            lead.score_reasons = '\n'.join(lines) or False
            lines = []
            for feature, key, _rule, learned in sorted(win_parts, key=lambda p: -abs(p[3])):
                if abs(learned) < 0.05 or len(lines) == 3:
                    continue
                lines.append(_('%s %s: %s (history: %.0f%% won)') % (
                    '▲' if learned > 0 else '▼', names.get(feature, feature),
                    labels[(feature, key)], rates.get((feature, key), 0.0)))
            lead.win_reasons = '\n'.join(lines) or False

    @api.model
    def _crm_parse_detail(self, detail):
        """[(feature, key, rule points, learned value)] of a stored detail string."""
        parts = []
        for item in (detail or '').split(';'):
            bits = item.split(':')
            if len(bits) == 4:
                try:
                    parts.append((bits[0], bits[1], int(bits[2]), float(bits[3])))
                except ValueError:
                    continue
        return parts

    # ------------------------------------------------------------------ keeping scores current
    def _crm_rescore(self, lead_ids=None, win_ids=None):
        Model = self.env['crm.score.model']
        if lead_ids:
            Model._crm_rescore_leads(lead_ids)
        if win_ids:
            Model._crm_rescore_win(win_ids)

    @api.model
    def create(self, vals):
        lead = super(CrmLead, self).create(vals)
        ids = [lead.id]
        self._crm_rescore(lead_ids=ids, win_ids=ids)
        return lead

    @api.multi
    def write(self, vals):
        res = super(CrmLead, self).write(vals)
        keys = set(vals)
        self._crm_rescore(lead_ids=self.ids if keys & LEAD_INPUTS else None,
                          win_ids=self.ids if keys & WIN_INPUTS else None)
        return res

    def _crm_follow_up_refresh(self):
        res = super(CrmLead, self)._crm_follow_up_refresh()
        ids = self.exists().ids
        self._crm_rescore(lead_ids=ids, win_ids=ids)
        return res

    def _message_post_after_hook(self, message):
        res = super(CrmLead, self)._message_post_after_hook(message)
        if message.message_type == 'email':       # a reply from the lead
            self._crm_rescore(lead_ids=self.ids)
        return res

    @api.multi
    def action_rescore(self):
        """重新评分: score these leads / opportunities again now (whoever may read them
        and works in the CRM)."""
        self.env.user._crm_check_can_act()
        self.check_access_rights('read')
        self.check_access_rule('read')
        self._crm_rescore(lead_ids=self.ids, win_ids=self.ids)
        return self.env['crm.notify'].done(_('Scored again.'))
