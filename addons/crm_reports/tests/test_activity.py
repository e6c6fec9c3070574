# -*- coding: utf-8 -*-
from .common import ReportCase

RELEASED = ('release', 'recycle', 'auto_release', 'offboard')


class TestActivity(ReportCase):
    """Follow-ups by type, salesperson and month; pool releases and claims."""

    @classmethod
    def setUpClass(cls):
        super(TestActivity, cls).setUpClass()
        FollowUp = cls.env['crm.follow.up']
        cls.customer = cls.make_customer('跟进测试客户有限公司', cls.lina)
        for kind, day in (('visit', '2026-05-03 02:00:00'), ('call', '2026-05-31 17:00:00'),
                          ('wechat', '2026-06-02 02:00:00')):
            FollowUp.sudo(cls.lina).create({'partner_id': cls.customer.id, 'content': kind,
                                            'follow_up_type': kind, 'date': day})
        cls.released = cls.make_customer('公海测试客户一', cls.lina)
        cls.released.sudo(cls.lina).action_pool_release('客户暂无需求')
        cls.released.sudo(cls.wangfang).action_pool_claim()
        cls.recycled = cls.make_customer('公海测试客户二', cls.wangfang)
        cls.recycled.sudo(cls.zhangwei).action_pool_recycle('长期未跟进')

    def test_follow_ups_by_type_author_and_month(self):
        for user in (self.lina, self.zhangwei, self.sunqiang):
            visible = self.scope_filter(user, owner_field='crm_owner_id', team_field='crm_team_id',
                                        extra_owner='user_id')
            raw = self.env['crm.follow.up'].search([]).filtered(visible)
            Report = self.env['crm.report.follow.up'].sudo(user)
            for field, key in (('follow_up_type', lambda f: f.follow_up_type),
                               ('user_id', lambda f: f.user_id.id),
                               ('period', lambda f: self.local_date(f.date).strftime('%Y-%m'))):
                expected = {}
                for f in raw:
                    expected[key(f)] = expected.get(key(f), 0) + 1
                groups = Report.read_group([], [field, 'nbr'], [field])
                got = {(g[field][0] if isinstance(g[field], tuple) else g[field]): g['nbr']
                       for g in groups}
                self.assertEqual(got, expected, (user.login, field))
        # 2026-05-31 17:00 UTC is June 1st in Beijing
        mine = self.env['crm.report.follow.up'].sudo(self.lina).read_group(
            [('partner_id', '=', self.customer.id)], ['period', 'nbr'], ['period'])
        self.assertEqual({g['period']: g['nbr'] for g in mine}, {'2026-05': 1, '2026-06': 2})

    def test_never_followed_up(self):
        self.env['crm.report.customer']._refresh_facts()
        Report = self.env['crm.report.customer'].sudo(self.lina)
        never = Report.search([('never_followed_up', '=', True)]).mapped('partner_id')
        raw = self.env['res.partner'].search([('is_crm_customer', '=', True),
                                             ('user_id', '=', self.lina.id)])
        expected = raw.filtered(lambda p: not self.env['crm.follow.up'].search_count(
            [('partner_id', '=', p.id)]))
        self.assertEqual(never, expected)
        self.assertNotIn(self.customer, never)

    def test_pool_released_and_claimed(self):
        logs = self.env['crm.pool.log'].search([])
        for user in (self.lina, self.wangfang, self.sunqiang):
            level = user._crm_scope_level()
            expected = {}
            for log in logs:
                if log.action in RELEASED:
                    who, column = log.from_user_id, 'released_count'
                elif log.action in ('claim', 'assign'):
                    who, column = log.to_user_id, 'claimed_count'
                else:
                    continue
                if level not in ('all', 'read_all') and who != user:
                    continue
                counts = expected.setdefault(who.id, {'released_count': 0, 'claimed_count': 0})
                counts[column] += 1
            groups = self.env['crm.report.pool'].sudo(user).read_group(
                [], ['user_id', 'released_count', 'claimed_count'], ['user_id'])
            got = {g['user_id'] and g['user_id'][0]: {'released_count': g['released_count'],
                                                      'claimed_count': g['claimed_count']}
                   for g in groups}
            self.assertEqual(got, expected, user.login)
            if user == self.wangfang:
                mine = self.env['crm.report.pool'].sudo(user)._totals(
                    [], ['released_count', 'claimed_count'])
                self.assertEqual(mine, expected[user.id])
                self.assertGreaterEqual(mine['claimed_count'], 1)   # this test's claim

    def test_groups_come_in_the_order_of_the_grouped_model(self):
        """Grouped by salesperson or stage, the groups come in that model's order (the
        salespeople's names, the stages' sequence) with the same figures as the ORM's own
        ordering in SQL (which a limit still takes)."""
        for model, field, measure in (('crm.report.follow.up', 'user_id', 'nbr'),
                                      ('crm.report.opportunity', 'stage_id', 'nbr'),
                                      ('crm.report.performance', 'team_id', 'contract_amount')):
            Report = self.env[model].sudo(self.sunqiang)
            groups = Report.read_group([], [field, measure], [field])
            ids = [g[field][0] for g in groups if g[field]]
            self.assertGreater(len(ids), 1, model)
            Comodel = self.env[Report._fields[field].comodel_name].with_context(active_test=False)
            self.assertEqual(ids, Comodel.search([('id', 'in', ids)]).ids, model)
            by_sql = Report.read_group([], [field, measure], [field], limit=10000)
            self.assertEqual([(g[field], g[measure]) for g in by_sql],
                             [(g[field], g[measure]) for g in groups], model)
