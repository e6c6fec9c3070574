# -*- coding: utf-8 -*-
"""Uninstalling the module removes the screens it generated (the views named
``crm.custom.field.*``); the custom columns and their values stay, as Odoo custom
fields (Settings > Technical), so nothing typed in is lost."""
from odoo import SUPERUSER_ID, api

VIEW_PREFIX = 'crm.custom.field.'


def uninstall_hook(cr, registry):
    env = api.Environment(cr, SUPERUSER_ID, {})
    views = env['ir.ui.view'].with_context(active_test=False).search(
        [('name', '=like', VIEW_PREFIX + '%')])
    # children (one field) before their page
    views.filtered('inherit_id').filtered(lambda v: v.inherit_id in views).unlink()
    views.exists().unlink()
