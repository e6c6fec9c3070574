# -*- coding: utf-8 -*-
import os
import re

from odoo.exceptions import AccessError, UserError

from .sales_common import SalesCase


class TestGuard(SalesCase):
    """Bad input and acting without the right: refused with a clear error, nothing written."""

    @classmethod
    def setUpClass(cls):
        super(TestGuard, cls).setUpClass()
        cls.mine = cls.make_customer('守卫测试李娜客户')
        cls.theirs = cls.make_customer('守卫测试杨磊客户', user=cls.yanglei)
        cls.their_contact = cls.Partner.sudo(cls.yanglei).create(
            {'name': '守卫测试杨磊联系人', 'parent_id': cls.theirs.id})
        cls.their_lead = cls.Lead.sudo(cls.yanglei).create(
            {'name': '守卫测试杨磊线索', 'type': 'lead', 'user_id': cls.yanglei.id})

    def zh(self, user):
        return self.env(user=user.id, context={'lang': 'zh_CN'})

    # ------------------------------------------------------------------ targets (#1)
    def test_follow_up_on_records_one_cannot_work_on_is_refused(self):
        FollowUp = self.zh(self.lina)['crm.follow.up']
        for vals in ({'partner_id': self.theirs.id}, {'partner_id': self.their_contact.id},
                     {'lead_id': self.their_lead.id},
                     {'partner_id': self.mine.id, 'contact_ids': [(6, 0, self.their_contact.ids)]}):
            with self.assertRaisesRegex(AccessError, '不是您可以处理的'):
                FollowUp.create(dict(vals, content='越权跟进'))
        self.assertFalse(self.theirs.sudo().last_follow_up_at, 'the pool clock did not move')
        self.assertEqual(self.theirs.sudo().customer_status, 'new')
        self.assertFalse(self.theirs.sudo().message_ids.filtered(lambda m: '越权跟进' in (m.body or '')))

    def test_opportunity_on_anothers_customer_is_refused(self):
        Lead = self.zh(self.lina)['crm.lead']
        for partner in (self.theirs, self.their_contact):
            with self.assertRaisesRegex(AccessError, '不是您可以处理的'):
                Lead.create({'name': '越权商机', 'type': 'opportunity', 'partner_id': partner.id})
        opp = Lead.create({'name': '自己的商机', 'type': 'opportunity', 'partner_id': self.mine.id})
        with self.assertRaises(AccessError):
            opp.write({'partner_id': self.their_contact.id})
        self.assertEqual(opp.partner_id, self.mine)

    def test_the_leader_and_a_write_member_may_link(self):
        theirs = self.make_customer('守卫测试王芳客户', user=self.wangfang)
        fu = self.FollowUp.sudo(self.zhangwei).create({'partner_id': theirs.id, 'content': '组长跟进'})
        self.assertEqual(fu.partner_id, theirs)
        theirs.sudo(self.wangfang).action_share([self.lina.id], 'write')
        fu = self.FollowUp.sudo(self.lina).create({'partner_id': theirs.id, 'content': '协作跟进'})
        self.assertEqual(theirs.last_follow_up_at, fu.date)

    def test_related_values_of_a_customer_one_may_not_read_are_blank(self):
        """Odoo reads related fields as superuser: an opportunity kept by lina after its
        customer went to yanglei must not show that customer's e-mail."""
        customer = self.make_customer('守卫测试转出客户', email='boss@secret.example.cn')
        opp = self.Lead.sudo(self.lina).create(
            {'name': '转出后的商机', 'type': 'opportunity', 'partner_id': customer.id})
        customer.sudo(self.lina).action_transfer(self.yanglei.id, with_opportunities=False)
        self.assertEqual(opp.sudo(self.lina).read(['partner_address_email'])[0]
                         ['partner_address_email'], False)
        rows = opp.sudo(self.lina).export_data(['name', 'partner_address_email'])['datas']
        self.assertEqual(rows, [['转出后的商机', False]])
        self.assertEqual(opp.sudo().partner_address_email,
                         'boss@secret.example.cn')

    # ------------------------------------------------------------------ relations (#5)
    def test_relations_follow_the_customer_scope(self):
        rel = self.env['crm.customer.relation'].sudo(self.yanglei).create(
            {'partner_id': self.theirs.id,
             'related_partner_id': self.make_customer('守卫测试杨磊子公司', user=self.yanglei).id,
             'relation_type': 'subsidiary', 'note': '机密备注'})
        Rel = self.env['crm.customer.relation'].sudo(self.lina)
        self.assertFalse(Rel.search([('id', '=', rel.id)]))
        with self.assertRaises(AccessError):
            rel.sudo(self.lina).read(['note'])
        with self.assertRaises(AccessError):
            rel.sudo(self.lina).write({'note': '改了'})
        with self.assertRaises(AccessError):
            rel.sudo(self.lina).unlink()
        with self.assertRaises(AccessError):
            Rel.create({'partner_id': self.theirs.id, 'related_partner_id': rel.related_partner_id.id})
        self.assertEqual(rel.note, '机密备注')
        self.assertEqual(rel.sudo(self.yanglei).read(['note'])[0]['note'], '机密备注')

    def test_every_project_model_has_record_rules(self):
        """A model of a crm_* module without any record rule must be configuration: only
        CRM administrators (or nobody) may change it (ACL)."""
        admin_group = self.env.ref('crm_sales.group_crm_admin')
        unruled = []
        for name, cls in self.env.registry.models.items():
            model = self.env[name]
            if model._abstract or model._transient or not model._auto:
                continue
            if not any(getattr(k, '__module__', '').startswith('odoo.addons.crm_')
                       and getattr(k, '_name', None) == name and not getattr(k, '_inherit', None)
                       for k in type(model).__mro__):
                continue
            if self.env['ir.rule'].sudo().search_count([('model_id.model', '=', name)]):
                continue
            writers = self.env['ir.model.access'].sudo().search([
                ('model_id.model', '=', name), '|', '|',
                ('perm_write', '=', True), ('perm_create', '=', True), ('perm_unlink', '=', True)])
            if writers.filtered(lambda a: a.group_id != admin_group):
                unruled.append(name)
        self.assertEqual(unruled, [], 'models without record rules that users below CRM '
                                     'administrator may change')

    # ------------------------------------------------------------------ attachments (#6)
    def test_another_users_upload_cannot_be_taken(self):
        upload = self.env['ir.attachment'].sudo(self.yanglei).create(
            {'name': 'quote.pdf', 'datas_fname': 'quote.pdf', 'datas': 'cXVvdGU='})
        with self.assertRaisesRegex(AccessError, '别人'):
            self.zh(self.lina)['crm.follow.up'].create(
                {'partner_id': self.mine.id, 'content': '拿走附件',
                 'attachment_ids': [(6, 0, upload.ids)]})
        self.assertFalse(upload.res_id)
        own = self.env['ir.attachment'].sudo(self.lina).create(
            {'name': 'mine.pdf', 'datas_fname': 'mine.pdf', 'datas': 'bWluZQ=='})
        fu = self.FollowUp.sudo(self.lina).create(
            {'partner_id': self.mine.id, 'content': '自己的附件', 'attachment_ids': [(6, 0, own.ids)]})
        self.assertEqual((own.res_model, own.res_id), ('crm.follow.up', fu.id))

    # ------------------------------------------------------------------ roles (#2)
    def test_the_executive_cannot_act(self):
        env = self.zh(self.executive)
        lead = self.Lead.sudo(self.lina).create({'name': '高管测试线索', 'type': 'lead'})
        with self.assertRaisesRegex(AccessError, '只能查看'):
            env['crm.lead'].browse(lead.id).action_mark_invalid('高管')
        with self.assertRaisesRegex(AccessError, '只能查看'):
            env['res.partner'].browse(self.mine.id).action_transfer(self.wangfang.id)
        self.assertEqual(self.mine.user_id, self.lina)
        self.assertEqual(lead.lead_state, 'open')

    # ------------------------------------------------------------------ input (#7)
    def test_clock_refuses_garbage(self):
        clock = self.zh(self.admin_crm)['crm.clock']
        for bad in ('garbage', 12345, ['2026-01-01'], '9' * 5000, '2026-13-01 00:00:00'):
            with self.assertRaisesRegex(UserError, '不是有效的'):
                clock.set_now(bad)
        self.assertEqual(clock.now_str(), self.NOW)
        clock.set_now('2026-07-01')
        self.assertEqual(clock.now_str(), '2026-07-01 00:00:00')

    def test_bad_arguments_get_clear_errors(self):
        env = self.zh(self.lina)
        lead = env['crm.lead'].create({'name': '参数测试线索', 'type': 'lead'})
        opp = env['crm.lead'].create({'name': '参数测试商机', 'type': 'opportunity',
                                      'partner_id': self.mine.id})
        calls = [
            lambda: lead.action_assign('abc'),
            lambda: lead.action_mark_invalid(12345),
            lambda: lead.action_mark_invalid('很长' * 2000),
            lambda: opp.action_set_end_status('lost', 'abc'),
            lambda: opp.action_set_end_status(['won']),
            lambda: env['res.partner'].browse(self.mine.id).action_transfer('abc'),
            lambda: env['res.partner'].browse(self.mine.id).action_share(['abc']),
            lambda: lead.action_convert(partner_id='abc'),
        ]
        for call in calls:
            with self.assertRaises(UserError) as ctx:
                call()
            self.assertTrue(re.search('[\u4e00-\u9fff]', ctx.exception.name), ctx.exception.name)
        self.assertEqual(lead.lead_state, 'open')
        self.assertFalse(opp.end_status)
        self.assertEqual(self.mine.user_id, self.lina)

    def test_vals_are_checked_at_the_boundary(self):
        Guard = self.zh(self.lina)['crm.guard']
        for model, vals in (('crm.follow.up', {'partner_id': 'abc'}),
                            ('crm.follow.up', {'date': 'garbage'}),
                            ('crm.lead', {'discount': 1e308}),
                            ('crm.lead', {'end_status': 'won'}),
                            ('res.partner', {'no_such_field': 1}),
                            ('res.partner', {'customer_type': 'bogus'}),
                            ('res.partner', {'child_ids': [(6, 0, ['x'])]})):
            with self.assertRaises((UserError, AccessError)):
                Guard._check_vals(model, vals)

    # ------------------------------------------------------------------ language (#8)
    def test_translations_are_complete_and_pot_current(self):
        """Every term of every crm_* module has a zh_CN translation, and the shipped .pot
        lists exactly the terms the code has."""
        from odoo.tools.translate import trans_generate
        modules = self.env['ir.module.module'].search(
            [('name', '=like', 'crm\\_%'), ('state', '=', 'installed')])
        self.assertIn('crm_sales', modules.mapped('name'))
        for module in modules:
            path = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
                                module.name, 'i18n')
            if not os.path.isdir(path):
                continue
            terms = {src for mod, _type, _name, _res, src, _trad, _c in
                     trans_generate('zh_CN', [module.name], self.env.cr) if mod == module.name and src}
            po = _parse_po(os.path.join(path, 'zh_CN.po'))
            missing = sorted(t for t in terms if not _translated(t, po.get(t)))
            self.assertEqual(missing[:10], [], '%s: %d terms without a zh_CN translation'
                             % (module.name, len(missing)))
            pot_file = os.path.join(path, '%s.pot' % module.name)
            self.assertTrue(os.path.exists(pot_file), '%s has no .pot' % module.name)
            pot = set(_parse_po(pot_file))
            self.assertEqual(sorted(terms - pot)[:10], [], '%s.pot is stale (missing terms)' % module.name)
            self.assertEqual(sorted(pot - terms)[:10], [], '%s.pot is stale (old terms)' % module.name)


# proper nouns kept as they are in Chinese
SAME_IN_CHINESE = {'CRM', 'WeChat ID'}


def _translated(source, translation):
    """A term is translated when it has a msgstr, and one that differs from an English
    source (Odoo exports an untranslated term with msgstr = msgid)."""
    if not translation:
        return False
    return translation != source or source in SAME_IN_CHINESE or \
        bool(re.search('[\u4e00-\u9fff]', source)) or not re.search('[A-Za-z]{3,}', _shown_text(source))


def _shown_text(source):
    """What a reader sees of a term: a mail template's code (``${...}``, ``% if`` lines)
    and its HTML tags are not words to translate."""
    text = re.sub(r'\$\{[^}]*\}', ' ', source)
    text = re.sub(r'(?m)^\s*%.*$', ' ', text)
    return re.sub(r'<[^>]*>', ' ', text)


def _parse_po(path):
    """{msgid: msgstr} of a .po/.pot file (Odoo's own reader)."""
    from odoo.tools.translate import PoFile
    with open(path, 'rb') as f:
        return {entry[3]: entry[4] for entry in PoFile(f) if entry[3]}
