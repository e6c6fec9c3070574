# -*- coding: utf-8 -*-
from lxml import etree

from .sales_common import SalesCase

SALES_KINDS = ('customer_today', 'customer_overdue', 'lead_new')


class TestHomeAction(SalesCase):
    """Where each role lands after login: the web client opens res.users.action_id."""

    def landing(self, user):
        """What the web client reads right after login (as the user himself)."""
        value = self.env['res.users'].sudo(user).browse(user.id).read(['action_id'])[0]['action_id']
        return value and value[0]

    def make_user(self, login, groups):
        return self.env['res.users'].with_context(no_reset_password=True).create({
            'name': login, 'login': login, 'email': '%s@example.com' % login,
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id] +
                           [self.env.ref(g).id for g in groups])]})

    def test_sales_roles_land_on_todo(self):
        todo = self.env.ref('crm_sales.action_crm_todo').id
        for user in (self.lina, self.zhangwei, self.sunqiang, self.admin_crm):
            self.assertEqual(self.landing(user), todo, user.login)

    def test_executive_lands_on_own_home_not_discuss(self):
        action = self.executive._crm_home_action_record()
        self.assertTrue(action)
        self.assertEqual(self.landing(self.executive), action.id)
        self.assertNotEqual(action, self.env.ref('crm_sales.action_crm_todo'))

    def test_user_created_later_and_role_change(self):
        user = self.make_user('h5_new_sales', ['crm_sales.group_crm_salesman'])
        self.assertEqual(self.landing(user), self.env.ref('crm_sales.action_crm_todo').id)
        # the role changes: the landing follows without anything stored
        user.write({'groups_id': [(3, self.env.ref('crm_sales.group_crm_salesman').id),
                                  (4, self.env.ref('crm_sales.group_crm_executive').id)]})
        self.assertEqual(self.landing(user), user._crm_home_action_record().id)
        self.assertNotEqual(self.landing(user), self.env.ref('crm_sales.action_crm_todo').id)
        self.assertFalse(user.sudo().action_id, 'nothing is stored on the user')

    def test_user_without_crm_role_keeps_odoo_default(self):
        user = self.make_user('h5_plain_user', [])
        self.assertFalse(user._crm_home_action())
        self.assertFalse(self.landing(user))

    def test_administrator_choice_wins(self):
        chosen = self.env['ir.actions.actions'].browse(
            self.env.ref('crm_sales.action_crm_customers_all').id)
        self.lina.sudo().action_id = chosen
        self.assertEqual(self.landing(self.lina), chosen.id)

    def test_crm_app_opens_the_home_action(self):
        action = self.env['crm.todo'].sudo(self.lina).action_home()
        self.assertEqual(action['res_model'], 'crm.todo')


class TestTodoVisibility(SalesCase):
    """Counters and tabs by role; each tab's rows open their record's form."""

    def todo_arch(self, user):
        view = self.env['crm.todo'].sudo(user).fields_view_get(view_type='form')
        return etree.fromstring(view['arch']), view['fields']

    def test_salesperson_sees_sales_kinds_with_help(self):
        arch, fields = self.todo_arch(self.lina)
        for kind in SALES_KINDS:
            self.assertTrue(arch.xpath("//button[@name='action_open_%s']" % kind), kind)
            self.assertTrue(arch.xpath("//page[@name='%s']" % kind), kind)
            lists = arch.xpath("//field[@name='%s_ids']" % kind)
            self.assertEqual(lists[0].get('widget'), 'crm_todo_list')
            self.assertTrue(fields['%s_ids' % kind]['help'], 'an empty tab says what appears there')

    def test_non_sales_user_sees_no_sales_kind(self):
        user = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'h5 other', 'login': 'h5_other',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id])]})
        arch, fields = self.todo_arch(user)
        for kind in SALES_KINDS:
            self.assertFalse(arch.xpath("//button[@name='action_open_%s']" % kind), kind)
            self.assertFalse(arch.xpath("//page[@name='%s']" % kind), kind)
            self.assertNotIn('%s_count' % kind, fields)
        counts = self.env['crm.todo'].sudo(user).get_counts()
        self.assertFalse(any(counts.get('%s_count' % k) for k in SALES_KINDS))

    def test_hidden_kinds_count_zero_in_menu(self):
        Todo = self.env['crm.todo'].sudo(self.executive)
        self.assertFalse(Todo._crm_todo_visible_kinds())
        self.assertEqual(Todo.get_menu_count(), 0)

    def test_rows_open_the_record_form(self):
        customer = self.make_customer('待办打开表单有限公司')
        action = customer.sudo(self.lina).get_formview_action()
        self.assertEqual(action['views'][0][0],
                         self.env.ref('crm_sales.res_partner_view_form_customer').id)
        self.assertEqual((action['res_model'], action['res_id'], action['target']),
                         ('res.partner', customer.id, 'current'))
        contact = self.Partner.sudo(self.lina).create({'name': '王经理', 'parent_id': customer.id})
        self.assertEqual(contact.get_formview_id(),
                         self.env.ref('crm_sales.res_partner_view_form_customer').id)
        # a partner outside the CRM (a user, the company) keeps Odoo's form
        self.assertNotEqual(self.env.user.company_id.partner_id.get_formview_id(),
                            self.env.ref('crm_sales.res_partner_view_form_customer').id)
        opportunity = self.Lead.sudo(self.lina).create({'name': '待办商机', 'type': 'opportunity',
                                                        'partner_id': customer.id})
        action = opportunity.get_formview_action()
        self.assertEqual(action['views'][0][0], self.env.ref('crm.crm_case_form_view_oppor').id)
