# -*- coding: utf-8 -*-
{
    'name': 'CRM Members: ERP Integration',
    'summary': 'The ERP integration role (stock levels and orders pushed by the ERP) in '
               'member management (installed automatically with crm_member and '
               'crm_product)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_member', 'crm_product'],
    'data': [
        'data/res_users_role_data.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
