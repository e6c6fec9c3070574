# -*- coding: utf-8 -*-
{
    'name': 'CRM Members: Public Pool',
    'summary': 'Member management with the public pool: a customer limit when adding a '
               'member, offboarding checked like disabling (installed automatically with '
               'crm_member and crm_pool)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_member', 'crm_pool'],
    'data': [
        'wizard/crm_member_add_views.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
