# -*- coding: utf-8 -*-
"""Install / uninstall hooks of crm_sales.

Odoo's crm ships "Personal Leads" rules (crm.lead, crm.opportunity.report,
crm.activity.report) with ``['|',('user_id','=',user.id),('user_id','=',False)]`` in a
``noupdate="1"`` block: every salesperson sees unassigned leads. Editing the XML would not
change them on update, so we rewrite their domain from code (idempotent; also called by
data/crm_sales_scope_data.xml on every update) and restore it on uninstall.
"""
from odoo import SUPERUSER_ID, api

ODOO_PERSONAL_RULES = (
    'crm.crm_rule_personal_lead',
    'crm.crm_rule_personal_lead_report',
    'crm.crm_activity_report_rule_personal_activities',
)
ODOO_DOMAIN = "['|',('user_id','=',user.id),('user_id','=',False)]"
CRM_SALES_DOMAIN = "[('user_id','=',user.id)]"


def set_personal_rule_domains(env, domain):
    for xmlid in ODOO_PERSONAL_RULES:
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule and rule.domain_force != domain:
            rule.sudo().write({'domain_force': domain})


def set_zh_cn_formats(env):
    """Odoo's zh_CN formats print "2026年11月23日 19时37分28秒" in every list; a sales
    team reads "2026-11-23 19:37" faster."""
    env['res.lang'].with_context(active_test=False).search([('code', '=', 'zh_CN')]).write(
        {'date_format': '%Y-%m-%d', 'time_format': '%H:%M'})


def post_init_hook(cr, registry):
    env = api.Environment(cr, SUPERUSER_ID, {})
    set_personal_rule_domains(env, CRM_SALES_DOMAIN)
    set_zh_cn_formats(env)


def uninstall_hook(cr, registry):
    env = api.Environment(cr, SUPERUSER_ID, {})
    set_personal_rule_domains(env, ODOO_DOMAIN)
