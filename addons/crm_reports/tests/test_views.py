# -*- coding: utf-8 -*-
from lxml import etree

from .common import ReportCase

ACTIONS = ['crm_report_funnel_action', 'crm_report_opportunity_action',
           'crm_report_performance_action', 'crm_report_receivable_action',
           'crm_report_customer_action', 'crm_report_product_action',
           'crm_report_follow_up_action', 'crm_report_pool_action']


class TestViews(ReportCase):
    """The Reports menu, each report's pivot / graph / search views and the dashboard, for
    each role; the pivot's default grouping runs as the user."""

    def test_reports_menu_per_role(self):
        root = self.env.ref('crm_reports.menu_crm_reports_root')
        pipeline = self.env.ref('crm.crm_menu_report')      # crm's own, moved inside ours
        self.assertEqual(pipeline.parent_id, root)
        for user in (self.lina, self.zhangwei, self.sunqiang, self.executive):
            visible = self.env['ir.ui.menu'].sudo(user)._visible_menu_ids()
            self.assertIn(root.id, visible, user.login)
            for menu in root.child_id - pipeline:
                self.assertIn(menu.id, visible, (user.login, menu.name))
        self.assertIn(pipeline.id, self.env['ir.ui.menu'].sudo(self.sunqiang)._visible_menu_ids())
        self.assertNotIn(pipeline.id, self.env['ir.ui.menu'].sudo(self.lina)._visible_menu_ids())
        self.assertNotIn(self.env.ref('crm.crm_menu_report').id,
                         self.env.ref('crm.crm_menu_root').child_id.ids)

    def test_views_load_and_group(self):
        for user in (self.lina, self.zhangwei, self.executive):
            for xmlid in ACTIONS:
                action = self.env.ref('crm_reports.' + xmlid)
                Model = self.env[action.res_model].sudo(user)
                for mode in action.view_mode.split(',') + ['search']:
                    view = Model.fields_view_get(view_type=mode)
                    arch = etree.fromstring(view['arch'])
                    if mode == 'pivot':
                        rows = [f.get('name') for f in arch.iter('field') if f.get('type') == 'row']
                        measures = [f.get('name') for f in arch.iter('field')
                                    if f.get('type') == 'measure']
                        Model.read_group([], rows[:1] + measures, rows[:1], lazy=False)
                    for name in (f.get('name') for f in arch.iter('field')):
                        self.assertIn(name, view['fields'], (xmlid, mode, name))

    def test_dashboard_and_export_open(self):
        for user in (self.lina, self.executive):
            action = self.env['crm.report.dashboard'].sudo(user).action_open()
            board = self.env['crm.report.dashboard'].sudo(user).browse(action['res_id'])
            self.assertTrue(board.period)
            self.env['crm.report.dashboard'].sudo(user).fields_view_get(view_type='form')
            self.env['crm.report.export'].sudo(user).fields_view_get(view_type='form')
        self.env['crm.sales.target'].sudo(self.zhangwei).fields_view_get(view_type='form')
