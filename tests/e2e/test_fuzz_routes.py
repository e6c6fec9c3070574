"""Every report and every HTTP route of the crm_* modules, as every role (the portal user
and an anonymous visitor included), with the role's own record, a record it may not read
and bad ids (text, negative, 0, huge, missing): never an HTTP 500, never a traceback in
the page, never the name or number of a record the role cannot read. The routes come from
the controllers' ``@http.route`` (fuzz_sources.routes) and the reports from
``ir.actions.report`` of the crm_* modules, so a new module's join by themselves. A POST
is sent with the session's CSRF token; afterwards the records the roles may not touch
carry no new message, rating or state."""
import re
import threading
from urllib.parse import quote

import pytest
import requests

from conftest import DB, URL
from fuzz_common import ROLES, run_parallel
from fuzz_sources import routes

VISITORS = ROLES + (None,)   # None: anonymous
HUGE = '99999999999999'
MISSING = '999999999'
BAD_IDS = ('abc', '-1', '0', HUGE, MISSING)
CONVERTERS = {'qweb-pdf': ('html', 'pdf'), 'qweb-html': ('html',), 'xlsx': ('xlsx',)}
# the model behind a route's <int:...> argument
ARG_MODELS = {'ticket_id': 'crm.service.ticket', 'quotation_id': 'crm.quotation'}
# path arguments that are not ids (a quote link's token): a value of the right shape
OTHER_ARGS = re.compile(r'<(?:string:)?(\w+)>')
OTHER_VALUES = {'token': 'f' * 32}
TRACEBACK = re.compile(r'Traceback \(most recent call last\)|File "/')
POST_FORMS = {'/my/tickets/new': [{'subject': 'E2E 路由工单', 'type_id': t} for t in ('abc', '-1', HUGE, '')],
              'reply': [{'message': 'E2E 路由回复'}],
              'feedback': [{'satisfaction': '1', 'comment': 'E2E 路由评价'}],
              'answer': [{'decision': 'accept', 'name': 'E2E 路由', 'comment': 'E2E 路由答复'}]}


class Sessions(object):
    """One HTTP session per visitor and per thread."""

    def __init__(self):
        self.local = threading.local()

    def __call__(self, login):
        cache = self.local.__dict__.setdefault('visitors', {})
        if login not in cache:
            cache[login] = Visitor(login)
        return cache[login]


class Visitor(object):
    def __init__(self, login):
        self.login = login or 'anonymous'
        self.http = requests.Session()
        if login:
            self._authenticate(login)
        page = self.http.get(URL + ('/my/tickets/new' if login else '/web/login')).text
        found = re.search(r'csrf_token["\']?\s*[:=]\s*["\']([0-9a-f]+o?[0-9]*)', page) or \
            re.search(r'name="csrf_token" value="([^"]+)"', page)
        self.csrf = found.group(1) if found else ''

    def _authenticate(self, login, attempts=3):
        """A worker being recycled may answer one request with a page: try again."""
        for _attempt in range(attempts):
            res = self.http.post(URL + '/web/session/authenticate', json={
                'jsonrpc': '2.0', 'method': 'call',
                'params': {'db': DB, 'login': login, 'password': login}})
            try:
                if res.json().get('result', {}).get('uid'):
                    return
            except ValueError:
                continue
        raise AssertionError('cannot log in as %s: %s' % (login, res.text[:300]))

    def request(self, method, path, form=None):
        data = dict(form or {}, csrf_token=self.csrf) if method == 'POST' else None
        res = self.http.request(method, URL + path, data=data, allow_redirects=False, timeout=300)
        return res.status_code, res.content.decode('utf-8', 'replace')


@pytest.fixture(scope='module')
def world(shared_world):
    return shared_world


@pytest.fixture(scope='module')
def reports(admin):
    found = admin.call('ir.model.data', 'search_read', [
        ('model', '=', 'ir.actions.report'), ('module', '=like', 'crm_%')], fields=['res_id'])
    return admin.call('ir.actions.report', 'read', [r['res_id'] for r in found],
                      ['report_name', 'report_type', 'model'])


