# -*- coding: utf-8 -*-
{
    'name': 'CRM Reports: Service',
    'summary': 'Service analysis in the CRM reports: tickets by type, resolution time, SLA '
               'breaches, satisfaction (installed with crm_reports and crm_service)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_reports', 'crm_service'],
    'data': [
        'security/crm_reports_service_security.xml',
        'security/ir.model.access.csv',
        'views/crm_report_service_views.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
