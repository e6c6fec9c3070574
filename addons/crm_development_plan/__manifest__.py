# -*- coding: utf-8 -*-
{
    'name': 'CRM Development Plans',
    'summary': 'Customer development plans (客户开发计划) on opportunities: dated steps, '
               'their results, success (the customer becomes a deal customer) or failure '
               '(the opportunity is lost with its reason); overdue steps in "my to-do"',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'mail'],
    'data': [
        'security/crm_development_plan_security.xml',
        'security/ir.model.access.csv',
        'wizard/crm_development_plan_fail_views.xml',
        'views/crm_development_plan_views.xml',
        'views/crm_lead_views.xml',
        'views/res_partner_views.xml',
        'views/crm_todo_views.xml',
        'views/crm_development_plan_menus.xml',
    ],
    'demo': [
        'demo/crm_development_plan_demo.xml',
    ],
    'installable': True,
    'application': False,
}
