"""The guard of the whole class of "bad input" and "acting without the right" defects.

Every public method of the project's models and wizards is discovered from the registry
(a model class of a ``crm_*`` module defines it), so a new module's methods are covered
without editing this file. Each is called over XML-RPC as each demo role with bad
arguments: foreign, missing, malformed and empty ids, wrong types, negative numbers, huge
strings, unknown keywords. Every call must either fail with a business error
(UserError / ValidationError / AccessError / MissingError: XML-RPC fault code 2 or 4,
never a traceback) in the caller's language (the demo users read Chinese), or succeed;
and in both cases no row of the project's tables may change. Then ``create`` / ``write``
get values of the wrong type, records pointing at targets the user may not work on, and
direct writes of the fields only actions change."""
import datetime
import inspect
import re
import threading
import uuid
import xmlrpc.client
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import Rpc

CJK = re.compile('[\u4e00-\u9fff]')
ROLES = ('lina', 'zhangwei', 'sunqiang', 'zhoutao', 'wugang')
MANAGERS = ('sunqiang', 'zhoutao')
MISSING = 999999999
HUGE = 'x' * 100000
BAD_ARGS = ('abc', -1, HUGE, [], {'a': 1})
# ORM methods (create / write are fuzzed with their values below)
ABSTRACT = set()
WORKERS = 4    # the test server's workers (scripts/test.sh)
EXTRA_TABLES = ('mail_message', 'mail_activity', 'ir_attachment', 'mail_followers')
# the login log (crm_audit, OCA auth_brute_force): every authentication, the fuzz's own
# sessions included, is recorded in a transaction of its own, whatever the call does
NOT_FINGERPRINTED = ('res_authentication_attempt',)


def _is_project_class(klass):
    return getattr(klass, '__module__', '').startswith('odoo.addons.crm_')


def project_models(env, abstract=False):
    return sorted(name for name, cls in env.registry.models.items()
                  if (abstract or not cls._abstract) and any(_is_project_class(k) for k in cls.__mro__))


