# -*- coding: utf-8 -*-
from odoo import api, fields, models

#: the scores, written only by the SQL of crm.score.model
SCORE_FIELDS = ('lead_score', 'lead_grade', 'score_detail', 'win_probability', 'win_detail')


class CrmLeadScore(models.Model):
    """The scores of one lead or opportunity (线索评分, 赢单率预测) in a narrow table of
    their own. ``crm.lead`` delegates to it (``_inherits``): its lists read, filter,
    group and sort these fields through a join, and a full rescore after learning
    rewrites a million of these short rows instead of a million rows of ``crm_lead``
    with its two dozen indexes. Nobody reads or writes this model directly (only the CRM
    administrator may read it): a lead's creation makes its empty row as superuser,
    ``crm.score.model`` fills it by SQL."""
    _name = 'crm.lead.score'
    _description = 'Lead Scores'
    _log_access = False

    lead_score = fields.Integer('Lead Score', readonly=True, copy=False, index=True,
                                group_operator='avg',
                                help='0-100: the average lead scores 50; the rules of the '
                                     'CRM administrator and what converted and invalid '
                                     'leads of the past say add or take off points.')
    lead_grade = fields.Selection([('A', 'A'), ('B', 'B'), ('C', 'C'), ('D', 'D')],
                                  'Lead Grade', readonly=True, copy=False,
                                  help='A: score 80 or more, B: 60-79, C: 40-59, D: below 40.')
    score_detail = fields.Char('Score Detail', readonly=True, copy=False)
    win_probability = fields.Float(
        'Learned Win Probability (%)', digits=(16, 1), readonly=True, copy=False,
        group_operator='avg',
        help='Learned from won and lost opportunities like this one (stage, days in the '
             'stage, amount, source, industry, follow-up frequency, team). The stage\'s '
             'configured rate is the Probability beside it.')
    win_detail = fields.Char('Win Probability Detail', readonly=True, copy=False)

    @api.model
    def _crm_new_row(self):
        """A new lead's empty row (the default of ``crm.lead.score_id``)."""
        return self.sudo().create({}).id

    @api.model
    def _crm_delete_orphans(self):
        """Rows no lead points to (a lead deleted by SQL, a default asked for and never
        used). A row made by a transaction not yet committed is not seen: kept."""
        self.env.cr.execute('DELETE FROM crm_lead_score s WHERE NOT EXISTS '
                            '(SELECT 1 FROM crm_lead l WHERE l.score_id = s.id)')
        return self.env.cr.rowcount

    @api.multi
    def write(self, vals):
        # the ORM "updates" a lead's given row with no values when the lead is created
        if not vals:
            return True
        return super(CrmLeadScore, self).write(vals)
