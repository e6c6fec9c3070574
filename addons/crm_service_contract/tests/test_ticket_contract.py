# -*- coding: utf-8 -*-
from odoo.exceptions import ValidationError

from odoo.addons.crm_service.tests.common import ServiceCase


class TestTicketContract(ServiceCase):

    def contract(self, customer, user):
        return self.env['crm.contract'].sudo(user).create({
            'name': '年度运维服务合同', 'partner_id': customer.id, 'user_id': user.id,
            'team_id': user.sale_team_id.id, 'date_start': '2026-06-01', 'date_end': '2027-05-31',
            'sign_date': '2026-06-01', 'amount_total': 50000})

    def test_ticket_and_plan_link_the_customers_contract(self):
        contract = self.contract(self.customer, self.lina)
        ticket = self.make_ticket(contract_id=contract.id)
        self.assertEqual(ticket.contract_id, contract)
        self.assertEqual(contract.sudo(self.lina).service_ticket_count, 1)
        other = self.contract(self.customer_b, self.yanglei)
        with self.refused(ValidationError, '不属于'):
            ticket.write({'contract_id': other.id})
        self.assertEqual(ticket.contract_id, contract)
        plan = self.env['crm.service.plan'].sudo(self.manager).create({
            'name': '合同内月度维护', 'partner_id': self.customer.id, 'contract_id': contract.id,
            'user_id': self.agent1.id, 'team_id': self.team.id, 'action': 'ticket',
            'type_id': self.type_tech.id, 'interval_number': 1, 'interval_type': 'month',
            'next_date': '2026-06-12'})
        self.env['crm.service.plan']._cron_run_plans()
        self.assertEqual(plan.ticket_ids.contract_id, contract)

    def test_service_agents_do_not_read_contract_amounts(self):
        contract = self.contract(self.customer, self.lina)
        # an approved contract counts in the customer's totals
        self.env.cr.execute("UPDATE crm_contract SET state = 'approved' WHERE id = %s", (contract.id,))
        self.env['res.partner'].invalidate_cache()
        fields = ['contract_count', 'contract_amount', 'contract_received', 'contract_outstanding']
        self.assertEqual(self.customer.sudo(self.lina).read(fields)[0]['contract_amount'], 50000)
        for agent in (self.agent1, self.manager):
            values = self.customer.sudo(agent).read(fields)[0]
            self.assertEqual([values[f] for f in fields], [0, 0.0, 0.0, 0.0])
            self.assertNotIn('50000', str(self.customer.sudo(agent).export_data(fields)))
