# -*- coding: utf-8 -*-
{
    'name': 'CRM Customer Lifecycle',
    'summary': 'Churn worklist (流失预警: 暂缓流失 / 确认流失 with reasons and history), '
               'lifecycle stage and dates on every customer, its activity over 90 days and '
               'preferred products',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'crm_contract'],
    'data': [
        'security/crm_lifecycle_security.xml',
        'security/ir.model.access.csv',
        'data/crm_churn_reason_data.xml',
        'data/ir_cron_data.xml',
        'wizard/crm_churn_wizard_views.xml',
        'views/crm_churn_warning_views.xml',
        'views/crm_churn_record_views.xml',
        'views/crm_churn_reason_views.xml',
        'views/crm_churn_settings_views.xml',
        'views/res_partner_views.xml',
        'views/crm_todo_views.xml',
        'views/crm_lifecycle_menus.xml',
    ],
    'demo': [
        'demo/crm_lifecycle_demo.xml',
    ],
    'post_init_hook': 'post_init_hook',
    'installable': True,
    'application': False,
}
