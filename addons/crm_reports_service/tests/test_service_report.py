# -*- coding: utf-8 -*-
import xlrd

from odoo import fields
from odoo.addons.crm_reports.tests.common import ReportCase


class TestServiceReport(ReportCase):
    """Tickets by type, resolution time, SLA breaches and satisfaction, recomputed from
    the tickets (demo and created here) per scope, with the CRM clock moved."""

    NOW = '2026-06-12 08:00:00'

    @classmethod
    def setUpClass(cls):
        super(TestServiceReport, cls).setUpClass()
        ref = cls.env.ref
        cls.customer = cls.make_customer('服务报表测试客户', cls.lina)
        cls.ticket = cls.env['crm.service.ticket'].create({
            'name': '设备无法启动', 'partner_id': cls.customer.id,
            'type_id': ref('crm_service.service_type_technical').id})

    def raw(self, user):
        level = user._crm_scope_level()
        led = user.crm_led_team_ids
        tickets = self.env['crm.service.ticket'].search([]).filtered(
            lambda t: level in ('all', 'read_all') or t.partner_id.crm_owner_id == user
            or t.partner_id.crm_team_id in led)
        by_type = {}
        for t in tickets:
            row = by_type.setdefault(t.type_id.id, {'nbr': 0, 'sla_breached': 0, 'ratings': [],
                                                    'hours': []})
            row['nbr'] += 1
            row['sla_breached'] += int(t.sla_breached)
            if t.satisfaction:
                row['ratings'].append(t.satisfaction)
            if t.processed_at:
                start = fields.Datetime.from_string(t.sla_start_at or t.create_date)
                done = fields.Datetime.from_string(t.processed_at)
                row['hours'].append((done - start).total_seconds() / 3600.0)
        return by_type

    def check(self, user):
        self.env['crm.service.ticket'].invalidate_cache()
        expected = self.raw(user)
        groups = self.env['crm.report.service'].sudo(user).read_group(
            [], ['type_id', 'nbr', 'sla_breached', 'satisfaction', 'resolution_hours'], ['type_id'])
        got = {g['type_id'][0]: g for g in groups}
        self.assertEqual(set(got), set(expected), user.login)
        for type_id, exp in expected.items():
            g = got[type_id]
            self.assertEqual(g['nbr'], exp['nbr'])
            self.assertEqual(g['sla_breached'], exp['sla_breached'])
            if exp['ratings']:
                self.assertAlmostEqual(g['satisfaction'], sum(exp['ratings']) / float(len(exp['ratings'])), 2)
            else:
                self.assertFalse(g['satisfaction'])
            if exp['hours']:
                self.assertAlmostEqual(g['resolution_hours'], sum(exp['hours']) / len(exp['hours']), 2)

    def test_figures_per_scope(self):
        for user in (self.lina, self.zhangwei, self.sunqiang, self.executive):
            self.check(user)
        mine = self.env['crm.report.service'].sudo(self.lina).search([])
        self.assertIn(self.ticket, mine.mapped('ticket_id'))
        self.assertEqual(set(mine.mapped('user_id').ids), {self.lina.id})

    def test_breaches_follow_the_clock(self):
        Report = self.env['crm.report.service'].sudo(self.lina)
        breaches = lambda: Report._totals([('ticket_id', '=', self.ticket.id)],
                                          ['sla_breached'])['sla_breached']
        before = breaches()
        self.env['crm.clock'].set_now('2026-07-30 08:00:00')
        self.assertEqual(breaches(), 1 if self.ticket.response_deadline else 0)
        self.assertLessEqual(before, breaches())
        self.check(self.sunqiang)

    def test_xlsx(self):
        wizard = self.env['crm.report.export'].sudo(self.sunqiang).create(
            {'report': 'service', 'date_from': '2000-01-01', 'date_to': '2100-12-31'})
        content, _kind = self.env.ref('crm_reports.action_report_crm_reports_xlsx').sudo(
            self.sunqiang).with_context(active_model='crm.report.export').render_xlsx(
            wizard.ids, {})
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        self.assertEqual(sheet.name, 'Service Analysis')
        total = self.env['crm.report.service'].sudo(self.sunqiang).search_count([])
        for row in range(sheet.nrows):
            if sheet.cell_value(row, 0) == 'Total':
                self.assertEqual(sheet.cell_value(row, 1), total)
                break
        else:
            self.fail('no totals row')
