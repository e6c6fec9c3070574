# -*- coding: utf-8 -*-
from odoo.tests.common import TransactionCase


class TestPartnerActions(TransactionCase):
    """The customers' Action menu offers what the CRM supports: not Odoo's partner merge
    (shown as "合并选中的合同", "merge the selected contracts"), which rewrites owners,
    teams and contracts of the merged customers behind the CRM's rules."""

    def test_no_merge_in_the_customers_action_menu(self):
        for login in ('lina', 'zhangwei', 'sunqiang', 'zhoutao', 'admin'):
            user = self.env['res.users'].search([('login', '=', login)])
            self.assertTrue(user, login)
            self.env['ir.actions.actions'].clear_caches()
            bindings = self.env['ir.actions.actions'].sudo(user).with_context(
                lang='zh_CN').get_bindings('res.partner')
            actions = [a for kind in bindings.values() for a in kind]
            self.assertFalse([a['name'] for a in actions
                              if a.get('res_model') == 'base.partner.merge.automatic.wizard'
                              or '合并' in (a['name'] or '')], login)
