# -*- coding: utf-8 -*-
from odoo import _, api, models


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    @api.multi
    def _crm_log_assigned(self, old_by_id, user, team):
        """One operation-log line per lead of ``self`` assigned to ``user`` and/or
        ``team`` (``old_by_id``: lead id -> previous salesperson id)."""
        Log = self.env['crm.operation.log']._crm_log_env()
        context = {'lang': Log.env.lang}  # read by _()
        Users = self.env['res.users'].sudo()
        summary, from_users = {}, {}
        for lead in self.sudo():
            old = Users.browse(old_by_id.get(lead.id) or [])
            from_users[lead.id] = old.id
            if user:
                text = Log._crm_user_arrow(old, user)
            else:
                text = _('to the team %s') % team.name
            summary[lead.id] = text
        return Log._crm_log('assign', self, summary, from_user=from_users,
                            to_user=user or None)

    @api.multi
    def _crm_log_moved_with_customer(self, old_user, new_user, customer):
        """An opportunity transferred with its customer."""
        Log = self.env['crm.operation.log']._crm_log_env()
        context = {'lang': Log.env.lang}  # read by _()
        text = _('With the customer %s: %s') % (
            customer.name, Log._crm_user_arrow(old_user, new_user))
        return Log._crm_log('transfer', self, text, from_user=old_user, to_user=new_user,
                            partner=customer)
