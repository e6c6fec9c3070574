# -*- coding: utf-8 -*-
{
    'name': 'CRM Custom Fields: Import',
    'summary': 'Custom fields as columns of the Excel import templates '
               '(installed automatically with crm_custom_field and crm_import)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_custom_field', 'crm_import'],
    'data': [],
    'installable': True,
    'auto_install': True,
    'application': False,
}
