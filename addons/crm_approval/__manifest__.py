# -*- coding: utf-8 -*-
{
    'name': 'CRM Approvals',
    'summary': 'The approval engine (crm.approval.mixin over OCA tier validation): tiers '
               'approved in order, one inbox, approve / reject / return / hand over / add '
               'a reviewer, a timeline; approval requests for anything (expenses, trips, '
               'leave)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'mail', 'base_tier_validation', 'base_tier_validation_formula'],
    'data': [
        'security/crm_approval_security.xml',
        'security/ir.model.access.csv',
        'security/crm_approval_request_security.xml',
        'data/crm_approval_data.xml',
        'data/crm_notify_kind_data.xml',
        'wizard/crm_review_wizard_views.xml',
        'views/tier_review_views.xml',
        'views/tier_definition_views.xml',
        'views/crm_approval_assets.xml',
        'views/crm_approval_menus.xml',
        'views/crm_approval_template_views.xml',
        'views/crm_approval_request_views.xml',
        'views/crm_todo_views.xml',
        'views/crm_approval_request_menus.xml',
        'data/crm_approval_request_data.xml',
    ],
    'demo': [
        'demo/crm_approval_request_demo.xml',
    ],
    'pre_init_hook': 'pre_init_hook',
    'installable': True,
    'application': False,
}
