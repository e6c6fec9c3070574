"""Context injection: privilege never travels in a context a client sends.

Every context key the project's code reads or sets (found by scanning addons/**, so a new
module's keys join by themselves), a client-made ``crm_grant`` (a dictionary of every
grant, the string ``'action_write'``, ``True``), and ``default_<f>`` for every action-only
field of every model, the state, the owner, the team and the data scope, are sent:

* on every public method of the project's models (the discovery of test_guard_fuzz), as
  the demo roles (3 of 5 per method, in rotation), on lina's and on a foreign (华南)
  record: a call the role cannot make without the context changes nothing with it (the
  same call, at the same state of a world of the lane's own; calls on no record or on
  records the lanes share run alone afterwards, compared on every project table);
* on ``create`` and ``copy``: the record created with the context carries the same
  action-only fields, state, owner and team as the one created without it;
* on ``write`` of each action-only field: refused, value unchanged.
Runtime is bounded: one grant variant per method (in rotation), 4 calls at a time."""
import xmlrpc.client

import pytest

from fuzz_common import (GRANT_VARIANTS, INJECTED, ROLES, WORKERS, Sessions, call,
                         different_value, injected_context, run_parallel, traceback_in)
from test_guard_fuzz import (ABSTRACT, Fingerprint, _declaring, build_world, project_methods,
                             project_models)

# each method as 3 of the 5 roles, in rotation: every role on 3 methods out of 5
ROLES_PER_METHOD = 3
NOT_COMPARED = ('id', 'display_name', '__last_update', 'create_date', 'write_date',
                'create_uid', 'write_uid')


@pytest.fixture(scope='module')
def twin(lanes):
    """The world create / copy / write work on (a lane's: they compare with and without
    the context at the same state, whatever the state)."""
    return lanes[0]


@pytest.fixture(scope='module')
def lanes(admin, rpc):
    """One world per parallel lane: a lane's calls act on its own records only, so a
    call is compared with the same call without the context at the same state."""
    return [build_world(admin, rpc) for _lane in range(WORKERS)]


@pytest.fixture(scope='module')
def action_fields(admin, registry_env):
    """{model: [action-only fields]}: crm.guard.action_fields_map() (public, read-only),
    or the registry where the server has not got it."""
    try:
        found = admin.call('crm.guard', 'action_fields_map')
    except xmlrpc.client.Fault:
        found = {m: list(Model._crm_action_fields())
                 for m, Model, _d in _declaring(registry_env, '_crm_action_fields')}
    assert found.get('crm.contract') and found.get('crm.lead'), found
    return found


@pytest.fixture(scope='module')
def info(admin, rpc):
    return {'foreign_uid': rpc('yanglei').uid, 'foreign_team': admin.ref('crm_sales.team_south'),
            'foreign': {'res.users': rpc('yanglei').uid,
                        'crm.team': admin.ref('crm_sales.team_south')}}


@pytest.fixture(scope='module')
def defaults(admin, action_fields, info):
    """default_<f> for every action-only field of every model, with the value a
    privileged action would set (a contract's state 'approved' wins a shared name)."""
    found = {}
    for model in sorted(action_fields, key=lambda m: m != 'crm.contract'):
        described = admin.call(model, 'fields_get', action_fields[model], attributes=[
            'type', 'selection', 'relation'])
        for fname, field in sorted(described.items()):
            value = different_value(field, None, info['foreign'])
            if value is not None:
                found.setdefault('default_' + fname, value)
    return found


def _ctx(info, defaults, model, target, variant):
    return injected_context(dict(info, model=model, target=target), defaults, variant)


def _targets(model, world, admin):
    """The salesperson lina's record and yanglei's (华南), else any record."""
    ids = [w[model] for w in (world['own'], world['foreign']) if model in w]
    if not ids and model not in ABSTRACT:
        ids = admin.call(model, 'search', [], limit=1, context={'active_test': False})
    return ids


def _args(params):
    """Arguments for a method's required parameters: the injection is about the context,
    so the rest is something plausible (a call refused for them changes nothing either)."""
    return [{} if p in ('vals', 'values', 'default') else 1 if p.endswith('_id') else INJECTED
            for p in params]


def _method_batches(env, admin, lanes, info, defaults):
    """[(login, model, method, args, context)] per lane, of the methods given to it (in
    rotation) on the lane's own records, and of the calls on no record or on records the
    lanes share (run alone afterwards); the grant variant rotates over the methods."""
    batches, shared = [[] for _lane in lanes], []
    methods = [m for m in project_methods(env) if not env[m[0]]._transient]
    for index, (model, method, is_model, params) in enumerate(methods):
        lane = index % len(lanes)
        required = _args([p for p in params if p not in _optional(env, model, method)])
        variant = GRANT_VARIANTS[index % len(GRANT_VARIANTS)]
        targets = [None] if is_model else _targets(model, lanes[lane], admin)
        own = not is_model and any(model in lanes[lane][side] for side in ('own', 'foreign'))
        for login in [ROLES[(index + k) % len(ROLES)] for k in range(ROLES_PER_METHOD)]:
            for target in targets:
                ids = [] if is_model else [[target]]
                ctx = _ctx(info, defaults, model, target, variant)
                (batches[lane] if own else shared).append((login, model, method, ids + required, ctx))
    return batches, shared


