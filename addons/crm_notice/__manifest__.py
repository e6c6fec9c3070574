# -*- coding: utf-8 -*-
{
    'name': 'CRM Announcements',
    'summary': '通知公告: administrators, managers and leaders publish notices to everyone '
               'or to teams; a pinned banner on "my to-do" until read; read receipts for '
               'the publisher',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'mail'],
    'data': [
        'security/ir.model.access.csv',
        'security/crm_notice_security.xml',
        'views/crm_notice_views.xml',
        'views/crm_todo_views.xml',
    ],
    'demo': [
        'demo/crm_notice_demo.xml',
    ],
    'installable': True,
    'application': False,
}
