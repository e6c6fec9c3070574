# -*- coding: utf-8 -*-
{
    'name': 'CRM Scoring',
    'summary': 'Lead score 0-100 with grade A/B/C/D (线索评分: rules the administrator sets '
               'plus weights learned from converted and invalid leads) and the win '
               'probability of open opportunities learned from won and lost ones (赢单率预测)',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'license': 'LGPL-3',
    'author': 'CRM Team',
    'development_status': 'Beta',
    'maintainers': ['crm-team'],
    'depends': ['crm_sales'],
    'data': [
        'security/ir.model.access.csv',
        'data/crm_score_model_data.xml',
        'data/ir_cron_data.xml',
        'views/crm_score_rule_views.xml',
        'views/crm_score_model_views.xml',
        'views/crm_lead_views.xml',
        'views/crm_scoring_menus.xml',
    ],
    'demo': [
        'demo/crm_score_rule_demo.xml',
    ],
    'installable': True,
    'application': False,
}
