# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, api
from odoo.tests.common import TransactionCase


class TestPoolCronDeferral(TransactionCase):
    """A customer whose row another transaction holds (someone saving or claiming it)
    is skipped by the cron (SKIP LOCKED): it is counted as deferred, logged, retried
    once the batches are done, and released by the next run. Runs on committed data in
    cursors of its own (the cron never commits here, and everything is removed after)."""

    def setUp(self):
        super(TestPoolCronDeferral, self).setUp()
        self.registry = self.env.registry
        cr = self.registry.cursor()
        try:
            env = api.Environment(cr, SUPERUSER_ID, {})
            team = env['crm.team'].create({'name': 'Deferral Team'})
            pool = env['crm.pool'].create({'name': 'Deferral Pool', 'team_ids': [(6, 0, team.ids)]})
            env['crm.pool.rule'].create({'name': 'Deferral rule', 'pool_id': pool.id,
                                         'kind': 'no_deal', 'days': 1, 'priority': 1000})
            customer = env['res.partner'].create({
                'name': 'Deferral Locked Co', 'is_company': True, 'customer': True,
                'user_id': env.ref('crm_sales.user_sales_east_1').id, 'team_id': team.id})
            cr.execute("UPDATE res_partner SET owner_assigned_at = '2000-01-01' WHERE id = %s",
                       (customer.id,))
            cr.commit()
            self.ids = {'team': team.id, 'pool': pool.id, 'customer': customer.id}
        finally:
            cr.close()
        self.addCleanup(self._remove_fixture)

    def _remove_fixture(self):
        cr = self.registry.cursor()
        try:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env['crm.pool.log'].search([('partner_id', '=', self.ids['customer'])]).unlink()
            env['res.partner'].browse(self.ids['customer']).unlink()
            env['crm.pool'].browse(self.ids['pool']).unlink()
            env['crm.team'].browse(self.ids['team']).unlink()
            cr.commit()
        finally:
            cr.close()

    def _run_cron(self):
        """One cron run in a cursor of its own, rolled back: (summary, customer owner id)."""
        cr = self.registry.cursor()
        try:
            env = api.Environment(cr, SUPERUSER_ID, {'crm_pool_no_commit': True})
            summary = env['crm.pool.rule']._cron_pool_run()
            cr.execute('SELECT user_id FROM res_partner WHERE id = %s', (self.ids['customer'],))
            return summary, cr.fetchone()[0]
        finally:
            cr.rollback()
            cr.close()

    def test_locked_customer_is_deferred_counted_and_released_next_time(self):
        holder = self.registry.cursor()
        try:
            holder.execute('SELECT id FROM res_partner WHERE id = %s FOR UPDATE',
                           (self.ids['customer'],))
            summary, owner = self._run_cron()
        finally:
            holder.rollback()
            holder.close()
        self.assertEqual(summary['deferred'], 1, summary)
        self.assertTrue(owner, 'still owned: it was locked the whole run, retry included')
        summary, owner = self._run_cron()
        self.assertEqual(summary['deferred'], 0, summary)
        self.assertFalse(owner, 'released by the next run')
