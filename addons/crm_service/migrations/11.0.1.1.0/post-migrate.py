# -*- coding: utf-8 -*-
"""Feedback tokens moved from a column of crm_service_ticket (readable, searchable and
exportable by every reader of the ticket) to crm_service_ticket_token; links already
sent keep working. Tickets get their creation time by the CRM clock (opened_at)."""


def migrate(cr, version):
    cr.execute("""SELECT 1 FROM information_schema.columns
                   WHERE table_name = 'crm_service_ticket' AND column_name = 'access_token'""")
    if cr.fetchone():
        cr.execute("""
            INSERT INTO crm_service_ticket_token (ticket_id, token, create_uid, create_date,
                                                  write_uid, write_date)
            SELECT t.id, t.access_token, 1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
              FROM crm_service_ticket t
             WHERE t.access_token IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM crm_service_ticket_token k WHERE k.ticket_id = t.id)""")
        cr.execute("ALTER TABLE crm_service_ticket DROP COLUMN access_token")
    cr.execute("""UPDATE crm_service_ticket SET opened_at = create_date
                   WHERE opened_at IS NULL""")
