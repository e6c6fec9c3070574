# -*- coding: utf-8 -*-
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_audit.models.res_users import recording
from odoo.addons.crm_sales.tests.sales_common import SalesCase


class TestLoginLog(SalesCase):

    def attempt(self, login, remote, result):
        with recording():
            return self.env['res.authentication.attempt'].create(
                {'login': login, 'remote': remote, 'result': result})

    def real_now(self):
        self.env.cr.execute("SELECT now() at time zone 'UTC'")
        return fields.Datetime.from_string(self.env.cr.fetchone()[0])

    def test_repeated_failures_lock_the_login_for_a_while(self):
        Attempt = self.env['res.authentication.attempt']
        for _i in range(4):
            self.attempt('locktest', '10.1.2.3', 'failed')
        self.assertTrue(Attempt._trusted('10.1.2.3', 'locktest'))
        last = self.attempt('locktest', '10.1.2.3', 'failed')
        self.assertFalse(Attempt._trusted('10.1.2.3', 'locktest'))
        self.assertTrue(last.crm_locked)
        # another login from the same address, the same login from another: not locked
        self.assertTrue(Attempt._trusted('10.1.2.3', 'someone'))
        self.assertTrue(Attempt._trusted('10.9.9.9', 'locktest'))
        # the lock ends when the failures leave the window (15 minutes, CRM clock)
        clock = self.env['crm.clock']
        clock.set_now(fields.Datetime.to_string(self.real_now() + timedelta(minutes=10)))
        self.assertFalse(Attempt._trusted('10.1.2.3', 'locktest'))
        clock.set_now(fields.Datetime.to_string(self.real_now() + timedelta(minutes=16)))
        self.assertTrue(Attempt._trusted('10.1.2.3', 'locktest'))

    def test_the_crm_administrator_unlocks(self):
        Attempt = self.env['res.authentication.attempt']
        self.env['crm.clock'].set_now(fields.Datetime.to_string(self.real_now()))
        for _i in range(5):
            last = self.attempt('locktest2', '10.1.2.4', 'failed')
        self.assertFalse(Attempt._trusted('10.1.2.4', 'locktest2'))
        with self.assertRaises(AccessError):
            last.sudo(self.lina).action_crm_unlock()
        with self.assertRaises(AccessError):
            self.env['crm.login.unlock'].sudo(self.admin_crm).create({'login': 'locktest2', 'date': '2026-01-01'})
        last.sudo(self.admin_crm).action_crm_unlock()
        self.assertTrue(Attempt._trusted('10.1.2.4', 'locktest2'))
        unlock = self.env['crm.login.unlock'].search([('login', '=', 'locktest2')])
        self.assertEqual(unlock.user_id, self.admin_crm)

    def test_a_whitelisted_address_is_not_locked_as_a_whole(self):
        Attempt = self.env['res.authentication.attempt']
        for i in range(30):
            self.attempt('other%d' % i, '127.0.0.1', 'failed')
            self.attempt('other%d' % i, '10.5.5.5', 'failed')
        self.assertTrue(Attempt._trusted('127.0.0.1', 'lina'))
        self.assertFalse(Attempt._trusted('10.5.5.5', 'lina'))

    def test_attempts_are_never_changed_or_deleted(self):
        attempt = self.attempt('lina', '10.1.2.5', 'failed')
        for env in (self.env, self.env(user=self.admin_crm.id)):
            with self.assertRaises(AccessError):
                attempt.with_env(env).write({'result': 'successful'})
            with self.assertRaises(AccessError):
                attempt.with_env(env).unlink()
            with self.assertRaises(AccessError):
                env['res.authentication.attempt'].create({'login': 'x', 'remote': '1.1.1.1',
                                                          'result': 'successful'})
        self.assertEqual(attempt.result, 'failed')
        # only administrators read the login log
        with self.assertRaises(AccessError):
            attempt.sudo(self.lina).read(['login'])
        self.assertEqual(attempt.sudo(self.admin_crm).read(['login'])[0]['login'], 'lina')

    def test_password_policy_applies_on_change_not_to_the_demo_logins(self):
        self.assertFalse(self.lina._password_has_expired())
        company = self.lina.company_id
        self.assertEqual((company.password_length, company.password_numeric), (8, 1))
        with self.assertRaises(UserError):
            self.lina.write({'password': 'short'})
        with self.assertRaises(UserError):
            self.lina.write({'password': 'longbutnodigits'})
        self.lina.write({'password': 'lina2026pass'})
        self.assertFalse(self.lina._password_has_expired())
