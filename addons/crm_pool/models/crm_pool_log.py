# -*- coding: utf-8 -*-
from odoo import api, fields, models

from odoo.addons.crm_sales.grant import acting_uid

POOL_ACTIONS = [
    ('claim', 'Claim'),
    ('assign', 'Assign'),
    ('release', 'Release'),
    ('recycle', 'Force Recycle'),
    ('auto_release', 'Automatic Release'),
    ('offboard', 'Offboarding'),
    ('transfer', 'Transfer'),
    ('lock', 'Lock'),
    ('unlock', 'Unlock'),
]


class CrmPoolLog(models.Model):
    """One line per pool operation on a customer. Written only by crm_pool's code (as
    superuser, in the same transaction as the operation), never edited."""
    _name = 'crm.pool.log'
    _description = 'Public Pool Operation Log'
    _order = 'date desc, id desc'
    _rec_name = 'partner_id'
    # no magic columns: ``date`` and ``user_id`` say when and who (see crm.operation.log)
    _log_access = False

    partner_id = fields.Many2one('res.partner', string='Customer', required=True,
                                 ondelete='cascade', index=True, readonly=True)
    action = fields.Selection(POOL_ACTIONS, required=True, index=True, readonly=True)
    user_id = fields.Many2one('res.users', string='Done By', readonly=True, index=True)
    from_user_id = fields.Many2one('res.users', string='From Owner', readonly=True, index=True)
    to_user_id = fields.Many2one('res.users', string='To Owner', readonly=True, index=True)
    pool_id = fields.Many2one('crm.pool', string='Pool', readonly=True, ondelete='set null')
    rule_id = fields.Many2one('crm.pool.rule', string='Rule', readonly=True,
                              ondelete='set null')
    reason = fields.Char(readonly=True)
    date = fields.Datetime(required=True, readonly=True, index=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)

    @api.model
    def _log_bulk(self, action, partner_ids, now, from_user_ids=None, to_user_id=None,
                  pool=None, rule=None, reason=None, user_id=None, operation_log=True):
        """Insert one log line per customer with SQL (used by the cron for thousands of
        customers and by the interactive operations alike). ``from_user_ids``: list aligned
        with ``partner_ids`` (or one id for all). With ``operation_log`` (the default), the
        same statement writes the lines of crm_sales' operation log (``crm.operation.log``,
        kind ``action``) from the pool lines it inserted: one INSERT ... SELECT for the
        whole batch (a transfer is logged there by crm_sales itself)."""
        if not partner_ids:
            return
        if not isinstance(from_user_ids, (list, tuple)):
            from_user_ids = [from_user_ids or None] * len(partner_ids)
        from_user_ids = [u or None for u in from_user_ids]
        user_id = user_id or acting_uid(self)
        now_str = fields.Datetime.to_string(now)
        insert = """
            INSERT INTO crm_pool_log (partner_id, from_user_id, action, user_id, to_user_id,
                                      pool_id, rule_id, reason, date, company_id)
            SELECT t.pid, t.fuid, %s, %s, %s, %s, %s, %s, %s, p.company_id
              FROM unnest(%s::int[], %s::int[]) AS t(pid, fuid)
              JOIN res_partner p ON p.id = t.pid"""
        params = [action, user_id, to_user_id or None, pool.id if pool else None,
                  rule.id if rule else None, reason or None, now_str,
                  list(partner_ids), from_user_ids]
        if operation_log:
            # the customer, its team now, and "{from}" of the summary replaced by the
            # name of each line's previous owner
            Log = self.env['crm.operation.log']._crm_log_env()
            summary, nobody = Log._crm_pool_summary(action, pool=pool, rule=rule,
                                                    reason=reason, to_user_id=to_user_id)
            insert = """
            WITH pool_lines AS (%s
            RETURNING partner_id, from_user_id, to_user_id, user_id, date, company_id)
            INSERT INTO crm_operation_log (date, user_id, kind, res_model, res_id, res_name,
                                           partner_id, from_user_id, to_user_id, team_id,
                                           company_id, summary)
            SELECT l.date, l.user_id, %%s, 'res.partner', p.id, p.display_name, p.id,
                   l.from_user_id, l.to_user_id, p.team_id, l.company_id,
                   replace(%%s, '{from}', coalesce(fp.name, %%s))
              FROM pool_lines l
              JOIN res_partner p ON p.id = l.partner_id
              LEFT JOIN res_users fu ON fu.id = l.from_user_id
              LEFT JOIN res_partner fp ON fp.id = fu.partner_id""" % insert
            params += [action, summary, nobody]
        self.env.cr.execute(insert, params)
        self.invalidate_cache()
