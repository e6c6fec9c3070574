# -*- coding: utf-8 -*-
{
    'name': 'CRM Service and Support',
    'summary': 'Service tickets with SLA in working hours, assignment rules, e-mail and '
               'portal intake, satisfaction feedback, knowledge base and service plans',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'mail', 'portal', 'resource'],
    'data': [
        'security/crm_service_security.xml',
        'security/ir.model.access.csv',
        'data/ir_sequence_data.xml',
        'data/crm_service_data.xml',
        'data/mail_template_data.xml',
        'data/ir_cron_data.xml',
        'views/crm_service_config_views.xml',
        'views/crm_service_ticket_views.xml',
        'views/crm_knowledge_views.xml',
        'views/crm_service_plan_views.xml',
        'views/res_partner_views.xml',
        'views/crm_todo_views.xml',
        'views/crm_service_menus.xml',
        'views/portal_templates.xml',
    ],
    'demo': [
        'demo/crm_service_demo.xml',
    ],
    'installable': True,
    'application': False,
}
