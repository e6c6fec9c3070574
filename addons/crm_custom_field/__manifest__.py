# -*- coding: utf-8 -*-
{
    'name': 'CRM Custom Fields',
    'summary': 'Custom fields without code (自定义字段): the CRM administrator adds text, '
               'number, date, yes/no or choice fields to customers, contacts, leads, '
               'opportunities and contracts',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales'],
    'data': [
        'security/ir.model.access.csv',
        'views/crm_custom_field_views.xml',
    ],
    'uninstall_hook': 'uninstall_hook',
    'installable': True,
    'application': False,
}
