# -*- coding: utf-8 -*-
{
    'name': 'CRM Members',
    'summary': 'Member management for the CRM administrator: add a salesperson in one '
               'form, change a team or a role, disable and re-enable; roles as data '
               '(OCA base_user_role)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'base_user_role'],
    'data': [
        'security/ir.model.access.csv',
        'data/res_users_role_data.xml',
        'views/res_users_views.xml',
        'wizard/crm_member_add_views.xml',
        'wizard/crm_member_edit_views.xml',
        'views/crm_member_menus.xml',
    ],
    'demo': [
        'demo/res_users_demo.xml',
    ],
    'installable': True,
    'application': False,
}
