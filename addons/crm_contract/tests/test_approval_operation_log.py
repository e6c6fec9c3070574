# -*- coding: utf-8 -*-
"""Approval steps in crm_sales' operation log (操作日志), beside the document's own
review history."""
from .common import ContractCase


class TestApprovalOperationLog(ContractCase):

    @classmethod
    def setUpClass(cls):
        super(TestApprovalOperationLog, cls).setUpClass()
        cls.env.user.company_id.partner_id.lang = 'zh_CN'
        cls.OpLog = cls.env['crm.operation.log']

    def op_lines(self, contract):
        return self.OpLog.search([('res_model', '=', 'crm.contract'),
                                  ('res_id', '=', contract.id)]).sorted('id')

    def test_each_step_is_one_line_on_the_contract_and_its_customer(self):
        contract = self.make_contract(300000)
        contract.sudo(self.lina).action_submit()
        contract.sudo(self.zhangwei).action_hand_over(self.chenjing.id, '我出差')
        contract.sudo(self.chenjing).action_reject('价格太低')
        lines = self.op_lines(contract)
        self.assertEqual(lines.mapped('kind'),
                         ['approval_submit', 'approval_handover', 'approval_reject'])
        self.assertEqual(lines.mapped('user_id'), self.lina | self.zhangwei | self.chenjing)
        self.assertEqual(set(lines.mapped('partner_id')), {self.customer})
        submit, handover, reject = lines
        self.assertTrue(submit.summary.startswith('提交审批'), submit.summary)
        self.assertEqual((handover.from_user_id, handover.to_user_id),
                         (self.zhangwei, self.chenjing))
        self.assertIn('转办', handover.summary)
        self.assertIn('陈静', handover.summary)
        self.assertIn('我出差', handover.summary)
        self.assertIn('价格太低', reject.summary)
        # the same number of steps as the document's own history
        history = self.env['crm.approval.log'].sudo().search([
            ('res_model', '=', 'crm.contract'), ('res_id', '=', contract.id)])
        self.assertEqual(len(history), len(lines))
        # on the customer's "Operations", for its owner
        self.assertEqual(
            self.OpLog.sudo(self.lina).search([('partner_id', '=', self.customer.id)]), lines)

    def test_add_reviewer_approve_and_return(self):
        contract = self.make_contract(1500000)
        contract.sudo(self.lina).action_submit()
        contract.sudo(self.zhangwei).action_add_reviewer(self.chenjing.id, '请协助')
        contract.sudo(self.chenjing).action_approve('同意')
        contract.sudo(self.sunqiang).action_return('请补充附件')
        self.assertEqual(self.op_lines(contract).mapped('kind'), [
            'approval_submit', 'approval_add', 'approval_approve', 'approval_return'])
        add, approve, back = self.op_lines(contract)[1:]
        self.assertEqual(add.to_user_id, self.chenjing)
        self.assertIn('同意', approve.summary)
        self.assertEqual(back.user_id, self.sunqiang)
        self.assertIn('请补充附件', back.summary)
