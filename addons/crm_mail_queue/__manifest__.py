# -*- coding: utf-8 -*-
{
    'name': 'CRM Mail Queue',
    'summary': 'Failed e-mails retried with back-off for a configurable time, then listed '
               'for the CRM administrator with the reason and a retry button',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'mail'],
    'data': [
        'security/ir.model.access.csv',
        'data/ir_cron_data.xml',
        'views/crm_mail_failure_views.xml',
        'wizard/crm_mail_retry_settings_views.xml',
        'views/crm_todo_views.xml',
        'views/crm_mail_queue_menus.xml',
    ],
    'post_init_hook': 'post_init_hook',
    'installable': True,
    'application': False,
}
