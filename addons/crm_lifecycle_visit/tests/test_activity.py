# -*- coding: utf-8 -*-
from odoo.addons.crm_lifecycle.tests.common import LifecycleCase


class TestVisitActivity(LifecycleCase):
    """A visit done (checked out) shows in the customer card's activity for 90 days."""

    def test_a_visit_done_counts_on_the_card_for_90_days(self):
        customer = self.make_customer('生命周期拜访活跃客户')
        card = customer.sudo(self.lina)
        self.assertEqual((card.activity_visit_count, card.activity_level), (0, 'inactive'))
        visit = self.env['crm.visit'].sudo(self.lina).create({
            'customer_id': customer.id, 'start': '2026-06-10 06:00:00', 'duration': 1.0})
        visit.action_check_in(address='杭州市文三路 90 号')
        card.invalidate_cache()
        self.assertEqual(card.activity_visit_count, 0, 'checked in, not done yet')
        visit.action_check_out(note='介绍了新款网关，客户下月试用')
        card.invalidate_cache()
        self.assertEqual((card.activity_visit_count, card.activity_level), (1, 'quiet'))
        self.set_clock('2026-09-09 04:00:00')        # 91 days after the check-in
        card.invalidate_cache()
        self.assertEqual((card.activity_visit_count, card.activity_level), (0, 'inactive'))
