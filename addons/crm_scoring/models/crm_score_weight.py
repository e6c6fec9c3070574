# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

FEATURES = [
    ('source', 'Source'), ('industry', 'Industry'), ('region', 'Region'),
    ('size', 'Company Size'), ('completeness', 'Contact Data Filled In'),
    ('engagement', 'Engagement (follow-ups and replies)'), ('stage', 'Stage'),
    ('stage_days', 'Days in Stage'), ('amount', 'Amount'),
    ('follow_freq', 'Follow-up Frequency'), ('team', 'Sales Team'),
]


class CrmScoreWeight(models.Model):
    """What the history says about one value of one feature (学习到的权重): how many
    records with it succeeded (a converted lead, a won opportunity) and failed (an
    invalid lead, a lost opportunity), the rate, and the weight it carries. Written by
    training only (``crm.score.model.action_retrain``); everyone with a CRM role reads."""
    _name = 'crm.score.weight'
    _description = 'Learned Scoring Weight'
    _order = 'model_id, feature, weight desc'

    model_id = fields.Many2one('crm.score.model', 'Model', required=True, index=True,
                               ondelete='cascade')
    feature = fields.Selection(FEATURES, 'Feature', required=True, index=True)
    key = fields.Char('Value Key', required=True, index=True)
    value_label = fields.Char('Value', compute='_compute_value_label')
    positive_count = fields.Integer('Succeeded', help='Converted leads / won opportunities.')
    negative_count = fields.Integer('Failed', help='Invalid leads / lost opportunities.')
    rate = fields.Float('Success Rate (%)', digits=(16, 1))
    weight = fields.Float('Weight (log-odds)', digits=(16, 3),
                          help='Above 0: records with this value succeeded more often than '
                               'average; below 0: less often. Each 0.7 is about twice (or '
                               'half) the odds.')
    points = fields.Integer('Learned Points',
                            help='Lead score: points this value adds (10 points per unit '
                                 'of weight, times the feature\'s coefficient).')

    @api.depends('feature', 'key')
    def _compute_value_label(self):
        labels = self._labels([(w.feature, w.key) for w in self])
        for weight in self:
            weight.value_label = labels.get((weight.feature, weight.key), weight.key)

    @api.model
    def _labels(self, pairs):
        """{(feature, key): what a user calls that value}: a source's, industry's,
        stage's or team's name, a region's or size's label, a band in words."""
        env = self.env
        names = {}
        models_of = {'source': 'crm.customer.source', 'industry': 'res.partner.industry',
                     'stage': 'crm.stage', 'team': 'crm.team'}
        for feature, model in models_of.items():
            ids = {int(k) for f, k in pairs if f == feature and k.isdigit()}
            for rec in env[model].sudo().browse(list(ids)).exists():
                names[(feature, str(rec.id))] = rec.display_name
        region = dict(env['res.partner']._fields['region']._description_selection(env))
        size = dict(env['crm.lead']._fields['company_size']._description_selection(env))
        bands = {
            'stage_days': {'0': _('up to 7 days'), '1': _('8-30 days'), '2': _('31-90 days'),
                           '3': _('over 90 days')},
            'amount': {'0': _('no amount'), '1': _('under 50,000'), '2': _('50,000-200,000'),
                       '3': _('200,000-1,000,000'), '4': _('1,000,000 or more')},
            'follow_freq': {'0': _('never followed up'), '1': _('under once a month'),
                            '2': _('1-4 times a month'), '3': _('over 4 times a month')},
        }
        result = {}
        for feature, key in pairs:
            if not key:
                label = _('not filled in')
            elif (feature, key) in names:
                label = names[(feature, key)]
            elif feature == 'region':
                label = region.get(key, key)
            elif feature == 'size':
                label = size.get(key, key)
            elif feature == 'completeness':
                label = _('%s of 5 filled in') % key
            elif feature == 'engagement':
                label = _('%s follow-ups and replies') % key
            else:
                label = bands.get(feature, {}).get(key, key)
            result[(feature, key)] = label
        return result