def _compare(user, call_, printer, counts):
    """The call without the context; where refused, with it: a problem if the second
    changed what ``printer`` sees or answered with a traceback."""
    login, model, method, args, ctx = call_
    if call(user, model, method, args)[0] == 'ok':
        return None       # allowed without the context: nothing to compare
    counts['refused'] += 1
    before = printer.take()
    outcome = call(user, model, method, args, {'context': ctx})
    after = printer.take()
    what = '%s.%s(%s) as %s with the injected context (crm_grant=%r)' % (
        model, method, args[0] if args else '', login, ctx['crm_grant'])
    if after != before:
        return '%s: refused without it, changed %s' % (
            what, [a for a, b in zip(after, before) if a != b] or after)
    if traceback_in(outcome):
        return '%s: %s' % (what, traceback_in(outcome))
    return None


class WorldPrint(object):
    """The state of one world's records (write date, messages, activities, reviews),
    read with SQL on a cursor of its own."""

    def __init__(self, env, world):
        import odoo
        self.cr = odoo.registry(env.cr.dbname).cursor()
        parts, pairs = [], []
        for side in ('own', 'foreign'):
            for model, rid in sorted(world[side].items()):
                Model = env[model]
                if model == 'res.users':    # shared by the lanes
                    continue
                parts.append("SELECT '%s:%d', write_date::text FROM \"%s\" WHERE id = %d" % (
                    model, rid, Model._table, rid))
                pairs.append("('%s', %d)" % (model, rid))
        for table in ('mail_message', 'mail_activity', 'tier_review'):
            if table in ('mail_message', 'mail_activity') or 'tier.review' in env.registry:
                parts.append("SELECT '%s', count(*)::text FROM %s WHERE (%s, res_id) IN (%s)" % (
                    table, table, 'res_model' if table == 'mail_activity' else 'model', ', '.join(pairs)))
        self.sql = ' UNION ALL '.join(parts)

    def take(self):
        self.cr.rollback()
        self.cr.execute(self.sql)
        rows = sorted(self.cr.fetchall())
        # end the transaction: its read locks would block the server's ALTER TABLE
        # (a custom field added by a later suite) for the rest of the session
        self.cr.rollback()
        return rows

    def close(self):
        self.cr.rollback()
        self.cr.close()


def _optional(env, model, method):
    import inspect
    func = getattr(type(env[model]), method)
    return {p.name for p in inspect.signature(func).parameters.values()
            if p.default is not p.empty}


def test_context_keys_are_found_in_the_source(defaults):
    """The scan sees the project's keys, and the defaults cover the action-only fields."""
    from fuzz_sources import context_keys, former_keys, grant_names
    keys = dict(context_keys())
    assert {'active_test', 'default_team_id'} <= set(keys) and len(keys) > 10, sorted(keys)
    assert {'action_write', 'approval', 'share'} <= set(grant_names())
    assert {'crm_action_write', 'crm_approval_ok', 'crm_sla_start'} <= set(former_keys())
    assert defaults.get('default_state') == 'approved', defaults


def test_injected_context_grants_nothing_on_any_public_method(registry_env, admin, lanes,
                                                              info, defaults):
    """Each call is made without the context, then, where refused, with it, at the same
    state of the lane's world: with the context it changes nothing either."""
    ABSTRACT.update(n for n in project_models(registry_env, abstract=True)
                    if registry_env[n]._abstract)
    batches, shared = _method_batches(registry_env, admin, lanes, info, defaults)
    sessions = Sessions()
    counts = {'refused': 0}

    def run(lane):
        printer = WorldPrint(registry_env, lanes[lane])
        try:
            found = [_compare(sessions(c[0]), c, printer, counts) for c in batches[lane]]
        finally:
            printer.close()
        return [p for p in found if p]

    problems = run_parallel(run, range(len(lanes)))
    # the calls on no record or on shared ones, alone: every project table is compared
    printer = Fingerprint(registry_env)
    problems += [p for p in (_compare(sessions(c[0]), c, printer, counts) for c in shared) if p]
    sessions('admin').call('crm.clock', 'set_now', False)
    total = sum(len(b) for b in batches) + len(shared)
    assert counts['refused'] > total // 3, (counts, total)
    assert not problems, '%d problems:\n%s' % (len(problems), '\n'.join(problems[:40]))


def _required_vals(admin, model, record, action):
    """Values for a new record like ``record``: its required fields (no action-only one)
    and a name."""
    described = admin.call(model, 'fields_get', attributes=['type', 'required', 'readonly', 'store'])
    names = [f for f, d in described.items() if d.get('required') and not d.get('readonly')
             and f not in action and d['type'] not in ('one2many', 'many2many')]
    vals = {}
    if names:
        current = admin.call(model, 'read', [record], names)[0]
        vals = {f: v[0] if isinstance(v, list) and v else v for f, v in current.items() if f != 'id'}
    if 'name' in described and 'name' not in action:
        vals['name'] = '%s %s' % (INJECTED, model)
    return vals


