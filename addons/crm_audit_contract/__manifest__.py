# -*- coding: utf-8 -*-
{
    'name': 'CRM Audit Trail: Contracts',
    'summary': 'The "变更记录" button on contracts and payments (installed automatically '
               'with crm_audit and crm_contract)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_audit', 'crm_contract'],
    'data': [
        'views/crm_audit_contract_views.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
