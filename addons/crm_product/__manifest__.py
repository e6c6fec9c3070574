# -*- coding: utf-8 -*-
{
    'name': 'CRM Products and Price Lists',
    'summary': 'Product catalogue (on sale / off sale, floor price, datasheets), price lists '
               'per customer level and per customer with quantity breaks and validity, '
               'stock levels and customers\' orders pushed by the ERP',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'product'],
    'data': [
        'security/crm_product_security.xml',
        'security/ir.model.access.csv',
        'data/product_category_data.xml',
        'views/product_template_views.xml',
        'views/product_pricelist_views.xml',
        'views/crm_customer_level_views.xml',
        'views/res_partner_views.xml',
        'views/crm_lead_views.xml',
        'views/crm_erp_order_views.xml',
        'views/res_partner_erp_order_views.xml',
        'views/crm_product_menus.xml',
    ],
    'demo': [
        'demo/crm_product_demo.xml',
        'demo/crm_erp_order_demo.xml',
    ],
    'installable': True,
    'application': False,
}
