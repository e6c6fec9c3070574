"""Tasks at scale (crm_task): 100,000 tasks of the demo sales organisation (owners and
responsible people among its 7 salespeople and leaders, a third with a second assignee,
deadlines from 60 days ago to 60 days ahead, 70 % open).

Measures, under lina's record rules, on the same data in the same run:
  1. "my to-do" task counters (overdue + due today, ``crm.todo._domain_task``: one
     indexed count each) against a naive count: every task she may read loaded through
     the ORM and filtered in Python;
  2. the deadline reminder cron's selection (``_cron_deadline_reminders``: the open tasks
     due by tomorrow, one indexed search) against reading every open task and deciding
     in Python.

Everything is inserted with SQL in the transaction that benchlib.odoo_env rolls back.

    scripts/bench.sh tests/benchmarks/bench_tasks.py     (CRM_BENCH_TASKS = 100000)
"""
import datetime
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

N_TASKS = int(os.environ.get('CRM_BENCH_TASKS', 100000))
NOW = '2026-06-10 04:00:00'   # 12:00 in Shanghai


def insert_tasks(env, owners):
    """N_TASKS tasks with one SQL statement, plus their second assignees."""
    cr = env.cr
    company = env.ref('base.main_company').id
    users = [o[0] for o in owners]
    teams = [o[1] for o in owners]
    cr.execute("""
        INSERT INTO crm_task (name, user_id, team_id, company_id, assignee_id, priority,
                              date_deadline, state, crm_scope_user_id, crm_scope_team_id,
                              create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH 任务 ' || g,
               (%(users)s)[1 + g %% 7], (%(teams)s)[1 + g %% 7], %(company)s,
               (%(users)s)[1 + (g / 7) %% 7], ((g %% 4))::text,
               DATE %(today)s + ((g %% 121) - 60),
               CASE WHEN g %% 10 < 7 THEN (CASE WHEN g %% 2 = 0 THEN 'todo' ELSE 'doing' END)
                    WHEN g %% 10 < 9 THEN 'done' ELSE 'cancel' END,
               (%(users)s)[1 + g %% 7], (%(teams)s)[1 + g %% 7],
               1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
          FROM generate_series(1, %(n)s) g
        RETURNING id""", {'users': users, 'teams': teams, 'company': company,
                          'today': NOW[:10], 'n': N_TASKS})
    ids = [r[0] for r in cr.fetchall()]
    cr.execute("""
        INSERT INTO crm_task_assignee_rel (task_id, user_id)
        SELECT t.id, (%(users)s)[1 + (t.id / 3) %% 7]
          FROM crm_task t WHERE t.id = ANY(%(ids)s) AND t.id %% 3 = 0
           AND (%(users)s)[1 + (t.id / 3) %% 7] != t.assignee_id""",
               {'users': users, 'ids': ids})
    cr.execute('ANALYZE crm_task')
    cr.execute('ANALYZE crm_task_assignee_rel')
    return ids


def main():
    with benchlib.odoo_env(benchlib.bench_argv()) as env:
        env['crm.clock'].set_now(NOW)
        _zhangwei, _leaders, owners, _managers = benchlib.demo_sales(env)
        t0 = time.perf_counter()
        ids = insert_tasks(env, owners)
        print('data: %s' % benchlib.rate(len(ids), time.perf_counter() - t0))
        lina = env.ref('crm_sales.user_sales_east_1')
        Todo = env['crm.todo'].sudo(lina).with_context(tz='Asia/Shanghai')
        Task = env['crm.task'].sudo(lina).with_context(tz='Asia/Shanghai')
        today = env['crm.clock'].with_context(tz='Asia/Shanghai').today_str()

        def counters():
            return (Task.search_count(Todo._domain_task('overdue')),
                    Task.search_count(Todo._domain_task('today')))

        def naive_counters():
            overdue = due_today = 0
            for task in Task.search([]):
                if lina not in (task.assignee_id | task.assignee_ids):
                    continue
                if task.state in ('todo', 'doing') and task.date_deadline:
                    overdue += task.date_deadline < today
                    due_today += task.date_deadline == today
            return overdue, due_today

        fast = benchlib.measure(env, 'to-do counters (indexed counts)', counters)
        slow = benchlib.measure(env, 'naive: read her tasks, filter in Python', naive_counters,
                                runs=1)
        assert fast.result == slow.result, (fast.result, slow.result)
        print('lina: %d overdue, %d due today' % fast.result)
        benchlib.report('My to-do task counters, %d tasks' % N_TASKS, [slow, fast],
                        slow.label, fast.label)

        Root = env['crm.task'].with_context(tz='Asia/Shanghai')
        tomorrow = str(datetime.datetime.strptime(today, '%Y-%m-%d').date() +
                       datetime.timedelta(days=1))

        def due():
            return len(Root.search([('state', 'in', ['todo', 'doing']),
                                    ('date_deadline', '!=', False),
                                    ('date_deadline', '<=', tomorrow)]))

        def naive_due():
            return len(Root.search([]).filtered(
                lambda t: t.state in ('todo', 'doing') and t.date_deadline and
                t.date_deadline <= tomorrow))

        fast = benchlib.measure(env, 'reminder cron: indexed search', due)
        slow = benchlib.measure(env, 'naive: every task read, filtered', naive_due, runs=1)
        assert fast.result == slow.result
        print('tasks to remind: %d' % fast.result)
        benchlib.report('Deadline reminders: tasks to remind, %d tasks' % N_TASKS, [slow, fast],
                        slow.label, fast.label)


if __name__ == '__main__':
    main()
