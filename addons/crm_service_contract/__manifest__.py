# -*- coding: utf-8 -*-
{
    'name': 'CRM Service: Contracts',
    'summary': 'Links service tickets and service plans to the customer\'s contracts '
               '(installed automatically with crm_service and crm_contract)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_service', 'crm_contract'],
    'data': [
        'views/crm_service_contract_views.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
