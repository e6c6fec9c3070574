# -*- coding: utf-8 -*-
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.crm_sales.tests.sales_common import SalesCase


class TestChangeLog(SalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestChangeLog, cls).setUpClass()
        ref = cls.env.ref
        cls.level_a = ref('crm_sales.customer_level_a')
        cls.level_b = ref('crm_sales.customer_level_b')
        cls.Log = cls.env['auditlog.log']
        cls.mine = cls.make_customer('审计测试客户甲', customer_level_id=cls.level_a.id)
        cls.theirs = cls.make_customer('审计测试客户乙', user=cls.yanglei,
                                       customer_level_id=cls.level_a.id)

    def logs_of(self, record, env=None):
        env = env or self.env
        return env['auditlog.log'].search([('model_id.model', '=', record._name),
                                           ('res_id', '=', record.id)])

    def zh(self, user):
        return self.env(user=user.id, context=dict(self.env.context, lang='zh_CN'))

    def test_a_level_change_is_logged_old_to_new_in_chinese(self):
        self.zh(self.lina)['res.partner'].browse(self.mine.id).write(
            {'customer_level_id': self.level_b.id})
        log = self.logs_of(self.mine).filtered(lambda l: l.method == 'write')
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.lina)
        line = log.line_ids.filtered(lambda l: l.field_id.name == 'customer_level_id')
        zh_a = self.level_a.with_context(lang='zh_CN').name
        zh_b = self.level_b.with_context(lang='zh_CN').name
        self.assertEqual((line.old_value_text, line.new_value_text), (zh_a, zh_b))
        zh_line = line.with_context(lang='zh_CN')
        self.assertEqual(zh_line.field_description, '客户等级')
        self.assertEqual(log.with_context(lang='zh_CN').crm_summary.split('\n')[0],
                         '客户等级: %s → %s' % (zh_a, zh_b))
        # the creation is logged too, with the values given
        created = self.logs_of(self.mine).filtered(lambda l: l.method == 'create')
        self.assertEqual(len(created), 1)
        self.assertIn('审计测试客户甲', created.line_ids.mapped('new_value_text'))

    def test_customers_imported_together_are_logged_as_created_by_the_importer(self):
        Partner = self.zh(self.lina)['res.partner']
        batch = Partner._crm_create_batch([
            {'name': '审计导入客户甲', 'is_company': True, 'customer': True,
             'customer_level_id': self.level_b.id},
            {'name': '审计导入客户乙', 'is_company': True, 'customer': True}])
        for partner in batch:
            created = self.logs_of(partner)
            self.assertEqual(created.mapped('method'), ['create'], 'one line each, as a create')
            self.assertEqual(created.user_id, self.lina, 'the importer, not the superuser')
            self.assertIn(partner.name, created.line_ids.mapped('new_value_text'))
        level = self.logs_of(batch[0]).line_ids.filtered(
            lambda l: l.field_id.name == 'customer_level_id')
        self.assertEqual(level.new_value_text, self.level_b.with_context(lang='zh_CN').name)

    def test_an_imported_contact_logs_what_was_given_not_its_mirrors(self):
        Partner = self.zh(self.lina)['res.partner']
        customer = Partner._crm_create_batch([
            {'name': '审计导入客户丙', 'is_company': True, 'customer': True}])
        contact = Partner._crm_create_batch([
            {'name': '审计导入联系人', 'parent_id': customer.id, 'mobile': '13900001111'}])
        created = self.logs_of(contact)
        fields_logged = set(created.line_ids.mapped('field_id.name'))
        self.assertTrue({'name', 'parent_id', 'mobile'} <= fields_logged)
        # the company, owner and team a contact takes from its customer are not repeated
        self.assertFalse(fields_logged & {'id', 'commercial_partner_id', 'crm_owner_id',
                                          'crm_team_id', 'commercial_company_name'})
        mobile = created.line_ids.filtered(lambda l: l.field_id.name == 'mobile')
        self.assertEqual((mobile.user_id, mobile.log_date), (self.lina, created.create_date),
                         'a line shows who and when from its log')

    def test_the_button_shows_this_records_changes_only(self):
        self.mine.sudo(self.lina).write({'phone': '021-5555 0001'})
        self.theirs.sudo(self.yanglei).write({'phone': '020-5555 0002'})
        action = self.mine.sudo(self.lina).action_crm_audit_log()
        self.assertEqual(action['res_model'], 'auditlog.log')
        logs = self.env['auditlog.log'].sudo(self.lina).search(action['domain'])
        self.assertEqual(set(logs.mapped('res_id')), {self.mine.id})
        self.assertEqual(set(logs.mapped('method')), {'create', 'write'})
        self.assertEqual(self.mine.sudo(self.lina).crm_audit_log_count, len(logs))
        phone = logs.mapped('line_ids').filtered(lambda l: l.field_id.name == 'phone')
        self.assertEqual(phone.new_value_text, '021-5555 0001')

    def test_lina_reads_her_customers_log_not_anothers(self):
        self.theirs.sudo(self.yanglei).write({'customer_level_id': self.level_b.id})
        self.mine.sudo(self.lina).write({'customer_level_id': self.level_b.id})
        lina = self.env['auditlog.log'].sudo(self.lina)
        self.assertTrue(lina.search([('res_id', '=', self.mine.id),
                                     ('model_id.model', '=', 'res.partner')]))
        self.assertFalse(lina.search([('res_id', '=', self.theirs.id),
                                      ('model_id.model', '=', 'res.partner')]))
        foreign = self.logs_of(self.theirs)
        with self.assertRaises(AccessError):
            foreign.sudo(self.lina).read(['name'])
        with self.assertRaises(AccessError):
            foreign.mapped('line_ids').sudo(self.lina).read(['new_value_text'])
        lines = self.env['auditlog.log.line'].sudo(self.lina).search(
            [('log_id.model_id.model', '=', 'res.partner')])
        self.assertNotIn(self.theirs.id, lines.mapped('log_id.res_id'))
        with self.assertRaises(AccessError):
            self.theirs.sudo(self.lina).action_crm_audit_log()
        # the executive reads both; users' logs are for administrators only
        wugang = self.env['auditlog.log'].sudo(self.executive)
        self.assertTrue(wugang.search([('res_id', '=', self.theirs.id),
                                       ('model_id.model', '=', 'res.partner')]))
        self.lina.sudo().write({'signature': '<p>李娜</p>'})
        user_logs = [('model_id.model', '=', 'res.users'), ('res_id', '=', self.lina.id)]
        self.assertTrue(self.env['auditlog.log'].sudo(self.admin_crm).search(user_logs))
        self.assertFalse(lina.search(user_logs))

    def test_nobody_changes_or_deletes_a_log_line(self):
        self.mine.sudo(self.lina).write({'customer_level_id': self.level_b.id})
        logs = self.logs_of(self.mine)
        lines = logs.mapped('line_ids')
        for env in (self.env, self.env(user=self.admin_crm.id), self.env(user=self.lina.id)):
            for records, vals in ((logs, {'name': '改过的'}), (lines, {'new_value_text': '改过的'})):
                with self.assertRaises(AccessError):
                    records.with_env(env).write(vals)
                with self.assertRaises(AccessError):
                    records.with_env(env).unlink()
            with self.assertRaises(AccessError):
                env['auditlog.log'].create({'name': '伪造', 'res_id': self.mine.id})
        self.assertEqual(self.logs_of(self.mine), logs)
        self.assertTrue(all(lines.exists()))

    def test_purge_by_age_follows_the_crm_clock(self):
        self.mine.sudo(self.lina).write({'customer_level_id': self.level_b.id})
        self.env['ir.config_parameter'].sudo().set_param('crm_audit.log_retention_days', '40')
        self.env.cr.execute("SELECT now() at time zone 'UTC'")
        logged_at = fields.Datetime.from_string(self.env.cr.fetchone()[0])
        clock = self.env['crm.clock']
        Vacuum = self.env['auditlog.autovacuum']
        clock.set_now(fields.Datetime.to_string(logged_at + timedelta(days=39)))
        Vacuum._crm_purge()
        self.assertEqual(len(self.logs_of(self.mine)), 2)
        clock.set_now(fields.Datetime.to_string(logged_at + timedelta(days=41)))
        Vacuum._crm_purge()
        self.assertFalse(self.logs_of(self.mine))
        self.env.cr.execute('SELECT count(*) FROM auditlog_log_line l JOIN auditlog_log g '
                            'ON g.id = l.log_id WHERE g.res_id = %s', (self.mine.id,))
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        # OCA's own purge keeps at least 30 days whatever it is asked
        self.theirs.sudo(self.yanglei).write({'customer_level_id': self.level_b.id})
        clock.set_now(fields.Datetime.to_string(logged_at + timedelta(days=20)))
        Vacuum.autovacuum(0)
        self.assertTrue(self.logs_of(self.theirs))

    def test_bulk_write_logs_each_record_once(self):
        customers = self.env['res.partner']
        for i in range(30):
            customers |= self.make_customer('审计批量客户 %02d' % i, customer_level_id=self.level_a.id)
        customers.sudo(self.sunqiang).write({'customer_level_id': self.level_b.id})
        logs = self.env['auditlog.log'].search([('model_id.model', '=', 'res.partner'),
                                                 ('res_id', 'in', customers.ids),
                                                 ('method', '=', 'write')])
        self.assertEqual(sorted(logs.mapped('res_id')), sorted(customers.ids))
        for log in logs:
            level = log.line_ids.filtered(lambda l: l.field_id.name == 'customer_level_id')
            self.assertEqual(level.new_value_text, self.level_b.name)
            self.assertEqual(log.user_id, self.sunqiang)

    def test_users_groups_and_roles_are_logged(self):
        # a user without roles: the demo users have roles (crm_member, OCA
        # base_user_role), which set their role groups back on every write
        user = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': '审计测试用户', 'login': 'crm_audit_groups_test',
            'groups_id': [(6, 0, [self.env.ref('crm_sales.group_crm_salesman').id])]})
        if 'role_line_ids' in user._fields:
            user.role_line_ids.unlink()
        group = self.env.ref('crm_sales.group_crm_leader')
        self.assertNotIn(group, user.groups_id)
        user.write({'groups_id': [(4, group.id)]})
        self.assertIn(group, user.groups_id, 'the change really happened')
        log = self.env['auditlog.log'].search([('model_id.model', '=', 'res.users'),
                                               ('res_id', '=', user.id),
                                               ('method', '=', 'write')])
        self.assertEqual(len(log), 1)
        line = log.line_ids.filtered(lambda l: l.field_id.name == 'groups_id')
        self.assertIn(group.name, line.new_value_text)
        self.assertNotIn(group.name, line.old_value_text or '')

    def test_rules_for_installed_models(self):
        audited = self.env['auditlog.rule'].search([('state', '=', 'subscribed')]).mapped('model_id.model')
        for model in ('res.partner', 'crm.lead', 'res.users', 'res.groups', 'crm.role.scope'):
            self.assertIn(model, audited)
        for model in ('crm.contract', 'crm.receivable', 'crm.pool.rule', 'tier.definition'):
            self.assertEqual(model in audited, model in self.env.registry, model)
        self.assertEqual(self.env['auditlog.rule']._crm_audit_ensure_rules(), [])

    def test_settings_are_the_crm_administrators(self):
        Settings = self.env['crm.audit.settings']
        with self.assertRaises(AccessError):
            Settings.sudo(self.lina).create({}).action_save()
        settings = Settings.sudo(self.admin_crm).create({'log_retention_days': 10})
        with self.assertRaises(ValidationError):
            settings.action_save()
        settings.write({'log_retention_days': 90})
        settings.action_save()
        self.assertEqual(self.env['ir.config_parameter'].sudo().get_param(
            'crm_audit.log_retention_days'), '90')
        settings = Settings.sudo(self.admin_crm).create({'password_length': 20})
        with self.assertRaises(AccessError):
            settings.action_save()
        self.assertEqual(self.env.user.company_id.password_length, 8)

    def test_values_hidden_on_the_record_are_hidden_in_its_log(self):
        """A field the user reads masked on the record (crm_pool hides a pool customer's
        phone from salespeople) is masked in the record's log too."""
        from unittest.mock import patch
        self.mine.sudo(self.sunqiang).write({'phone': '021-6666 0001'})
        Partner = type(self.env['res.partner'])
        original = Partner.read
        lina_id = self.lina.id

        def masked_read(records, fields=None, load='_classic_read'):
            result = original(records, fields=fields, load=load)
            if records.env.uid == lina_id:
                for values in result:
                    if values.get('phone'):
                        values['phone'] = '******'
            return result

        log = self.logs_of(self.mine).filtered(lambda l: l.method == 'write')
        line = log.line_ids.filtered(lambda l: l.field_id.name == 'phone')
        with patch.object(Partner, 'read', masked_read):
            seen = line.sudo(self.lina).read(['new_value_text', 'field_description'])[0]
            summary = log.sudo(self.lina).crm_summary
            admin_seen = line.sudo(self.admin_crm).read(['new_value_text'])[0]
        self.assertEqual(seen['new_value_text'], '******')
        self.assertNotIn('6666', summary)
        self.assertEqual(admin_seen['new_value_text'], '021-6666 0001')