def project_methods(env):
    """[(model, method, is_model_api, [parameter names])] of every public method whose
    first definition in the model's class hierarchy comes from a crm_* module."""
    from odoo import models
    found = []
    for name in project_models(env, abstract=True):
        cls = env.registry[name]
        for attr in sorted(dir(cls)):
            if attr.startswith('_') or hasattr(models.BaseModel, attr):
                continue
            owner = next((k for k in cls.__mro__ if attr in vars(k)), None)
            func = getattr(cls, attr, None)
            if owner is None or not _is_project_class(owner) or not inspect.isfunction(func):
                continue
            params = [p.name for p in list(inspect.signature(func).parameters.values())[1:]
                      if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
            found.append((name, attr, getattr(func, '_api', None) == 'model', params))
    return found


def project_tables(env):
    """(table, has write_date) of the project's models, the CRM's standard models and
    the chatter/attachment tables, plus their many2many tables."""
    tables = {}
    for name in project_models(env) + ['res.partner', 'crm.lead']:
        model = env[name]
        if model._transient or not model._auto:
            continue
        if model._table in NOT_FINGERPRINTED:
            continue
        tables[model._table] = model._log_access   # ir.translation has no write_date
        for field in model._fields.values():
            if field.type == 'many2many' and field.store and field.relation:
                tables.setdefault(field.relation, False)
    for table in EXTRA_TABLES:
        tables[table] = table != 'mail_followers'
    return sorted(tables.items())


class Fingerprint(object):
    def __init__(self, env):
        self.cr = env.cr
        parts = ["SELECT '%s', count(*), %s FROM \"%s\"" % (
            t, 'max(write_date)::text' if wd else "''", t) for t, wd in project_tables(env)]
        self.sql = ' UNION ALL '.join(parts)

    def take(self):
        self.cr.rollback()  # a new snapshot
        self.cr.execute(self.sql)
        rows = sorted(self.cr.fetchall())
        # end the transaction: its read locks would block the server's ALTER TABLE
        # (a custom field added by a later suite) for the rest of the session
        self.cr.rollback()
        return rows


def _call(user, model, method, args, kwargs):
    try:
        return ('ok', user.call(model, method, *args, **kwargs))
    except xmlrpc.client.Fault as fault:
        return ('fault', fault)


def _check_outcome(outcome, what):
    """None if the outcome is acceptable, else what is wrong."""
    status, value = outcome
    if status == 'ok':
        return None
    if value.faultCode not in (2, 4):
        return '%s: a traceback instead of a clear error: %s' % (
            what, value.faultString.strip().splitlines()[-1][:300])
    if not CJK.search(value.faultString):
        return '%s: the message is not in Chinese: %s' % (what, value.faultString[:300])
    return None


def _report(problems):
    """Distinct problems (one per method and kind of failure), the first ones in full."""
    distinct = {}
    for p in problems:
        key = (p.split('(')[0].rsplit('.', 1)[0], p.split(' as ')[-1].split(': ', 1)[-1][:60])
        distinct.setdefault(key, p)
    return '%d problems (%d distinct):\n%s' % (len(problems), len(distinct),
                                              '\n'.join(list(distinct.values())[:60]))


@pytest.fixture(scope='module')
def world(admin, rpc):
    return build_world(admin, rpc)


def build_world(admin, rpc):
    """Records of yanglei (华南, so foreign to lina and to zhangwei's team) and of lina
    (the other fuzz suites build worlds of their own with it)."""
    uid = {login: rpc(login).uid for login in ('lina', 'yanglei')}
    # digits: a run of hex letters ("fac", "bad") reads as an English word to the browser
    # tests, which see these records on their screens
    tag = str(uuid.uuid4().int)[:6]
    south = admin.ref('crm_sales.team_south')
    east = admin.ref('crm_sales.team_east')
    foreign_customer = admin.call('res.partner', 'create', {
        'name': 'E2E 守卫 外部客户' + tag, 'is_company': True, 'customer': True,
        'user_id': uid['yanglei'], 'team_id': south})
    foreign_contact = admin.call('res.partner', 'create', {
        'name': 'E2E 守卫 外部联系人' + tag, 'parent_id': foreign_customer, 'type': 'contact',
        'phone': '021-55550001'})
    foreign_lead = admin.call('crm.lead', 'create', {
        'name': 'E2E 守卫 外部商机' + tag, 'type': 'opportunity', 'user_id': uid['yanglei'],
        'team_id': south, 'partner_id': foreign_customer})
    own_customer = admin.call('res.partner', 'create', {
        'name': 'E2E 守卫 李娜客户' + tag, 'is_company': True, 'customer': True,
        'user_id': uid['lina'], 'team_id': east})
    own_lead = admin.call('crm.lead', 'create', {
        'name': 'E2E 守卫 李娜商机' + tag, 'type': 'opportunity', 'user_id': uid['lina'],
        'team_id': east, 'partner_id': own_customer})
    own_follow_up = admin.call('crm.follow.up', 'create', {
        'partner_id': own_customer, 'user_id': uid['lina'], 'content': 'E2E 守卫 跟进'})
    foreign = {
        'res.partner': foreign_customer, 'crm.lead': foreign_lead,
        'crm.follow.up': admin.call('crm.follow.up', 'create', {
            'partner_id': foreign_customer, 'user_id': uid['yanglei'], 'content': 'E2E 外部跟进'}),
        'crm.customer.relation': admin.call('crm.customer.relation', 'create', {
            'partner_id': foreign_customer, 'related_partner_id': own_customer,
            'relation_type': 'partner'}),
        'res.users': uid['yanglei'],
    }
    own = {'res.partner': own_customer, 'crm.lead': own_lead, 'crm.follow.up': own_follow_up}
    # crm_contract: for each of yanglei and lina a draft contract (every field and action
    # still open) and an approved one (below 100,000: approved when admin submits it)
    # carrying a payment plan and a draft payment
    for records, login, team, customer in ((foreign, 'yanglei', south, foreign_customer),
                                           (own, 'lina', east, own_customer)):
        contract = {'partner_id': customer, 'user_id': uid[login], 'team_id': team,
                    'sign_date': '2026-01-05', 'date_start': '2026-01-05',
                    'date_end': '2027-01-04', 'amount_total': 80000.0}
        records['crm.contract'] = admin.call('crm.contract', 'create', dict(
            contract, name='E2E 守卫 %s草稿合同%s' % (login, tag)))
        approved = admin.call('crm.contract', 'create', dict(
            contract, name='E2E 守卫 %s已审合同%s' % (login, tag)))
        admin.call('crm.contract', 'action_submit', [approved])
        assert admin.call('crm.contract', 'read', [approved], ['state'])[0]['state'] == 'approved'
        records['crm.receivable.plan'] = admin.call('crm.receivable.plan', 'create', {
            'contract_id': approved, 'date_planned': '2026-07-01', 'amount': 40000.0})
        records['crm.receivable'] = admin.call('crm.receivable', 'create', {
            'contract_id': approved, 'plan_id': records['crm.receivable.plan'],
            'amount': 10000.0, 'date': '2026-06-30'})
    # crm_service: a ticket and a service plan about each salesperson's customer
    if admin.call('ir.model', 'search_count', [('model', '=', 'crm.service.ticket')]):
        tech = admin.ref('crm_service.service_type_technical')
        for records, login, customer in ((foreign, 'yanglei', foreign_customer), (own, 'lina', own_customer)):
            records['crm.service.ticket'] = admin.call('crm.service.ticket', 'create', {
                'name': 'E2E 守卫 %s客户工单%s' % (login, tag), 'partner_id': customer, 'type_id': tech})
            records['crm.service.plan'] = admin.call('crm.service.plan', 'create', {
                'name': 'E2E 守卫 %s客户回访%s' % (login, tag), 'partner_id': customer,
                'user_id': admin.uid, 'next_date': '2030-01-01'})
    # crm_quotation: for each of yanglei and lina a draft quote with one product line
    if admin.call('ir.model', 'search_count', [('model', '=', 'crm.quotation')]):
        product = admin.ref('crm_sales.demo_product_cloud')
        for records, login, team, customer in ((foreign, 'yanglei', south, foreign_customer),
                                               (own, 'lina', east, own_customer)):
            records['crm.quotation'] = admin.call('crm.quotation', 'create', {
                'partner_id': customer, 'user_id': uid[login], 'team_id': team,
                'title': 'E2E 守卫 %s报价%s' % (login, tag),
                'line_ids': [(0, 0, {'product_id': product, 'quantity': 1})]})
            records['crm.quotation.line'] = admin.call(
                'crm.quotation', 'read', [records['crm.quotation']], ['line_ids'])[0]['line_ids'][0]
    # crm_approval: for each of yanglei and lina a draft expense request with one line
    if admin.call('ir.model', 'search_count', [('model', '=', 'crm.approval.request')]):
        expense = admin.ref('crm_approval.template_expense')
        for records, login, team in ((foreign, 'yanglei', south), (own, 'lina', east)):
            records['crm.approval.request'] = admin.call('crm.approval.request', 'create', {
                'template_id': expense, 'user_id': uid[login], 'team_id': team,
                'title': 'E2E 守卫 %s报销%s' % (login, tag),
                'line_ids': [(0, 0, {'date': '2026-06-02', 'name': '费用', 'amount': 100.0})]})
            records['crm.approval.request.line'] = admin.call(
                'crm.approval.request', 'read', [records['crm.approval.request']],
                ['line_ids'])[0]['line_ids'][0]
    # crm_task: for each of yanglei and lina a task they gave themselves, with a checklist
    # item (lina is neither assignee nor in the team of yanglei's)
    if admin.call('ir.model', 'search_count', [('model', '=', 'crm.task')]):
        for records, login in ((foreign, 'yanglei'), (own, 'lina')):
            records['crm.task'] = rpc(login).call('crm.task', 'create', {
                'name': 'E2E 守卫 %s任务%s' % (login, tag), 'assignee_id': uid[login],
                'checklist_ids': [(0, 0, {'name': 'E2E 守卫检查项', 'required': True})]})
            records['crm.task.checklist'] = rpc(login).call(
                'crm.task', 'read', [records['crm.task']], ['checklist_ids'])[0]['checklist_ids'][0]
    # crm_visit: for each of yanglei and lina a visit planned on their own customer
    if admin.call('ir.model', 'search_count', [('model', '=', 'crm.visit')]):
        for records, login, customer in ((foreign, 'yanglei', foreign_customer),
                                         (own, 'lina', own_customer)):
            records['crm.visit'] = rpc(login).call('crm.visit', 'create', {
                'customer_id': customer, 'start': '2030-01-02 02:00:00', 'duration': 1.0})
    # crm_custom_field: a field the CRM administrator (zhoutao) added, the only role that
    # works on custom fields
    admin_own = {}
    if admin.call('ir.model', 'search_count', [('model', '=', 'crm.custom.field')]):
        admin_own['crm.custom.field'] = rpc('zhoutao').call('crm.custom.field', 'create', {
            'name': 'E2E 守卫字段%s' % tag.strip(), 'target': 'customer', 'field_type': 'char'})
    # crm_product: a product of the catalogue, which only the CRM administrator edits
    if admin.call('ir.module.module', 'search_count',
                  [('name', '=', 'crm_product'), ('state', '=', 'installed')]):
        tmpl = rpc('zhoutao').call('product.template', 'create', {
            'name': 'E2E 守卫产品%s' % tag.strip(), 'default_code': 'E2E-GUARD-%s' % tag.strip()})
        admin_own['product.product'] = rpc('zhoutao').call(
            'product.product', 'search', [('product_tmpl_id', '=', tmpl)])[0]
    # crm_notice: a notice to 华南 only (foreign to lina, zhangwei and the executive), and a
    # draft of the CRM administrator's for the action-only fields
    if admin.call('ir.model', 'search_count', [('model', '=', 'crm.notice')]):
        sunqiang = rpc('sunqiang')
        foreign['crm.notice'] = sunqiang.call('crm.notice', 'create', {
            'name': 'E2E 守卫 华南公告%s' % tag, 'audience': 'teams', 'team_ids': [(6, 0, [south])]})
        sunqiang.call('crm.notice', 'action_publish', [foreign['crm.notice']])
        admin_own['crm.notice'] = rpc('zhoutao').call('crm.notice', 'create', {
            'name': 'E2E 守卫 草稿公告%s' % tag})
    # crm_work_report: a draft daily report of each of yanglei and lina, on a day of the world
    if admin.call('ir.model', 'search_count', [('model', '=', 'crm.work.report')]):
        day = (datetime.date(2040, 1, 1) + datetime.timedelta(days=int(tag) % 20000)).isoformat()
        for records, login, team in ((foreign, 'yanglei', south), (own, 'lina', east)):
            records['crm.work.report'] = admin.call('crm.work.report', 'create', {
                'user_id': uid[login], 'team_id': team, 'date': day,
                'summary': 'E2E 守卫 %s日报%s' % (login, tag)})
    # crm_development_plan: a plan in progress with one step on each one's opportunity
    if admin.call('ir.model', 'search_count', [('model', '=', 'crm.development.plan')]):
        for records, login, lead in ((foreign, 'yanglei', foreign_lead), (own, 'lina', own_lead)):
            records['crm.development.plan'] = admin.call('crm.development.plan', 'create', {
                'name': 'E2E 守卫 %s开发计划%s' % (login, tag), 'lead_id': lead,
                'step_ids': [(0, 0, {'date': '2030-01-03', 'name': 'E2E 守卫步骤'})]})
            records['crm.development.plan.step'] = admin.call(
                'crm.development.plan', 'read', [records['crm.development.plan']],
                ['step_ids'])[0]['step_ids'][0]
    return {'foreign': foreign, 'foreign_contact': foreign_contact, 'own': own, 'uid': uid,
            'admin_own': admin_own}


def _foreign_id(admin, world, model, transient):
    if model in world['foreign']:
        return world['foreign'][model]
    if transient or model in ABSTRACT:
        return None
    ids = admin.call(model, 'search', [], limit=1, context={'active_test': False})
    return ids[0] if ids else None


def _calls(method_info, login, foreign_id):
    """(args, kwargs) of the bad calls of one method for one role."""
    model, name, is_model, params = method_info
    n = len(params)
    calls = []
    if is_model:
        id_sets = [[]]
    else:
        target = [MISSING] if login in MANAGERS or foreign_id is None else [foreign_id]
        id_sets = [target, [MISSING], ['abc'], []]
    for ids in id_sets:
        prefix = [] if is_model else [ids]
        for bad in BAD_ARGS[:2] if ids != id_sets[0] else BAD_ARGS:
            calls.append((prefix + [bad] * n, {}))
    first = [] if is_model else [id_sets[0]]
    calls.append((first + ['abc'] * n, {'bogus_keyword': 1}))
    # a method without parameters (most buttons) gets the same call for every bad
    # argument: once is enough
    unique = []
    for call in calls:
        if call not in unique:
            unique.append(call)
    return unique


def _check_refused(outcome, what):
    """None if a bad value was refused with a clear error, else what is wrong."""
    if outcome[0] == 'ok':
        return '%s: accepted' % what
    return _check_outcome(outcome, what)


class CallRunner(object):
    """Runs the fuzz calls WORKERS at a time (the test server has as many workers), each
    thread with its own XML-RPC sessions. A batch is one method's (or one model's) calls,
    run in order by one thread; batches go in waves of WORKERS, and the row fingerprint
    is taken after each wave. A wave that changed rows is run again one call at a time,
    with a fingerprint after each call, to name the call that did it."""

    def __init__(self, fingerprint):
        self.fingerprint = fingerprint
        self.local = threading.local()
        self.problems = []

    def user(self, login):
        cache = self.local.__dict__.setdefault('sessions', {})
        if login not in cache:
            cache[login] = Rpc(login)
        return cache[login]

    def _run(self, call):
        what, login, model, method, args, kwargs, check = call
        return check(_call(self.user(login), model, method, args, kwargs), what)

    def _run_batch(self, batch):
        return [p for p in (self._run(call) for call in batch) if p]

    def run(self, batches):
        before = self.fingerprint.take()
        with ThreadPoolExecutor(WORKERS) as pool:
            for start in range(0, len(batches), WORKERS):
                wave = batches[start:start + WORKERS]
                for found in pool.map(self._run_batch, wave):
                    self.problems.extend(found)
                after = self.fingerprint.take()
                if after != before:
                    self.problems.append('%s: changed rows: %s' % (
                        ', '.join(sorted({'%s.%s' % (c[2], c[3]) for b in wave for c in b})),
                        [a for a, b in zip(after, before) if a != b]))
                    self._name_the_calls(wave, after)
                    before = self.fingerprint.take()
        return self.problems

    def _name_the_calls(self, wave, before):
        for batch in wave:
            for call in batch:
                self._run(call)
                after = self.fingerprint.take()
                if after != before:
                    self.problems.append('%s changed rows: %s' % (
                        call[0], [a for a, b in zip(after, before) if a != b]))
                    before = after


def test_every_public_method_fails_cleanly_and_changes_nothing(registry_env, admin, world):
    ABSTRACT.update(n for n in project_models(registry_env, abstract=True)
                    if registry_env[n]._abstract)
    methods = project_methods(registry_env)
    names = {(m, n) for m, n, _i, _p in methods}
    # the discovery sees the modules' actions (a new module's methods join automatically)
    assert ('res.partner', 'action_pool_claim') in names
    assert ('crm.lead', 'action_convert') in names
    assert ('crm.clock', 'set_now') in names
    batches = []
    for info in methods:
        model = info[0]
        foreign_id = _foreign_id(admin, world, model, registry_env[model]._transient)
        batch = []
        for login in ROLES:
            for args, kwargs in _calls(info, login, foreign_id):
                what = '%s.%s%r as %s' % (model, info[1], tuple(
                    a if a != HUGE else '<100k chars>' for a in args), login)
                batch.append((what, login, model, info[1], args, kwargs, _check_outcome))
        batches.append(batch)
    problems = CallRunner(Fingerprint(registry_env)).run(batches)
    admin.call('crm.clock', 'set_now', False)
    assert not problems, _report(problems)


BAD_VALUES = {
    'many2one': ['abc', MISSING],
    'integer': ['abc', 1.5],
    'float': ['abc', 1e308],
    'monetary': ['abc', 1e308],
    'char': [12345, 'x' * 5000],
    'text': [['a'], 'x' * 200001],
    'html': [['a']],
    'selection': ['no_such_value', 7],
    'date': ['garbage', '2026-13-45'],
    'datetime': ['garbage', 20261201],
    'boolean': ['abc'],
    'many2many': ['abc', [(6, 0, ['abc'])], [(4, MISSING)]],
    'one2many': ['abc', [(9, 0, 0)], [(0, 0, {'no_such_field': 1})]],
}


def _project_fields(env, model):
    return [(name, field.type) for name, field in sorted(env[model]._fields.items())
            if getattr(field, '_module', None) and field._module.startswith('crm_')
            and not field.compute and field.type in BAD_VALUES
            and name not in ('id', 'create_uid', 'write_uid', 'create_date', 'write_date')]


def test_create_and_write_with_bad_values_fail_cleanly(registry_env, admin, world):
    """Each project field gets values of the wrong type, out of range, too long, or
    naming nothing, in create (as a salesperson) and write (as a manager, on a record
    of the model): a clear Chinese error, nothing written."""
    batches = []
    for model in project_models(registry_env):
        fields = _project_fields(registry_env, model)
        if not fields:
            continue
        record = _foreign_id(admin, world, model, registry_env[model]._transient)
        batch = []
        for fname, ftype in fields:
            for bad in BAD_VALUES[ftype]:
                label = '<%d chars>' % len(bad) if isinstance(bad, str) and len(bad) > 100 else bad
                batch.append(('%s.create(%s=%r) as lina' % (model, fname, label), 'lina', model,
                              'create', [{fname: bad}], {}, _check_refused))
                if record:
                    batch.append(('%s.write(%s=%r) as sunqiang' % (model, fname, label), 'sunqiang',
                                  model, 'write', [[record], {fname: bad}], {}, _check_refused))
        batches.append(batch)
    problems = CallRunner(Fingerprint(registry_env)).run(batches)
    assert not problems, _report(problems)


def _different_value(ftype, field, current, own_ids):
    if ftype == 'boolean':
        return not current
    if ftype in ('char', 'text'):
        return 'E2E 直接写入'
    if ftype == 'datetime':
        return '2030-01-01 00:00:00'
    if ftype == 'date':
        return '2030-01-01'
    if ftype == 'selection':
        return next(k for k, _v in field['selection'] if k != current)
    if ftype == 'many2one':
        return own_ids.get(field['relation'], 1)
    if ftype == 'integer':
        return 7
    return None


def _declaring(env, hook):
    """(model name, model, what it declares) for the project models declaring ``hook``
    (``_crm_action_fields`` / ``_crm_target_fields``) with something in it."""
    for model in project_models(env):
        Model = env[model]
        declared = getattr(Model, hook)() if hasattr(Model, hook) else None
        if declared:
            yield model, Model, declared


def test_fields_only_actions_change_refuse_direct_writes(registry_env, admin, rpc, world):
    """Every field a model declares as action-only (``_crm_action_fields``) refuses a
    direct write by the record's owner (lina; the CRM administrator for what only she
    works on): AccessError, value unchanged."""
    own_ids = dict(world['own'], **{'res.users': world['uid']['lina']})
    checked = 0
    for model, Model, _declared in _declaring(registry_env, '_crm_action_fields'):
        record, owner = world['own'].get(model), rpc('lina')
        if not record and model in world['admin_own']:
            record, owner = world['admin_own'][model], rpc('zhoutao')
        assert record, 'no record of %s owned by lina to try the action-only fields on' % model
        fields = owner.call(model, 'fields_get', list(Model._crm_action_fields()))
        current = admin.call(model, 'read', [record], list(fields))[0]
        for fname, field in sorted(fields.items()):
            value = current[fname][0] if isinstance(current[fname], list) and current[fname] else current[fname]
            new = _different_value(field['type'], field, value, own_ids)
            if new is None or new == value:
                continue
            fault = owner.fault(model, 'write', [record], {fname: new})
            assert fault.faultCode == 4 and '不能直接修改' in fault.faultString, (model, fname, fault.faultString[-300:])
            after = admin.call(model, 'read', [record], [fname])[0]
            assert after[fname] == current[fname], (model, fname)
            checked += 1
    assert checked >= 20, checked


def test_records_cannot_point_at_targets_one_may_not_work_on(registry_env, admin, rpc, world):
    """Creating or editing a record that points at another salesperson's customer,
    contact or opportunity (``_crm_target_fields``) is refused, and changes nothing."""
    lina = rpc('lina')
    targets = {'res.partner': [world['foreign']['res.partner'], world['foreign_contact']],
               'crm.lead': [world['foreign']['crm.lead']]}
    checked = 0
    for model, Model, declared in _declaring(registry_env, '_crm_target_fields'):
        record = world['own'].get(model)
        for fname, mode in sorted(declared.items()):
            field = Model._fields[fname]
            if mode != 'write' or field.comodel_name not in targets or not record:
                continue
            for target in targets[field.comodel_name]:
                value = [(4, target)] if field.type in ('many2many', 'one2many') else target
                before = admin.call(model, 'read', [record], [fname])[0][fname]
                fault = lina.fault(model, 'write', [record], {fname: value})
                assert fault.faultCode == 4 and CJK.search(fault.faultString), fault.faultString[-300:]
                assert admin.call(model, 'read', [record], [fname])[0][fname] == before
                checked += 1
    # and a follow-up created on the colleague's customer, contact or opportunity
    count = admin.call('crm.follow.up', 'search_count', [])
    for vals in ({'partner_id': world['foreign']['res.partner']},
                 {'partner_id': world['foreign_contact']},
                 {'lead_id': world['foreign']['crm.lead']}):
        fault = lina.fault('crm.follow.up', 'create', dict(vals, content='E2E 越权跟进'))
        assert '不是您可以处理的' in fault.faultString, fault.faultString[-300:]
        checked += 1
    assert admin.call('crm.follow.up', 'search_count', []) == count
    assert checked >= 8, checked


def test_messages_come_in_the_callers_language_without_a_context(rpc, world):
    """A zh_CN leader calling over XML-RPC without any context gets Chinese."""
    leader = rpc('zhangwei')
    fault = leader.fault('res.partner', 'action_pool_assign', [world['own']['res.partner']],
                         999999)
    assert '所选的销售员不存在' in fault.faultString, fault.faultString
    fault = leader.fault('crm.lead', 'action_set_end_status', [world['own']['crm.lead']], 'maybe')
    assert CJK.search(fault.faultString) and 'won' in fault.faultString, fault.faultString
