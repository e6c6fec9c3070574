# -*- coding: utf-8 -*-
from odoo.addons.crm_lifecycle.tests.common import LifecycleCase


class TestTicketActivity(LifecycleCase):
    """A service ticket the customer opened shows in the card's activity for 90 days and
    makes the customer "quiet" (not inactive) on its own."""

    def test_a_ticket_counts_on_the_card_for_90_days(self):
        customer = self.make_customer('生命周期工单活跃客户')
        card = customer.sudo(self.lina)
        self.assertEqual((card.activity_ticket_count, card.activity_level), (0, 'inactive'))
        ticket = self.env['crm.service.ticket'].sudo(self.lina).create({
            'name': '网关无法开机', 'partner_id': customer.id,
            'type_id': self.env.ref('crm_service.service_type_after_sales').id})
        # opened on 2026-06-01 by the frozen CRM clock (the row's own date is today's)
        self.env.cr.execute("UPDATE crm_service_ticket SET create_date = '2026-06-01 02:00:00' "
                            "WHERE id = %s", (ticket.id,))
        card.invalidate_cache()
        self.assertEqual((card.activity_follow_up_count, card.activity_ticket_count,
                          card.activity_level), (0, 1, 'quiet'))
        self.set_clock('2026-08-31 04:00:00')        # 91 days after it was opened
        card.invalidate_cache()
        self.assertEqual((card.activity_ticket_count, card.activity_level), (0, 'inactive'))
