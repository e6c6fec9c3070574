# -*- coding: utf-8 -*-
import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase

# a 1x1 PNG
PNG = base64.b64encode(
    b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00'
    b'\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N'
    b'\x00\x00\x00\x00IEND\xaeB`\x82').decode()


class VisitCase(SavepointCase):
    """Demo users, a frozen CRM clock (2026-06-10 12:00 Beijing time), a customer of
    李娜's with a contact, one of 王芳's, and a visit 李娜 planned for 14:00."""

    NOW = '2026-06-10 04:00:00'

    @classmethod
    def setUpClass(cls):
        super(VisitCase, cls).setUpClass()
        cls.clock = cls.env['crm.clock']
        cls.clock.set_now(cls.NOW)
        ref = cls.env.ref
        cls.lina = ref('crm_sales.user_sales_east_1')
        cls.wangfang = ref('crm_sales.user_sales_east_2')
        cls.yanglei = ref('crm_sales.user_sales_south_1')
        cls.zhangwei = ref('crm_sales.user_leader_east')
        cls.chenjing = ref('crm_sales.user_leader_south')
        cls.sunqiang = ref('crm_sales.user_sales_manager')
        cls.executive = ref('crm_sales.user_executive')
        cls.team_east = ref('crm_sales.team_east')
        Partner = cls.env['res.partner']
        cls.customer = Partner.sudo(cls.lina).create({
            'name': '测试拜访客户有限公司', 'is_company': True, 'customer': True,
            'user_id': cls.lina.id, 'team_id': cls.team_east.id,
            'city': '杭州', 'street': '文三路 90 号'})
        cls.contact = Partner.sudo(cls.lina).create({
            'name': '赵经理', 'parent_id': cls.customer.id, 'type': 'contact'})
        cls.other_customer = Partner.sudo(cls.wangfang).create({
            'name': '王芳的客户有限公司', 'is_company': True, 'customer': True,
            'user_id': cls.wangfang.id, 'team_id': cls.team_east.id})
        cls.Visit = cls.env['crm.visit']
        cls.visit = cls.Visit.sudo(cls.lina).create({
            'customer_id': cls.customer.id, 'contact_id': cls.contact.id,
            'start': '2026-06-10 06:00:00', 'duration': 1.5})

    def as_(self, user, record):
        return record.sudo(user.id)


class TestVisitPlan(VisitCase):

    def test_a_visit_is_a_calendar_event_of_its_visitor_with_the_default_reminder(self):
        visit = self.visit
        self.assertTrue(visit.name.endswith('测试拜访客户有限公司'))
        self.assertEqual(visit.location, '杭州 文三路 90 号', 'the customer\'s address')
        self.assertEqual(visit.event_id.user_id, self.lina)
        self.assertEqual(visit.event_id.stop, '2026-06-10 07:30:00')
        self.assertEqual(visit.event_id.partner_ids, self.lina.partner_id,
                         'the visitor attends, the customer is not invited')
        self.assertIn(self.env.ref('calendar.alarm_notif_3'), visit.event_id.alarm_ids)
        self.assertEqual(visit.visit_state, 'planned')
        self.assertEqual(visit.crm_scope_user_id, self.lina)
        self.assertEqual(visit.crm_scope_team_id, self.team_east)
        # Odoo's own calendar shows it to her
        events = self.env['calendar.event'].sudo(self.lina).search(
            [('partner_ids', 'in', self.lina.partner_id.id)])
        self.assertIn(visit.event_id, events)
        # the administrator's choice of reminders is data
        self.env.ref('calendar.alarm_notif_3').crm_visit_default = False
        self.env.ref('calendar.alarm_notif_5').crm_visit_default = True
        other = self.Visit.sudo(self.lina).create({
            'customer_id': self.customer.id, 'start': '2026-06-11 02:00:00'})
        self.assertEqual(other.alarm_ids, self.env.ref('calendar.alarm_notif_5'))

    def test_scope_salesperson_sees_hers_leader_the_teams_manager_all(self):
        theirs = self.Visit.sudo(self.wangfang).create({
            'customer_id': self.other_customer.id, 'start': '2026-06-11 02:00:00'})
        self.assertEqual(self.Visit.sudo(self.lina).search([('id', 'in', [self.visit.id, theirs.id])]),
                         self.visit)
        self.assertEqual(self.Visit.sudo(self.zhangwei).search([('id', 'in', [self.visit.id, theirs.id])]),
                         self.visit | theirs)
        self.assertFalse(self.Visit.sudo(self.chenjing).search([('id', 'in', [self.visit.id, theirs.id])]))
        self.assertEqual(self.Visit.sudo(self.sunqiang).search_count(
            [('id', 'in', [self.visit.id, theirs.id])]), 2)
        with self.assertRaises(AccessError):
            self.visit.sudo(self.wangfang).write({'description': 'x'})
        with self.assertRaises(AccessError):
            self.visit.sudo(self.executive).write({'description': 'x'})

    def test_leader_assigns_a_visit_to_a_member_salesperson_only_to_herself(self):
        visit = self.Visit.sudo(self.zhangwei).create({
            'customer_id': self.customer.id, 'user_id': self.lina.id,
            'start': '2026-06-12 02:00:00'})
        self.assertEqual(visit.user_id, self.lina)
        self.assertEqual(visit.assigned_by_id, self.zhangwei)
        self.assertIn(visit, self.Visit.sudo(self.lina).search([]))
        with self.assertRaisesRegex(UserError, '王芳'):
            self.Visit.sudo(self.lina).create({
                'customer_id': self.customer.id, 'user_id': self.wangfang.id,
                'start': '2026-06-12 02:00:00'})
        with self.assertRaisesRegex(UserError, '杨磊|%s' % self.yanglei.name):
            self.Visit.sudo(self.zhangwei).create({
                'customer_id': self.customer.id, 'user_id': self.yanglei.id,
                'start': '2026-06-12 02:00:00'})
        # the visitor must be able to work on the customer
        with self.assertRaises((UserError, AccessError)):
            self.Visit.sudo(self.zhangwei).create({
                'customer_id': self.other_customer.id, 'user_id': self.lina.id,
                'start': '2026-06-12 02:00:00'})

    def test_check_in_fields_are_action_only(self):
        with self.assertRaises(AccessError):
            self.visit.sudo(self.lina).write({'visit_state': 'done'})
        with self.assertRaises(AccessError):
            self.visit.sudo(self.lina).write({'checkin_at': '2026-06-10 03:00:00'})
        with self.assertRaises(AccessError):
            self.Visit.sudo(self.lina).with_context(default_visit_state='done').create({
                'customer_id': self.customer.id, 'start': '2026-06-12 02:00:00',
                'duration_minutes': 30})
        # a context claiming a grant grants nothing
        with self.assertRaises(AccessError):
            self.visit.sudo(self.lina).with_context(crm_action_write=True).write(
                {'follow_up_id': False, 'visit_state': 'done'})
        self.assertEqual(self.visit.visit_state, 'planned')


