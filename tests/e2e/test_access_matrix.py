"""The access matrix (tests/e2e/access_matrix.py, printed in the README) is what the
server does: ``check_access_rights`` of each operation as each demo role on each CRM
model, and a print of each report of the model on lina's record (HTML for a QWeb report,
the file for an xlsx one). A CRM model missing from the matrix fails the test: a new
module writes down who may do what before it ships."""
import pytest
import requests

from access_matrix import MATRIX, OPERATIONS, ROLES, cell
from conftest import DB, URL
from fuzz_common import Sessions, run_parallel
from test_guard_fuzz import project_models


@pytest.fixture(scope='module')
def world(shared_world):
    return shared_world


def _crm_models(env):
    return sorted(m for m in project_models(env) if not env[m]._transient
                  and (m.startswith('crm.') or m == 'res.partner'))


def test_the_matrix_names_every_crm_model(registry_env):
    assert sorted(MATRIX) == _crm_models(registry_env), \
        'add the new models to tests/e2e/access_matrix.py (and the README table)'


def test_model_access_is_the_matrix(registry_env):
    sessions = Sessions()

    def measure(login):
        user = sessions(login)
        problems = []
        for model in sorted(MATRIX):
            got = ''.join(letter if user.call(model, 'check_access_rights', operation,
                                              raise_exception=False) else '-'
                          for letter, operation in OPERATIONS)
            want = cell(model, login)[:len(OPERATIONS)]
            if got != want:
                problems.append('%s on %s: %s, the matrix says %s' % (login, model, got, want))
        return problems

    problems = run_parallel(measure, ROLES)
    assert not problems, '\n'.join(problems)


def _print(session, report, record, texts):
    """True if the report of ``record`` came back (its name in the HTML, a file for xlsx)."""
    converter = 'xlsx' if report['report_type'] == 'xlsx' else 'html'
    res = session.get('%s/report/%s/%s/%d' % (URL, converter, report['report_name'], record),
                      timeout=300)
    if res.status_code != 200:
        return False
    if converter == 'xlsx':
        return res.content[:2] == b'PK'
    return any(t in res.text for t in texts)


def test_reports_print_as_the_matrix_says(admin, world):
    found = admin.call('ir.model.data', 'search_read', [
        ('model', '=', 'ir.actions.report'), ('module', '=like', 'crm_%')], fields=['res_id'])
    reports = [r for r in admin.call('ir.actions.report', 'read', [f['res_id'] for f in found],
                                     ['report_name', 'report_type', 'model'])
               if r['model'] in MATRIX]
    assert {r['model'] for r in reports} == {m for m in MATRIX if len(cell(m, 'lina')) > 4}, reports

    def attempt(login):
        session = requests.Session()
        answer = session.post(URL + '/web/session/authenticate', json={
            'jsonrpc': '2.0', 'method': 'call', 'params': {'db': DB, 'login': login, 'password': login}})
        assert (answer.json().get('result') or {}).get('uid'), (login, answer.text[:300])
        problems = []
        for report in reports:
            model, record = report['model'], world['own'][report['model']]
            texts = [v for v in admin_texts[model] if v]
            printed = _print(session, report, record, texts)
            want = cell(model, login)[len(OPERATIONS):] == 'p'
            if printed != want:
                problems.append('%s %s %s of lina\'s %s %s' % (
                    login, 'printed' if printed else 'could not print', report['report_name'],
                    model, record))
        return problems

    admin_texts = {}
    for model in {r['model'] for r in reports}:
        names = [f for f in ('name', 'number') if f in admin.call(model, 'fields_get', attributes=['type'])]
        rec = admin.call(model, 'read', [world['own'][model]], names)[0]
        admin_texts[model] = [rec[f] for f in names if rec[f]]
    problems = run_parallel(attempt, ROLES)
    assert not problems, '\n'.join(problems)
