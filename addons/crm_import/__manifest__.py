# -*- coding: utf-8 -*-
{
    'name': 'CRM Import',
    'summary': 'Import customers (with their primary contact), contacts, leads and products '
               'from Excel templates with Chinese headers: preview with per-row errors, '
               'skip or update duplicates, background run on queue_job, error file, log',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'product', 'queue_job'],
    'external_dependencies': {'python': ['xlrd', 'xlsxwriter']},
    'data': [
        'security/crm_import_security.xml',
        'security/ir.model.access.csv',
        'views/crm_import_assets.xml',
        'views/crm_import_batch_views.xml',
        'wizard/crm_import_wizard_views.xml',
        'views/crm_import_menus.xml',
    ],
    'installable': True,
    'application': False,
}
