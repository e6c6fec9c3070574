# -*- coding: utf-8 -*-
"""11.0.1.1.0: instalments number themselves by date and payments are booked on them in
order (``crm.receivable.plan.sequence`` and ``amount_received`` / ``amount_due`` became
computed from the contract's plans and payments): recompute them once for the plans
that exist, which the update itself leaves as they were (every instalment "1")."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Plan = env['crm.receivable.plan'].with_context(active_test=False)
    plans = Plan.search([])
    for name in ('sequence', 'amount_received'):
        env.add_todo(Plan._fields[name], plans)
    Plan.recompute()
