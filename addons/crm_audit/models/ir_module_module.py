# -*- coding: utf-8 -*-
from odoo import api, models

from .crm_audit_labels import AUDIT_FIELD_LABELS, AUDIT_SELECTION_LABELS


class IrModuleModule(models.Model):
    _inherit = 'ir.module.module'

    @api.model
    def _crm_odoo_field_labels(self):
        labels = {model: dict(fields) for model, fields in
                  super(IrModuleModule, self)._crm_odoo_field_labels().items()}
        for model, fields in AUDIT_FIELD_LABELS.items():
            labels.setdefault(model, {}).update(fields)
        return labels

    @api.model
    def _crm_odoo_selection_labels(self):
        labels = {model: dict(fields) for model, fields in
                  super(IrModuleModule, self)._crm_odoo_selection_labels().items()}
        for model, fields in AUDIT_SELECTION_LABELS.items():
            labels.setdefault(model, {}).update(fields)
        return labels
