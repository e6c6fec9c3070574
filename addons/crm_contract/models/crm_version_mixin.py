# -*- coding: utf-8 -*-
from odoo import models

from odoo.addons.crm_sales.grant import grant


class CrmVersionMixin(models.AbstractModel):
    """A document with versions (contracts: "Change"; quotations: "Revise"): V2, V3…
    keep its ``number``, point to the first version (``root_id``) and to the one they
    were made from (``previous_id``).

    The document declares ``number``, ``revision`` (1 for the first), ``state``,
    ``root_id`` and ``previous_id`` (Many2one to itself), ``version_ids`` (Many2many to
    itself) and ``version_count``, both computed by ``_compute_version_ids``: a mixin
    cannot name its document's model in a field."""
    _name = 'crm.version.mixin'
    _description = 'Document with Versions'

    def _crm_root(self):
        self.ensure_one()
        return self.root_id or self

    def _compute_version_ids(self):
        for rec in self:
            root = rec._crm_root()
            versions = self.search([('root_id', '=', root.id)]) | root
            rec.version_ids = versions.sorted('revision')
            rec.version_count = len(rec.version_ids)

    def _crm_new_version(self, values, extra=None):
        """Create the next version of this document as a draft: a copy of it with
        ``values`` (``copy()``'s defaults), the same number and the next revision, then
        ``extra`` (values ``copy_data`` would not keep, such as new lines), written with
        the action grant after the caller's checks. ``copy_data`` + ``create`` rather
        than ``copy()``: Odoo's copy() creates in English (lang=None), and the new
        version's chatter would tell Chinese users "... created"."""
        self.ensure_one()
        root = self._crm_root()
        last = max(self.sudo().search([('root_id', '=', root.id)]).mapped('revision')
                   + [root.revision])
        writer = grant(self, 'action_write')
        data = writer.copy_data(dict(values, number=self.number, revision=last + 1,
                                     root_id=root.id, previous_id=self.id, state='draft'))[0]
        data.update(extra or {})
        return writer.create(data).with_env(self.env)
