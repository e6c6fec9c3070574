# -*- coding: utf-8 -*-
import json
import math

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from . import scoring_math
from .scoring_sql import (LEAD_FEATURES, WIN_FEATURES, lead_features_sql, lookup_join,
                          values_table, win_features_sql)

#: at least this many successes and as many failures before anything is learned
MIN_HISTORY = 5
#: lead score: the average lead, points per unit of learned log-odds, cap per feature
BASE_SCORE = 50
POINTS_PER_LOG_ODDS = 10.0
LEARNED_CAP = 25
#: grade thresholds (score at least): A, B, C; below: D
GRADES = (('A', 80), ('B', 60), ('C', 40))
GRADE_SQL = ("CASE WHEN {s} >= 80 THEN 'A' WHEN {s} >= 60 THEN 'B' "
             "WHEN {s} >= 40 THEN 'C' ELSE 'D' END")
NEWTON_STEPS = 25
#: win probability: before this many won + lost opportunities, the stage's rate alone
#: (the demo's ~320: learned from one half, the other half is ranked and calibrated
#: better than by the stages' rates; from 50 it was too)
MIN_WIN_HISTORY = 100
#: then how many closed opportunities the stage's configured rate is worth: the learned
#: probability is blended with it, p = (n * learned + k * stage) / (n + k), n the closed
#: opportunities learned from (n = 200: half each; 2,000: 91 % learned; 20,000: 99 %)
PRIOR_STRENGTH = 200