def _texts(admin, model, ids):
    """{id: [name, number, ...]} the page may not show to who cannot read the record."""
    if not ids:
        return {}
    described = admin.call(model, 'fields_get', attributes=['type'])
    names = [f for f in ('name', 'number', 'customer_code', 'access_token') if f in described]
    texts = {}
    for rec in admin.call(model, 'read', ids, names, context={'active_test': False}):
        texts[rec['id']] = [v for f, v in rec.items() if f != 'id' and isinstance(v, str) and len(v) > 3]
    return texts


@pytest.fixture(scope='module')
def records(admin, rpc, world, reports):
    """Per model behind a route or a report: {login: (readable id, unreadable id)} and
    {id: texts} of the candidates (lina's and yanglei's records of the world, and the
    portal user's company's ticket)."""
    models = set(ARG_MODELS.values()) | {r['model'] for r in reports}
    found = {}
    for model in models:
        candidates = [w[model] for w in (world['own'], world['foreign']) if model in w]
        candidates += rpc('zhaoqiang').call(model, 'search', [], limit=1) \
            if model == 'crm.service.ticket' else []
        if not candidates:
            candidates = admin.call(model, 'search', [], limit=1)
        per_role = {}
        for login in VISITORS:
            readable = set(_readable(rpc(login), model, candidates)) if login else set()
            own = next((c for c in candidates if c in readable), None)
            foreign = next((c for c in candidates if c not in readable), None)
            per_role[login] = (own, foreign, readable)
        found[model] = (per_role, _texts(admin, model, candidates))
    return found


def _readable(user, model, ids):
    try:
        return user.call(model, 'search', [('id', 'in', ids)])
    except Exception:   # a role without read access at all
        return []


def _id_values(own, foreign):
    values = [str(i) for i in (own, foreign) if i]
    if own and foreign:
        values.append('%s,%s' % (own, foreign))
    return values + list(BAD_IDS)


def _requests(path, methods, login, records, reports):
    """[(method, path, form, model, ids in the path)] for one route template and one role."""
    post = methods and 'POST' in methods
    verb = 'POST' if post else 'GET'
    form_key = next((k for k in POST_FORMS if path.endswith(k)), None)
    forms = POST_FORMS[form_key] if form_key else [None]
    if '<converter>' in path:
        out = []
        for report in reports:
            per_role, _texts_ = records[report['model']]
            own, foreign, _readable_ = per_role[login]
            for converter in CONVERTERS.get(report['report_type'], ('html',)):
                base = '/report/%s/%s' % (converter, report['report_name'])
                if '<docids>' not in path:
                    out.append(('GET', base, None, report['model'], []))
                    continue
                # PDF renders the same checks as HTML, slower: the records only
                values = _id_values(own, foreign) if converter != 'pdf' else _id_values(own, foreign)[:3]
                for ids in values:
                    out.append(('GET', '%s/%s' % (base, ids), None, report['model'], ids.split(',')))
        return out
    if path == '/report/download':   # its data: a JSON list [url, type] made by the client
        return [('GET', '/report/download?data=%s&token=1' % quote(d), None, None, [])
                for d in ('abc', '["/report/html/x/abc", "qweb-html"]', '[1]')]
    path = OTHER_ARGS.sub(lambda m: OTHER_VALUES.get(m.group(1), 'x'), path) \
        if '<converter>' not in path else path
    arg = re.search(r'<int:(\w+)>', path)
    if not arg:
        return [(verb, path, form, None, []) for form in forms]
    model = ARG_MODELS.get(arg.group(1))
    if model:
        own, foreign, _readable_ = records[model][0][login]
        values = [str(i) for i in (own, foreign) if i] + list(BAD_IDS)
    else:
        values = ['1', '0', HUGE]
    out = []
    for value in values:
        concrete = path.replace(arg.group(0), value)
        for form in forms:
            out.append((verb, concrete, form, model, [value]))
            if verb == 'POST' and form_key == 'feedback':
                out.append(('GET', concrete, None, model, [value]))
        if form_key == 'feedback':   # feedback is GET and POST on one route
            out.extend(('POST', concrete, form, model, [value]) for form in forms)
    return out


