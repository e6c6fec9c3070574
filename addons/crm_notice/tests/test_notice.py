# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_sales.tests.sales_common import SalesCase


class TestNotice(SalesCase):
    """通知公告: who publishes to whom, the to-do banner and counter, read receipts."""

    @classmethod
    def setUpClass(cls):
        super(TestNotice, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang='zh_CN'))
        cls.Notice = cls.env['crm.notice']

    def publish(self, by, **vals):
        vals.setdefault('name', '测试公告')
        notice = self.Notice.sudo(by).create(vals)
        notice.action_publish()
        return notice

    def todo(self, user):
        return self.env['crm.todo'].sudo(user).create({})

    def test_manager_publishes_to_everyone_banner_until_read(self):
        before = self.todo(self.lina).notice_unread_count
        notice = self.publish(self.sunqiang, name='全员公告', pinned=True, body='<p>请注意</p>')
        self.assertEqual((notice.state, notice.publish_date), ('published', self.NOW))
        todo = self.todo(self.lina)
        self.assertEqual(todo.notice_unread_count, before + 1)
        self.assertIn(notice, todo.notice_banner_ids)
        self.assertIn(notice, self.todo(self.yanglei).notice_banner_ids)
        self.assertIn('notice_unread_count', self.env['crm.todo'].sudo(self.lina).get_counts())
        # lina reads it (the clock moved on): it leaves her banner, not yanglei's
        self.env['crm.clock'].set_now('2026-06-10 05:30:00')
        notice.sudo(self.lina).action_mark_read()
        todo = self.todo(self.lina)
        self.assertNotIn(notice, todo.notice_banner_ids)
        self.assertEqual(todo.notice_unread_count, before)
        self.assertIn(notice, self.todo(self.yanglei).notice_banner_ids)
        receipt = notice.sudo().read_ids
        self.assertEqual((receipt.user_id, receipt.read_at), (self.lina, '2026-06-10 05:30:00'))
        # reading again changes nothing
        notice.sudo(self.lina).action_mark_read()
        self.assertEqual(len(notice.sudo().read_ids), 1)
        # the publisher sees who read it and who did not
        mine = notice.sudo(self.sunqiang)
        self.assertEqual(mine.read_count, 1)
        self.assertEqual(mine.read_ids.mapped('user_id'), self.lina)
        self.assertIn(self.yanglei, mine.unread_user_ids)
        self.assertNotIn(self.lina, mine.unread_user_ids)
        self.assertEqual(mine.unread_count, mine.audience_count - 1)
        # a reader sees neither the counts nor the others' receipts
        theirs = notice.sudo(self.yanglei)
        self.assertEqual((theirs.read_count, theirs.unread_count), (0, 0))
        self.assertFalse(theirs.read_ids)
        self.assertFalse(self.env['crm.notice.read'].sudo(self.yanglei).search(
            [('notice_id', '=', notice.id)]))

    def test_expired_notice_leaves_the_banner(self):
        notice = self.publish(self.sunqiang, name='限时公告', pinned=True,
                              expiry_date='2026-06-12')
        self.assertIn(notice, self.todo(self.lina).notice_banner_ids)
        self.env['crm.clock'].set_now('2026-06-12 15:00:00')   # 23:00 in Shanghai
        self.assertIn(notice, self.todo(self.lina).notice_banner_ids)
        self.env['crm.clock'].set_now('2026-06-12 16:30:00')   # 06-13 in Shanghai
        todo = self.todo(self.lina)
        self.assertNotIn(notice, todo.notice_banner_ids)
        self.assertNotIn(notice, todo.notice_unread_ids)
        # still in the list of notices, no longer current
        self.assertIn(notice, self.Notice.sudo(self.lina).search([]))
        self.assertFalse(notice.sudo(self.lina).is_current)

    def test_leader_publishes_to_his_team_only(self):
        notice = self.publish(self.zhangwei, name='上海组周会', audience='teams',
                              team_ids=[(6, 0, self.team_east.ids)])
        self.assertIn(notice, self.todo(self.lina).notice_unread_ids)
        self.assertIn(notice, self.todo(self.wangfang).notice_unread_ids)
        self.assertNotIn(notice, self.todo(self.yanglei).notice_unread_ids)
        self.assertFalse(self.Notice.sudo(self.yanglei).search([('id', '=', notice.id)]))
        with self.assertRaises(AccessError):
            notice.sudo(self.yanglei).read(['name'])
        with self.assertRaises(AccessError):
            notice.sudo(self.yanglei).action_mark_read()
        # the audience: the team's members and leader
        audience = notice._crm_audience_users()
        self.assertIn(self.lina, audience)
        self.assertIn(self.zhangwei, audience)
        self.assertNotIn(self.yanglei, audience)
        with self.assertRaisesRegex(AccessError, '华南销售部'):
            self.Notice.sudo(self.zhangwei).create({
                'name': '越权', 'audience': 'teams', 'team_ids': [(6, 0, self.team_south.ids)]})
        with self.assertRaisesRegex(AccessError, '团队主管只能'):
            self.Notice.sudo(self.zhangwei).create({'name': '全员', 'audience': 'all'})
        with self.assertRaisesRegex(UserError, '选择'):
            self.Notice.sudo(self.sunqiang).create({'name': '无团队', 'audience': 'teams'})
        # another leader does not manage zhangwei's notice
        with self.assertRaises(AccessError):
            notice.sudo(self.chenjing).action_archive_notice()

    def test_salesperson_cannot_publish_or_forge(self):
        with self.assertRaises(AccessError):
            self.Notice.sudo(self.lina).create({'name': '我想发公告'})
        draft = self.Notice.sudo(self.sunqiang).create({'name': '草稿公告'})
        # a draft reaches nobody
        self.assertFalse(self.Notice.sudo(self.lina).search([('id', '=', draft.id)]))
        # state, publish date and publisher are the actions'
        with self.assertRaises(AccessError):
            draft.sudo(self.sunqiang).write({'state': 'published'})
        with self.assertRaises(AccessError):
            self.Notice.sudo(self.sunqiang).create({'name': '伪造', 'user_id': self.zhangwei.id})
        notice = self.publish(self.sunqiang, name='已发布')
        # read receipts: only the reader's own action writes them
        with self.assertRaises(AccessError):
            self.env['crm.notice.read'].sudo(self.lina).create(
                {'notice_id': notice.id, 'user_id': self.yanglei.id, 'read_at': self.NOW})
        with self.assertRaises(AccessError):
            notice.sudo(self.lina).write({'name': '改标题'})
        self.assertEqual(notice.read_ids.mapped('user_id'), self.env['res.users'])
        # a published notice's content is frozen; its pin is not
        with self.assertRaisesRegex(UserError, '已发布'):
            notice.sudo(self.sunqiang).write({'body': '<p>改正文</p>'})
        notice.sudo(self.sunqiang).write({'pinned': True})
        self.assertTrue(notice.pinned)
        notice.sudo(self.sunqiang).action_archive_notice()
        self.assertEqual(notice.state, 'archived')
        self.assertNotIn(notice, self.todo(self.lina).notice_unread_ids)
        with self.assertRaisesRegex(UserError, '草稿'):
            notice.sudo(self.sunqiang).unlink()
