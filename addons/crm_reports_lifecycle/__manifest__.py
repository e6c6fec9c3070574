# -*- coding: utf-8 -*-
{
    'name': 'CRM Reports: Customer Lifecycle',
    'summary': 'Lifecycle funnel (线索 → 客户 → 商机 → 成交 → 复购, 流失) and lost-customer '
               'analysis (客户流失分析) in the CRM reports (installed with crm_reports and '
               'crm_lifecycle)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_reports', 'crm_lifecycle'],
    'data': [
        'security/crm_reports_lifecycle_security.xml',
        'security/ir.model.access.csv',
        'views/crm_report_lifecycle_views.xml',
        'views/crm_report_settings_views.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
