"""crm_service at scale: 200,000 service tickets over two years, 20,000 of them open.

Three screens / jobs, each against a naive baseline on the same data, in the same run:

1. The SLA cron (crm.service.ticket._cron_sla_check), as the scheduler runs it: one run
   that finds NEW_WARN tickets about to breach (activity to the handler) and NEW_BREACH
   tickets newly breached (activity to the team's service manager, a chatter note), then a
   second run with nothing new (the scan alone; the cron is idempotent). Baseline: load every
   open ticket and evaluate the computed SLA flags (working hours in the team's calendar)
   in Python, which is what a cron written with ``filtered()`` does.
2. "My open tickets" as xuli (an agent of the support team), under the record rules: the
   to-do counter and the list's first 80 rows (search_read with the list view's fields).
   Baseline: every ticket xuli may read, filtered in Python.
3. "SLA breached" as gaokai (service manager): count + first 80 rows. Shipped: one
   sub-select (``inselect``). Baseline: the ids of every breached ticket fetched first, then
   ``('id', 'in', ids)`` (what the search method did before).

The tickets are inserted with set-based SQL inside the transaction that
benchlib.odoo_env() rolls back. Figures are medians of REPEAT cold-cache runs. The script
checks that the shipped paths and the baselines give the same answers; it prints the
issue's goals (cron < 2 s, my open tickets < 0.3 s) but never asserts times.

    scripts/bench.sh tests/benchmarks/bench_service.py
    (sizes: CRM_BENCH_TICKETS, CRM_BENCH_SLA_NEW)
"""
import os
import sys
import datetime
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

N_TICKETS = int(os.environ.get('CRM_BENCH_TICKETS', 200000))
NEW = int(os.environ.get('CRM_BENCH_SLA_NEW', 20))   # new warnings and new breaches per cron run
N_CUSTOMERS = 2000
N_AGENTS = 20
REPEAT = 5
NOW = '2026-06-10 06:00:00'   # a Wednesday, 14:00 in Beijing
OPEN_STATES = ('new', 'assigned', 'in_progress')
# g % 100 -> state: 80 % archived, 6 % feedback, 4 % processed, 3 % new, 4 % assigned,
# 3 % in progress (10 % open)
STATE_SQL = """CASE WHEN g %% 100 < 80 THEN 'archived' WHEN g %% 100 < 86 THEN 'feedback'
                    WHEN g %% 100 < 90 THEN 'processed' WHEN g %% 100 < 93 THEN 'new'
                    WHEN g %% 100 < 97 THEN 'assigned' ELSE 'in_progress' END"""


class Data(object):
    """What the measurements need."""


def make_agents(env):
    """Twenty more agents, split over the two demo service teams (ORM: few rows)."""
    support = env.ref('crm_service.team_support')
    desk = env.ref('crm_service.team_customer_service')
    group = env.ref('crm_service.group_crm_service_agent')
    Users = env['res.users'].with_context(no_reset_password=True, mail_create_nosubscribe=True)
    agents = []
    for i in range(N_AGENTS - 2):
        user = Users.create({'name': 'Bench Agent %d' % i, 'login': 'bench_agent_%d' % i,
                             'groups_id': [(6, 0, [env.ref('base.group_user').id, group.id])]})
        (support if i % 2 else desk).member_ids = [(4, user.id)]
        agents.append(user)
    pairs = [(env.ref('crm_service.user_service_agent_1'), support),
             (env.ref('crm_service.user_service_agent_2'), desk)]
    pairs += [(u, support if i % 2 else desk) for i, u in enumerate(agents)]
    return pairs


