"""The same sales floor against bare Odoo CRM (only Odoo's `crm`, its own sales groups), for
the overhead ratio of `make load` (scripts/load.sh).

Each step keeps its name, weight and think time from locustfile.py and does what Odoo
alone offers for it; a step bare Odoo has no equivalent for (the pool, contract
approvals) is left out, and the ratio is printed only for names both runs have:

  step                       bare Odoo
  to-do: counters            the activity counters of the systray (res.users.activity_user_count)
  customers: search / mine   the same search_read / search on res.partner (Odoo's fields)
  customer: open             read of the customer with its contacts and chatter ids
  follow-up: log             a note in the customer's chatter (message_post)
  pipeline: *                the same crm.lead / crm.stage calls (no status groups)
  follow-ups: team           the latest 80 notes on customers (mail.message)
  reports: *                 read_group on crm.opportunity.report / crm.activity.report
  xmlrpc: *                  the same calls
"""
import random
import time

from locust import between, task

from locustfile import Integrator, LEADERS, MANAGERS, OdooWebUser, SALES, confirm_write  # noqa: F401


class Salesperson(OdooWebUser):
    weight = 10
    wait_time = between(3, 10)
    logins = SALES

    @task(4)
    def open_todo(self):
        self.call('res.users', 'activity_user_count', name='to-do: counters')

    @task(4)
    def search_customers(self):
        self.call('res.partner', 'search_read',
                  [[('customer', '=', True), ('is_company', '=', True),
                    ('name', 'ilike', random.choice(['科技', '公司', '上海', '有限', '贸易']))]],
                  {'fields': ['name', 'user_id', 'phone', 'email'], 'limit': 80},
                  name='customers: search')

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
                      {'fields': ['name', 'phone', 'email', 'child_ids', 'opportunity_count',
                                  'message_ids']},
                      name='customer: open')

    @task(3)
    def log_follow_up(self):
        pid = self._my_customer()
        if pid:
            mid = self.call('res.partner', 'message_post', [[pid]],
                            {'body': '电话沟通需求（压测 %s）' % time.time(),
                             'message_type': 'comment', 'subtype': 'mail.mt_note'},
                            name='follow-up: log')
            if mid:
                confirm_write('mail.message', mid)

    @task(2)
    def move_opportunity(self):
        leads = self.call('crm.lead', 'search_read',
                          [[('type', '=', 'opportunity'), ('user_id', '=', self.uid),
                            ('probability', '>', 0), ('probability', '<', 100)]],
                          {'fields': ['stage_id'], 'limit': 20},
                          name='pipeline: my opportunities')
        if not leads:
            return
        lead = random.choice(leads)
        stages = self.call('crm.stage', 'search_read',
                           [[('probability', '>', 0), ('probability', '<', 100)]],
                           {'fields': ['id']}, name='pipeline: stages')
        choices = [s['id'] for s in stages or [] if s['id'] != lead['stage_id'][0]]
        if choices:
            self.call('crm.lead', 'write', [[lead['id']], {'stage_id': random.choice(choices)}],
                      name='pipeline: move')


class Leader(OdooWebUser):
    weight = 2
    wait_time = between(5, 15)
    logins = LEADERS

    @task(2)
    def team_pipeline(self):
        self.call('crm.lead', 'read_group',
                  [[('type', '=', 'opportunity')], ['stage_id', 'planned_revenue'], ['stage_id']],
                  {'lazy': True}, name='pipeline: team by stage')

    @task(1)
    def team_follow_ups(self):
        self.call('mail.message', 'search_read',
                  [[('model', '=', 'res.partner'), ('message_type', '=', 'comment')]],
                  {'fields': ['res_id', 'author_id', 'subtype_id', 'date'], 'limit': 80},
                  name='follow-ups: team')


class Manager(OdooWebUser):
    weight = 1
    wait_time = between(10, 30)
    logins = MANAGERS

    @task(2)
    def dashboard(self):
        self.call('crm.opportunity.report', 'read_group',
                  [[], ['stage_id', 'expected_revenue'], ['stage_id']], {'lazy': True},
                  name='reports: dashboard')

    @task(2)
    def reports(self):
        model, measures, label = random.choice([
            ('crm.activity.report', ['user_id'], 'performance'),
            ('crm.opportunity.report', ['user_id', 'expected_revenue', 'total_revenue'], 'funnel')])
        year = time.strftime('%Y')
        field = 'date' if model == 'crm.activity.report' else 'create_date'
        self.call(model, 'read_group', [[(field, '>=', year + '-01-01'),
                                         (field, '<=', year + '-12-31 23:59:59')],
                                        measures, ['user_id']], {'lazy': True},
                  name='reports: %s' % label)
