# -*- coding: utf-8 -*-
{
    'name': 'CRM Quotations',
    'summary': 'Quotations (报价单) from opportunities and customers: prices from the CRM '
               'pricing points, versions, tier-by-tier approval, expiry, quote to contract',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'crm_contract', 'mail', 'product'],
    'data': [
        'security/crm_quotation_security.xml',
        'security/ir.model.access.csv',
        'data/ir_sequence_data.xml',
        'data/ir_cron_data.xml',
        'report/crm_quotation_report.xml',
        'report/crm_quotation_templates.xml',
        'wizard/crm_quotation_decline_views.xml',
        'views/crm_quotation_views.xml',
        'views/crm_lead_views.xml',
        'views/res_partner_views.xml',
        'views/crm_todo_views.xml',
        'views/tier_definition_views.xml',
        'views/crm_quotation_menus.xml',
        'data/tier_definition_data.xml',
    ],
    'demo': [
        'demo/crm_quotation_demo.xml',
    ],
    'installable': True,
    'application': False,
}
