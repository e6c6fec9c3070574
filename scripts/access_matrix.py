"""Access matrix of the CRM (tests/e2e/access_matrix.py) as a Markdown table for the
README, or measured from a running server to review a change of the rules:

    .venv/bin/python scripts/access_matrix.py              # the table from the data
    .venv/bin/python scripts/access_matrix.py --measure URL DB   # the data, measured

The measured data is what the server does today: compare it with the file, never copy it
over without reading the differences (tests/e2e/test_access_matrix.py asserts the file)."""
import os
import pprint
import sys
import xmlrpc.client

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'e2e'))

from access_matrix import LEGEND, MATRIX, OPERATIONS, ROLES, WHO, cell  # noqa: E402


def table():
    lines = ['| model | %s |' % ' | '.join('%s (%s)' % (r, WHO[r]) for r in ROLES),
             '|---|%s' % ('---|' * len(ROLES))]
    for model in sorted(MATRIX):
        lines.append('| `%s` | %s |' % (model, ' | '.join('`%s`' % cell(model, r) for r in ROLES)))
    return '\n'.join(lines + ['', LEGEND])


def measure(url, db):
    common = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common')
    found = {}
    for login in ROLES:
        uid = common.authenticate(db, login, login, {})
        models = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object', allow_none=True)
        for model in MATRIX:
            cell = ''
            for letter, operation in OPERATIONS:
                allowed = models.execute_kw(db, uid, login, model, 'check_access_rights',
                                            [operation], {'raise_exception': False})
                cell += letter if allowed else '-'
            found.setdefault(model, []).append(cell + globals()['cell'](model, login)[len(OPERATIONS):])
    return {m: ' '.join(cells) for m, cells in found.items()}


if __name__ == '__main__':
    if sys.argv[1:2] == ['--measure']:
        pprint.pprint(measure(sys.argv[2], sys.argv[3]), width=120)
    else:
        print(table())
