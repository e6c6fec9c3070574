# -*- coding: utf-8 -*-
from odoo.tests.common import SavepointCase


class CrmScopeCase(SavepointCase):
    """Two teams with their own status groups, salespeople, leaders, a manager, an
    executive and a plain employee, created for the tests (independent of demo data)."""

    @classmethod
    def _user(cls, login, groups, team=False):
        return cls.env['res.users'].with_context(no_reset_password=True).create({
            'name': login.title(), 'login': login, 'email': '%s@example.com' % login,
            'lang': 'en_US',  # messages asserted in English; the e2e suites check zh_CN
            'groups_id': [(6, 0, [cls.env.ref('base.group_user').id]
                          + [cls.env.ref(g).id for g in groups])],
            'sale_team_id': team.id if team else False,
        })

    @classmethod
    def setUpClass(cls):
        super(CrmScopeCase, cls).setUpClass()
        env = cls.env
        cls.Lead = env['crm.lead']
        cls.Partner = env['res.partner']
        cls.team_a = env['crm.team'].create({'name': 'T-Team A', 'use_opportunities': True,
                                             'use_leads': True})
        cls.team_b = env['crm.team'].create({'name': 'T-Team B', 'use_opportunities': True,
                                             'use_leads': True})
        cls.team_c = env['crm.team'].create({'name': 'T-Team C (no group)',
                                             'use_opportunities': True})
        cls.sa1 = cls._user('t_sa1', ['crm_sales.group_crm_salesman'], cls.team_a)
        cls.sa2 = cls._user('t_sa2', ['crm_sales.group_crm_salesman'], cls.team_a)
        cls.sb1 = cls._user('t_sb1', ['crm_sales.group_crm_salesman'], cls.team_b)
        cls.sc1 = cls._user('t_sc1', ['crm_sales.group_crm_salesman'], cls.team_c)
        cls.leader_a = cls._user('t_leader_a', ['crm_sales.group_crm_leader'], cls.team_a)
        cls.manager = cls._user('t_manager', ['crm_sales.group_crm_manager'])
        cls.executive = cls._user('t_exec', ['crm_sales.group_crm_executive'])
        cls.employee = cls._user('t_employee', [])
        cls.team_a.user_id = cls.leader_a

        Stage = env['crm.stage']
        Group = env['crm.stage.group']
        cls.group_a = Group.create({'name': 'T-Five steps', 'team_ids': [(6, 0, [cls.team_a.id])]})
        cls.stages_a = Stage.browse()
        for seq, (name, prob) in enumerate([('Contact', 10), ('Needs', 30), ('Proposal', 50),
                                            ('Negotiation', 70), ('Contract', 90)]):
            cls.stages_a |= Stage.create({'name': 'T-' + name, 'probability': prob,
                                          'sequence': 100 + seq, 'on_change': True,
                                          'stage_group_id': cls.group_a.id})
        cls.group_b = Group.create({'name': 'T-Two steps', 'team_ids': [(6, 0, [cls.team_b.id])]})
        cls.stages_b = Stage.browse()
        for seq, (name, prob) in enumerate([('Demo', 40), ('Payment', 80)]):
            cls.stages_b |= Stage.create({'name': 'T-' + name, 'probability': prob,
                                          'sequence': 100 + seq, 'on_change': True,
                                          'stage_group_id': cls.group_b.id})
        cls.reason = env['crm.lost.reason'].create({'name': 'T-Too expensive'})

    @classmethod
    def _customer(cls, name, user, **kw):
        vals = {'name': name, 'is_company': True, 'customer': True,
                'user_id': user.id if user else False,
                'team_id': user.sale_team_id.id if user else False}
        vals.update(kw)
        return cls.env['res.partner'].create(vals)

    @classmethod
    def _contact(cls, name, company):
        return cls.env['res.partner'].create({'name': name, 'parent_id': company.id,
                                              'type': 'contact'})

    @classmethod
    def _opp(cls, name, user, team=None, **kw):
        vals = {'name': name, 'type': 'opportunity', 'user_id': user.id if user else False,
                'team_id': (team or user.sale_team_id).id}
        vals.update(kw)
        return cls.env['crm.lead'].create(vals)