def insert_tickets(cr, params):
    """Tickets from the temporary table bench_ticket (g, state, partner_id, type_id, team,
    user_id, start): numbered ``params['prefix']`` + g, SLA ``params['sla']`` (response
    4 h, resolution 24 h from the start), the stamps of each state's steps, a
    satisfaction of 1..5 on those with feedback; open ones (``params['open']``) with
    their SLA notices already sent. Also used by bench_reports.py."""
    cr.execute("""
        INSERT INTO crm_service_ticket (number, name, partner_id, type_id, priority, channel,
                                        team_id, user_id, state, reopen_count, opened_at,
                                        sla_id, sla_start_at, response_deadline, resolve_deadline,
                                        assigned_at, started_at, processed_at, feedback_at,
                                        archived_at, satisfaction, feedback_by,
                                        sla_warned_at, sla_breach_notified_at,
                                        create_uid, create_date, write_uid, write_date,
                                        crm_scope_user_id, crm_scope_team_id)
        SELECT %(prefix)s || lpad(g::text, 8, '0'), 'Bench ticket ' || g, t.partner_id, type_id, '1',
               'phone', team, t.user_id, state, 0, start, %(sla)s, start,
               start + interval '4 hours', start + interval '24 hours',
               CASE WHEN state <> 'new' THEN start + interval '10 minutes' END,
               CASE WHEN state NOT IN ('new', 'assigned') THEN start + interval '1 hour' END,
               CASE WHEN state IN ('processed', 'feedback', 'archived')
                    THEN start + (g %% 40) * interval '1 hour' END,
               CASE WHEN state IN ('feedback', 'archived') THEN start + interval '3 days' END,
               CASE WHEN state = 'archived' THEN start + interval '5 days' END,
               CASE WHEN state IN ('feedback', 'archived') THEN 1 + g %% 5 END,
               CASE WHEN state IN ('feedback', 'archived') THEN 'staff' END,
               CASE WHEN state IN %(open)s THEN start END,
               CASE WHEN state IN %(open)s THEN start + interval '4 hours' END,
               1, start, 1, start, p.crm_owner_id, p.crm_team_id
          FROM bench_ticket t JOIN res_partner p ON p.id = t.partner_id
         ORDER BY g DESC""", params)


def insert_data(env):
    cr = env.cr
    ref = env.ref
    d = Data()
    env['crm.clock'].set_now(NOW)
    d.xuli = ref('crm_service.user_service_agent_1')
    d.gaokai = ref('crm_service.user_service_manager')
    pairs = make_agents(env)
    owners = [(ref(x).id, ref(x).sale_team_id.id) for x in (
        'crm_sales.user_sales_east_1', 'crm_sales.user_sales_east_2', 'crm_sales.user_sales_south_1')]
    params = {
        'n_cust': N_CUSTOMERS, 'n': N_TICKETS,
        'agents': [u.id for u, _t in pairs], 'agent_teams': [t.id for _u, t in pairs],
        'n_agents': len(pairs), 'now': NOW, 'new': NEW, 'open': OPEN_STATES,
        'types': [ref('crm_service.service_type_technical').id,
                  ref('crm_service.service_type_after_sales').id,
                  ref('crm_service.service_type_complaint').id,
                  ref('crm_service.service_type_presales').id],
        'sla': ref('crm_service.sla_normal').id,
    }
    print('crm_service benchmark: %d customers, %d tickets, %d agents in 2 teams; clock %s UTC'
          % (N_CUSTOMERS, N_TICKETS, len(pairs), NOW))
    t0 = time.perf_counter()
    params['customers'] = benchlib.insert_customers(env, N_CUSTOMERS, owners, 'Bench Service Co')
    # Tickets: g = 0 is the newest. Open tickets started within the last 10 days (all their
    # SLA notices already sent), closed ones over two years. SLA: response 4 h, resolution
    # 24 h (wall-clock: the benchmark needs realistic spreads, not calendar-exact figures).
    cr.execute("""
        CREATE TEMP TABLE bench_ticket ON COMMIT DROP AS
        WITH g AS (SELECT g, """ + STATE_SQL + """ AS state FROM generate_series(0, %(n)s - 1) g),
             a AS (SELECT row_number() OVER () - 1 AS k, uid, team
                     FROM unnest(%(agents)s::int[], %(agent_teams)s::int[]) AS t(uid, team))
        SELECT g.g, g.state, (%(customers)s::int[])[1 + g.g %% %(n_cust)s] AS partner_id,
               (%(types)s::int[])[1 + g.g %% 4] AS type_id, a.team,
               CASE WHEN g.state <> 'new' THEN a.uid END AS user_id,
               %(now)s::timestamp - CASE WHEN g.state IN %(open)s
                                         THEN (g.g * 7919 %% 14400) * interval '1 minute'
                                         ELSE interval '10 days'
                                              + (g.g * 7919 %% 720) * interval '1 day' END AS start
          FROM g JOIN a ON a.k = (g.g + g.g / 100) %% %(n_agents)s""", params)
    insert_tickets(cr, dict(params, prefix='FWB'))
    # The cron's work for one run: NEW tickets in progress about to miss their resolution
    # deadline (not warned yet), NEW / 2 in progress that just missed it and NEW / 2
    # assigned, not started, that just missed their response deadline (warned by an earlier
    # run, breach not notified yet).
    cr.execute("""
        WITH p AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM crm_service_ticket
                    WHERE number LIKE 'FWB%%' AND state = 'in_progress')
        UPDATE crm_service_ticket t
           SET resolve_deadline = CASE WHEN p.k <= %(new)s THEN %(now)s::timestamp + interval '1 hour'
                                       ELSE %(now)s::timestamp - interval '30 minutes' END,
               sla_warned_at = CASE WHEN p.k <= %(new)s THEN NULL
                                    ELSE %(now)s::timestamp - interval '2 hours' END,
               sla_breach_notified_at = NULL
          FROM p WHERE p.id = t.id AND p.k <= %(new)s + %(new)s / 2""", params)
    cr.execute("""
        WITH p AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM crm_service_ticket
                    WHERE number LIKE 'FWB%%' AND state = 'assigned')
        UPDATE crm_service_ticket t
           SET response_deadline = %(now)s::timestamp - interval '30 minutes',
               resolve_deadline = %(now)s::timestamp + interval '20 hours',
               sla_warned_at = %(now)s::timestamp - interval '2 hours', sla_breach_notified_at = NULL
          FROM p WHERE p.id = t.id AND p.k <= %(new)s - %(new)s / 2""", params)
    cr.execute('ANALYZE crm_service_ticket')
    print('  tickets inserted in %.1f s' % (time.perf_counter() - t0))
    return d


