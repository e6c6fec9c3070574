"""The paths around ``create`` / ``write``: ``copy`` with default values,
``message_new`` with custom values, ``message_update`` with update values and
``message_post`` with extra values, each carrying every action-only field of the model
(a value a privileged action would set), on every mail-thread CRM model that declares
action-only fields, as each demo role: refused cleanly or harmless; lina's record keeps
its values, and no record appears carrying the injected ones."""
import re
import uuid
import xmlrpc.client

import pytest

from fuzz_common import INJECTED, ROLES, Sessions, call, different_value, run_parallel, traceback_in

CJK = re.compile('[\u4e00-\u9fff]')


@pytest.fixture(scope='module')
def world(shared_world):
    return shared_world


@pytest.fixture(scope='module')
def targets(registry_env, admin, rpc, world):
    """[(model, lina's record, {action field: injected value}, required values)]."""
    try:
        declared = admin.call('crm.guard', 'action_fields_map')
    except xmlrpc.client.Fault:
        declared = {m: list(registry_env[m]._crm_action_fields()) for m in registry_env.registry
                    if hasattr(registry_env[m], '_crm_action_fields') and not registry_env[m]._abstract}
    foreign = {'res.users': rpc('yanglei').uid, 'crm.team': admin.ref('crm_sales.team_south'),
               'res.partner': world['foreign']['res.partner']}
    found = []
    for model, names in sorted(declared.items()):
        record = world['own'].get(model)
        if not names or not record or not hasattr(registry_env[model], 'message_new'):
            continue
        described = admin.call(model, 'fields_get', names, attributes=['type', 'selection', 'relation'])
        current = admin.call(model, 'read', [record], list(described))[0]
        values = {}
        for fname, field in sorted(described.items()):
            value = current[fname][0] if isinstance(current[fname], list) and current[fname] else current[fname]
            new = different_value(field, value, foreign)
            if new is not None and field['type'] not in ('one2many', 'many2many'):
                values[fname] = new
        found.append((model, record, values, _required(admin, model, record, names)))
    assert {t[0] for t in found} >= {'crm.contract', 'crm.receivable'}, [t[0] for t in found]
    return found


def _required(admin, model, record, action):
    described = admin.call(model, 'fields_get', attributes=['type', 'required', 'readonly'])
    names = [f for f, d in described.items() if d.get('required') and not d.get('readonly')
             and f not in action and d['type'] not in ('one2many', 'many2many')]
    current = admin.call(model, 'read', [record], names)[0] if names else {}
    return {f: v[0] if isinstance(v, list) and v else v for f, v in current.items() if f != 'id'}


def _carries(record, values):
    """The injected values a record carries."""
    got = {}
    for fname, value in values.items():
        have = record.get(fname)
        have = have[0] if isinstance(have, list) and have else have
        if have == value and value not in (False, None, ''):
            got[fname] = value
    return got


def _mail(tag):
    return {'subject': 'E2E 邮件注入 %s' % tag, 'from': 'E2E <e2e-%s@example.com>' % tag,
            'email_from': 'E2E <e2e-%s@example.com>' % tag, 'to': 'crm@example.com', 'cc': '',
            'body': '<p>%s</p>' % INJECTED, 'message_id': '<%s@e2e.example.com>' % tag,
            'date': '2026-12-01 09:00:00', 'attachments': []}


def _checks(model, record, values, required, login, sessions):
    user, admin = sessions(login), sessions('admin')
    tag = uuid.uuid4().hex[:8]
    names = sorted(values)
    before = admin.call(model, 'read', [record], names)[0]
    last = (admin.call(model, 'search', [], order='id desc', limit=1,
                       context={'active_test': False}) or [0])[0]
    attempts = [
        ('copy', [[record]], {'default': dict(values)}),
        ('message_new', [_mail(tag), dict(required, **values)], {}),
        ('message_update', [[record], _mail(tag + 'u'), dict(values)], {}),
        ('message_post', [[record]], dict(values, body=INJECTED, message_type='comment')),
    ]
    problems = []
    for method, args, kwargs in attempts:
        outcome = call(user, model, method, args, kwargs)
        what = '%s.%s(%s) as %s' % (model, method, ', '.join(sorted(values)), login)
        if traceback_in(outcome):
            problems.append('%s: %s' % (what, traceback_in(outcome)))
        elif outcome[0] == 'fault' and not CJK.search(outcome[1].faultString):
            problems.append('%s: not in Chinese: %s' % (what, outcome[1].faultString[:200]))
    after = admin.call(model, 'read', [record], names)[0]
    changed = {f: (before[f], after[f]) for f in names if before[f] != after[f]}
    if changed:
        problems.append('%s %s as %s: lina\'s record changed: %s' % (model, record, login, changed))
    new = admin.call(model, 'search', [('id', '>', last)], context={'active_test': False})
    for rec in admin.call(model, 'read', new, names) if new else []:
        carried = _carries(rec, values)
        if carried:
            problems.append('%s: record %s, made while %s tried, carries %s' % (
                model, rec['id'], login, carried))
    return problems


def test_copy_and_mail_values_cannot_set_action_only_fields(targets):
    sessions = Sessions()
    # one role's attempts on one model in order (the new records are told apart by id);
    # the roles in parallel
    jobs = [(model, record, values, required, login)
            for login in ROLES for model, record, values, required in targets]
    by_role = [[j for j in jobs if j[4] == login] for login in ROLES]
    problems = run_parallel(
        lambda batch: [p for job in batch for p in _checks(*job, sessions=sessions)], by_role)
    assert not problems, '%d problems:\n%s' % (len(problems), '\n'.join(problems[:40]))
