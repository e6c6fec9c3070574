# -*- coding: utf-8 -*-
import json

from lxml import etree

from .common import ServiceCase


def visible_buttons(arch):
    """Names of the buttons the user's groups let them see (a hidden one carries
    "invisible": true in its modifiers)."""
    return {b.get('name') for b in etree.fromstring(arch).iter('button')
            if json.loads(b.get('modifiers') or '{}').get('invisible') is not True}


class TestViews(ServiceCase):

    def arch(self, user, model, view_type):
        return self.env[model].sudo(user).fields_view_get(view_type=view_type)['arch']

    def test_each_role_gets_the_screens_with_its_buttons(self):
        for user in (self.agent1, self.manager, self.lina, self.executive):
            for model, kinds in (('crm.service.ticket', ('form', 'tree', 'kanban', 'search', 'pivot')),
                                 ('crm.service.plan', ('form', 'tree', 'calendar')),
                                 ('crm.knowledge.article', ('form', 'tree', 'search'))):
                for kind in kinds:
                    self.assertTrue(self.arch(user, model, kind))
        form = {u.login: visible_buttons(self.arch(u, 'crm.service.ticket', 'form'))
                for u in (self.agent1, self.manager, self.lina, self.executive)}
        self.assertIn('action_take', form['svc_a1'])
        self.assertNotIn('action_reopen', form['svc_a1'])
        self.assertIn('action_reopen', form['svc_mgr'])
        for login in (self.lina.login, self.executive.login):
            self.assertNotIn('action_process', form[login])
            self.assertNotIn('action_take', form[login])
        # the to-do page with the service counters, for a pure service agent too
        todo = visible_buttons(self.arch(self.agent1, 'crm.todo', 'form'))
        self.assertIn('action_open_ticket_open', todo)
        self.assertNotIn('action_open_ticket_unassigned', todo)
        self.assertIn('action_open_ticket_unassigned', visible_buttons(self.arch(self.manager, 'crm.todo', 'form')))
        # the Service section of the CRM menu
        menus = self.env['ir.ui.menu'].sudo(self.agent1).search([]).mapped('complete_name')
        self.assertTrue(any(m.endswith('服务/我的工单') for m in menus), menus)
        self.assertTrue(any('知识库' in m for m in menus))
        self.assertFalse(any('服务设置' in m for m in menus))
        manager_menus = self.env['ir.ui.menu'].sudo(self.manager).search([]).mapped('complete_name')
        self.assertTrue(any('服务设置/SLA 策略' in m for m in manager_menus), manager_menus)
