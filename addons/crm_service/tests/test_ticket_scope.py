# -*- coding: utf-8 -*-
from .common import ServiceCase


class TestTicketScope(ServiceCase):
    """Tickets and service plans store their customer's owner and team
    (crm.scope.mixin) and follow the customer by every path: a transfer (ORM) and the
    pool's release (SQL, then res.partner._crm_owner_changed)."""

    def _sees(self, user, records):
        return records.sudo(user).search([('id', 'in', records.ids)]).sudo()

    def test_scope_follows_the_customer(self):
        wangfang = self.env.ref('crm_sales.user_sales_east_2')
        zhangwei = self.env.ref('crm_sales.user_leader_east')
        ticket = self.make_ticket().sudo()
        plan = self.env['crm.service.plan'].create({
            'name': '季度回访', 'partner_id': self.customer.id, 'next_date': '2026-07-01'})
        for record in (ticket, plan):
            self.assertEqual(record.crm_scope_user_id, self.lina, record._name)
            self.assertEqual(record.crm_scope_team_id, self.env.ref('crm_sales.team_east'))
            self.assertEqual(self._sees(self.lina, record), record, record._name)
            self.assertFalse(self._sees(wangfang, record), record._name)
            self.assertFalse(self._sees(self.yanglei, record), record._name)
            self.assertEqual(self._sees(zhangwei, record), record, record._name)
        customer = self.customer.sudo()
        customer.sudo(self.lina).action_transfer(wangfang.id)
        for record in (ticket, plan):
            self.assertEqual(record.crm_scope_user_id, wangfang, record._name)
            self.assertFalse(self._sees(self.lina, record), record._name)
            self.assertEqual(self._sees(wangfang, record), record, record._name)
        # released with SQL, as the pool does: the hook brings the stored scope along
        self.env.cr.execute("""
            UPDATE res_partner SET user_id = NULL, crm_owner_id = NULL
             WHERE id = %s OR commercial_partner_id = %s""", (customer.id, customer.id))
        customer.invalidate_cache()
        customer._crm_owner_changed({customer.id: wangfang.id}, {'reason': 'release', 'sql': True})
        for record in (ticket, plan):
            self.assertFalse(record.crm_scope_user_id, record._name)
            self.assertFalse(self._sees(wangfang, record), record._name)
            self.assertEqual(self._sees(zhangwei, record), record, 'the team keeps it')
