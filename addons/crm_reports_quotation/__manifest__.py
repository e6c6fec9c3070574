# -*- coding: utf-8 -*-
{
    'name': 'CRM Reports: Quotations',
    'summary': 'Quotation analysis in the CRM reports: quotes sent, acceptance rate, average '
               'discount by salesperson and product, days from quote to contract (installed '
               'with crm_reports and crm_quotation)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_reports', 'crm_quotation'],
    'data': [
        'security/crm_reports_quotation_security.xml',
        'security/ir.model.access.csv',
        'views/crm_report_quotation_views.xml',
        'views/crm_report_quotation_product_views.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
