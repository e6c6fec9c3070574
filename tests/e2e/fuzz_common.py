"""Shared by the trust-boundary fuzz suites (test_fuzz_*.py, test_access_matrix.py): the
demo roles, the injected context, and a runner of independent checks 4 at a time."""
import threading
import xmlrpc.client
from concurrent.futures import ThreadPoolExecutor

from conftest import Rpc
from fuzz_sources import context_keys, former_keys, grant_names

# salesperson, team leader, executive (reads, changes nothing), service agent, portal
ROLES = ('lina', 'zhangwei', 'wugang', 'xuli', 'zhaoqiang')
WORKERS = 4
# the crm_grant values a client might try (a real grant is an object no client can send)
GRANT_VARIANTS = ('dict', 'action_write', True)
INJECTED = 'E2E 注入'


def call(user, model, method, args, kwargs=None):
    try:
        return ('ok', user.call(model, method, *args, **(kwargs or {})))
    except xmlrpc.client.Fault as fault:
        return ('fault', fault)


def traceback_in(outcome):
    """What is wrong with a fault that is no clean business error, else None."""
    status, value = outcome
    if status == 'ok':
        return None
    text = value.faultString
    if value.faultCode not in (2, 3, 4) or 'Traceback' in text or 'File "' in text:
        return 'a traceback: %s' % text.strip().splitlines()[-1][:200]
    return None


class Sessions(object):
    """One XML-RPC session per login and per thread."""

    def __init__(self):
        self.local = threading.local()

    def __call__(self, login):
        cache = self.local.__dict__.setdefault('sessions', {})
        if login not in cache:
            cache[login] = Rpc(login)
        return cache[login]


def run_parallel(func, items):
    """[func(item)] WORKERS at a time (the test server's workers); func returns a list
    of problems."""
    with ThreadPoolExecutor(WORKERS) as pool:
        return [p for found in pool.map(func, items) for p in found]


def different_value(field, current=None, foreign=None):
    """A value of ``field`` (a fields_get entry) that a privileged action would set."""
    ftype = field['type']
    if ftype == 'boolean':
        return not current
    if ftype in ('char', 'text', 'html'):
        return INJECTED
    if ftype == 'datetime':
        return '2030-01-01 00:00:00'
    if ftype == 'date':
        return '2030-01-01'
    if ftype == 'selection':
        keys = [k for k, _v in field['selection'] if k != current]
        for wanted in ('approved', 'won', 'done', 'archived', 'closed', 'paid'):
            if wanted in keys:
                return wanted
        return keys[-1] if keys else None
    if ftype == 'many2one':
        return (foreign or {}).get(field['relation'], 1)
    if ftype in ('integer',):
        return 7
    if ftype in ('float', 'monetary'):
        return 6000000.0
    return None


def plausible(key, value, info):
    """The value a client would try for a context key found in the source."""
    if key == 'active_model':
        return info['model']
    if key == 'active_id':
        return info['target']
    if key == 'active_ids':
        return [info['target']] if info['target'] else []
    if key.endswith('_uid') or key in ('default_user_id', 'default_crm_scope_user_id'):
        return info['foreign_uid']
    if key in ('default_team_id', 'default_crm_scope_team_id'):
        return info['foreign_team']
    if key == 'crm_owner_reason':
        return 'claim'
    if key == 'crm_sla_start':
        return '2020-01-01 00:00:00'
    if key == 'end_status':
        return 'won'
    if key == 'default_type':
        return 'opportunity'
    return value


def injected_context(info, defaults, variant='dict'):
    """Every context key of the project's source with a plausible value, a client-made
    ``crm_grant`` and ``default_<f>`` for every action-only field (``defaults``), the
    state, the owner, the team and the scope."""
    ctx = dict.fromkeys(former_keys(), True)
    for key, value in context_keys():
        ctx[key] = plausible(key, value, info)
    ctx.update(defaults)
    for key in ('default_state', 'default_team_id', 'default_user_id',
                'default_crm_scope_user_id', 'default_crm_scope_team_id'):
        ctx[key] = plausible(key, ctx.get(key, 'approved'), info)
    ctx['crm_grant'] = dict.fromkeys(grant_names(), True) if variant == 'dict' else variant
    return ctx
