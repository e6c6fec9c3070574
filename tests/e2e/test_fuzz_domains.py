"""Domains, orders, limits and group-bys built from each CRM model's ``fields_get``: wrong
types, unknown fields and operators, malformed shapes, on ``search_read``,
``search_count``, ``read_group`` and ``name_search`` as a salesperson. Every answer is a
clean fault (code 2 or 4, no traceback, no server file path) or a correct answer; a
``read_group`` without group-by on an empty set answers. A new model is covered by the
registry discovery; the shapes rotate over the methods to bound the runtime."""
import xmlrpc.client

from fuzz_common import Sessions, call, run_parallel
from test_guard_fuzz import project_models

ROLE = 'lina'
METHODS = ('search_read', 'search_count', 'read_group')
SHAPES = ['not a list', {'a': 1}, [('id',)], [('id', '=', 1, 2)], ['|'], ['!'],
          ['&', ('id', '=', 1)], [('no_such_field', '=', 1)], [('id', 'bogus', 1)], [[]],
          [None], [1], [('id', 'in', 'abc')], [('id', '=', {'a': 1})],
          [('id.no_such_field', '=', 1)], [('id', 'child_of', 'abc')], [('id', '=', [[1]])]]
WRONG = {
    'char': [('=', {'a': 1}), ('in', 5), ('=like=', 'x')],
    'text': [('=', [1, [2]])],
    'integer': [('=', 'abc'), ('>', [1])],
    'float': [('=', 'abc'), ('<', {'a': 1})],
    'monetary': [('=', 'abc')],
    'boolean': [('=', 'abc')],
    'selection': [('=', 123), ('in', 'abc')],
    'date': [('=', 'garbage'), ('>', '2026-13-45'), ('<', 20261201)],
    'datetime': [('=', 'garbage'), ('>=', '2026-12-01 25:61:00')],
    'many2one': [('=', {'a': 1}), ('child_of', 'abc'), ('in', [['x']])],
    'one2many': [('=', 'abc'), ('in', [{'a': 1}])],
    'many2many': [('=', 'abc'), ('in', [{'a': 1}])],
}
KWARGS = [{'order': 'no_such_field desc'}, {'order': 'id; select 1'}, {'order': 123},
          {'limit': -1}, {'limit': 'abc'}, {'offset': -5}, {'offset': 'abc'},
          {'fields': ['no_such_field']}, {'fields': 'abc'}]


def _fields(described):
    """Per type, the first stored field and its sub-field path where it is relational."""
    chosen = {}
    for name, field in sorted(described.items()):
        if field.get('store') and field['type'] in WRONG and field['type'] not in chosen:
            chosen[field['type']] = name
    return chosen


def _rotate(items, index, count):
    """``count`` of ``items``, a different slice for each model: every case runs on
    some models at every run, and the runtime stays bounded."""
    return [items[(index * count + i) % len(items)] for i in range(min(count, len(items)))]


def _domain_calls(model, index, described):
    calls = []
    for i, domain in enumerate(_rotate(SHAPES, index, 8)):
        calls.append(_domain_call(model, METHODS[(index + i) % len(METHODS)], domain))
    for j, (ftype, fname) in enumerate(sorted(_fields(described).items())):
        op, value = _rotate(WRONG[ftype], index, 1)[0]
        calls.append(_domain_call(model, METHODS[(index + j) % len(METHODS)], [(fname, op, value)]))
        if ftype == 'many2one':
            calls.append(_domain_call(model, 'search_read', [(fname + '.no_such_field', '=', 1)]))
    for kwargs in _rotate(KWARGS, index, 3):
        calls.append((model, 'search_read', [[]], dict({'limit': 1}, **kwargs)))
    groupable = _fields(described)
    date = groupable.get('date') or groupable.get('datetime')
    groupbys = [['no_such_field'], 'abc', [{'a': 1}], [(date or 'id') + ':century'],
                [groupable.get('many2many', 'id')], [(date or 'id') + ':day:week']]
    for groupby in _rotate(groupbys, index, 3):
        calls.append((model, 'read_group', [[], ['id'], groupby], {}))
    calls.append(_rotate([(model, 'read_group', [[], ['no_such_field'], []], {}),
                          (model, 'read_group', [[], ['id'], []], {'orderby': 'no_such_field', 'lazy': 'abc'})],
                         index, 1)[0])
    name, operator, limit = _rotate([('x', 'bogus', 5), ({'a': 1}, 'ilike', 5), ('x', 'ilike', -1)], index, 1)[0]
    calls.append((model, 'name_search', [], {'name': name, 'operator': operator, 'limit': limit}))
    return calls


def _domain_call(model, method, domain):
    if method == 'read_group':
        return (model, method, [domain, ['id'], []], {})
    if method == 'search_read':
        return (model, method, [domain], {'fields': ['id'], 'limit': 1})
    return (model, method, [domain], {})


def _clean(outcome, what):
    status, value = outcome
    if status == 'ok':
        return None
    text = value.faultString
    if 'Traceback' in text or 'File "' in text or value.faultCode not in (2, 4):
        return '%s: %s' % (what, text.strip().splitlines()[-1][:200])
    return None


def test_bad_domains_fail_cleanly_on_every_crm_model(registry_env, admin):
    models = [m for m in project_models(registry_env) if not registry_env[m]._transient]
    assert 'crm.contract' in models and 'res.partner' in models
    sessions = Sessions()
    batches = []
    for index, model in enumerate(models):
        described = admin.call(model, 'fields_get', attributes=['type', 'store'])
        batches.append(_domain_calls(model, index, described))

    def run(batch):
        user = sessions(ROLE)
        problems = []
        for model, method, args, kwargs in batch:
            what = '%s.%s(%r, %r)' % (model, method, args, kwargs)
            problem = _clean(call(user, model, method, args, kwargs), what)
            if problem:
                problems.append(problem)
        return problems

    problems = run_parallel(run, batches)
    assert not problems, '%d problems (%d models):\n%s' % (
        len(problems), len({p.split('(')[0].rsplit('.', 1)[0] for p in problems}),
        '\n'.join(problems[:60]))


def test_read_group_without_group_by_on_an_empty_set_answers(registry_env, rpc):
    """A legitimate query: one group counting nothing, not "cannot marshal None"."""
    lina = rpc('lina')
    problems = []
    for model in [m for m in project_models(registry_env) if not registry_env[m]._transient]:
        try:
            result = lina.call(model, 'read_group', [('id', '=', -1)], ['id'], [])
        except xmlrpc.client.Fault as fault:
            if fault.faultCode != 4:   # a model lina may not read at all
                problems.append('%s: %s' % (model, fault.faultString.strip().splitlines()[-1][:200]))
            continue
        if not isinstance(result, list):
            problems.append('%s: %r' % (model, result))
    assert not problems, '\n'.join(problems)
