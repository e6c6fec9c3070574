# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError

from .common import PoolCase


class TestPoolOperations(PoolCase):

    def test_claim(self):
        customer = self.make_pool_customer('Claim Co', previous=self.sales_a1,
                                           phone='0512-1', email='x@claim.example',
                                           wechat='claim_wx')
        contact = self.Partner.create({'name': 'Claim Contact', 'parent_id': customer.id,
                                       'mobile': '13800000001'})
        self.assertEqual(contact.crm_pool_id, self.pool_a)
        # hidden from salespeople, visible to leaders
        as_a2 = customer.sudo(self.sales_a2)
        values = as_a2.read(['phone', 'email', 'wechat', 'name'])[0]
        self.assertEqual(values['name'], 'Claim Co')
        self.assertTrue(all(values[f] == '******' for f in ('phone', 'email', 'wechat')))
        self.assertEqual(contact.sudo(self.sales_a2).read(['mobile'])[0]['mobile'], '******')
        self.assertEqual(customer.sudo(self.leader_a).read(['phone'])[0]['phone'], '0512-1')
        # ... and in exports, including the contacts exported through the customer
        owned = self.make_customer('Claim Owned Co', self.sales_a2, phone='0512-2')
        exported = (owned | customer).sudo(self.sales_a2).export_data(
            ['name', 'phone', 'email', 'child_ids/mobile'])['datas']
        self.assertEqual(exported, [['Claim Owned Co', '0512-2', '', False],
                                    ['Claim Co', '******', '******', '******']])
        self.assertEqual(customer.sudo(self.leader_a).export_data(['phone'])['datas'],
                         [['0512-1']])
        # team B does not see pool A at all
        self.assertFalse(self.Partner.sudo(self.sales_b1).search([('id', '=', customer.id)]))
        with self.assertRaises(AccessError):
            customer.sudo(self.sales_b1).action_pool_claim()
        self.assertIn(customer, self.Partner.sudo(self.sales_a2).search([('pool_id', '!=', False)]))

        self.assertTrue(as_a2.action_pool_claim())
        self.assertEqual(customer.user_id, self.sales_a2)
        self.assertEqual(customer.team_id, self.team_a)
        self.assertFalse(customer.pool_id)
        self.assertFalse(contact.crm_pool_id)
        self.assertEqual(contact.crm_owner_id, self.sales_a2)
        self.assertEqual(as_a2.read(['phone'])[0]['phone'], '0512-1')
        self.assertEqual(contact.sudo(self.sales_a2).read(['mobile'])[0]['mobile'], '13800000001')
        self.assertEqual(len(self.logs(customer, 'claim')), 1)

    def test_claim_owned_customer_fails_and_changes_nothing(self):
        customer = self.make_customer('Owned Co', self.sales_a1)
        with self.assertRaisesRegex(UserError, 'already been claimed'):
            customer.sudo(self.sales_a2).action_pool_claim()
        pool_customer = self.make_pool_customer('Twice Co')
        pool_customer.sudo(self.sales_a1).action_pool_claim()
        with self.assertRaisesRegex(UserError, 'already been claimed by %s' % self.sales_a1.name):
            pool_customer.sudo(self.sales_a2).action_pool_claim()
        self.assertEqual(customer.user_id, self.sales_a1)
        self.assertEqual(pool_customer.user_id, self.sales_a1)
        self.assertFalse(self.logs(customer))
        self.assertEqual(len(self.logs(pool_customer)), 1)

    def test_claim_contact_fails(self):
        company = self.make_pool_customer('Parent Co')
        contact = self.Partner.create({'name': 'Just A Contact', 'parent_id': company.id})
        with self.assertRaisesRegex(UserError, 'not a customer'):
            contact.sudo(self.leader_a).action_pool_claim()

    def test_release(self):
        customer = self.make_customer('Release Co', self.sales_a1)
        contact = self.Partner.create({'name': 'Release Contact', 'parent_id': customer.id,
                                       'user_id': self.sales_a1.id})
        with self.assertRaisesRegex(UserError, 'reason'):
            customer.sudo(self.sales_a1).action_pool_release('  ')
        customer.sudo(self.sales_a1).action_pool_release('No budget')
        self.assertFalse(customer.user_id)
        self.assertEqual(customer.pool_id, self.pool_a)
        self.assertEqual(customer.pool_release_reason, 'No budget')
        self.assertEqual(customer.pool_previous_user_id, self.sales_a1)
        self.assertFalse(contact.user_id)
        self.assertEqual(contact.crm_pool_id, self.pool_a)
        log = self.logs(customer, 'release')
        self.assertEqual((log.user_id, log.from_user_id, log.reason),
                         (self.sales_a1, self.sales_a1, 'No budget'))
        # protection: a1 cannot claim back before 7 days, a2 can
        with self.assertRaisesRegex(UserError, 'protection period'):
            customer.sudo(self.sales_a1).action_pool_claim()
        self.set_now('2026-03-09 01:00:01')
        customer.sudo(self.sales_a1).action_pool_claim()
        self.assertEqual(customer.user_id, self.sales_a1)

    def test_release_someone_elses_customer_fails(self):
        customer = self.make_customer('Not Mine Co', self.sales_a1)
        with self.assertRaisesRegex(AccessError, 'your own customers'):
            customer.sudo(self.leader_a).action_pool_release('mine now')
        self.assertEqual(customer.user_id, self.sales_a1)
        self.assertFalse(customer.pool_id)
        self.assertFalse(self.logs(customer))

    def test_release_locked_fails(self):
        customer = self.make_customer('Locked Rel Co', self.sales_a1)
        customer.sudo(self.sales_a1).action_pool_lock()
        with self.assertRaisesRegex(UserError, 'locked'):
            customer.sudo(self.sales_a1).action_pool_release('go')
        customer.sudo(self.sales_a1).action_pool_unlock()
        customer.sudo(self.sales_a1).action_pool_release('go')
        self.assertEqual([l.action for l in self.logs(customer)].count('lock'), 1)
        self.assertEqual(len(self.logs(customer)), 3)

    def test_release_without_pool(self):
        self.pool_a.active = False
        self.pool_all.active = False
        customer = self.make_customer('No Pool Co', self.sales_a1)
        with self.assertRaisesRegex(UserError, 'No public pool'):
            customer.sudo(self.sales_a1).action_pool_release('x')
        self.assertEqual(customer.user_id, self.sales_a1)

    def test_release_goes_to_company_pool(self):
        customer = self.make_customer('Team B Rel Co', self.sales_b1)
        customer.sudo(self.sales_b1).action_pool_release('moving')
        self.assertEqual(customer.pool_id, self.pool_all)

    def test_recycle(self):
        customer = self.make_customer('Recycle Co', self.sales_a1)
        with self.assertRaises(AccessError):
            customer.sudo(self.sales_a2).action_pool_recycle('take it')
        other = self.make_customer('Other Team Co', self.sales_b1)
        with self.assertRaisesRegex(AccessError, 'teams you lead'):
            other.sudo(self.leader_a).action_pool_recycle('not mine')
        customer.sudo(self.leader_a).action_pool_recycle('Neglected')
        self.assertFalse(customer.user_id)
        log = self.logs(customer, 'recycle')
        self.assertEqual((log.user_id, log.from_user_id), (self.leader_a, self.sales_a1))
        other.sudo(self.manager).action_pool_recycle('Manager decision')
        self.assertEqual(other.pool_id, self.pool_all)
        self.assertEqual(other.user_id.id, False)

    def test_assign(self):
        customer = self.make_pool_customer('Assign Co')
        with self.assertRaises(AccessError):
            customer.sudo(self.sales_a1).action_pool_assign(self.sales_a2.id)
        with self.assertRaisesRegex(AccessError, 'teams they lead'):
            customer.sudo(self.leader_a).action_pool_assign(self.sales_b1.id)
        customer.sudo(self.leader_a).action_pool_assign(self.sales_a2.id)
        self.assertEqual(customer.user_id, self.sales_a2)
        log = self.logs(customer, 'assign')
        self.assertEqual((log.user_id, log.to_user_id), (self.leader_a, self.sales_a2))
        other = self.make_pool_customer('Assign B Co', pool=self.pool_all)
        wizard = self.env['crm.pool.assign.wizard'].sudo(self.manager).with_context(
            active_ids=other.ids).create({'user_id': self.sales_b1.id})
        wizard.action_confirm()
        self.assertEqual(other.user_id, self.sales_b1)

    def test_owned_limit(self):
        limit = self.Limit.create({'name': 'Two per head', 'limit_type': 'owned',
                                   'max_count': 2, 'team_ids': [(6, 0, [self.team_a.id])]})
        self.make_customer('Lim 1', self.sales_a2)
        self.make_customer('Lim 2', self.sales_a2, is_deal=True)
        customer = self.make_pool_customer('Lim Pool Co')
        with self.assertRaisesRegex(UserError, 'Two per head'):
            customer.sudo(self.sales_a2).action_pool_claim()
        self.assertFalse(customer.user_id)
        self.assertFalse(self.logs(customer))
        with self.assertRaisesRegex(UserError, 'Two per head'):
            customer.sudo(self.leader_a).action_pool_assign(self.sales_a2.id)
        # deal customers do not count when count_deal is off
        limit.count_deal = False
        customer.sudo(self.sales_a2).action_pool_claim()
        self.assertEqual(customer.user_id, self.sales_a2)
        # a limit naming the user takes precedence over the team's
        self.Limit.create({'name': 'A1 only one', 'limit_type': 'owned', 'max_count': 1,
                           'user_ids': [(6, 0, [self.sales_a1.id])]})
        self.make_customer('Lim 3', self.sales_a1)
        second = self.make_pool_customer('Lim Pool Co 2')
        with self.assertRaisesRegex(UserError, 'A1 only one'):
            second.sudo(self.sales_a1).action_pool_claim()

    def test_transfer_limit(self):
        self.Limit.create({'name': 'One for B1', 'limit_type': 'owned', 'max_count': 1,
                           'user_ids': [(6, 0, [self.sales_b1.id])]})
        self.make_customer('B1 Has One', self.sales_b1)
        customer = self.make_customer('Transfer Co', self.sales_a1)
        with self.assertRaisesRegex(UserError, 'One for B1'), self.cr.savepoint():
            customer.sudo(self.manager).action_transfer(self.sales_b1.id)
        customer.invalidate_cache()  # the transaction (here: savepoint) is rolled back
        self.assertEqual(customer.user_id, self.sales_a1)
        customer.sudo(self.manager).action_transfer(self.sales_a2.id)
        self.assertEqual(customer.user_id, self.sales_a2)
        log = self.logs(customer, 'transfer')
        self.assertEqual((log.user_id, log.from_user_id, log.to_user_id),
                         (self.manager, self.sales_a1, self.sales_a2))

    def test_editing_the_owner_directly_respects_the_limit(self):
        self.Limit.create({'name': 'One for B1', 'limit_type': 'owned', 'max_count': 1,
                           'user_ids': [(6, 0, [self.sales_b1.id])]})
        self.make_customer('B1 Owns One', self.sales_b1)
        customer = self.make_customer('Direct Edit Co', self.sales_a1)
        with self.assertRaisesRegex(UserError, 'One for B1'), self.cr.savepoint():
            customer.sudo(self.manager).write({'user_id': self.sales_b1.id})
        customer.invalidate_cache()
        self.assertEqual(customer.user_id, self.sales_a1)
        # a pool customer given directly leaves the pool
        pooled = self.make_pool_customer('Direct Pool Co')
        pooled.sudo(self.manager).write({'user_id': self.sales_a2.id})
        self.assertEqual(pooled.user_id, self.sales_a2)
        self.assertFalse(pooled.pool_id)

    def test_lock_limit(self):
        self.Limit.create({'name': 'Lock one', 'limit_type': 'locked', 'max_count': 1,
                           'team_ids': [(6, 0, [self.team_a.id])]})
        first = self.make_customer('Lock 1', self.sales_a1)
        second = self.make_customer('Lock 2', self.sales_a1)
        first.sudo(self.sales_a1).action_pool_lock()
        self.assertTrue(first.pool_locked)
        with self.assertRaisesRegex(UserError, 'Lock one'):
            second.sudo(self.sales_a1).action_pool_lock()
        self.assertFalse(second.pool_locked)
        with self.assertRaises(AccessError):
            second.sudo(self.sales_a2).action_pool_lock()
        first.sudo(self.leader_a).action_pool_unlock()
        second.sudo(self.sales_a1).action_pool_lock()
        self.assertTrue(second.pool_locked)

    def test_offboarding_to_pool(self):
        customers = self.make_customer('Off 1', self.sales_a1) | self.make_customer('Off 2', self.sales_a1)
        self.sales_a1.write({'active': False})
        for customer in customers:
            self.assertFalse(customer.user_id)
            self.assertEqual(customer.pool_id, self.pool_a)
            self.assertEqual(self.logs(customer, 'offboard').from_user_id, self.sales_a1)

    def test_offboarding_without_pool_does_not_block(self):
        self.pool_a.active = False
        self.pool_all.active = False
        customer = self.make_customer('Off No Pool', self.sales_a1)
        self.sales_a1.write({'active': False})
        self.assertFalse(self.sales_a1.active)
        self.assertEqual(customer.user_id, self.sales_a1)

    def test_offboarding_to_colleague(self):
        customer = self.make_customer('Off Col', self.sales_a1)
        wizard = self.env['crm.pool.offboard.wizard'].sudo(self.manager).with_context(
            active_model='res.users', active_ids=self.sales_a1.ids).create({
                'mode': 'user', 'target_user_id': self.sales_a2.id})
        self.assertEqual(wizard.customer_count, 1)
        wizard.action_confirm()
        self.assertFalse(self.sales_a1.active)
        self.assertEqual(customer.user_id, self.sales_a2)
        log = self.logs(customer, 'offboard')
        self.assertEqual((log.from_user_id, log.to_user_id), (self.sales_a1, self.sales_a2))

    def test_pool_log_visibility(self):
        customer = self.make_customer('Log Vis Co', self.sales_a1)
        customer.sudo(self.sales_a1).action_pool_release('bye')
        self.assertTrue(self.Log.sudo(self.sales_a2).search([('partner_id', '=', customer.id)]))
        self.assertFalse(self.Log.sudo(self.sales_b1).search([('partner_id', '=', customer.id)]))
        self.assertTrue(self.Log.sudo(self.manager).search([('partner_id', '=', customer.id)]))

    def test_claim_brings_the_open_opportunities_along(self):
        customer = self.make_customer('Opp Follow Co', self.sales_a1)
        Lead = self.env['crm.lead']
        open_opp = Lead.create({'name': 'Open deal', 'type': 'opportunity',
                                'partner_id': customer.id, 'user_id': self.sales_a1.id,
                                'team_id': self.team_a.id})
        lost_opp = Lead.create({'name': 'Lost deal', 'type': 'opportunity',
                                'partner_id': customer.id, 'user_id': self.sales_a1.id,
                                'team_id': self.team_a.id})
        reason = self.env['crm.lost.reason'].create({'name': 'Too expensive'})
        lost_opp.sudo(self.sales_a1).action_set_end_status('lost', reason.id)
        customer.sudo(self.sales_a1).action_pool_release('No budget this year')
        # releasing leaves them with their owner until someone claims the customer
        self.assertEqual(open_opp.user_id, self.sales_a1)

        customer.sudo(self.sales_a2).action_pool_claim()
        self.assertEqual(open_opp.user_id, self.sales_a2)
        self.assertEqual(open_opp.team_id, self.team_a)
        self.assertIn(self.sales_a2.name, open_opp.message_ids[0].body)
        self.assertIn(open_opp, Lead.sudo(self.sales_a2).search([('partner_id', '=', customer.id)]))
        # a closed opportunity stays with whoever worked it (history, performance)
        self.assertEqual(lost_opp.user_id, self.sales_a1)
