# -*- coding: utf-8 -*-
"""The e-mails already in exception when the module is installed (the demo database's,
sent before any server was configured) are retried at the next run of the cron."""
from odoo import SUPERUSER_ID, api


def post_init_hook(cr, registry):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env['crm.mail.failure']._crm_sync_failures(retry_now=True)
