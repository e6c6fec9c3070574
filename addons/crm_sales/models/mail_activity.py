# -*- coding: utf-8 -*-
from odoo import _, api, models
from odoo.exceptions import AccessError


class MailActivity(models.Model):
    """Activities follow the read rules of their document: Odoo 11 lets anyone read every
    activity (the summary of a colleague's contract approval, a customer's next call).
    Searching returns only the activities of documents the user may read; reading one of
    another document raises an AccessError."""
    _inherit = 'mail.activity'

    def _crm_readable_ids(self, ids):
        """The subset of activity ``ids`` whose documents the current user may read."""
        if self.env.user._is_superuser() or not ids:
            return list(ids)
        rows = self.sudo().browse(ids).read(['res_model', 'res_id'], load=None)
        by_model = {}
        for row in rows:
            by_model.setdefault(row['res_model'], set()).add(row['res_id'])
        readable = set()
        for model, res_ids in by_model.items():
            if model not in self.env:
                continue
            Model = self.env[model]
            if not Model.check_access_rights('read', raise_exception=False):
                continue
            visible = set(Model.with_context(active_test=False).search(
                [('id', 'in', list(res_ids))]).ids) if not Model._abstract else set()
            readable.update((model, res_id) for res_id in visible)
        return [row['id'] for row in rows if (row['res_model'], row['res_id']) in readable]

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        if self.env.user._is_superuser() or access_rights_uid:
            return super(MailActivity, self)._search(
                args, offset=offset, limit=limit, order=order, count=count,
                access_rights_uid=access_rights_uid)
        ids = super(MailActivity, self)._search(args, offset=0, limit=None, order=order,
                                                count=False)
        ids = self._crm_readable_ids(list(ids))
        if count:
            return len(ids)
        ids = ids[offset:]
        return ids[:limit] if limit else ids

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        readable = set(self._crm_readable_ids(self.ids))
        if any(record_id not in readable for record_id in self.ids):
            raise AccessError(_('You may not read this activity: it belongs to a record you '
                                'cannot open.'))
        return super(MailActivity, self).read(fields=fields, load=load)