class TestCheckInOut(VisitCase):

    def test_field_visit_writes_a_face_to_face_follow_up_and_moves_the_clocks(self):
        customer = self.customer
        self.assertFalse(customer.last_follow_up_at)
        self.clock.set_now('2026-06-10 06:02:00')
        visit = self.visit.sudo(self.lina)
        visit.action_check_in(latitude=30.27415, longitude=120.15515, accuracy=18.5,
                              address='杭州市西湖区文三路 90 号', photo=PNG)
        self.assertEqual(visit.visit_state, 'checked_in')
        self.assertEqual(visit.checkin_at, '2026-06-10 06:02:00')
        self.assertTrue(visit.checkin_located)
        self.assertAlmostEqual(visit.checkin_latitude, 30.27415, places=5)
        self.assertAlmostEqual(visit.checkin_longitude, 120.15515, places=5)
        self.assertEqual(visit.checkin_accuracy, 18.5)
        self.assertTrue(visit.checkin_photo)
        self.clock.set_now('2026-06-10 07:17:00')
        visit.action_check_out('介绍了二期方案，客户要求下周给报价。',
                               next_contact_at='2026-06-15 02:00:00')
        self.assertEqual(visit.visit_state, 'done')
        self.assertEqual(visit.checkout_at, '2026-06-10 07:17:00')
        self.assertEqual(visit.duration_minutes, 75)
        follow_up = visit.follow_up_id
        self.assertEqual(follow_up.follow_up_type, 'visit')
        self.assertEqual(follow_up.partner_id, customer)
        self.assertEqual(follow_up.contact_ids, self.contact)
        self.assertEqual(follow_up.user_id, self.lina)
        self.assertEqual(follow_up.content, '介绍了二期方案，客户要求下周给报价。')
        self.assertEqual(follow_up.date, '2026-06-10 07:17:00')
        customer.invalidate_cache()
        # the customer's last contact (which the pool's release rule reads) and next contact
        self.assertEqual(customer.last_follow_up_at, '2026-06-10 07:17:00')
        self.assertEqual(customer.next_contact_at, '2026-06-15 02:00:00')
        self.assertEqual(customer.customer_status, 'following')
        self.assertIn(follow_up, customer.follow_up_ids)
        self.assertEqual(visit.done_count, 1)

    def test_check_in_without_position_needs_the_address_and_says_so(self):
        visit = self.visit.sudo(self.lina)
        with self.assertRaisesRegex(UserError, 'address|地址'):
            visit.action_check_in()
        self.assertEqual(visit.visit_state, 'planned')
        res = visit.with_context(crm_notify=True).action_check_in(address='客户前台')
        self.assertTrue(res['params']['warning'])
        self.assertIn('客户前台', res['params']['message'])
        self.assertEqual(visit.visit_state, 'checked_in')
        self.assertFalse(visit.checkin_located)
        self.assertEqual(visit.checkin_address, '客户前台')

    def test_wrong_order_and_someone_elses_visit_are_refused_clearly(self):
        visit = self.visit.sudo(self.lina)
        with self.assertRaisesRegex(UserError, 'check in first|请先签到|先签到'):
            visit.action_check_out('notes')
        # her leader sees the visit but cannot check in for her
        with self.assertRaisesRegex(UserError, self.lina.name):
            self.visit.sudo(self.zhangwei).action_check_in(latitude=30.0, longitude=120.0)
        # a colleague does not even see it
        with self.assertRaises(AccessError):
            self.visit.sudo(self.wangfang).action_check_in(latitude=30.0, longitude=120.0)
        with self.assertRaises(AccessError):
            self.visit.sudo(self.executive).action_check_in(latitude=30.0, longitude=120.0)
        visit.action_check_in(latitude=30.0, longitude=120.0)
        with self.assertRaisesRegex(UserError, 'already|已'):
            visit.action_check_in(latitude=30.0, longitude=120.0)
        with self.assertRaisesRegex(UserError, 'discussed|沟通|内容'):
            visit.action_check_out('   ')
        visit.action_check_out('谈妥了')
        with self.assertRaisesRegex(UserError, 'already|已'):
            visit.action_check_out('再来一次')
        self.assertEqual(len(self.customer.follow_up_ids), 1)

    def test_bad_positions_and_photos_change_nothing(self):
        visit = self.visit.sudo(self.lina)
        for kwargs in ({'latitude': 91, 'longitude': 120}, {'latitude': 30},
                       {'latitude': 'north', 'longitude': 120},
                       {'latitude': 30, 'longitude': 120, 'accuracy': -1},
                       {'address': '前台', 'photo': 'not base64!'},
                       {'address': '前台', 'photo': base64.b64encode(b'%PDF-1.4').decode()}):
            with self.assertRaises(UserError):
                visit.action_check_in(**kwargs)
        self.assertEqual(visit.visit_state, 'planned')
        self.assertFalse(visit.checkin_at)

    def test_started_visit_keeps_its_customer_and_cannot_be_deleted(self):
        visit = self.visit.sudo(self.lina)
        visit.action_check_in(address='前台')
        with self.assertRaises(UserError):
            visit.write({'start': '2026-06-11 02:00:00'})
        with self.assertRaises(UserError):
            visit.unlink()
        visit.write({'description': '补充说明'})
        self.assertEqual(visit.description, '补充说明')

    def test_cancel_hides_the_visit_from_the_calendar(self):
        visit = self.visit.sudo(self.lina)
        event = visit.event_id
        visit.action_cancel()
        self.assertEqual(visit.visit_state, 'cancelled')
        self.assertFalse(event.active)
        with self.assertRaises(UserError):
            visit.action_check_in(address='前台')

    def test_check_out_dialog_and_report_figures(self):
        visit = self.visit.sudo(self.lina)
        visit.action_check_in(address='前台')
        self.clock.set_now('2026-06-10 04:40:00')
        action = visit.action_open_check_out()
        wizard = self.env['crm.visit.check.out'].sudo(self.lina).with_context(
            action['context']).create({'note': '演示顺利'})
        wizard.action_confirm()
        self.assertEqual(visit.visit_state, 'done')
        self.assertEqual(visit.duration_minutes, 40)
        self.Visit.sudo(self.lina).create({'customer_id': self.customer.id,
                                           'start': '2026-06-11 02:00:00'})
        rows = self.Visit.sudo(self.zhangwei).read_group(
            [('customer_id', '=', self.customer.id)],
            ['user_id', 'planned_count', 'done_count', 'duration_minutes'], ['user_id'])
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]['planned_count'], 2)
        self.assertEqual(rows[0]['done_count'], 1)
        self.assertEqual(rows[0]['duration_minutes'], 40.0,
                         'the average time of the visits done (a planned one has none)')


class TestReminder(VisitCase):

    def test_reminder_text_has_no_english_time_zone_name(self):
        event = self.visit.event_id.sudo(self.lina).with_context(tz='Asia/Shanghai', lang='en_US')
        text = event._get_display_time(event.start, event.stop, event.duration, event.allday)
        self.assertTrue(text.endswith('(14:00:00 To 15:30:00)'), text)
        self.assertNotIn('Asia/Shanghai', text)
