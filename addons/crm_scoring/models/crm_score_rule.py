# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .scoring_sql import COMPLETENESS_MAX, ENGAGEMENT_CAP

RULE_FEATURES = [
    ('source', 'Source'),
    ('industry', 'Industry'),
    ('region', 'Region'),
    ('size', 'Company Size'),
    ('completeness', 'Contact Data Filled In'),
    ('engagement', 'Engagement (follow-ups and replies)'),
]
COMPANY_SIZES = [
    ('micro', '1-19 employees'), ('small', '20-99 employees'),
    ('medium', '100-499 employees'), ('large', '500-1999 employees'),
    ('huge', '2000 employees or more'),
]


class CrmScoreRule(models.Model):
    """A lead scoring rule (线索评分规则), set by the CRM administrator: leads whose
    source, industry, region or size is a given value, or whose contact data or
    engagement reach a count, get ``points`` (negative: taken off). Every change
    rescores the leads at once (one SQL statement for all of them)."""
    _name = 'crm.score.rule'
    _description = 'Lead Scoring Rule'
    _order = 'sequence, id'

    name = fields.Char('Rule', required=True)
    sequence = fields.Integer('Sequence', default=10)
    active = fields.Boolean('Active', default=True)
    feature = fields.Selection(RULE_FEATURES, 'When', required=True, default='source')
    source_id = fields.Many2one('crm.customer.source', 'Source', ondelete='cascade')
    industry_id = fields.Many2one('res.partner.industry', 'Industry', ondelete='cascade')
    region = fields.Selection(
        lambda self: self.env['res.partner']._fields['region']._description_selection(self.env),
        string='Region')
    company_size = fields.Selection(COMPANY_SIZES, 'Company Size')
    min_count = fields.Integer(
        'At Least', default=1,
        help='Contact data: how many of contact name, phone, e-mail, WeChat and company '
             'name are filled in (0-5). Engagement: follow-ups plus e-mails received '
             'from the lead (0-10).')
    points = fields.Integer('Points', required=True, default=10,
                            help='Added to the score of every lead the rule matches '
                                 '(negative: taken off). Between -50 and 50.')

    @api.constrains('feature', 'source_id', 'industry_id', 'region', 'company_size',
                    'min_count', 'points')
    def _check_rule(self):
        needs = {'source': 'source_id', 'industry': 'industry_id', 'region': 'region',
                 'size': 'company_size'}
        for rule in self:
            if not -50 <= rule.points <= 50:
                raise ValidationError(_('Points of a rule are between -50 and 50.'))
            field = needs.get(rule.feature)
            if field and not rule[field]:
                raise ValidationError(_('Rule "%s": choose the %s it applies to.') % (
                    rule.name, self._fields[field].get_description(self.env)['string']))
            top = COMPLETENESS_MAX if rule.feature == 'completeness' else ENGAGEMENT_CAP
            if rule.feature in ('completeness', 'engagement') and \
                    not 0 <= rule.min_count <= top:
                raise ValidationError(_('Rule "%s": "At Least" is between 0 and %d.')
                                      % (rule.name, top))

    def _key(self):
        """The feature key a rule of a value matches (see scoring_sql)."""
        self.ensure_one()
        return {'source': str(self.source_id.id), 'industry': str(self.industry_id.id),
                'region': self.region or '', 'size': self.company_size or ''}[self.feature]

    @api.model
    def _points_table(self):
        """{(feature, key): points} of the active rules: a count rule adds its points to
        every count from its "at least" up."""
        table = {}
        for rule in self.sudo().search([]):
            if rule.feature in ('completeness', 'engagement'):
                top = COMPLETENESS_MAX if rule.feature == 'completeness' else ENGAGEMENT_CAP
                keys = [str(n) for n in range(rule.min_count, top + 1)]
            else:
                keys = [rule._key()]
            for key in keys:
                table[(rule.feature, key)] = table.get((rule.feature, key), 0) + rule.points
        return table

    def _rescore(self):
        self.env['crm.score.model']._crm_rescore_leads()

    @api.model
    def create(self, vals):
        rule = super(CrmScoreRule, self).create(vals)
        self._rescore()
        return rule

    @api.multi
    def write(self, vals):
        res = super(CrmScoreRule, self).write(vals)
        self._rescore()
        return res

    @api.multi
    def unlink(self):
        res = super(CrmScoreRule, self).unlink()
        self._rescore()
        return res
