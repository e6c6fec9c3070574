# -*- coding: utf-8 -*-
"""11.0.1.1.0: view xml ids follow one style, ``<model>_view_<type>[_<purpose>]``.

Renaming the ``ir.model.data`` entries before the update makes the views keep their
records (and the views of other modules that inherit them keep their parent): without
it, the update would create the renamed views beside the old ones, and both would apply.
"""

RENAMED = [
    ('crm_case_form_view_leads_crm_sales', 'crm_lead_view_form_sales'),
    ('view_partner_form_crm_share', 'res_partner_view_form_share'),
    ('view_crm_customer_search_shared', 'res_partner_view_search_shared'),
    ('view_partner_form_crm_customer', 'res_partner_view_form_customer'),
    ('view_crm_customer_tree', 'res_partner_view_tree_customer'),
    ('view_crm_customer_kanban', 'res_partner_view_kanban_customer'),
    ('view_crm_customer_search', 'res_partner_view_search_customer'),
    ('view_crm_contact_tree', 'res_partner_view_tree_contact'),
    ('view_crm_contact_search', 'res_partner_view_search_contact'),
]


def migrate(cr, version):
    if not version:
        return
    for old, new in RENAMED:
        cr.execute("""
            UPDATE ir_model_data SET name = %s
             WHERE module = 'crm_sales' AND name = %s
               AND NOT EXISTS (SELECT 1 FROM ir_model_data
                                WHERE module = 'crm_sales' AND name = %s)""",
                   (new, old, new))