class CrmScoreModel(models.Model):
    """The two learned models (评分模型): ``lead`` (what converted and invalid leads say
    about each source, industry, region, size, contact data and engagement) and ``win``
    (what won and lost opportunities say about stage, days in stage, amount, source,
    industry, follow-up frequency and team). Training (daily cron, or 重新学习并评分)
    counts each value's successes and failures in SQL, turns them into smoothed
    log-odds (``crm.score.weight``), then fits one coefficient per feature (logistic
    regression by Newton's method, its sums computed in SQL) so that the probabilities
    are calibrated. Scoring a million leads is one UPDATE."""
    _name = 'crm.score.model'
    _description = 'Scoring Model'
    _order = 'kind'

    kind = fields.Selection([('lead', 'Lead Score'), ('win', 'Win Probability')], 'Model',
                            required=True, readonly=True)
    state = fields.Selection([('untrained', 'Not Enough History'), ('trained', 'Trained')],
                             'Status', default='untrained', readonly=True)
    trained_at = fields.Datetime('Trained On', readonly=True)
    positive_count = fields.Integer('Succeeded in the History', readonly=True,
                                    help='Converted leads / won opportunities.')
    negative_count = fields.Integer('Failed in the History', readonly=True,
                                    help='Invalid leads / lost opportunities.')
    base_rate = fields.Float('Average Success Rate (%)', digits=(16, 1), readonly=True)
    intercept = fields.Float('Intercept', digits=(16, 4), readonly=True)
    coefficients = fields.Text('Coefficients', readonly=True,
                               help='Per feature, how much of its learned weight counts '
                                    '(1: all of it; fitted on the history).')
    history_auc = fields.Float(
        'AUC on the History', digits=(16, 3), readonly=True,
        help='How well the model ranks the history it learned from: the chance that a '
             'success scores above a failure (0.5: no better than chance, 1: perfect).')
    history_brier = fields.Float(
        'Brier Score on the History', digits=(16, 4), readonly=True,
        help='Win probability: mean squared error of the probabilities against what '
             'happened (lower is better; 0.25 is a coin toss).')
    stage_brier = fields.Float(
        'Brier Score of the Stage Rates', digits=(16, 4), readonly=True,
        help='The same error for the stages\' configured win rates, for comparison.')
    weight_ids = fields.One2many('crm.score.weight', 'model_id', 'Learned Weights',
                                 readonly=True)

    _sql_constraints = [('kind_unique', 'unique(kind)', 'One model of each kind.')]

    @api.multi
    def name_get(self):
        labels = dict(self._fields['kind']._description_selection(self.env))
        return [(m.id, labels.get(m.kind, m.kind)) for m in self]

    @api.model
    def _crm_get(self, kind):
        model = self.sudo().search([('kind', '=', kind)], limit=1)
        return model or self.sudo().create({'kind': kind})

    def _features(self):
        return LEAD_FEATURES if self.kind == 'lead' else WIN_FEATURES

    def _features_sql(self, where='', with_ids=False):
        return (lead_features_sql if self.kind == 'lead' else win_features_sql)(
            where=where, with_ids=with_ids)

    # ------------------------------------------------------------------ training
    @api.multi
    def _crm_train(self, where=''):
        """Learn from the closed history (``where``: an SQL condition on alias l / o
        picking part of it; the benchmark trains on one part and tests on the other).
        Returns the model."""
        self.ensure_one()
        model = self.sudo()
        cr = self.env.cr
        features = model._features()
        cr.execute('DROP TABLE IF EXISTS crm_score_train_tmp')
        cr.execute('CREATE TEMP TABLE crm_score_train_tmp AS SELECT * FROM (%s) q '
                   'WHERE y IS NOT NULL' % model._features_sql(where),
                   {'now': self.env['crm.clock'].now_str()})
        cr.execute('SELECT COALESCE(sum(y), 0), count(*) - COALESCE(sum(y), 0) '
                   'FROM crm_score_train_tmp')
        positives, negatives = cr.fetchone()
        cr.execute('DELETE FROM crm_score_weight WHERE model_id = %s', (model.id,))
        vals = {'trained_at': fields.Datetime.to_string(self.env['crm.clock'].now()),
                'positive_count': positives, 'negative_count': negatives,
                'base_rate': 100.0 * positives / max(positives + negatives, 1),
                'intercept': 0.0, 'coefficients': False, 'history_auc': 0.0,
                'history_brier': 0.0, 'stage_brier': 0.0}
        if positives < MIN_HISTORY or negatives < MIN_HISTORY or (
                model.kind == 'win' and positives + negatives < MIN_WIN_HISTORY):
            vals['state'] = 'untrained'
        else:
            vals.update(model._crm_fit(features, positives, negatives), state='trained')
        cr.execute('DROP TABLE IF EXISTS crm_score_train_tmp')
        model.write(vals)
        model.invalidate_cache()
        return model

    def _crm_fit(self, features, positives, negatives):
        cr = self.env.cr
        base = float(positives) / (positives + negatives)
        rows = []
        for feature in features:
            cr.execute('SELECT %s, COALESCE(sum(y), 0), count(*) - COALESCE(sum(y), 0) '
                       'FROM crm_score_train_tmp GROUP BY 1' % feature)
            for key, pos, neg in cr.fetchall():
                rows.append((feature, key, pos, neg, 100.0 * pos / (pos + neg),
                             scoring_math.log_odds_weight(pos, neg, base)))
        cr.execute("""
            INSERT INTO crm_score_weight (model_id, feature, key, positive_count,
                                          negative_count, rate, weight, points,
                                          create_uid, write_uid, create_date, write_date)
            SELECT %s, f, k, p, n, r, w, 0, %s, %s, now() AT TIME ZONE 'UTC',
                   now() AT TIME ZONE 'UTC'
              FROM unnest(%s::text[], %s::text[], %s::int[], %s::int[], %s::float[],
                          %s::float[]) AS t(f, k, p, n, r, w)""",
                   [self.id, self.env.uid, self.env.uid] + [list(c) for c in zip(*rows)])
        # the distinct combinations of weights and their outcomes: what Newton sums over
        # (win: with the stage rate, which the learned probability is blended with)
        stage_rate = self.kind == 'win'
        cr.execute('DROP TABLE IF EXISTS crm_score_x_tmp')
        cr.execute("""
            CREATE TEMP TABLE crm_score_x_tmp AS
            SELECT {xs}, {sr} AS stage_rate, sum(t.y) AS pos, count(*) AS n
              FROM crm_score_train_tmp t {joins}
             GROUP BY {cols}""".format(
            xs=', '.join('COALESCE(w%d.weight, 0) AS x%d' % (i, i) for i in range(len(features))),
            sr='t.stage_rate' if stage_rate else '0.0',
            joins=' '.join("LEFT JOIN crm_score_weight w{i} ON w{i}.model_id = {m} AND "
                           "w{i}.feature = '{f}' AND w{i}.key = t.{f}".format(
                               i=i, f=f, m=int(self.id)) for i, f in enumerate(features)),
            cols=', '.join(str(i + 1) for i in range(len(features) + 1))))
        beta = [math.log(base / (1 - base))] + [1.0] * len(features)
        for _step in range(NEWTON_STEPS):
            gradient, hessian = self._crm_newton_sums(beta)
            beta, change = scoring_math.newton_step(beta, gradient, hessian)
            if change < 1e-6:
                break
        coefficients = dict(zip(features, beta[1:]))
        if self.kind == 'lead':
            cr.execute("""
                UPDATE crm_score_weight w SET points = GREATEST(-%s, LEAST(%s,
                       round(%s * w.weight * c.beta)))
                  FROM unnest(%s::text[], %s::float[]) AS c(feature, beta)
                 WHERE w.model_id = %s AND w.feature = c.feature""",
                       (LEARNED_CAP, LEARNED_CAP, POINTS_PER_LOG_ODDS,
                        list(coefficients), list(coefficients.values()), self.id))
        # how well it ranks (and, for the win model, predicts) its own history
        lin = ' + '.join(['%r' % beta[0]] + ['%r * x%d' % (b, i) for i, b in enumerate(beta[1:])])
        cr.execute('SELECT %s, stage_rate, pos, n - pos FROM crm_score_x_tmp' % lin)
        rows = cr.fetchall()
        if stage_rate:      # what is shown: the blend with the stage rate
            blend = lambda s, r: scoring_math.shrink(scoring_math.sigmoid(s), float(r),
                                                     positives + negatives, PRIOR_STRENGTH)
        else:
            blend = lambda s, r: scoring_math.sigmoid(s)
        scored = [(blend(s, r), p, q) for s, r, p, q in rows]
        vals = {'intercept': beta[0], 'coefficients': json.dumps(coefficients, sort_keys=True),
                'history_auc': scoring_math.auc(scored) or 0.0}
        if stage_rate:
            vals['history_brier'] = scoring_math.brier(scored)
            vals['stage_brier'] = scoring_math.brier([(float(r), p, q) for _s, r, p, q in rows])
        cr.execute('DROP TABLE IF EXISTS crm_score_x_tmp')
        return vals

    def _crm_newton_sums(self, beta):
        """The gradient and Hessian of the log-likelihood at ``beta``, summed in SQL
        over the combinations table (c0 = 1 for the intercept)."""
        k = len(beta)
        cols = ['1'] + ['x%d' % i for i in range(k - 1)]
        lin = ' + '.join(['%r' % beta[0]] + ['%r * x%d' % (b, i) for i, b in enumerate(beta[1:])])
        sums = ['sum(r * %s)' % c for c in cols]
        pairs = [(i, j) for i in range(k) for j in range(i, k)]
        sums += ['sum(w * %s * %s)' % (cols[i], cols[j]) for i, j in pairs]
        self.env.cr.execute("""
            SELECT {sums} FROM (
                SELECT *, pos - n * p AS r, n * p * (1 - p) AS w
                  FROM (SELECT *, 1.0 / (1.0 + exp(-LEAST(30, GREATEST(-30, {lin})))) AS p
                          FROM crm_score_x_tmp) a) b""".format(sums=', '.join(sums), lin=lin))
        row = [float(v or 0.0) for v in self.env.cr.fetchone()]
        gradient = row[:k]
        hessian = [[0.0] * k for _i in range(k)]
        for (i, j), value in zip(pairs, row[k:]):
            hessian[i][j] = hessian[j][i] = value
        return gradient, hessian

    # ------------------------------------------------------------------ scoring
    def _crm_lookup(self):
        """Rows (feature, key, rule points, learned value) of the CTE pts: for the lead
        model the rules' points and the learned points, for the win model the learned
        log-odds times the feature's coefficient."""
        self.ensure_one()
        cr = self.env.cr
        table = {}
        if self.kind == 'lead':
            for (feature, key), points in self.env['crm.score.rule']._points_table().items():
                table[(feature, key)] = [points, 0.0]
        if self.state == 'trained':
            coefficients = json.loads(self.coefficients or '{}')
            cr.execute('SELECT feature, key, weight, points FROM crm_score_weight '
                       'WHERE model_id = %s', (self.id,))
            for feature, key, weight, points in cr.fetchall():
                learned = points if self.kind == 'lead' else \
                    weight * coefficients.get(feature, 1.0)
                table.setdefault((feature, key), [0, 0.0])[1] = learned
        return [(f, k, r, l) for (f, k), (r, l) in table.items()]

    @api.multi
    def _crm_scores_sql(self, where='', with_ids=False):
        """(SQL, params) selecting id, y, score (lead: 0-100; win: probability 0-1),
        detail, and (win) stage_rate for the leads / opportunities."""
        self.ensure_one()
        model = self.sudo()
        features = model._features()
        pts_sql, params = values_table(model._crm_lookup())
        params['now'] = self.env['crm.clock'].now_str()
        detail = "concat_ws(';', %s)" % ', '.join(
            "'{f}:' || f.{f} || ':' || COALESCE(k{i}.rule, 0) || ':' || "
            "round(COALESCE(k{i}.learned, 0)::numeric, 3)".format(i=i, f=f)
            for i, f in enumerate(features))
        if model.kind == 'lead':
            total = ' + '.join('COALESCE(k%d.rule, 0) + COALESCE(k%d.learned, 0)::int' % (i, i)
                               for i in range(len(features)))
            score = 'LEAST(100, GREATEST(0, %d + %s))' % (BASE_SCORE, total)
            extra = ''
        else:
            if model.state == 'trained':
                total = ' + '.join(['%r' % model.intercept] + [
                    'COALESCE(k%d.learned, 0)' % i for i in range(len(features))])
                # shrunk towards the stage's rate by the size of the history
                n = model.positive_count + model.negative_count
                score = ('(%d / (1.0 + exp(-LEAST(30, GREATEST(-30, %s)))) + %d * f.stage_rate)'
                         ' / %d.0' % (n, total, PRIOR_STRENGTH, n + PRIOR_STRENGTH))
            else:    # no history yet: the stage's configured rate
                score, detail = 'f.stage_rate', "''"
            extra = ', f.stage_rate'
        sql = """
            WITH {pts}, f AS ({features})
            SELECT f.id, f.score_id, f.y, {score} AS score, {detail} AS detail{extra}
              FROM f {joins}""".format(pts=pts_sql, features=model._features_sql(where, with_ids),
                                       score=score, detail=detail, extra=extra,
                                       joins=lookup_join(features))
        return sql, params

    @api.model
    def _crm_rescore_leads(self, ids=None):
        """Score the leads ``ids`` (all leads when None) with one UPDATE; rows whose
        score did not change are not written. Returns the number of rows written."""
        model = self._crm_get('lead')
        if ids is not None and not ids:
            return 0
        sql, params = model._crm_scores_sql(with_ids=ids is not None)
        params['ids'] = list(ids or [])
        self.env.cr.execute("""
            UPDATE crm_lead_score k SET lead_score = s.score, lead_grade = {grade},
                   score_detail = s.detail
              FROM ({sql}) s
             WHERE k.id = s.score_id AND (k.lead_score IS DISTINCT FROM s.score
                                          OR k.score_detail IS DISTINCT FROM s.detail)
        """.format(sql=sql, grade=GRADE_SQL.format(s='s.score')), params)
        count = self.env.cr.rowcount
        self._crm_forget_scores(['lead_score', 'lead_grade', 'score_detail'], ids)
        return count

    @api.model
    def _crm_rescore_win(self, ids=None):
        """The learned win probability (%) of the open opportunities ``ids`` (all when
        None), with one UPDATE; a won opportunity has 100, a lost or invalid one 0."""
        model = self._crm_get('win')
        if ids is not None and not ids:
            return 0
        cr = self.env.cr
        sql, params = model._crm_scores_sql(where='o.end_status IS NULL',
                                            with_ids=ids is not None)
        params['ids'] = list(ids or [])
        cr.execute("""
            UPDATE crm_lead_score k SET win_probability = round((100 * s.score)::numeric, 1),
                   win_detail = s.detail
              FROM ({sql}) s
             WHERE k.id = s.score_id AND (k.win_probability IS DISTINCT FROM
                                          round((100 * s.score)::numeric, 1)
                                          OR k.win_detail IS DISTINCT FROM s.detail)
        """.format(sql=sql), params)
        count = cr.rowcount
        cr.execute("""
            UPDATE crm_lead_score k
               SET win_probability = CASE o.end_status WHEN 'won' THEN 100 ELSE 0 END,
                   win_detail = NULL
              FROM crm_lead o
             WHERE k.id = o.score_id AND o.type = 'opportunity' AND o.end_status IS NOT NULL
               {ids}
               AND (k.win_detail IS NOT NULL OR k.win_probability IS DISTINCT FROM
                    CASE o.end_status WHEN 'won' THEN 100 ELSE 0 END)""".format(
            ids='AND o.id = ANY(%(ids)s)' if ids is not None else ''), params)
        count += cr.rowcount
        self._crm_forget_scores(['win_probability', 'win_detail'], ids)
        return count

    @api.model
    def _crm_forget_scores(self, names, lead_ids):
        """After an SQL update of the scores: the leads' cached values and those of their
        rows (which the leads' fields are read through) are stale."""
        self.env['crm.lead'].invalidate_cache(names, lead_ids)
        self.env['crm.lead.score'].invalidate_cache(names)

    # ------------------------------------------------------------------ actions
    @api.model
    def _crm_retrain_all(self):
        """Learn both models again and rescore every lead and opportunity."""
        for kind in ('lead', 'win'):
            self._crm_get(kind)._crm_train()
        self.env['crm.lead.score']._crm_delete_orphans()
        return self._crm_rescore_leads() + self._crm_rescore_win()

    @api.model
    def _crm_check_may_retrain(self):
        user = self.env.user
        if not (user._crm_is_manager() or user._crm_is_admin()):
            raise AccessError(_('Only a sales manager or the CRM administrator may retrain '
                                'the scoring models and rescore every lead.'))

    @api.multi
    def action_retrain(self):
        """重新学习并评分: learn from the history again, rescore every lead and open
        opportunity. Sales managers and the CRM administrator."""
        self._crm_check_may_retrain()
        if not self.exists():
            # the button is on a model's form: called on no model (or a deleted one),
            # nothing is learned again
            raise UserError(_('Open a scoring model to learn it again.'))
        count = self._crm_retrain_all()
        return self.env['crm.notify'].done(
            _('Models learned again from the history; %d scores changed.') % count)

    @api.model
    def _cron_retrain(self):
        def body(run):
            run._crm_count(done=self._crm_retrain_all())
        return self.env['crm.cron.run']._crm_run('crm_scoring.ir_cron_score_retrain', body)
