# -*- coding: utf-8 -*-
{
    'name': 'CRM Members: Service',
    'summary': 'The service roles (service agent, service manager) in member management '
               '(installed automatically with crm_member and crm_service)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_member', 'crm_service'],
    'data': [
        'data/res_users_role_data.xml',
    ],
    'demo': [
        'demo/res_users_demo.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
