"""A sales floor at work, for locust (README "Load and several servers").

Each simulated user logs in once through the web client's JSON-RPC (as a browser does) and
then repeats what that role does all day, with a think time between two steps. The mix and
the think times come from how the demo team uses the CRM:

  role (demo logins)        weight  think   steps (weight)
  salesperson               10      3-10 s  my to-do (4), search customers (4), open a
                                             customer (3), log a follow-up (3), move an
                                             opportunity (2), look at the pool / claim (1)
  leader                     2      5-15 s  waiting for my approval (3), team pipeline (2),
                                             team follow-ups this week (1)
  manager / executive        1      10-30 s dashboard (2), performance / funnel reports (2,
                                             this year: the screens' default filter)
  integrator (XML-RPC)       1      1-3 s   customers changed since (3), push a lead (1)

Every write is counted (`created follow-ups` in the log lines) so a run can check that
nothing it was told was saved went missing. A JSON-RPC answer carrying an error counts as a
failure under the request's name; a "Session expired" answer is reported separately as
"logged out", which must never happen, even when a node dies (sessions are shared).
"""
import json
import os
import random
import threading
import time
import xmlrpc.client

from locust import HttpUser, between, events, task

DB = os.environ.get('CRM_DB', 'crm')
SALES = os.environ.get('CRM_LOAD_SALES', 'lina,wangfang,liuyang,heli,yanglei,zhaomin').split(',')
LEADERS = os.environ.get('CRM_LOAD_LEADERS', 'zhangwei,chenjing,qianming').split(',')
MANAGERS = os.environ.get('CRM_LOAD_MANAGERS', 'sunqiang,wugang').split(',')
INTEGRATOR = os.environ.get('CRM_LOAD_INTEGRATOR', 'zhoutao')
WRITES_LOG = os.environ.get('CRM_LOAD_WRITES')  # file: one line per confirmed write
FAILURES_LOG = os.environ.get('CRM_LOAD_FAILURES')  # file: one JSON line per failed request
EXAMPLES_LOG = os.environ.get('CRM_LOAD_EXAMPLES')  # file: one call of each request type

_log_lock = threading.Lock()
_examples = set()


def record_example(name, login, model, method, args, kwargs):
    """The first call of each request type, for tests/load/profile.py to replay in-process
    ("where the time goes")."""
    if EXAMPLES_LOG and name not in _examples:
        _examples.add(name)
        with _log_lock, open(EXAMPLES_LOG, 'a') as f:
            f.write(json.dumps({'name': name, 'login': login, 'model': model, 'method': method,
                                'args': args, 'kwargs': kwargs}, ensure_ascii=False) + '\n')


def confirm_write(model, record_id):
    if WRITES_LOG:
        with _log_lock, open(WRITES_LOG, 'a') as f:
            f.write('%s %s\n' % (model, record_id))


class OdooWebUser(HttpUser):
    abstract = True
    logins = []

    def on_start(self):
        self.login = random.choice(self.logins)
        self.odoo_context = {'lang': 'zh_CN', 'tz': 'Asia/Shanghai'}
        answer = self._post('/web/session/authenticate', 'login',
                            {'db': DB, 'login': self.login, 'password': self.login})
        self.uid = (answer or {}).get('uid')

    def _post(self, path, name, params, refusals=()):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': random.randint(1, 10 ** 9),
                   'params': params}
        with self.client.post(path, json=payload, name=name, catch_response=True) as resp:
            try:
                data = resp.json()
            except ValueError:
                resp.failure('not JSON (HTTP %s)' % resp.status_code)
                return None
            error = data.get('error')
            kind = ((error or {}).get('data') or {}).get('name', '').rsplit('.', 1)[-1]
            if error and kind in refusals:
                resp.success()
                return None
            if error:
                message = kind + ' ' + (error.get('data') or {}).get('message', '')
                if 'SessionExpired' in message or 'Session expired' in message:
                    events.request.fire(request_type='SESSION', name='logged out',
                                        response_time=0, response_length=0,
                                        exception=Exception(message), context={})
                resp.failure(message[:200])
                return None
            resp.success()
            return data.get('result')

    def call(self, model, method, args=None, kwargs=None, name=None, refusals=()):
        kwargs = dict(kwargs or {})
        kwargs.setdefault('context', self.odoo_context)
        record_example(name or '%s.%s' % (model, method), self.login, model, method, args or [],
                       kwargs)
        return self._post('/web/dataset/call_kw/%s/%s' % (model, method),
                          name or '%s.%s' % (model, method),
                          {'model': model, 'method': method, 'args': args or [],
                           'kwargs': kwargs}, refusals)


