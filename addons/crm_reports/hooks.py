# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, api


def uninstall_hook(cr, registry):
    """Put crm's own "Reporting" menu back where crm has it (crm_reports moved it inside
    its Reports menu, which is about to be deleted)."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    menu = env.ref('crm.crm_menu_report', raise_if_not_found=False)
    if menu:
        menu.with_context(lang=None).write({'name': 'Reporting', 'sequence': 20,
                                            'parent_id': env.ref('crm.crm_menu_root').id})
