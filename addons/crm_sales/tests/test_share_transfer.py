# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError

from .crm_sales_scope_common import CrmScopeCase


class TestShareTransfer(CrmScopeCase):

    @classmethod
    def setUpClass(cls):
        super(TestShareTransfer, cls).setUpClass()
        cls.customer = cls._customer('T-共享客户', cls.sa1)
        cls.contact = cls._contact('T-李工', cls.customer)
        cls.opp_open = cls._opp('T-open opp', cls.sa1, partner_id=cls.customer.id)
        cls.opp_won = cls._opp('T-won opp', cls.sa1, partner_id=cls.customer.id)
        cls.opp_won.action_set_end_status('won')

    def _sees(self, user, record):
        return bool(record.sudo(user).search([('id', '=', record.id)]))

    def test_share_customer_read_then_write_then_unshare(self):
        self.assertFalse(self._sees(self.sa2, self.customer))
        self.customer.sudo(self.sa1).action_share([self.sa2.id], access='read')
        self.assertTrue(self._sees(self.sa2, self.customer))
        shared = self.Partner.sudo(self.sa2).search(
            ['|', ('share_read_user_ids', 'in', [self.sa2.id]),
             ('share_write_user_ids', 'in', [self.sa2.id])])
        self.assertIn(self.customer, shared.sudo(), '"Shared with me" finds it')
        with self.assertRaises(AccessError):
            self.customer.sudo(self.sa2).write({'phone': '1'})
        self.customer.sudo(self.sa1).action_share([self.sa2.id], access='write')
        self.customer.sudo(self.sa2).write({'phone': '021-88886666'})
        self.assertEqual(self.customer.phone, '021-88886666')
        self.assertNotIn(self.sa2, self.customer.share_read_user_ids)
        self.customer.sudo(self.sa1).action_unshare([self.sa2.id])
        self.assertFalse(self._sees(self.sa2, self.customer))
        self.assertTrue(self.customer.message_ids.filtered(lambda m: 'T_Sa2' in (m.body or '')))

    def test_sharing_a_customer_opens_its_contacts_and_follow_ups(self):
        follow_up = self.env['crm.follow.up'].sudo(self.sa1).create({
            'partner_id': self.customer.id, 'follow_up_type': 'visit',
            'content': 'T-上门拜访，确认需求'})
        self.assertFalse(self._sees(self.sa2, self.contact))
        self.assertFalse(self._sees(self.sa2, follow_up))
        self.customer.sudo(self.sa1).action_share([self.sa2.id], access='read')
        self.assertTrue(self._sees(self.sa2, self.contact))
        self.assertTrue(self._sees(self.sa2, follow_up))
        self.assertEqual(self.customer.sudo(self.sa2).child_ids.sudo(), self.contact)
        with self.assertRaises(AccessError):
            self.contact.sudo(self.sa2).write({'mobile': '13900000000'})
        with self.assertRaises(AccessError):
            follow_up.sudo(self.sa2).write({'content': 'changed'})
        self.customer.sudo(self.sa1).action_share([self.sa2.id], access='write')
        self.contact.sudo(self.sa2).write({'mobile': '13900000000'})
        self.assertEqual(self.contact.mobile, '13900000000')
        self.customer.sudo(self.sa1).action_unshare([self.sa2.id])
        self.assertFalse(self._sees(self.sa2, self.contact))
        self.assertFalse(self._sees(self.sa2, follow_up))
        self.assertFalse(self._sees(self.sb1, self.contact), 'others never saw it')

    def test_only_owner_leader_manager_share(self):
        self.customer.sudo(self.sa1).action_share([self.sa2.id], access='write')
        with self.assertRaises(AccessError):
            self.customer.sudo(self.sa2).action_share([self.sb1.id])
        with self.assertRaises(AccessError):
            self.customer.sudo(self.sa2).write({'share_read_user_ids': [(4, self.sb1.id)]})
        self.assertNotIn(self.sb1, self.customer.share_read_user_ids)
        self.customer.sudo(self.leader_a).action_share([self.sb1.id])
        self.customer.sudo(self.manager).action_share([self.sc1.id])
        self.assertEqual(self.customer.share_read_user_ids, self.sb1 | self.sc1)

    def test_share_bad_input(self):
        with self.assertRaises(UserError):
            self.customer.sudo(self.sa1).action_share([self.sa2.id], access='admin')
        with self.assertRaises(UserError):
            self.customer.sudo(self.sa1).action_share([])
        with self.assertRaises(UserError):
            self.customer.sudo(self.sa1).action_share([999999])
        with self.assertRaises(UserError):
            self.contact.action_share([self.sa2.id])
        self.assertFalse(self.customer.share_read_user_ids | self.customer.share_write_user_ids)

    def test_share_opportunity(self):
        self.assertFalse(self._sees(self.sb1, self.opp_open))
        self.opp_open.sudo(self.sa1).action_share([self.sb1.id], access='read')
        self.assertTrue(self._sees(self.sb1, self.opp_open))
        with self.assertRaises(AccessError):
            self.opp_open.sudo(self.sb1).write({'description': 'x'})
        wizard = self.env['crm.share.wizard'].sudo(self.sa1).create({
            'res_model': 'crm.lead', 'res_ids': str(self.opp_open.ids),
            'user_ids': [(6, 0, [self.sb1.id])], 'access': 'write'})
        wizard.action_apply()
        self.opp_open.sudo(self.sb1).write({'description': 'now I can'})
        self.assertEqual(self.opp_open.description, 'now I can')

    def test_transfer_with_everything_keeping_read(self):
        self.customer.sudo(self.sa1).action_transfer(
            self.sb1.id, with_contacts=True, with_opportunities=True, keep_old_owner='read')
        self.assertEqual(self.customer.user_id, self.sb1)
        self.assertEqual(self.customer.team_id, self.team_b)
        self.assertEqual(self.contact.crm_owner_id, self.sb1)
        self.assertEqual(self.contact.user_id, self.sb1)
        self.assertEqual(self.opp_open.user_id, self.sb1)
        self.assertEqual(self.opp_open.stage_group_id, self.group_b)
        self.assertEqual(self.opp_open.stage_id, self.stages_b[0])
        self.assertEqual(self.opp_won.user_id, self.sa1, 'closed opportunities stay')
        self.assertIn(self.sa1, self.customer.share_read_user_ids)
        self.assertTrue(self._sees(self.sa1, self.customer))
        with self.assertRaises(AccessError):
            self.customer.sudo(self.sa1).write({'phone': '1'})
        self.assertTrue(self._sees(self.sb1, self.customer))
        self.assertTrue(self.customer.message_ids.filtered(
            lambda m: 'transferred' in (m.body or '')))

    def test_transfer_without_related_keeping_nothing(self):
        self.customer.sudo(self.leader_a).action_transfer(
            self.sa2.id, with_contacts=False, with_opportunities=False, keep_old_owner='none')
        self.assertEqual(self.customer.user_id, self.sa2)
        self.assertEqual(self.opp_open.user_id, self.sa1)
        self.assertFalse(self.customer.share_read_user_ids | self.customer.share_write_user_ids)
        self.assertFalse(self._sees(self.sa1, self.customer))

    def test_transfer_refused_changes_nothing(self):
        with self.assertRaises(AccessError):
            self.customer.sudo(self.sa2).action_transfer(self.sa2.id)
        with self.assertRaises(AccessError):
            self.customer.sudo(self.sb1).action_transfer(self.sb1.id)
        with self.assertRaises(UserError):
            self.customer.sudo(self.sa1).action_transfer(self.sa2.id, keep_old_owner='forever')
        with self.assertRaises(UserError):
            self.customer.sudo(self.sa1).action_transfer(self.employee.id)
        with self.assertRaises(UserError):
            self.contact.sudo(self.sa1).action_transfer(self.sa2.id)
        self.assertEqual(self.customer.user_id, self.sa1)
        self.assertEqual(self.opp_open.user_id, self.sa1)

    def test_bulk_transfer_wizard(self):
        other = self._customer('T-第二客户', self.sa1)
        wizard = self.env['crm.customer.transfer'].sudo(self.manager).with_context(
            active_model='res.partner', active_ids=(self.customer | other).ids).create({
                'user_id': self.sa2.id, 'keep_old_owner': 'write'})
        self.assertEqual(wizard.partner_ids, self.customer | other)
        wizard.action_transfer()
        self.assertEqual((self.customer | other).mapped('user_id'), self.sa2)
        self.assertIn(self.sa1, other.share_write_user_ids)
        self.customer.sudo(self.sa1).write({'phone': '021-1'})

    def test_transfer_related_hook_called(self):
        calls = []
        Partner = type(self.env['res.partner'])
        original = Partner._crm_transfer_related

        def spy(rec, new_user, options):
            calls.append((rec.id, new_user.id, options['keep_old_owner'], options['old_user_id']))
            return original(rec, new_user, options)
        Partner._crm_transfer_related = spy
        try:
            self.customer.action_transfer(self.sa2.id, keep_old_owner='write')
        finally:
            Partner._crm_transfer_related = original
        self.assertEqual(calls, [(self.customer.id, self.sa2.id, 'write', self.sa1.id)])
