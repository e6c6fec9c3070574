# -*- coding: utf-8 -*-
{
    'name': 'CRM Lifecycle: Visits',
    'summary': 'Visits done in the last 90 days on the customer card\'s activity '
               '(客户活跃度; installed automatically with crm_lifecycle and crm_visit)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_lifecycle', 'crm_visit'],
    'data': [
        'views/res_partner_views.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
