"""Fixtures for the end-to-end suites: real XML-RPC calls against the test server that
scripts/test.sh starts (CRM_URL, CRM_DB). Demo users' password is their login.

Mail: scripts/test.sh also starts a local SMTP sink (tests/mailsink.py) the test server
sends to; the ``mailbox`` fixture reads what arrived (sender, Reply-To, recipients,
subject, text, links): see mail_sink.py for how to use it and how to run it by hand."""
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


class RpcFault(Exception):
    """A JSON-RPC error shaped like an xmlrpc Fault: faultCode as Odoo's XML-RPC gives it
    (2 business error, 3 wrong login, 4 access error, 1 anything else) and faultString the
    user message (the server's traceback only for an unexpected error, as over XML-RPC)."""
    CODES = {'UserError': 2, 'Warning': 2, 'except_orm': 2, 'ValidationError': 2,
             'MissingError': 2, 'RedirectWarning': 2, 'AccessDenied': 3, 'AccessError': 4}

    def __init__(self, info):
        data = (info or {}).get('data') or {}
        name = (data.get('name') or '').rsplit('.', 1)[-1]
        self.faultCode = self.CODES.get(name, 1)
        arguments = data.get('arguments') or []
        message = arguments[0] if arguments and isinstance(arguments[0], str) else \
            data.get('message') or (info or {}).get('message') or ''
        self.faultString = message if self.faultCode != 1 else (data.get('debug') or message)
        super(RpcFault, self).__init__(self.faultCode, self.faultString)


class OdooRpc(Rpc):
    """The same session through ``odoorpc`` (JSON-RPC, the usual Python client): its model
    proxies send the user's context, as integrators' scripts do."""

    def __init__(self, login, password=None):
        import odoorpc
        from urllib.parse import urlparse
        self.login = login
        self.password = password or login
        url = urlparse(URL)
        self.odoo = odoorpc.ODOO(url.hostname, port=url.port or 80, timeout=300)
        try:
            self.odoo.login(DB, login, self.password)
        except odoorpc.error.RPCError:
            raise AssertionError('cannot log in as %s' % login)
        self.uid = self.odoo.env.uid

    def call(self, model, method, *args, **kwargs):
        import odoorpc
        try:
            return getattr(self.odoo.env[model], method)(*args, **kwargs)
        except odoorpc.error.RPCError as e:
            raise RpcFault(e.info)

    def fault(self, model, method, *args, **kwargs):
        with pytest.raises(RpcFault) as info:
            self.call(model, method, *args, **kwargs)
        return info.value


BACKENDS = {'xmlrpc': Rpc, 'odoorpc': OdooRpc}


@pytest.fixture(scope='session')
def rpc_client():
    """rpc_client('lina', backend='odoorpc') -> a session of that demo user over XML-RPC
    (default) or JSON-RPC through odoorpc, with the same .call / .fault / .ref."""
    cache = {}

    def get(login, password=None, backend='xmlrpc'):
        if (login, backend) not in cache:
            cache[login, backend] = BACKENDS[backend](
                login, password or ('admin' if login == 'admin' else login))
        return cache[login, backend]
    return get


@pytest.fixture(scope='session')
def rpc(rpc_client):
    """rpc('lina') -> Rpc for that demo user (cached per session)."""
    return rpc_client


@pytest.fixture(scope='session')
def registry_env():
    """The registry of the test database, loaded in this process for introspection and
    for reading row counts (never written); once per session (Odoo's configuration
    cannot be parsed twice)."""
    import odoo
    from odoo import SUPERUSER_ID, api
    odoo.tools.config.parse_config(['-c', os.environ['CRM_ODOO_CONF'], '--log-level=warn'])
    with api.Environment.manage():
        registry = odoo.registry(DB)
        cr = registry.cursor()
        try:
            yield api.Environment(cr, SUPERUSER_ID, {})
        finally:
            cr.rollback()
            cr.close()


@pytest.fixture(scope='session')
def admin(rpc):
    return rpc('admin')


@pytest.fixture(scope='session')
def shared_world(admin, rpc):
    """One world of test_guard_fuzz.build_world (lina's and yanglei's records) for the
    suites that only read it or are refused on it (routes, mail values, access matrix)."""
    from test_guard_fuzz import build_world
    return build_world(admin, rpc)


@pytest.fixture
def clock(admin):
    """Set the CRM clock for one test: clock('2026-12-01 09:00:00'); reset afterwards."""
    def set_now(value):
        admin.call('crm.clock', 'set_now', value)
    yield set_now
    admin.call('crm.clock', 'set_now', False)


@pytest.fixture(scope='session')
def mailbox():
    """The mails the test server sent (mail_sink.Mailbox over CRM_MAILSINK_DIR)."""
    from mail_sink import Mailbox
    folder = os.environ.get('CRM_MAILSINK_DIR')
    if not folder or not os.path.isdir(folder):
        raise AssertionError('CRM_MAILSINK_DIR is not set to the folder of a running '
                             'tests/mailsink.py (scripts/test.sh starts one): see tests/e2e/mail_sink.py')
    return Mailbox(folder)


@pytest.fixture(scope='session')
def base_url(admin):
    """web.base.url of the test server (scripts/test.sh sets it to CRM_URL)."""
    return admin.call('ir.config_parameter', 'get_param', 'web.base.url')
