# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, MissingError, UserError

from .common import ContractCase


class TestContractReport(ContractCase):
    """The contract printout renders only contracts the user may read, one page each."""

    def render(self, user, ids):
        report = self.env.ref('crm_contract.action_report_crm_contract')
        return report.sudo(user).with_context(lang='zh_CN').render_qweb_html(ids)[0]

    def test_the_owner_prints_her_contracts_each_on_its_page(self):
        one = self.make_contract(1000, note='第一份备注')
        two = self.make_contract(2000, note='第二份备注')
        html = self.render(self.lina, [one.id, two.id]).decode()
        self.assertIn('第一份备注', html)
        self.assertIn('第二份备注', html)
        self.assertEqual(html.count('<div class="page"'), 2)

    def test_others_print_nothing(self):
        contract = self.make_contract(1000, note='机密备注')
        Users = self.env['res.users'].with_context(no_reset_password=True)
        portal = Users.create({'name': '门户打印', 'login': 'portal_print',
                               'groups_id': [(6, 0, [self.env.ref('base.group_portal').id])]})
        for user in (self.yanglei, portal):
            with self.refused(AccessError) as error:
                self.render(user, [contract.id])
            self.assertNotIn('机密备注', error.exception.name)
        with self.refused(MissingError):
            self.render(self.lina, [contract.id, 999999999])
        for bad in ([], ['x'], [-1], 'abc'):
            with self.refused(UserError):
                self.render(self.lina, bad)

    def test_the_url_ids_are_parsed(self):
        Printout = self.env['report.crm_contract.report_crm_contract'].sudo(self.lina)
        self.assertEqual(Printout._crm_parse_ids('12, 13'), [12, 13])
        for bad in ('1;2', '1,,2', '99999999999', '-3', ''):
            with self.refused(UserError):
                Printout._crm_parse_ids(bad)