def _fingerprint_of(admin, model, ids, names):
    return [{f: v for f, v in r.items() if f not in NOT_COMPARED}
            for r in admin.call(model, 'read', ids, names, context={'active_test': False})]


def _differences(admin, model, plain_id, injected_id, names, defaults):
    """Fields where the record made with the context differs from the one made without,
    toward what the context asked for."""
    plain, injected = _fingerprint_of(admin, model, [plain_id, injected_id], names)
    wrong = []
    for fname in names:
        asked = defaults.get('default_' + fname)
        got = injected.get(fname)
        got = got[0] if isinstance(got, list) and got else got
        if injected.get(fname) != plain.get(fname) and (asked is None or got == asked):
            wrong.append('%s=%r (without the context: %r)' % (fname, got, plain.get(fname)))
    return wrong


def _create_and_copy_checks(model, login, vals, own, names, ctx, defaults, sessions, admin):
    user = sessions(login)
    problems = []
    made = []
    for method, args in (('create', [vals]), ('copy', [[own]])):
        plain = call(user, model, method, args)
        injected = call(user, model, method, args, {'context': ctx})
        what = '%s.%s as %s' % (model, method, login)
        for outcome in (plain, injected):
            if traceback_in(outcome):
                problems.append('%s: %s' % (what, traceback_in(outcome)))
        made += [o[1] for o in (plain, injected) if o[0] == 'ok' and isinstance(o[1], int)]
        if plain[0] == 'fault' and injected[0] == 'ok':
            problems.append('%s: refused without the context, done with it (id %s)' % (what, injected[1]))
        elif plain[0] == injected[0] == 'ok':
            wrong = _differences(admin, model, plain[1], injected[1], names, defaults)
            if wrong:
                problems.append('%s with the injected context: %s' % (what, ', '.join(wrong)))
    for record in made:
        call(admin, model, 'unlink', [[record]])
    return problems


def test_injected_context_changes_nothing_on_create_and_copy(admin, twin, info, defaults,
                                                             action_fields):
    """As each role, create (with the required values of lina's record) and copy of
    lina's record, with and without the context: the same action-only fields, state,
    owner and team."""
    sessions = Sessions()
    jobs = []
    for index, model in enumerate(sorted(action_fields)):
        own = twin['own'].get(model)
        if not own:
            continue
        described = admin.call(model, 'fields_get', attributes=['type'])
        names = sorted(set(action_fields[model]) | {f for f in (
            'state', 'user_id', 'team_id', 'crm_scope_user_id', 'crm_scope_team_id') if f in described})
        names = [n for n in names if n in described]
        vals = _required_vals(admin, model, own, action_fields[model])
        ctx = _ctx(info, defaults, model, own, GRANT_VARIANTS[index % len(GRANT_VARIANTS)])
        # the roles one after the other on a model (a copy may be refused for what another
        # role's copy added: both calls of a pair must see the same state); models in parallel
        jobs.append([(model, login, vals, own, names, ctx) for login in ROLES])
    problems = run_parallel(lambda batch: [p for job in batch for p in _create_and_copy_checks(
        *job, defaults=defaults, sessions=sessions, admin=sessions('admin'))], jobs)
    assert not problems, '%d problems:\n%s' % (len(problems), '\n'.join(problems[:40]))


def _write_checks(model, login, record, fname, field, ctx, sessions, admin):
    current = admin.call(model, 'read', [record], [fname])[0][fname]
    value = current[0] if isinstance(current, list) and current else current
    new = different_value(field, value, {})
    if new is None or new == value:
        return []
    outcome = call(sessions(login), model, 'write', [[record], {fname: new}], {'context': ctx})
    after = admin.call(model, 'read', [record], [fname])[0][fname]
    what = '%s.write(%s=%r) as %s with the injected context' % (model, fname, new, login)
    problems = []
    if outcome[0] == 'ok' or after != current:
        problems.append('%s: accepted (%r -> %r)' % (what, current, after))
    elif traceback_in(outcome):
        problems.append('%s: %s' % (what, traceback_in(outcome)))
    return problems


def test_injected_context_does_not_open_action_only_fields_to_write(admin, twin, info, defaults,
                                                                      action_fields):
    sessions = Sessions()
    jobs = []
    for index, model in enumerate(sorted(action_fields)):
        record = twin['own'].get(model)
        if not record:
            continue
        described = admin.call(model, 'fields_get', action_fields[model],
                               attributes=['type', 'selection', 'relation', 'readonly'])
        ctx = _ctx(info, defaults, model, record, GRANT_VARIANTS[index % len(GRANT_VARIANTS)])
        for position, (fname, field) in enumerate(sorted(described.items())):
            for k in range(2):    # 2 of the 5 roles per field, in rotation
                login = ROLES[(index + position + k) % len(ROLES)]
                jobs.append((model, login, record, fname, field, ctx))
    problems = run_parallel(lambda job: _write_checks(*job, sessions=sessions, admin=sessions('admin')), jobs)
    assert not problems, '%d problems:\n%s' % (len(problems), '\n'.join(problems[:40]))