class Salesperson(OdooWebUser):
    weight = 10
    wait_time = between(3, 10)
    logins = SALES

    @task(4)
    def open_todo(self):
        self.call('crm.todo', 'get_counts', name='to-do: counters')

    @task(4)
    def search_customers(self):
        self.call('res.partner', 'search_read',
                  [[('customer', '=', True), ('is_company', '=', True),
                    ('name', 'ilike', random.choice(['科技', '公司', '上海', '有限', '贸易']))]],
                  {'fields': ['name', 'customer_level_id', 'user_id', 'last_follow_up_at'],
                   'limit': 80}, name='customers: search')

    def _my_customer(self):
        ids = self.call('res.partner', 'search', [[('user_id', '=', self.uid),
                                                   ('is_company', '=', True)]],
                        {'limit': 50}, name='customers: mine')
        return random.choice(ids) if ids else None

    @task(3)
    def open_customer(self):
        pid = self._my_customer()
        if pid:
            self.call('res.partner', 'read', [[pid]],
                      {'fields': ['name', 'phone', 'customer_status', 'customer_level_id',
                                  'child_ids', 'follow_up_ids', 'next_contact_at']},
                      name='customer: open')

    @task(3)
    def log_follow_up(self):
        pid = self._my_customer()
        if pid:
            fid = self.call('crm.follow.up', 'create',
                            [{'partner_id': pid, 'follow_up_type': 'call',
                              'content': '电话沟通需求（压测 %s）' % time.time()}],
                            name='follow-up: log')
            if fid:
                confirm_write('crm.follow.up', fid)

    @task(2)
    def move_opportunity(self):
        leads = self.call('crm.lead', 'search_read',
                          [[('type', '=', 'opportunity'), ('user_id', '=', self.uid),
                            ('end_status', '=', False), ('probability', '>', 0),
                            ('probability', '<', 100)]],
                          {'fields': ['stage_id', 'stage_group_id'], 'limit': 20},
                          name='pipeline: my opportunities')
        if not leads:
            return
        lead = random.choice(leads)
        if not lead['stage_group_id']:
            return
        stages = self.call('crm.stage', 'search_read',
                           [[('stage_group_id', '=', lead['stage_group_id'][0]),
                             ('probability', '>', 0), ('probability', '<', 100)]],
                           {'fields': ['id']}, name='pipeline: stages')
        choices = [s['id'] for s in stages or [] if s['id'] != lead['stage_id'][0]]
        if choices:
            self.call('crm.lead', 'write', [[lead['id']], {'stage_id': random.choice(choices)}],
                      name='pipeline: move')

    @task(1)
    def look_at_pool(self):
        ids = self.call('res.partner', 'search', [[('pool_id', '!=', False)]],
                        {'limit': 80}, name='pool: list')
        if ids and random.random() < 0.2:
            # claims race other salespeople: a clear refusal (customer limit, already
            # taken) is a normal answer, not a server failure
            self.call('res.partner', 'action_pool_claim', [[random.choice(ids)]],
                      name='pool: claim', refusals=('UserError', 'ValidationError'))


