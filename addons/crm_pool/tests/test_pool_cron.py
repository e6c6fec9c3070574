# -*- coding: utf-8 -*-
from .common import PoolCase


class TestPoolCron(PoolCase):

    def activities(self, partner):
        return self.env['mail.activity'].search([('res_model', '=', 'res.partner'),
                                                 ('res_id', '=', partner.id)])

    def test_walk_the_clock(self):
        """reminder -> release -> protection period -> claim by another salesperson."""
        rule = self.make_rule(days=10)
        customer = self.make_customer('Walk Co', self.sales_a1, phone='021-5555 0001')
        self.assertEqual(customer.owner_assigned_at, self.T0)

        # day 6: nothing (due day 10, reminder window is 3 days)
        self.set_now('2026-03-08 01:00:00')
        self.assertEqual(self.cron(), {'released': 0, 'reminded': 0})
        self.assertFalse(self.activities(customer))

        # day 7: reminder activity for the owner, due on the release date, once
        self.set_now('2026-03-09 01:00:00')
        self.assertEqual(self.cron(), {'released': 0, 'reminded': 1})
        activity = self.activities(customer)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.sales_a1)
        self.assertEqual(activity.date_deadline, '2026-03-12')
        self.assertEqual(self.cron(), {'released': 0, 'reminded': 0})
        # "about to be released" shows it, with its date
        about = self.Partner.sudo(self.sales_a1).action_pool_about_to_release()
        self.assertIn(customer.id, about['domain'][0][2])
        customer.invalidate_cache()
        self.assertEqual(customer.pool_release_date, '2026-03-12 01:00:00')
        self.assertEqual(customer.pool_release_rule_id, rule)
        todo = self.env['crm.todo'].sudo(self.sales_a1).create({})
        self.assertEqual(todo.pool_about_to_release_count, 1)

        # day 8: no second reminder in the same cycle
        self.set_now('2026-03-10 01:00:00')
        self.assertEqual(self.cron(), {'released': 0, 'reminded': 0})
        self.assertEqual(len(self.activities(customer)), 1)

        # day 10: released into pool A, logged once, idempotent
        self.set_now('2026-03-12 01:00:00')
        self.assertEqual(self.cron(), {'released': 1, 'reminded': 0})
        customer.invalidate_cache()
        self.assertFalse(customer.user_id)
        self.assertFalse(customer.crm_owner_id)
        self.assertEqual(customer.pool_id, self.pool_a)
        self.assertEqual(customer.pool_previous_user_id, self.sales_a1)
        self.assertEqual(customer.pool_release_reason, rule.name)
        self.assertEqual(customer.pool_protected_until, '2026-03-19 01:00:00')
        log = self.logs(customer, 'auto_release')
        self.assertEqual(len(log), 1)
        self.assertEqual((log.from_user_id, log.rule_id, log.pool_id),
                         (self.sales_a1, rule, self.pool_a))
        self.assertEqual(self.cron(), {'released': 0, 'reminded': 0})
        self.assertEqual(len(self.logs(customer)), 1)

        # protection period: the previous owner cannot claim it back for 7 days
        self.set_now('2026-03-13 01:00:00')
        before = customer.sudo(self.sales_a1).read(['phone'])[0]['phone']
        self.assertNotEqual(before, '021-5555 0001')  # hidden while in the pool
        with self.assertRaisesRegex(Exception, 'protection period'):
            customer.sudo(self.sales_a1).action_pool_claim()
        customer.invalidate_cache()
        self.assertFalse(customer.user_id)

        # ... but another salesperson of the team can claim it at once
        customer.sudo(self.sales_a2).action_pool_claim()
        customer.invalidate_cache()
        self.assertEqual(customer.user_id, self.sales_a2)
        self.assertEqual(customer.crm_owner_id, self.sales_a2)
        self.assertFalse(customer.pool_id)
        self.assertEqual(customer.owner_assigned_at, '2026-03-13 01:00:00')
        self.assertEqual(customer.sudo(self.sales_a2).read(['phone'])[0]['phone'], '021-5555 0001')
        claim = self.logs(customer, 'claim')
        self.assertEqual((claim.user_id, claim.to_user_id, claim.from_user_id),
                         (self.sales_a2, self.sales_a2, self.sales_a1))

        # a new cycle: the new owner is reminded again before the next release
        self.set_now('2026-03-20 01:00:00')
        self.assertEqual(self.cron(), {'released': 0, 'reminded': 1})

    def test_follow_up_postpones_release(self):
        self.make_rule(days=10)
        customer = self.make_customer('Followed Co', self.sales_a1)
        self.set_now('2026-03-10 01:00:00')
        customer.write({'last_follow_up_at': '2026-03-10 01:00:00'})
        self.set_now('2026-03-13 01:00:00')
        self.assertEqual(self.cron()['released'], 0)
        self.set_now('2026-03-20 01:00:00')
        self.assertEqual(self.cron()['released'], 1)

    def test_follow_up_record_postpones_release(self):
        """Through crm_sales' follow-up records (last_follow_up_at is written by them)."""
        self.make_rule(days=10)
        customer = self.make_customer('Followed Record Co', self.sales_a1)
        self.set_now('2026-03-10 01:00:00')
        self.env['crm.follow.up'].sudo(self.sales_a1).create({
            'partner_id': customer.id, 'content': 'Called', 'date': '2026-03-10 01:00:00'})
        customer.invalidate_cache()
        self.assertEqual(customer.last_follow_up_at, '2026-03-10 01:00:00')
        self.set_now('2026-03-13 01:00:00')
        self.assertEqual(self.cron()['released'], 0)

    def test_no_deal_rule(self):
        self.make_rule(name='No deal 30 days', kind='no_deal', days=30)
        customer = self.make_customer('No Deal Co', self.sales_a1)
        deal = self.make_customer('Deal Co', self.sales_a1)
        deal.write({'is_deal': True})
        # follow-ups do not stop the no-deal countdown
        customer.write({'last_follow_up_at': '2026-03-30 01:00:00'})
        self.set_now('2026-03-31 00:59:00')
        self.assertEqual(self.cron()['released'], 0)
        self.set_now('2026-04-01 01:00:00')
        self.assertEqual(self.cron()['released'], 1)
        self.assertEqual(customer.pool_id, self.pool_a)
        self.assertEqual(deal.user_id, self.sales_a1)

    def test_exemptions(self):
        self.make_rule(days=10)
        locked = self.make_customer('Locked Co', self.sales_a1)
        locked.sudo(self.sales_a1).action_pool_lock()
        deal = self.make_customer('Deal Exempt Co', self.sales_a1, is_deal=True)
        plain = self.make_customer('Plain Co', self.sales_a1)
        self.set_now('2026-03-20 01:00:00')
        self.assertEqual(self.cron()['released'], 1)
        self.assertTrue(plain.pool_id)
        self.assertFalse(locked.pool_id)
        self.assertFalse(deal.pool_id)

    def test_exemptions_off(self):
        self.make_rule(days=10, exempt_locked=False, exempt_deal=False)
        locked = self.make_customer('Locked Off Co', self.sales_a1)
        locked.sudo(self.sales_a1).action_pool_lock()
        deal = self.make_customer('Deal Off Co', self.sales_a1, is_deal=True)
        self.set_now('2026-03-20 01:00:00')
        self.assertEqual(self.cron()['released'], 2)
        self.assertTrue(locked.pool_id and deal.pool_id)
        self.assertFalse(locked.pool_locked)

    def test_priority_and_filters(self):
        level_vip = self.env['crm.customer.level'].create({'name': 'Pool VIP'})
        source = self.env['crm.customer.source'].create({'name': 'Pool Fair'})
        self.make_rule(name='VIP 30 days', days=30, priority=20,
                       level_ids=[(6, 0, [level_vip.id])])
        self.make_rule(name='Everyone 10 days', days=10, priority=10)
        self.make_rule(name='Fair, Suzhou 5 days', days=5, priority=30,
                       source_ids=[(6, 0, [source.id])], domain="[('city', '=', 'Suzhou')]")
        vip = self.make_customer('VIP Co', self.sales_a1, customer_level_id=level_vip.id)
        plain = self.make_customer('Plain Prio Co', self.sales_a1)
        fair = self.make_customer('Fair Co', self.sales_a1, customer_source_id=source.id,
                                  city='Suzhou')
        fair_elsewhere = self.make_customer('Fair Elsewhere Co', self.sales_a1,
                                            customer_source_id=source.id, city='Wuxi')
        other_team = self.make_customer('Team B Co', self.sales_b1)
        self.set_now('2026-03-08 01:00:00')
        self.assertEqual(self.cron()['released'], 1)
        self.assertTrue(fair.pool_id)
        self.set_now('2026-03-13 01:00:00')
        self.assertEqual(self.cron()['released'], 2)
        self.assertTrue(plain.pool_id and fair_elsewhere.pool_id)
        self.assertFalse(vip.pool_id)          # governed by the higher-priority VIP rule
        self.assertFalse(other_team.pool_id)   # pool A only serves team A
        self.set_now('2026-04-02 01:00:00')
        self.assertEqual(self.cron()['released'], 1)
        self.assertTrue(vip.pool_id)

    def test_company_pool_serves_every_team(self):
        self.make_rule(pool_id=self.pool_all.id, days=10)
        customer = self.make_customer('Team B Company Co', self.sales_b1)
        self.set_now('2026-03-13 01:00:00')
        self.cron()
        self.assertEqual(customer.pool_id, self.pool_all)
        # visible to team B and claimable
        self.assertIn(customer, self.Partner.sudo(self.sales_b1).search([('pool_id', '!=', False)]))

    def test_inactive_rule_and_preview(self):
        rule = self.make_rule(days=10, active=False)
        soon = self.make_customer('Soon Co', self.sales_a1)
        self.set_now('2026-03-05 01:00:00')
        later = self.make_customer('Later Co', self.sales_a1)
        self.set_now('2026-03-13 01:00:00')
        self.assertEqual(self.cron()['released'], 0)  # inactive: nothing happens
        wizard = self.env['crm.pool.preview.wizard'].create({
            'rule_id': rule.id, 'date': '2026-03-13'})
        wizard.action_compute()
        self.assertEqual(wizard.released_count, 1)
        self.assertEqual(wizard.later_count, 1)
        lines = {l.partner_id: l for l in wizard.line_ids}
        self.assertTrue(lines[soon].released)
        self.assertFalse(lines[later].released)
        self.assertEqual(lines[later].release_at, '2026-03-15 01:00:00')
        # the pool preview (all its rules, enabled or not) gives the same
        action = self.pool_a.action_preview()
        pool_wizard = self.env['crm.pool.preview.wizard'].browse(action['res_id'])
        self.assertEqual(pool_wizard.released_count, 1)
        # nothing changed
        self.assertEqual(soon.user_id, self.sales_a1)
        self.assertFalse(self.logs(soon))

    def test_cron_batches(self):
        self.make_rule(days=10)
        customers = self.Partner
        for i in range(7):
            customers |= self.make_customer('Batch Co %d' % i, self.sales_a1)
        self.set_now('2026-03-13 01:00:00')
        self.assertEqual(self.Rule._run_auto_release(batch_size=3), 7)
        self.assertEqual(len(self.Log.search([('partner_id', 'in', customers.ids)])), 7)
        self.assertEqual(self.Rule._run_auto_release(batch_size=3), 0)

    def test_crash_in_the_middle(self):
        """A crash after some committed batches: the rerun releases the rest, and every
        customer is logged exactly once. (Commits are emulated with savepoints: tests run
        in one transaction.)"""
        from unittest.mock import patch
        from odoo.addons.crm_pool.models.crm_pool_rule_cron import CrmPoolRule
        from odoo.addons.crm_pool.models.res_partner_pool import ResPartner
        self.make_rule(days=10)
        customers = self.Partner
        for i in range(7):
            customers |= self.make_customer('Crash Co %d' % i, self.sales_a1)
        self.set_now('2026-03-13 01:00:00')
        cr = self.env.cr
        cr.execute('SAVEPOINT pool_committed')
        calls = []
        original = ResPartner._pool_release_sql

        def fake_commit(rule_self):
            cr.execute('RELEASE SAVEPOINT pool_committed')
            cr.execute('SAVEPOINT pool_committed')

        def crashing_release(partner_self, *args, **kwargs):
            calls.append(1)
            if len(calls) == 2:
                raise RuntimeError('worker killed')
            return original(partner_self, *args, **kwargs)

        with patch.object(CrmPoolRule, '_pool_commit', fake_commit), \
                patch.object(ResPartner, '_pool_release_sql', crashing_release):
            with self.assertRaises(RuntimeError):
                self.Rule._run_auto_release(batch_size=3)
        cr.execute('ROLLBACK TO SAVEPOINT pool_committed')  # what the crash loses
        self.env.cache.invalidate()
        logs = self.Log.search([('partner_id', 'in', customers.ids)])
        self.assertEqual(len(logs), 3)                  # the committed batch is kept
        self.assertEqual(self.Rule._run_auto_release(batch_size=3), 4)
        logs = self.Log.search([('partner_id', 'in', customers.ids)])
        self.assertEqual(sorted(logs.mapped('partner_id').ids), sorted(customers.ids))
        self.assertEqual(len(logs), 7)
        self.assertTrue(all(c.pool_id for c in customers))

    def test_count_about_to_release(self):
        """The dashboard's count of customers about to go to the pool: each customer once,
        even when two rules will release it, per salesperson or for everyone."""
        self.make_rule(days=10)
        self.make_rule(name='No deal 12 days', kind='no_deal', days=12, priority=5)
        soon = self.make_customer('Soon Co', self.sales_a1)     # due on day 10 and day 12
        other = self.make_customer('Other Co', self.sales_a2)
        self.set_now('2026-03-07 01:00:00')
        self.make_customer('Later Co', self.sales_a1)           # due on day 15 and day 17
        self.set_now('2026-03-11 01:00:00')                     # reminder window: 3 days
        Rule = self.Rule.sudo()
        self.assertEqual(set(Rule._get_about_to_release()), {soon.id, other.id})
        self.assertEqual(Rule._count_about_to_release(), 2)
        self.assertEqual(Rule._count_about_to_release(user_ids=[self.sales_a1.id]), 1)
        self.assertEqual(Rule._count_about_to_release(user_ids=[]), 0)

    def test_todo_lists_the_soonest_first(self):
        """My to-do counts every customer about to be released and lists the soonest
        first (counted and listed in SQL, as with thousands of them)."""
        self.make_rule(days=10)
        early = self.make_customer('Early Co', self.sales_a1)     # due 03-12
        self.set_now('2026-03-03 01:00:00')
        late = self.make_customer('Late Co', self.sales_a1)       # due 03-13
        self.set_now('2026-03-11 01:00:00')                       # both within 3 days
        Rule = self.env['crm.pool.rule'].sudo()
        expected = Rule._get_about_to_release(user_ids=[self.sales_a1.id])
        self.assertIn(early.id, expected)
        self.assertIn(late.id, expected)
        count, ids = Rule._about_to_release_first(user_ids=[self.sales_a1.id], limit=1)
        self.assertEqual(count, len(expected))
        soonest = min(expected, key=lambda pid: (expected[pid][0], pid))
        self.assertEqual(ids, [soonest])
        todo = self.env['crm.todo'].sudo(self.sales_a1).create({})
        self.assertEqual(todo.pool_about_to_release_count, len(expected))
        self.assertEqual(todo.pool_about_to_release_ids[:1].id, soonest)