def _check(login, method, path, status, body, model, ids, records):
    what = '%s %s as %s' % (method, path, login or 'anonymous')
    problems = []
    if status >= 500:
        problems.append('%s: HTTP %d' % (what, status))
    if TRACEBACK.search(body):
        problems.append('%s: a traceback in the page' % what)
    if model:
        per_role, texts = records[model]
        readable = per_role[login][2]
        for value in ids:
            record = int(value) if value.isdigit() else None
            if record in texts and record not in readable:
                shown = [t for t in texts[record] if t in body]
                if shown:
                    problems.append('%s: shows %s of a record the role cannot read' % (what, shown))
    return problems


def _ratings(admin, ids):
    described = admin.call('crm.service.ticket', 'fields_get', attributes=['type'])
    names = [f for f in ('satisfaction', 'feedback_comment', 'state') if f in described]
    return {r['id']: r for r in admin.call('crm.service.ticket', 'read', ids, names)}


def _traces(admin, rpc, records):
    """Problems: a role's reply on a ticket it cannot read, a rating of a ticket no
    visitor may read."""
    per_role, texts = records['crm.service.ticket']
    problems = []
    for login in ROLES:
        partner = admin.call('res.users', 'read', [rpc(login).uid], ['partner_id'])[0]['partner_id'][0]
        for ticket in texts:
            if ticket in per_role[login][2]:
                continue
            if admin.call('mail.message', 'search_count', [
                    ('model', '=', 'crm.service.ticket'), ('res_id', '=', ticket),
                    ('author_id', '=', partner), ('body', 'ilike', 'E2E 路由')]):
                problems.append('%s replied on ticket %s through the portal without reading it' % (
                    login, ticket))
    return problems


def test_every_route_and_report_as_every_role(admin, rpc, records, reports):
    found = routes()
    assert any(p.startswith('/my/tickets') for p, _m, _mod, _f in found), found
    assert any(p.startswith('/report/') for p, _m, _mod, _f in found), found
    assert any(r['report_name'] == 'crm_contract.report_crm_contract' for r in reports), reports
    tickets = sorted(records['crm.service.ticket'][1])
    before = _ratings(admin, tickets)
    quotes = sorted(records['crm.quotation'][1])
    quote_states = admin.call('crm.quotation', 'read', quotes, ['state']) if quotes else []

    visitors = Sessions()

    def visit(job):
        login, requests_ = job
        visitor = visitors(login)
        problems = []
        for method, concrete, form, model, ids in requests_:
            status, body = visitor.request(method, concrete, form)
            problems.extend(_check(login, method, concrete, status, body, model, ids, records))
        return problems

    jobs = []
    for login in VISITORS:
        sent = set()
        for path, methods, _module, _func in found:
            batch = []
            for req in _requests(path, methods, login, records, reports):
                key = (req[0], req[1], repr(req[2]))
                if key not in sent:    # an override of a route lists it again
                    sent.add(key)
                    batch.append(req)
            jobs.append((login, batch))
    problems = run_parallel(visit, jobs)
    # the refused POSTs (reply, feedback on a ticket the role cannot read) left no trace
    problems += _traces(admin, rpc, records)
    per_role = records['crm.service.ticket'][0]
    readable_by_someone = set().union(*(per_role[login][2] for login in ROLES))
    for ticket, old in before.items():
        new = _ratings(admin, [ticket])[ticket]
        if ticket not in readable_by_someone and old != new:
            problems.append('ticket %s rated by a role that cannot read it: %s -> %s' % (ticket, old, new))
    # nobody answered a quote: the links the routes were tried with are wrong
    for old in quote_states:
        new = admin.call('crm.quotation', 'read', [old['id']], ['state'])[0]
        if new['state'] != old['state']:
            problems.append('quote %s answered through a route: %s -> %s' % (
                old['id'], old['state'], new['state']))
    assert not problems, '%d problems:\n%s' % (len(problems), '\n'.join(problems[:60]))
