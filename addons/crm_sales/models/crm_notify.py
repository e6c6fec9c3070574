# -*- coding: utf-8 -*-
from odoo import _, api, models


class CrmNotify(models.AbstractModel):
    """Feedback for buttons: what happened, said in a notification of the web client.

    A button method ends with ``return self.env['crm.notify'].done(message)``. Called
    from a view whose button context has ``crm_notify`` set, it returns the client
    action ``crm_notify`` (a notification, then the view reloads or the dialog closes);
    called over XML-RPC (no such context) it returns ``True``, so integrators keep a
    plain result."""
    _name = 'crm.notify'
    _description = 'CRM Notification'

    @api.model
    def done(self, message, title=None, warning=False):
        if not self.env.context.get('crm_notify'):
            return True
        return {
            'type': 'ir.actions.client',
            'tag': 'crm_notify',
            'params': {'title': title or _('Done'), 'message': message,
                       'warning': bool(warning)},
        }
