# -*- coding: utf-8 -*-
import zlib

from odoo import models
from odoo.sql_db import Cursor

#: how many other transactions one waits behind before relying on Odoo's retries
QUEUE_ROUNDS = 60


class CrmApprovalMixin(models.AbstractModel):
    """Serialising decisions on a document (and, for payments, on their contract).

    Odoo's transactions read a snapshot taken at their first statement (repeatable
    read). A transaction that waits for a row another one is changing fails once that
    one commits ("could not serialize access"), and Odoo retries the whole call a few
    times with growing pauses: with a queue of clients (25 approvals of one contract's
    payments at once) a call may lose every retry. So a call first queues on an
    advisory lock per document, and when it had to wait, starts its transaction again
    (it has written nothing yet), with a snapshot that sees the decision it waited for.
    """
    _inherit = 'crm.approval.mixin'

    def _crm_lock(self):
        """Serialise decisions on these documents: queue behind the transactions
        deciding them, then lock their rows (whoever bypasses the queue waits for the
        row and is retried by Odoo, seeing the first decision)."""
        if not self.ids:
            return
        self._crm_queue()
        self.env.cr.execute('UPDATE "%s" SET write_date = write_date WHERE id IN %%s'
                            % self._table, (tuple(self.ids),))
        self.invalidate_cache()

    def _crm_queue(self):
        """Hold the advisory locks of these documents for the rest of the transaction,
        with a snapshot taken after the last holder committed; returns False when the
        transaction has already written (it then relies on the row lock)."""
        cr = self.env.cr
        space = zlib.crc32(self._table.encode()) & 0x7fffffff
        ids = sorted(set(self.ids))
        for _round in range(QUEUE_ROUNDS):
            cr.execute('SELECT bool_and(pg_try_advisory_xact_lock(%s, i)) FROM unnest(%s) AS i',
                       (space, ids))
            if cr.fetchone()[0]:
                return True
            if not self._crm_may_restart():
                return False
            cr.rollback()
            # wait for the holder (in a transaction of its own, ended at once)
            cr.execute('SELECT pg_advisory_xact_lock(%s, i) FROM unnest(%s) AS i', (space, ids))
            cr.rollback()
            self.invalidate_cache()
        return False

    def _crm_may_restart(self):
        """True when the transaction may start again: it has written nothing and has
        nothing left to recompute (a real cursor: a test's cursor is one transaction)."""
        cr = self.env.cr
        if type(cr) is not Cursor or self.env.all.todo:
            return False
        cr.execute('SELECT txid_current_if_assigned()')
        return cr.fetchone()[0] is None
