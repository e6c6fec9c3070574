# -*- coding: utf-8 -*-
{
    'name': 'CRM Work Reports',
    'summary': '工作报告: daily and weekly reports (today\'s work, plan, problems) pre-filled '
               'with the period\'s follow-ups, visits, new customers and opportunities; '
               'submitted to the team leader, who comments and marks them read',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'mail'],
    'data': [
        'security/ir.model.access.csv',
        'security/crm_work_report_security.xml',
        'views/crm_work_report_views.xml',
    ],
    'demo': [
        'demo/crm_work_report_demo.xml',
    ],
    'installable': True,
    'application': False,
}