def _ids(records):
    return sorted(records.ids)


def bench_cron(env, d):
    # one transaction (undone at the end), not a commit per ticket
    Ticket = env['crm.service.ticket'].with_context(crm_cron_no_commit=True)
    open_count = Ticket.sudo().search_count([('state', 'in', OPEN_STATES)])

    def shipped_selection():
        return _ids(Ticket._sla_to_warn()), _ids(Ticket._sla_to_notify())

    def naive_selection():
        tickets = Ticket.sudo().search([('state', 'in', OPEN_STATES)])
        # warning time passed (due soon, or already late) and not warned yet
        soon = env['crm.clock'].now() + datetime.timedelta(hours=Ticket._sla_warning_hours())
        warn = tickets.filtered(lambda t: not t.sla_warned_at and t.user_id
                                and t._sla_target() and t._sla_target() <= soon)
        late = tickets.filtered(lambda t: t.sla_breached and not t.sla_breach_notified_at)
        return _ids(warn), _ids(late)

    expected = shipped_selection()
    assert len(expected[0]) == NEW and len(expected[1]) == NEW, [len(x) for x in expected]
    Activity = env['mail.activity'].sudo()
    before = Activity.search_count([('res_model', '=', 'crm.service.ticket')])
    first = benchlib.measure(env, 'shipped: SLA cron, run with %d + %d notices' % (NEW, NEW),
                             lambda: Ticket._cron_sla_check(), runs=1)
    made = Activity.search_count([('res_model', '=', 'crm.service.ticket')]) - before
    assert made == 2 * NEW, made
    again = benchlib.measure(env, 'shipped: SLA cron, run with nothing new',
                             lambda: Ticket._cron_sla_check(), runs=REPEAT)
    assert Activity.search_count([('res_model', '=', 'crm.service.ticket')]) - before == made
    # the baseline's answer, on the state before the cron ran: reset the notices
    env.cr.execute('UPDATE crm_service_ticket SET sla_warned_at = NULL WHERE id = ANY(%s)',
                   (expected[0],))
    env.cr.execute('UPDATE crm_service_ticket SET sla_breach_notified_at = NULL WHERE id = ANY(%s)',
                   (expected[1],))
    sel = benchlib.measure(env, 'shipped: the cron\'s selection alone', shipped_selection)
    naive = benchlib.measure(env, 'baseline: open tickets, computed flags in Python',
                             naive_selection, runs=1)
    assert sel.result == expected and naive.result == expected, 'the baseline disagrees'
    print('\n%d tickets, %d open; one run warns %d handlers and notifies %d breaches '
          '(%d activities)' % (N_TICKETS, open_count, NEW, NEW, made))
    benchlib.report('SLA cron: finding what to notify, median of runs', [naive, sel],
                    naive.label, sel.label)
    benchlib.report('SLA cron as scheduled (first run notifies, second finds nothing new)',
                    [first, again], first.label, again.label)
    return first, again


