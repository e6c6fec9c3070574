# -*- coding: utf-8 -*-
{
    'name': 'CRM Tasks: Contracts',
    'summary': 'Tasks linked to a contract and shown on it (installed automatically with '
               'crm_task and crm_contract)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_task', 'crm_contract'],
    'data': [
        'views/crm_task_views.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
