# -*- coding: utf-8 -*-
"""Issue #28 items 2 and 4: the approval e-mails. Submitting mails the reviewers, a
decision mails the submitter, each with a subject naming what happened and the
document ("合同已审批通过：…"), never the reviewer who decided; the CRM administrator
switches each kind off (CRM > 配置 > 通知设置)."""
from .common import ContractCase


class TestApprovalMail(ContractCase):

    @classmethod
    def setUpClass(cls):
        super(TestApprovalMail, cls).setUpClass()
        cls.Mail = cls.env['mail.mail'].sudo()
        cls.Kind = cls.env['crm.notify.kind'].sudo()

    def setUp(self):
        super(TestApprovalMail, self).setUp()
        self.last = self.Mail.search([], order='id desc', limit=1).id or 0

    def new_mails(self, user):
        """The e-mails queued since the test (or the last call) started for ``user``."""
        mails = self.Mail.search([('id', '>', self.last),
                                  ('recipient_ids', 'in', user.partner_id.ids)])
        return mails

    def mark(self):
        self.last = self.Mail.search([], order='id desc', limit=1).id or 0

    def switch(self, code, on):
        self.Kind.search([('code', '=', code)]).sudo(self.zhoutao).write({'mail_enabled': on})

    def test_submit_mails_the_reviewer_and_the_decision_the_submitter(self):
        contract = self.make_contract(300000)
        name = contract.display_name
        # over XML-RPC: no language in the context
        contract.sudo(self.lina).with_context(lang=None).action_submit()
        mail = self.new_mails(self.zhangwei)
        self.assertEqual(len(mail), 1, 'one e-mail to the reviewer')
        self.assertEqual(mail.subject, '合同待审批：%s' % name)
        self.assertIn('提交审批', mail.body_html)
        self.assertFalse(self.new_mails(self.lina), 'the submitter is not mailed about her own submit')
        self.mark()
        contract.sudo(self.zhangwei).with_context(lang=None).action_approve('同意')
        self.assertEqual(contract.state, 'approved')
        mail = self.new_mails(self.lina)
        self.assertEqual(len(mail), 1, 'one e-mail to the submitter')
        self.assertEqual(mail.subject, '合同已审批通过：%s' % name)
        self.assertIn('同意', mail.body_html)
        self.assertFalse(self.new_mails(self.zhangwei), 'none for the reviewer who decided')

    def test_rejection_mail(self):
        contract = self.make_contract(300000)
        contract.sudo(self.lina).action_submit()
        self.mark()
        contract.sudo(self.zhangwei).action_reject('价格太低')
        mail = self.new_mails(self.lina)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, '合同被驳回：%s' % contract.display_name)
        self.assertIn('价格太低', mail.body_html)
        self.assertNotIn('Odoo', mail.body_html)
        self.assertFalse(self.new_mails(self.zhangwei))

    def test_payment_mails(self):
        contract = self.approved_contract(90000)
        payment = self.env['crm.receivable'].sudo(self.lina).create(
            {'contract_id': contract.id, 'amount': 60000})
        payment.action_submit()
        self.assertEqual(payment.state, 'waiting')
        request = self.new_mails(self.zhangwei)
        self.assertEqual(request.mapped('subject'), ['回款待审批：%s' % payment.display_name])
        self.mark()
        payment.sudo(self.zhangwei).action_approve('已到账')
        self.assertEqual(self.new_mails(self.lina).mapped('subject'),
                         ['回款已审批通过：%s' % payment.display_name])
        self.assertFalse(self.new_mails(self.zhangwei))

    def test_switched_off_kinds_send_no_mail_but_keep_the_message(self):
        self.switch('approval_request', False)
        contract = self.make_contract(300000)
        contract.sudo(self.lina).action_submit()
        self.assertFalse(self.new_mails(self.zhangwei), 'approval requests switched off')
        message = contract.sudo().message_ids[0]
        self.assertIn(self.zhangwei.partner_id, message.needaction_partner_ids,
                      'still in the reviewer\'s inbox')
        self.switch('approval_result', False)
        contract.sudo(self.zhangwei).action_approve()
        self.assertEqual(contract.state, 'approved')
        self.assertFalse(self.new_mails(self.lina), 'approval results switched off')
        self.switch('approval_result', True)
        other = self.make_contract(300000)
        other.sudo(self.lina).action_submit()
        other.sudo(self.zhangwei).action_reject('不行')
        self.assertEqual(self.new_mails(self.lina).mapped('subject'),
                         ['合同被驳回：%s' % other.display_name])

    # ------------------------------------------------------------------ languages
    def speak(self, user, lang):
        user.sudo().write({'lang': lang})

    def test_each_recipient_reads_the_whole_mail_in_his_language(self):
        """An English-speaking reviewer and Chinese-speaking colleagues: each mail, subject
        and text, is in its recipient's language, whoever acts (issue #28: the text
        followed the person who clicked)."""
        self.speak(self.zhangwei, 'en_US')
        self.speak(self.sunqiang, 'en_US')
        contract = self.make_contract(2000000)   # leader, then sales managers
        name = contract.display_name
        contract.sudo(self.lina).action_submit()
        mail = self.new_mails(self.zhangwei)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, 'Contract awaiting approval: %s' % name)
        self.assertIn('submitted it for approval', mail.body_html)
        self.assertNotIn('提交审批', mail.body_html)
        # one message, in the language of those it is for
        message = contract.sudo().message_ids[0]
        self.assertIn('submitted it for approval', message.body)
        self.assertEqual(message.needaction_partner_ids, self.zhangwei.partner_id)
        self.mark()
        # an English-speaking reviewer approves the first tier: the Chinese submitter
        # reads Chinese, the English-speaking manager of the next tier English
        contract.sudo(self.zhangwei).action_approve('OK')
        mail = self.new_mails(self.lina)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, '合同待审批：%s' % name)
        self.assertIn('批准了第 1 级审批', mail.body_html)
        self.assertIn('下一步', mail.body_html)
        self.assertNotIn('approved', mail.body_html)
        mail = self.new_mails(self.sunqiang)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, 'Contract awaiting approval: %s' % name)
        self.assertIn('approved tier 1', mail.body_html)
        self.assertIn('Next: tier 2', mail.body_html)
        self.assertNotIn('批准了', mail.body_html)
        # one message per language, each to its readers
        english, chinese = contract.sudo().message_ids[:2].sorted(lambda m: '批准了' in m.body)
        self.assertIn('approved tier 1', english.body)
        self.assertIn(self.sunqiang.partner_id, english.needaction_partner_ids)
        self.assertNotIn(self.lina.partner_id, english.needaction_partner_ids)
        self.assertIn(self.lina.partner_id, chinese.needaction_partner_ids)
        self.assertNotIn(self.sunqiang.partner_id, chinese.needaction_partner_ids)
        self.mark()
        contract.sudo(self.sunqiang).action_approve()
        self.assertEqual(contract.state, 'approved')
        mail = self.new_mails(self.lina)
        self.assertEqual(mail.mapped('subject'), ['合同已审批通过：%s' % name])
        self.assertIn('审批完成', mail.body_html)
        self.assertNotIn('Approval complete', mail.body_html)

    def test_payment_decisions_in_the_submitter_language(self):
        """A Chinese reviewer rejects and returns an English-speaking salesperson's
        payment: she reads both in English; the Chinese owner of another reads Chinese
        when the English-speaking leader decides."""
        contract = self.approved_contract(90000)
        self.speak(self.lina, 'en_US')
        payment = self.env['crm.receivable'].sudo(self.lina).create(
            {'contract_id': contract.id, 'amount': 60000})
        payment.action_submit()
        self.mark()
        payment.sudo(self.zhangwei).action_reject('金额不对')
        mail = self.new_mails(self.lina)
        self.assertEqual(mail.mapped('subject'), ['Payment rejected: %s' % payment.display_name])
        self.assertIn('rejected tier 1', mail.body_html)
        self.assertIn('It goes back to draft', mail.body_html)
        self.assertIn('金额不对', mail.body_html)
        self.assertNotIn('驳回', mail.body_html)
        payment.sudo(self.lina).action_submit()
        self.mark()
        payment.sudo(self.zhangwei).action_return('请补充凭证')
        mail = self.new_mails(self.lina)
        self.assertEqual(mail.mapped('subject'), ['Payment returned: %s' % payment.display_name])
        self.assertIn('to the submitter', mail.body_html)
        self.assertNotIn('退回', mail.body_html)
        # the other way round: the leader speaks English, the salesperson Chinese
        self.speak(self.lina, 'zh_CN')
        self.speak(self.zhangwei, 'en_US')
        payment.sudo(self.lina).action_submit()
        self.mark()
        payment.sudo(self.zhangwei).with_context(lang='en_US').action_reject('wrong amount')
        mail = self.new_mails(self.lina)
        self.assertEqual(mail.mapped('subject'), ['回款被驳回：%s' % payment.display_name])
        self.assertIn('驳回了第 1 级审批', mail.body_html)
        self.assertIn('wrong amount', mail.body_html)
        self.assertNotIn('goes back', mail.body_html)