def list_fields(Model):
    return list(Model.fields_view_get(view_type='tree')['fields'])


def bench_my_open(env, d):
    Ticket = env['crm.service.ticket'].sudo(d.xuli)
    Todo = env['crm.todo'].sudo(d.xuli)
    fields_ = list_fields(Ticket)
    domain = Todo._domain_ticket_open()

    def shipped():
        rows = Ticket.search_read(domain, fields_, limit=80)
        counts = Todo.get_counts()
        return [r['id'] for r in rows], counts['ticket_open_count']

    def naive():
        readable = Ticket.search([], order=Ticket._order)
        mine = readable.filtered(lambda t: t.user_id == d.xuli and t.state in OPEN_STATES)
        return [r['id'] for r in mine[:80].read(fields_)], len(mine)

    fast = benchlib.measure(env, 'shipped: to-do counters + first 80 rows', shipped)
    slow = benchlib.measure(env, 'baseline: every readable ticket in Python', naive, runs=1)
    assert fast.result == slow.result, 'the baseline disagrees'
    readable = Ticket.search_count([])
    print('\nxuli reads %d tickets (his teams\'); %d are his and open; the list shows %d rows '
          '(%d fields)' % (readable, fast.result[1], len(fast.result[0]), len(fields_)))
    benchlib.report('"My open tickets" (xuli): to-do counters + first 80 rows, median of runs',
                    [slow, fast], slow.label, fast.label)
    return fast


def bench_breached(env, d):
    Ticket = env['crm.service.ticket'].sudo(d.gaokai)
    fields_ = list_fields(Ticket)
    domain = [('sla_breached', '=', True)]

    def shipped():
        rows = Ticket.search_read(domain, fields_, limit=80)
        return [r['id'] for r in rows], Ticket.search_count(domain)

    def id_list():
        sql, params = Ticket._breached_query(['response', 'resolve'])
        env.cr.execute(sql, params)
        dom = [('id', 'in', [r[0] for r in env.cr.fetchall()])]
        rows = Ticket.search_read(dom, fields_, limit=80)
        return [r['id'] for r in rows], Ticket.search_count(dom)

    fast = benchlib.measure(env, 'shipped: sub-select (inselect)', shipped)
    slow = benchlib.measure(env, 'baseline: ids fetched, then id in [...]', id_list)
    assert fast.result == slow.result, 'the baseline disagrees'
    print('\n%d tickets missed an SLA deadline (over two years)' % fast.result[1])
    benchlib.report('"SLA breached" list (gaokai): count + first 80 rows, median of runs',
                    [slow, fast], slow.label, fast.label)
    return fast


def main():
    argv = benchlib.bench_argv()
    with benchlib.odoo_env(argv) as env:
        env = env(context={'lang': 'zh_CN', 'tz': 'Asia/Shanghai'})
        t0 = time.perf_counter()
        d = insert_data(env)
        print('  data ready in %.1f s' % (time.perf_counter() - t0))
        first, again = bench_cron(env, d)
        mine = bench_my_open(env, d)
        breached = bench_breached(env, d)
        print('\nIssue goals: SLA cron < 2 s: first run %.3f s, run with nothing new %.3f s -> %s; '
              '"my open tickets" < 0.3 s: %.3f s -> %s; "SLA breached" list %.3f s'
              % (first.seconds, again.seconds,
                 'holds' if max(first.seconds, again.seconds) < 2 else 'NOT MET',
                 mine.seconds, 'holds' if mine.seconds < 0.3 else 'NOT MET', breached.seconds))


if __name__ == '__main__':
    main()
