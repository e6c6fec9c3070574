"""Scores and forecasts that prove themselves (crm_scoring): a benchmark, not a test.

1. On the demo data: both models learn from half of the closed history (even ids) and
   are measured on the other half (odd ids).
2. A generated history with a known structure, inserted with set-based SQL in the
   transaction benchlib.odoo_env rolls back:
   * 1,000,000 leads (CRM_BENCH_LEADS), 80 % closed: whether a lead converted depends on
     its source, industry, size and whether its e-mail is known, plus noise (a
     logistic model with random draws);
   * 250,000 opportunities (CRM_BENCH_OPPS), 80 % closed: winning depends on the stage,
     the days spent in it, the amount, the source and the team, plus noise.
   Train on the ids not divisible by 5, measure on the held-out fifth: the lead score's
   AUC (converted above invalid; rules only, then rules + learned), the learned win
   probability against the stages' configured rates (Brier score and AUC, both).
3. Times: a full rescore of the 1,000,000 leads (one UPDATE; goal under a minute), the
   same with nothing changed, the win probabilities of the open opportunities, the
   training, and one lead rescored (goal under 50 ms), against a naive baseline: a
   per-record ORM loop (read the lead's features, compute, write) over a sample,
   extrapolated.

    CRM_TEST_DB=h33s CRM_BENCH_DB=h33s_bench scripts/bench.sh tests/benchmarks/bench_scoring.py
"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402


N_LEADS = int(os.environ.get('CRM_BENCH_LEADS', 1000000))
N_OPPS = int(os.environ.get('CRM_BENCH_OPPS', 250000))
NAIVE_SAMPLE = int(os.environ.get('CRM_BENCH_NAIVE', 1000))
NOW = '2026-06-10 04:00:00'
# the structure the generated history hides (log-odds effects)
SOURCE_EFFECT = [1.2, 0.8, 0.3, 0.0, -0.4, -0.8, -1.2, 0.5]
INDUSTRY_EFFECT = [0.9, 0.4, 0.0, -0.3, -0.6, -1.0]
SIZE_EFFECT = [-0.6, -0.2, 0.2, 0.5, 0.7]
OPP_SOURCE_EFFECT = [0.6, 0.4, 0.0, -0.2, -0.4, -0.6, 0.2, 0.0]
AMOUNTS = [30000, 120000, 500000, 2000000]
AMOUNT_EFFECT = [0.4, 0.2, -0.3, -0.8]


def insert_leads(env, owners, sources, industries):
    cr = env.cr
    cr.execute('SELECT setseed(0.26)')
    cr.execute(benchlib.with_lead_scores("""
        INSERT INTO crm_lead (name, type, active, user_id, team_id, company_id, lead_state,
                              customer_source_id, industry_id, region, company_size,
                              contact_name, partner_name, mobile, email_from, wechat,
                              probability, create_date, write_date, create_uid, write_uid)
        SELECT 'BENCH 线索 ' || g, 'lead', true, (%(uids)s::int[])[1 + g %% 7],
               (%(teams)s::int[])[1 + g %% 7], %(company)s,
               CASE WHEN r_open < 0.2 THEN 'open'
                    WHEN r_out < 1 / (1 + exp(-(-0.3 + (%(se)s::float[])[1 + s]
                                                 + (%(ie)s::float[])[1 + i]
                                                 + (%(ze)s::float[])[1 + z]
                                                 + CASE WHEN has_mail THEN 0.6 ELSE 0 END)))
                    THEN 'converted' ELSE 'invalid' END,
               (%(sources)s::int[])[1 + s], (%(industries)s::int[])[1 + i],
               (ARRAY['east', 'south', 'north', 'central'])[1 + g %% 4],
               (ARRAY['micro', 'small', 'medium', 'large', 'huge'])[1 + z],
               '联系人' || g, 'BENCH 公司 ' || g, '139' || lpad(g::text, 8, '0'),
               CASE WHEN has_mail THEN 'b' || g || '@example.cn' END,
               CASE WHEN g %% 3 = 0 THEN 'wx' || g END, 0,
               now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', 1, 1
          FROM (SELECT g, floor(random() * 8)::int AS s, floor(random() * 6)::int AS i,
                       floor(random() * 5)::int AS z, random() < 0.5 AS has_mail,
                       random() AS r_open, random() AS r_out
                  FROM generate_series(1, %(n)s) g) x"""), {'uids': [o[0] for o in owners], 'teams': [o[1] for o in owners],
                          'company': env.ref('base.main_company').id, 'n': N_LEADS,
                          'se': SOURCE_EFFECT, 'ie': INDUSTRY_EFFECT, 'ze': SIZE_EFFECT,
                          'sources': sources, 'industries': industries})
    return sorted(r[0] for r in cr.fetchall())


def insert_opportunities(env, owners, sources, stages):
    """``stages``: [(id, group id, configured rate)] of one status group, in order."""
    cr = env.cr
    n_stages = len(stages)
    cr.execute(benchlib.with_lead_scores("""
        INSERT INTO crm_lead (name, type, active, user_id, team_id, company_id, lead_state,
                              stage_id, stage_group_id, probability, planned_revenue,
                              customer_source_id, end_status, end_date,
                              date_last_stage_update, create_date, write_date,
                              create_uid, write_uid)
        SELECT 'BENCH 商机 ' || g, 'opportunity', true, (%(uids)s::int[])[1 + u],
               (%(teams)s::int[])[1 + u], %(company)s, 'open',
               (%(stage_ids)s::int[])[1 + st], (%(group_ids)s::int[])[1 + st],
               CASE WHEN NOT closed THEN (%(rates)s::float[])[1 + st]
                    WHEN won THEN 100 ELSE 0 END,
               (%(amounts)s::float[])[1 + a], (%(sources)s::int[])[1 + s],
               CASE WHEN NOT closed THEN NULL WHEN won THEN 'won' ELSE 'lost' END,
               CASE WHEN closed THEN end_at END,
               CASE WHEN closed THEN end_at ELSE %(now)s::timestamp END - d * interval '1 day',
               end_at - (d + 20) * interval '1 day', end_at, 1, 1
          FROM (SELECT *, r_out < 1 / (1 + exp(-(-2.0 + 3.5 * (st + 1.0) / %(n_stages)s
                                                 - CASE WHEN d > 60 THEN 1.5 ELSE 0 END
                                                 + (%(ae)s::float[])[1 + a]
                                                 + (%(oe)s::float[])[1 + s]
                                                 + CASE WHEN u < 4 THEN 0.3 ELSE -0.3 END)))
                           AS won
                  FROM (SELECT g, floor(random() * %(n_stages)s)::int AS st,
                               floor(random() * 150)::int AS d, floor(random() * 4)::int AS a,
                               floor(random() * 8)::int AS s, g %% 7 AS u,
                               random() < 0.8 AS closed, random() AS r_out,
                               %(now)s::timestamp - floor(random() * 700) * interval '1 day'
                                   AS end_at
                          FROM generate_series(1, %(n)s) g) x) y"""), {'uids': [o[0] for o in owners], 'teams': [o[1] for o in owners],
                          'company': env.ref('base.main_company').id, 'n': N_OPPS,
                          'stage_ids': [s[0] for s in stages], 'group_ids': [s[1] for s in stages],
                          'rates': [s[2] for s in stages], 'n_stages': n_stages,
                          'amounts': AMOUNTS, 'ae': AMOUNT_EFFECT, 'oe': OPP_SOURCE_EFFECT,
                          'sources': sources, 'now': NOW})
    return sorted(r[0] for r in cr.fetchall())


def measure_lead(env, where):
    """AUC of the lead score on the closed leads of ``where``, and how many."""
    from odoo.addons.crm_scoring.models import scoring_math
    sql, params = env['crm.score.model']._crm_get('lead')._crm_scores_sql(where=where)
    env.cr.execute('SELECT score, sum(y), count(*) - sum(y) FROM (%s) s WHERE y IS NOT NULL '
                   'GROUP BY score' % sql, params)
    rows = env.cr.fetchall()
    return scoring_math.auc(rows), sum(p + q for _s, p, q in rows)


def measure_win(env, where):
    """(learned Brier, learned AUC, stage-rate Brier, stage-rate AUC, n) on the closed
    opportunities of ``where``."""
    from odoo.addons.crm_scoring.models import scoring_math
    sql, params = env['crm.score.model']._crm_get('win')._crm_scores_sql(where=where)
    env.cr.execute("""SELECT round(score::numeric, 4)::float, stage_rate::float, sum(y),
                             count(*) - sum(y)
                        FROM (%s) s WHERE y IS NOT NULL GROUP BY 1, 2""" % sql, params)
    rows = env.cr.fetchall()
    learned = [(p, a, b) for p, _r, a, b in rows]
    stage = [(r, a, b) for _p, r, a, b in rows]
    return (scoring_math.brier(learned), scoring_math.auc(learned), scoring_math.brier(stage),
            scoring_math.auc(stage), sum(a + b for _p, _r, a, b in rows))


def fmt(x, spec='%.3f'):
    return spec % x if x is not None else '  n/a'


def print_win(label, figures):
    brier_l, auc_l, brier_s, auc_s, n = figures
    print('  %-44s Brier %s (stage rates %s)   AUC %s (stage rates %s)   n=%d' % (
        label, fmt(brier_l, '%.4f'), fmt(brier_s, '%.4f'), fmt(auc_l), fmt(auc_s), n))


def naive_rescore(env, lead_ids):
    """The baseline: each lead read through the ORM, scored in Python, written back."""
    from odoo.addons.crm_sales.grant import grant
    Model = env['crm.score.model']._crm_get('lead')
    points = {(f, k): (r, int(l)) for f, k, r, l in Model._crm_lookup()}
    Lead = env['crm.lead']
    for lead in Lead.browse(lead_ids):
        filled = sum(bool(x) for x in (lead.contact_name, lead.email_from, lead.wechat,
                                       lead.partner_name)) + bool(lead.phone or lead.mobile)
        replies = env['mail.message'].search_count([('model', '=', 'crm.lead'),
                                                    ('res_id', '=', lead.id),
                                                    ('message_type', '=', 'email')])
        keys = {'source': str(lead.customer_source_id.id or ''),
                'industry': str(lead.industry_id.id or ''), 'region': lead.region or '',
                'size': lead.company_size or '', 'completeness': str(filled),
                'engagement': str(min(lead.follow_up_count + replies, 10))}
        score = 50 + sum(sum(points.get((f, k), (0, 0))) for f, k in keys.items())
        score = max(0, min(100, score))
        grade = 'A' if score >= 80 else 'B' if score >= 60 else 'C' if score >= 40 else 'D'
        grant(lead, 'action_write').write({'lead_score': score, 'lead_grade': grade})


def main():
    with benchlib.odoo_env(benchlib.bench_argv()) as env:
        env['crm.clock'].set_now(NOW)
        cr = env.cr
        Score = env['crm.score.model']

        # ---------------------------------------------------------------- 1. demo data
        print('== 1. demo data: learn from the even ids, measure on the odd ones ==')
        for kind in ('lead', 'win'):
            Score._crm_get(kind)._crm_train(where='%s.id %%%% 2 = 0' % (
                'l' if kind == 'lead' else 'o'))
        auc, n = measure_lead(env, 'l.id %% 2 = 1')
        print('  %-44s AUC %s   n=%d' % ('lead score (rules + learned)', fmt(auc), n))
        print_win('learned win probability', measure_win(env, 'o.id %% 2 = 1'))

        # ---------------------------------------------------------------- 2. generated
        _zhangwei, _leaders, owners, _managers = benchlib.demo_sales(env)
        cr.execute('SELECT id FROM crm_customer_source ORDER BY id LIMIT 8')
        sources = [r[0] for r in cr.fetchall()]
        sources += sources[:8 - len(sources)]
        cr.execute('SELECT id FROM res_partner_industry ORDER BY id LIMIT 6')
        industries = [r[0] for r in cr.fetchall()]
        group = env.ref('crm_sales.team_east').stage_group_id
        stages = [(s.id, group.id, s.probability) for s in env['crm.stage'].search(
            [('stage_group_id', '=', group.id), ('probability', '>', 0),
             ('probability', '<', 100)], order='sequence, id')]
        t0 = time.perf_counter()
        lead_ids = insert_leads(env, owners, sources, industries)
        opp_ids = insert_opportunities(env, owners, sources, stages)
        cr.execute('ANALYZE crm_lead')
        print('\ndata: %s' % benchlib.rate(len(lead_ids) + len(opp_ids),
                                            time.perf_counter() - t0))
        first = min(lead_ids[0], opp_ids[0])
        train_l = 'l.id >= %d AND l.id %%%% 5 <> 0' % first
        test_l = 'l.id >= %d AND l.id %%%% 5 = 0' % first
        train_o = 'o.id >= %d AND o.id %%%% 5 <> 0' % first
        test_o = 'o.id >= %d AND o.id %%%% 5 = 0' % first

        print('\n== 2. generated history: train on 4/5, measure on the held-out 1/5 ==')
        lead_model = Score._crm_get('lead')
        lead_model.write({'state': 'untrained'})
        auc, n = measure_lead(env, test_l)
        print('  %-44s AUC %s   n=%d' % ('lead score, rules only (before learning)', fmt(auc), n))
        t0 = time.perf_counter()
        lead_model._crm_train(where=train_l)
        t_train_lead = time.perf_counter() - t0
        auc, n = measure_lead(env, test_l)
        print('  %-44s AUC %s   n=%d' % ('lead score, rules + learned', fmt(auc), n))
        t0 = time.perf_counter()
        Score._crm_get('win')._crm_train(where=train_o)
        t_train_win = time.perf_counter() - t0
        print_win('learned win probability', measure_win(env, test_o))

        # ---------------------------------------------------------------- 3. times
        print('\n== 3. times ==')
        print('  %-52s %8.2f s   (%d closed leads)' % ('learning the lead model', t_train_lead,
                                                      lead_model.positive_count +
                                                      lead_model.negative_count))
        print('  %-52s %8.2f s' % ('learning the win model', t_train_win))
        cr.execute("SELECT count(*) FROM crm_lead WHERE type = 'lead'")
        n_all = cr.fetchone()[0]
        t0 = time.perf_counter()
        written = Score._crm_rescore_leads()
        t_full = time.perf_counter() - t0
        print('  %-52s %8.2f s   (%d leads, %d rows written)' % (
            'full rescore of every lead (one UPDATE)', t_full, n_all, written))
        t0 = time.perf_counter()
        written = Score._crm_rescore_leads()
        print('  %-52s %8.2f s   (%d rows written)' % (
            'the same again, nothing changed', time.perf_counter() - t0, written))
        t0 = time.perf_counter()
        written = Score._crm_rescore_win()
        print('  %-52s %8.2f s   (%d rows written)' % (
            'win probability of every opportunity', time.perf_counter() - t0, written))
        singles = []
        for lead_id in lead_ids[1000:1020]:
            t0 = time.perf_counter()
            Score._crm_rescore_leads([lead_id])
            singles.append(time.perf_counter() - t0)
        print('  %-52s %8.1f ms  (median of 20)' % ('one lead rescored',
                                                    1000 * statistics.median(singles)))
        lina = env.ref('crm_sales.user_sales_east_1')
        writes = []
        for lead_id in lead_ids[2000:2020]:
            lead = env['crm.lead'].browse(lead_id)
            t0 = time.perf_counter()
            lead.write({'company_size': 'large' if lead.company_size != 'large' else 'small'})
            writes.append(time.perf_counter() - t0)
        print('  %-52s %8.1f ms  (median of 20)' % (
            'a lead edited (ORM write + its rescore)', 1000 * statistics.median(writes)))
        sample = lead_ids[5000:5000 + NAIVE_SAMPLE]
        env.cache.invalidate()
        t0 = time.perf_counter()
        naive_rescore(env, sample)
        t_naive = time.perf_counter() - t0
        print('  %-52s %8.2f s   (%d leads sampled)' % ('naive: ORM read + write per lead',
                                                        t_naive, len(sample)))
        print('  %-52s %8.0f s * (%.1f min; %.0fx the UPDATE)' % (
            'naive, extrapolated to every lead', t_naive * n_all / len(sample),
            t_naive * n_all / len(sample) / 60, t_naive * n_all / len(sample) / t_full))
        print('  * extrapolated from the sample; goals: full rescore < 60 s, one lead < 50 ms')
        del lina


if __name__ == '__main__':
    main()
