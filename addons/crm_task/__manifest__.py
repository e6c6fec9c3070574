# -*- coding: utf-8 -*-
{
    'name': 'CRM Tasks',
    'summary': 'Tasks (任务) assigned to colleagues: several assignees, collaborators, '
               'priority, deadline, status, checklist, chatter; linked to customers and '
               'opportunities; deadline reminders and "my to-do" counters',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'mail'],
    'data': [
        'security/crm_task_security.xml',
        'security/ir.model.access.csv',
        'data/mail_activity_type_data.xml',
        'data/ir_cron_data.xml',
        'views/crm_task_views.xml',
        'views/crm_task_checklist_views.xml',
        'views/res_partner_views.xml',
        'views/crm_lead_views.xml',
        'views/crm_todo_views.xml',
        'views/crm_task_menus.xml',
    ],
    'demo': [
        'demo/crm_task_demo.xml',
    ],
    'installable': True,
    'application': False,
}
