# -*- coding: utf-8 -*-
{
    'name': 'CRM Visits',
    'summary': 'Visit plans (拜访计划) bound to customers on the calendar, check-in / '
               'check-out from a phone (外勤签到) writing a 面访 follow-up, visit report',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'calendar'],
    'data': [
        'security/crm_visit_security.xml',
        'security/ir.model.access.csv',
        'data/calendar_alarm_data.xml',
        'views/crm_visit_assets.xml',
        'wizard/crm_visit_check_out_views.xml',
        'views/crm_visit_views.xml',
        'views/crm_visit_report_views.xml',
        'views/calendar_alarm_views.xml',
        'views/res_partner_views.xml',
        'views/crm_visit_menus.xml',
    ],
    'demo': [
        'demo/crm_visit_demo.xml',
    ],
    'installable': True,
    'application': False,
}
