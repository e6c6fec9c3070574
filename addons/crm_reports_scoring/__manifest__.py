# -*- coding: utf-8 -*-
{
    'name': 'CRM Reports: Scoring',
    'summary': 'Sales forecast (销售预测) per month of expected closing: signed contracts plus '
               'the pipeline weighted by the learned win probability, per salesperson, team '
               'and company against target; a forecast figure on the dashboard',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_reports', 'crm_scoring'],
    'data': [
        'security/crm_reports_scoring_security.xml',
        'security/ir.model.access.csv',
        'views/crm_report_forecast_views.xml',
        'views/crm_report_dashboard_views.xml',
    ],
    'demo': [
        'demo/crm_reports_scoring_demo.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
