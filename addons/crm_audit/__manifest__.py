# -*- coding: utf-8 -*-
{
    'name': 'CRM Audit Trail',
    'summary': 'Audit trail (日志管理): who changed what on customers, contacts, leads, '
               'opportunities, contracts, payments, users and roles (old → new per field), '
               'login log, lock-out after repeated failures, password policy, purge by age',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales', 'auditlog', 'auth_brute_force', 'password_security'],
    'data': [
        'security/crm_audit_security.xml',
        'security/ir.model.access.csv',
        'data/crm_audit_data.xml',
        'views/auditlog_log_views.xml',
        'views/res_authentication_attempt_views.xml',
        'views/crm_audit_settings_views.xml',
        'views/crm_audit_record_views.xml',
        'views/crm_audit_menus.xml',
    ],
    'demo': [
        'demo/crm_audit_demo.xml',
    ],
    'installable': True,
    'application': False,
}
