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
