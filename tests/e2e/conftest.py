"""Fixtures for the end-to-end suites: real XML-RPC calls against the test server that
scripts/test.sh starts (CRM_URL, CRM_DB). Demo users' password is their login."""
import os
import xmlrpc.client

import pytest

URL = os.environ.get('CRM_URL', 'http://127.0.0.1:8169')
DB = os.environ.get('CRM_DB', 'crm_test')


class Rpc(object):
    """One user's XML-RPC session: rpc.call('res.partner', 'search', [[...]], limit=5)."""

    def __init__(self, login, password=None):
        self.login = login
        self.password = password or login
        common = xmlrpc.client.ServerProxy(URL + '/xmlrpc/2/common', allow_none=True)
        self.uid = common.authenticate(DB, login, self.password, {})
        if not self.uid:
            raise AssertionError('cannot log in as %s' % login)
        self.models = xmlrpc.client.ServerProxy(URL + '/xmlrpc/2/object', allow_none=True)

    def call(self, model, method, *args, **kwargs):
        return self.models.execute_kw(DB, self.uid, self.password, model, method, list(args), kwargs)

    def ref(self, xmlid):
        """Database id of an XML id such as 'crm_sales.user_sales_east_1'."""
        module, name = xmlid.split('.')
        res = self.call('ir.model.data', 'xmlid_to_res_id', xmlid)
        if not res:
            raise AssertionError('no record %s' % xmlid)
        return res

    def fault(self, model, method, *args, **kwargs):
        """Call expecting a failure; returns the xmlrpc Fault (its faultString holds the
        exception class and the user message)."""
        with pytest.raises(xmlrpc.client.Fault) as info:
            self.call(model, method, *args, **kwargs)
        return info.value


@pytest.fixture(scope='session')
def rpc():
    """rpc('lina') -> Rpc for that demo user (cached per session)."""
    cache = {}

    def get(login, password=None):
        if login not in cache:
            cache[login] = Rpc(login, password or ('admin' if login == 'admin' else login))
        return cache[login]
    return get


@pytest.fixture(scope='session')
def admin(rpc):
    return rpc('admin')


@pytest.fixture
def clock(admin):
    """Set the CRM clock for one test: clock('2026-12-01 09:00:00'); reset afterwards."""
    def set_now(value):
        admin.call('crm.clock', 'set_now', value)
    yield set_now
    admin.call('crm.clock', 'set_now', False)