class Leader(OdooWebUser):
    weight = 2
    wait_time = between(5, 15)
    logins = LEADERS

    @task(3)
    def waiting_for_my_approval(self):
        self.call('crm.contract', 'search_read', [[('crm_my_turn', '=', True)]],
                  {'fields': ['name', 'partner_id', 'amount_total', 'state'], 'limit': 80},
                  name='approvals: my turn')

    @task(2)
    def team_pipeline(self):
        self.call('crm.lead', 'read_group',
                  [[('type', '=', 'opportunity')], ['stage_id', 'planned_revenue'], ['stage_id']],
                  {'lazy': True}, name='pipeline: team by stage')

    @task(1)
    def team_follow_ups(self):
        self.call('crm.follow.up', 'search_read', [[]],
                  {'fields': ['partner_id', 'user_id', 'follow_up_type', 'create_date'],
                   'limit': 80}, name='follow-ups: team')


class Manager(OdooWebUser):
    weight = 1
    wait_time = between(10, 30)
    logins = MANAGERS

    @task(2)
    def dashboard(self):
        self.call('crm.report.dashboard', 'search_read', [[]], {'limit': 1},
                  name='reports: dashboard')

    @task(2)
    def reports(self):
        model, measures = random.choice([
            ('crm.report.performance', ['contract_amount', 'payment_amount', 'follow_up_count']),
            ('crm.report.funnel', ['lead_count', 'opportunity_count', 'won_count', 'amount'])])
        # the screen's default filter: this year
        year = time.strftime('%Y')
        self.call(model, 'read_group', [[('date', '>=', year + '-01-01'),
                                         ('date', '<=', year + '-12-31')],
                                        ['user_id'] + measures, ['user_id']], {'lazy': True},
                  name='reports: %s' % model.split('.')[-1])


class Integrator(HttpUser):
    """An ERP syncing over XML-RPC, as integrators do (README "For integrators")."""
    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        self.uid = self._xmlrpc('common', 'authenticate', 'xmlrpc: login',
                                DB, INTEGRATOR, INTEGRATOR, {})

    def _xmlrpc(self, service, method, name, *params):
        body = xmlrpc.client.dumps(params, method, allow_none=True)
        with self.client.post('/xmlrpc/2/' + service, data=body, name=name,
                              headers={'Content-Type': 'text/xml'},
                              catch_response=True) as resp:
            try:
                result = xmlrpc.client.loads(resp.content)[0][0]
            except xmlrpc.client.Fault as fault:
                resp.failure(fault.faultString[:200])
                return None
            except Exception as e:
                resp.failure('bad answer: %s' % e)
                return None
            resp.success()
            return result

    def execute(self, model, method, args, kwargs, name):
        record_example(name, INTEGRATOR, model, method, args, kwargs)
        return self._xmlrpc('object', 'execute_kw', name, DB, self.uid, INTEGRATOR,
                            model, method, args, kwargs)

    @task(3)
    def customers_changed_since(self):
        self.execute('res.partner', 'search_read',
                     [[('customer', '=', True), ('write_date', '>=', '2026-01-01')]],
                     {'fields': ['name', 'ref', 'phone', 'user_id'], 'limit': 200},
                     'xmlrpc: customers changed')

    @task(1)
    def push_lead(self):
        lid = self.execute('crm.lead', 'create',
                           [{'name': '官网表单线索 %s' % time.time(), 'type': 'lead',
                             'contact_name': '压测', 'phone': '138%08d' % random.randint(0, 10 ** 8 - 1)}],
                           {}, 'xmlrpc: push lead')
        if lid:
            confirm_write('crm.lead', lid)


@events.request.add_listener
def _log_failure(request_type, name, response_time, exception=None, **kwargs):
    if exception is not None and FAILURES_LOG:
        end = time.time()
        with _log_lock, open(FAILURES_LOG, 'a') as f:
            f.write(json.dumps({'name': name, 'type': request_type, 'end': end,
                                'start': end - (response_time or 0) / 1000.0,
                                'error': str(exception)[:300]}) + '\n')


@events.quitting.add_listener
def _print_logged_out(environment, **kwargs):
    stats = environment.stats.entries.get(('logged out', 'SESSION'))
    print(json.dumps({'logged_out': stats.num_failures if stats else 0}))
