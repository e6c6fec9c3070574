"""Smoke: the server answers XML-RPC and a demo salesperson can log in and read CRM data."""
import xmlrpc.client

from conftest import DB, URL


def test_version_answers_odoo_11():
    common = xmlrpc.client.ServerProxy(URL + '/xmlrpc/2/common')
    assert common.version()['server_serie'] == '11.0'


def test_demo_salesperson_authenticates_and_reads_own_team(rpc):
    lina = rpc('lina')
    assert lina.uid
    user = lina.call('res.users', 'read', [lina.uid], ['name', 'sale_team_id', 'lang'])[0]
    assert user['name'] == '李娜'
    assert user['sale_team_id'][1] == '上海组'
    assert user['lang'] == 'zh_CN'


def test_wrong_password_is_refused():
    common = xmlrpc.client.ServerProxy(URL + '/xmlrpc/2/common')
    assert common.authenticate(DB, 'lina', 'not-her-password', {}) is False
