# -*- coding: utf-8 -*-
"""One inbox, one count, one message per decision (issue #29, item 4)."""
from .common import ContractCase


class TestApprovalInbox(ContractCase):

    def counts(self, user):
        """What each screen shows the user: the to-do counter, the (server side of the)
        systray, and his approval activities."""
        todo = self.env['crm.todo'].sudo(user).create({})
        systray = sum(r['pending_count'] for r in self.env['res.users'].sudo(user)
                      .with_context(lang='zh_CN').review_user_count()
                      if r['model'] == 'crm.contract')
        activities = self.env['mail.activity'].search_count([
            ('res_model', '=', 'crm.contract'), ('user_id', '=', user.id),
            ('activity_type_id', '=', self.env.ref(
                'crm_approval.mail_activity_data_crm_approval').id)])
        return todo.contract_review_count, systray, activities

    def zh_messages(self, record, since):
        return record.sudo().message_ids.filtered(lambda m: m.id > since).sorted('id')

    def last_message_id(self):
        self.env.cr.execute('SELECT coalesce(max(id), 0) FROM mail_message')
        return self.env.cr.fetchone()[0]

    def test_counts_agree_and_exclude_cancelled_and_finished(self):
        before = self.counts(self.zhangwei)[0]
        waiting = [self.make_contract(200000 + i) for i in range(3)]
        for contract in waiting:
            contract.action_submit()
        todo, systray, activities = self.counts(self.zhangwei)
        self.assertEqual(todo, before + 3)
        self.assertEqual(systray, todo, 'the systray counts what the to-do counts')
        self.assertEqual(activities, 0, 'approvals are not counted a third time')
        # a cancelled contract and an approved one leave every count
        waiting[0].action_cancel()
        waiting[1].sudo(self.zhangwei).action_approve()
        self.assertEqual(self.counts(self.zhangwei), (before + 1, before + 1, 0))
        names = [r['name'] for r in self.env['res.users'].sudo(self.zhangwei)
                 .with_context(lang='zh_CN').review_user_count()]
        self.assertIn('合同', names)

    def test_one_chinese_message_by_the_decider_and_the_submitter_hears(self):
        contract = self.make_contract(1500000)
        contract.sudo(self.lina).action_submit()
        mark = self.last_message_id()
        contract.sudo(self.zhangwei).with_context(lang='zh_CN').action_approve('价格合理')
        messages = self.zh_messages(contract, mark)
        self.assertEqual(len(messages), 1, messages.mapped('body'))
        self.assertEqual(messages.author_id, self.zhangwei.partner_id)
        self.assertIn('批准了第 1 级审批', messages.body)
        self.assertIn('价格合理', messages.body)
        self.assertIn(self.lina.partner_id, messages.partner_ids, 'the submitter is told')
        self.assertIn(self.sunqiang.partner_id, messages.partner_ids, 'the next tier is asked')
        # a rejection says so, once, by the manager who rejected
        mark = self.last_message_id()
        contract.sudo(self.sunqiang).with_context(lang='zh_CN').action_reject('折扣过低')
        messages = self.zh_messages(contract, mark)
        self.assertEqual(len(messages), 1, messages.mapped('body'))
        self.assertEqual(messages.author_id, self.sunqiang.partner_id)
        self.assertIn('驳回', messages.body)
        self.assertNotIn('批准', messages.body)
        self.assertIn(self.lina.partner_id, messages.partner_ids)
        admin = self.env.ref('base.user_root').partner_id
        self.assertNotIn(admin, contract.sudo().message_ids.mapped('author_id'))

    def test_final_approval_tells_the_submitter_and_lists_no_superuser(self):
        contract = self.make_contract(1500000)
        contract.sudo(self.lina).action_submit()
        reviews = contract.sudo().review_ids.sorted('sequence')
        self.assertNotIn(self.env.ref('base.user_root'), reviews[1].reviewer_ids,
                         'the superuser reviews only a tier naming him')
        self.assertTrue(reviews[1].reviewer_ids)
        contract.sudo(self.zhangwei).action_approve()
        mark = self.last_message_id()
        contract.sudo(self.sunqiang).with_context(lang='zh_CN').action_approve()
        self.assertEqual(contract.state, 'approved')
        message = self.zh_messages(contract, mark)
        self.assertEqual(len(message), 1)
        self.assertIn('审批完成', message.body)
        self.assertIn(self.lina.partner_id, message.partner_ids)

    def test_history_is_a_chinese_timeline(self):
        contract = self.make_contract(300000)
        contract.sudo(self.lina).action_submit()
        contract.sudo(self.zhangwei).action_approve('同意')
        html = contract.sudo(self.lina).with_context(lang='zh_CN').crm_approval_timeline
        self.assertIn('提交审批', html)
        self.assertIn('审批通过', html)
        self.assertIn(self.zhangwei.name, html)
        self.assertIn('同意', html)
        status = dict(self.env['tier.review'].with_context(lang='zh_CN')
                      .fields_get(['crm_status'])['crm_status']['selection'])
        self.assertEqual(status['pending'], '待审批')

    def test_the_wizard_reloads_the_page_after_deciding(self):
        contract = self.make_contract(300000)
        contract.sudo(self.lina).action_submit()
        wizard = self.env['crm.review.wizard'].sudo(self.zhangwei).create({
            'res_model': 'crm.contract', 'res_id': contract.id, 'decision': 'approve'})
        action = wizard.action_confirm()
        self.assertEqual(action.get('tag'), 'reload')
        self.assertEqual(contract.state, 'approved')
        todo = self.env['crm.todo'].sudo(self.zhangwei).create({})
        self.assertNotIn(contract, todo.contract_review_ids)
