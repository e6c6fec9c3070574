"""A director's customer list under the organisation tree, over 100,000 customers in a
3-level tree of 20 sales teams (1 company level, 4 regions, 15 groups).

The director leads one region; the record rules give her the customers of every group
below it (res.users.crm_led_team_ids: the teams she leads and every team below them).
Compared in one run, on the same rows:
- tree rule (shipped): the director's "first 80 by name + count";
- baseline, the flat leader rule (before the tree): the same customers moved into one
  flat team that a leader leads, the same query as that leader (goal: tree within 1.2x);
- reference (correctness only, as the superuser without rules): the tree written the
  obvious way, through the dotted path crm_team_id.parent_id...user_id; all three must
  return the same rows.

    scripts/bench.sh tests/benchmarks/bench_team_tree.py
"""
import sys

import benchlib

N_CUSTOMERS = 100000
GROUPS_PER_REGION = (4, 4, 4, 3)


def make_user(env, login, group, team):
    return env['res.users'].with_context(no_reset_password=True).create({
        'name': login, 'login': login, 'sale_team_id': team.id if team else False,
        'groups_id': [(6, 0, [env.ref('base.group_user').id, env.ref(group).id])]})


def build_tree(env):
    """20 teams, one salesperson per group; returns (director, region, groups, sellers)."""
    Team = env['crm.team']
    root = Team.create({'name': 'Bench 全国'})
    regions, groups, sellers = [], [], []
    for r, n_groups in enumerate(GROUPS_PER_REGION):
        region = Team.create({'name': 'Bench 大区 %d' % r, 'parent_id': root.id})
        regions.append(region)
        for g in range(n_groups):
            group = Team.create({'name': 'Bench 组 %d-%d' % (r, g), 'parent_id': region.id})
            groups.append(group)
            sellers.append(make_user(env, 'bench_s_%d_%d' % (r, g),
                                     'crm_sales.group_crm_salesman', group))
    assert len(groups) + len(regions) + 1 == 20
    director = make_user(env, 'bench_director', 'crm_sales.group_crm_leader', regions[0])
    regions[0].user_id = director
    return director, regions[0], groups, sellers


def move_customers(env, teams, target):
    env.cr.execute('UPDATE res_partner SET crm_team_id = %s WHERE crm_team_id = ANY(%s)',
                   (target.id, teams.ids))
    env.cr.execute('ANALYZE res_partner')
    env['res.partner'].invalidate_cache()


def main(argv):
    with benchlib.odoo_env(argv) as env:
        director, region, groups, sellers = build_tree(env)
        benchlib.insert_customers(env, N_CUSTOMERS, [(s.id, g.id) for s, g in zip(sellers, groups)],
                                  'Tree Co')
        env.cr.execute('ANALYZE res_partner')
        Partner = env['res.partner']
        domain = [('is_crm_customer', '=', True), ('name', 'like', 'Tree Co')]
        order = 'name, id'

        def listing(model, dom):
            return lambda: (model.search(dom, limit=80, order=order).ids, model.search_count(dom))

        naive_domain = domain + ['|', '|', ('crm_team_id.user_id', '=', director.id),
                                 ('crm_team_id.parent_id.user_id', '=', director.id),
                                 ('crm_team_id.parent_id.parent_id.user_id', '=', director.id)]
        # The flat rule first, on the director's customers moved into one team; then they
        # move back and the tree is measured: the tree pays for the more updated table.
        below = region._crm_team_and_below() - region
        flat_team = env['crm.team'].create({'name': 'Bench 平铺团队'})
        flat_leader = make_user(env, 'bench_flat_leader', 'crm_sales.group_crm_leader', flat_team)
        flat_team.user_id = flat_leader
        move_customers(env, below, flat_team)
        flat = benchlib.measure(env, 'flat leader rule (one team)', listing(Partner.sudo(flat_leader), domain))
        env.cr.execute('UPDATE res_partner SET crm_team_id = team_id WHERE crm_team_id = %s',
                       (flat_team.id,))
        env.cr.execute('ANALYZE res_partner')
        Partner.invalidate_cache()
        naive = benchlib.measure(env, 'reference: dotted path, no rules', listing(Partner, naive_domain))
        tree = benchlib.measure(env, 'tree rule (director)', listing(Partner.sudo(director), domain))
        assert tree.result == naive.result, 'the tree rule and the naive scope disagree'
        assert flat.result == tree.result, 'the flat and the tree scopes disagree'

        print('%d customers in %d groups under 4 regions; the director sees %d of them '
              '(%d teams in her scope); median of 5 runs of "first 80 + count"'
              % (N_CUSTOMERS, len(groups), tree.result[1], len(region._crm_team_and_below())))
        benchlib.report('Director\'s customer list over a 3-level tree', [naive, flat, tree],
                        'flat leader rule (one team)', 'tree rule (director)')
        print('  tree rule / flat leader rule: %.2fx (goal: within 1.2x)'
              % (tree.seconds / max(flat.seconds, 1e-9)))


if __name__ == '__main__':
    main(sys.argv[1:])
