# -*- coding: utf-8 -*-
{
    'name': 'CRM Work Reports: Contracts',
    'summary': 'Work reports count the period\'s new contracts and their amount (installed '
               'automatically with crm_work_report and crm_contract)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_work_report', 'crm_contract'],
    'data': [
        'views/crm_work_report_views.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
