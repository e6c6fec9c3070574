# -*- coding: utf-8 -*-
"""Tiers configured with pickers, without Python (issue #29, item 5)."""
from odoo.exceptions import AccessError

from .common import ContractCase


class TestApprovalTiers(ContractCase):

    @classmethod
    def setUpClass(cls):
        super(TestApprovalTiers, cls).setUpClass()
        # only the tiers of these tests
        cls.env['tier.definition'].search([]).write({'active': False})
        cls.Tier = cls.env['tier.definition'].sudo(cls.zhoutao).with_context(lang='zh_CN')
        cls.model = cls.env.ref('crm_contract.model_crm_contract')

    def tier(self, **vals):
        return self.Tier.create(dict({'name': '测试级别', 'model_id': self.model.id}, **vals))

    def reviewers(self, contract):
        contract.sudo(contract.user_id).action_submit()
        return [r.reviewer_ids for r in contract.sudo().review_ids.sorted('sequence')]

    def test_document_types_are_the_approval_models(self):
        names = self.env['tier.definition']._get_tier_validation_model_names()
        self.assertIn('crm.contract', names)
        self.assertIn('crm.receivable', names)
        labels = dict(self.Tier.fields_get(['review_type'])['review_type']['selection'])
        self.assertEqual(labels['crm_leader'], '负责人所在团队的负责人')
        self.assertEqual(labels['group'], '角色')

    def test_leader_and_leader_above(self):
        parent = self.env['crm.team'].create({'name': '华东大区', 'user_id': self.sunqiang.id})
        self.team_east.write({'parent_id': parent.id})
        self.tier(review_type='crm_leader', sequence=1)
        self.tier(review_type='crm_leader_above', sequence=2)
        contract = self.make_contract(50000)
        self.assertEqual(self.reviewers(contract), [self.zhangwei, self.sunqiang])

    def test_conditions_combine_and_empty_means_always(self):
        level = self.env['crm.customer.level'].search([], limit=1) or \
            self.env['crm.customer.level'].create({'name': 'A 级'})
        self.tier(review_type='crm_users', crm_reviewer_user_ids=[(6, 0, self.chenjing.ids)],
                  crm_amount_above=100000, crm_discount_above=10,
                  crm_customer_level_ids=[(6, 0, level.ids)],
                  crm_team_ids=[(6, 0, self.team_east.ids)])
        self.customer.sudo().write({'customer_level_id': False})
        self.assertEqual(self.reviewers(self.make_contract(200000, discount=15)), [])
        self.customer.sudo().write({'customer_level_id': level.id})
        self.assertEqual(self.reviewers(self.make_contract(200000, discount=5)), [])
        self.assertEqual(self.reviewers(self.make_contract(90000, discount=15)), [])
        self.assertEqual(self.reviewers(self.make_contract(200000, discount=15)),
                         [self.chenjing])
        # a tier without conditions applies to every contract
        self.tier(review_type='crm_users', crm_reviewer_user_ids=[(6, 0, self.zhangwei.ids)],
                  sequence=99)
        self.assertEqual(self.reviewers(self.make_contract(1000)), [self.zhangwei])

    def test_a_role_lists_its_members_but_not_the_superuser(self):
        self.tier(review_type='group',
                  reviewer_group_id=self.env.ref('crm_sales.group_crm_manager').id)
        reviewers = self.reviewers(self.make_contract(1000))[0]
        self.assertIn(self.sunqiang, reviewers)
        self.assertNotIn(self.env.ref('base.user_root'), reviewers)

    def test_a_crm_administrator_cannot_write_python(self):
        with self.refused(AccessError):
            self.tier(definition_type='formula', python_code='True')
        with self.refused(AccessError):
            self.tier(review_type='expression', reviewer_expression='rec.user_id')
        tier = self.tier(review_type='crm_leader', crm_amount_above=1)
        self.assertEqual(tier.definition_type, 'crm_conditions')
        with self.refused(AccessError):
            tier.write({'definition_type': 'formula', 'python_code': 'True'})
