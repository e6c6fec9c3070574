# -*- coding: utf-8 -*-
"""The features of the two models, as SQL: one row per lead (or opportunity) with its
outcome ``y`` and one text key per feature. Training, scoring a million leads and
scoring one lead run the same query (``ids`` narrows it, ``where`` picks a part of the
history: both from the server's code only, never from a client)."""

#: lead score: feature -> what it is (the keys are ids, choices or small counts)
LEAD_FEATURES = ('source', 'industry', 'region', 'size', 'completeness', 'engagement')
#: win probability
WIN_FEATURES = ('stage', 'stage_days', 'amount', 'source', 'industry', 'follow_freq', 'team')
#: engagement (follow-ups + e-mails received) is counted up to this many
ENGAGEMENT_CAP = 10
#: completeness of the contact data: contact, phone, e-mail, WeChat, company name
COMPLETENESS_MAX = 5


def _filled(column):
    return "(COALESCE(l.%s, '') <> '')::int" % column


def lead_features_sql(where='', with_ids=False):
    """SELECT id, y, <LEAD_FEATURES> for the leads (``type = 'lead'``); y = 1 for a
    converted lead, 0 for an invalid one, NULL for an open one. Parameters:
    %(ids)s when ``with_ids``."""
    ids_fu = ' AND lead_id = ANY(%(ids)s)' if with_ids else ''
    ids_em = ' AND res_id = ANY(%(ids)s)' if with_ids else ''
    ids_l = ' AND l.id = ANY(%(ids)s)' if with_ids else ''
    return """
        WITH fu AS (SELECT lead_id, count(*) AS n FROM crm_follow_up
                     WHERE lead_id IS NOT NULL{ids_fu} GROUP BY lead_id),
             em AS (SELECT res_id, count(*) AS n FROM mail_message
                     WHERE model = 'crm.lead' AND message_type = 'email'{ids_em}
                     GROUP BY res_id)
        SELECT l.id, l.score_id,
               CASE l.lead_state WHEN 'converted' THEN 1 WHEN 'invalid' THEN 0 END AS y,
               COALESCE(l.customer_source_id::text, '') AS source,
               COALESCE(l.industry_id::text, '') AS industry,
               COALESCE(l.region, '') AS region,
               COALESCE(l.company_size, '') AS size,
               ({contact} + GREATEST({phone}, {mobile}) + {email} + {wechat} + {company})::text
                   AS completeness,
               LEAST(COALESCE(fu.n, 0) + COALESCE(em.n, 0), {cap})::text AS engagement
          FROM crm_lead l
          LEFT JOIN fu ON fu.lead_id = l.id
          LEFT JOIN em ON em.res_id = l.id
         WHERE l.type = 'lead'{ids_l}{where}
    """.format(ids_fu=ids_fu, ids_em=ids_em, ids_l=ids_l, cap=ENGAGEMENT_CAP,
               where=(' AND (%s)' % where) if where else '',
               contact=_filled('contact_name'), phone=_filled('phone'),
               mobile=_filled('mobile'), email=_filled('email_from'),
               wechat=_filled('wechat'), company=_filled('partner_name'))


def win_features_sql(where='', with_ids=False):
    """SELECT id, y, <WIN_FEATURES>, stage_rate for the opportunities; y = 1 won, 0 lost,
    NULL open (invalid ones are not real opportunities: NULL too, and never trained on).
    Days in the stage and follow-up frequency are counted up to the closing date of a
    closed opportunity, up to %(now)s (crm.clock) for an open one."""
    ids_fu = ' AND lead_id = ANY(%(ids)s)' if with_ids else ''
    ids_o = ' AND o.id = ANY(%(ids)s)' if with_ids else ''
    return """
        WITH fu AS (SELECT lead_id, count(*) AS n FROM crm_follow_up
                     WHERE lead_id IS NOT NULL{ids_fu} GROUP BY lead_id)
        SELECT o.id, o.score_id,
               CASE o.end_status WHEN 'won' THEN 1 WHEN 'lost' THEN 0 END AS y,
               COALESCE(o.stage_id::text, '') AS stage,
               CASE WHEN d.in_stage <= 7 THEN '0' WHEN d.in_stage <= 30 THEN '1'
                    WHEN d.in_stage <= 90 THEN '2' ELSE '3' END AS stage_days,
               CASE WHEN COALESCE(o.planned_revenue, 0) <= 0 THEN '0'
                    WHEN o.planned_revenue < 50000 THEN '1'
                    WHEN o.planned_revenue < 200000 THEN '2'
                    WHEN o.planned_revenue < 1000000 THEN '3' ELSE '4' END AS amount,
               COALESCE(COALESCE(o.customer_source_id, p.customer_source_id)::text, '')
                   AS source,
               COALESCE(COALESCE(o.industry_id, p.industry_id)::text, '') AS industry,
               CASE WHEN COALESCE(fu.n, 0) = 0 THEN '0'
                    WHEN fu.n * 30.0 / GREATEST(d.age, 1) < 1 THEN '1'
                    WHEN fu.n * 30.0 / GREATEST(d.age, 1) < 4 THEN '2' ELSE '3' END
                   AS follow_freq,
               COALESCE(o.team_id::text, '') AS team,
               COALESCE(s.probability, 0) / 100.0 AS stage_rate
          FROM crm_lead o
          LEFT JOIN res_partner p ON p.id = o.partner_id
          LEFT JOIN crm_stage s ON s.id = o.stage_id
          LEFT JOIN fu ON fu.lead_id = o.id
          CROSS JOIN LATERAL (
              SELECT EXTRACT(EPOCH FROM (r.at - COALESCE(o.date_last_stage_update,
                                                         o.create_date))) / 86400 AS in_stage,
                     EXTRACT(EPOCH FROM (r.at - o.create_date)) / 86400 AS age
                FROM (SELECT CASE WHEN o.end_status IS NOT NULL
                                  THEN COALESCE(o.end_date, o.write_date)
                                  ELSE %(now)s::timestamp END AS at) r) d
         WHERE o.type = 'opportunity'{ids_o}{where}
    """.format(ids_fu=ids_fu, ids_o=ids_o, where=(' AND (%s)' % where) if where else '')


def lookup_join(features, alias_prefix='k'):
    """LEFT JOINs of the features' rows (alias f) to the lookup table ``pts`` (feature,
    key, rule points, learned value): one join per feature."""
    return '\n'.join(
        "LEFT JOIN pts {a}{i} ON {a}{i}.feature = '{f}' AND {a}{i}.key = f.{f}".format(
            a=alias_prefix, i=i, f=name) for i, name in enumerate(features))


def values_table(rows):
    """SQL (a CTE named pts: feature, key, rule points, learned value) and its named
    parameters (%(pf)s, %(pk)s, %(pr)s, %(pl)s) for ``rows`` [(feature, key, rule,
    learned)]."""
    rows = list(rows)
    sql = ('pts AS (SELECT * FROM unnest(%(pf)s::text[], %(pk)s::text[], %(pr)s::int[], '
           '%(pl)s::float[]) AS t(feature, key, rule, learned))')
    return sql, {'pf': [r[0] for r in rows], 'pk': [r[1] for r in rows],
                 'pr': [int(r[2]) for r in rows], 'pl': [float(r[3]) for r in rows]}
