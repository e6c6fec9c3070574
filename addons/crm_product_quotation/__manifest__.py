# -*- coding: utf-8 -*-
{
    'name': 'CRM Products and Quotations (bridge)',
    'summary': "Quotation lines show the customer's price-list price and warn when the "
               "quantity exceeds the ERP stock",
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_product', 'crm_quotation'],
    'data': [
        'views/crm_quotation_views.xml',
    ],
    'auto_install': True,
    'installable': True,
    'application': False,
}
