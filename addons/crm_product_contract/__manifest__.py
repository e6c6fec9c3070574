# -*- coding: utf-8 -*-
{
    'name': 'CRM Products and Contracts (bridge)',
    'summary': "Contract lines show the customer's price-list price beside the list price "
               "and the contract price; the customer's order history lists its signed contracts",
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_product', 'crm_contract'],
    'data': [
        'views/crm_contract_views.xml',
        'views/res_partner_views.xml',
    ],
    'auto_install': True,
    'installable': True,
    'application': False,
}
