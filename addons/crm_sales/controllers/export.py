# -*- coding: utf-8 -*-
"""Export (导出) of the CRM's models: the dialog lists the fields users see on the
model's screens, in their language, instead of Odoo's raw field list; the file is named
after what it holds (客户.xls, 商机.csv) instead of the model (res.partner.xls)."""
import json

from odoo.http import request
from odoo.addons.web.controllers import main

from ..rpc_guard import _is_crm_model


class Export(main.Export):

    def fields_get(self, model):
        fields = super(Export, self).fields_get(model)
        if model in request.env and _is_crm_model(request.env[model]):
            fields = request.env['crm.export']._filter_export_fields(model, fields)
        return fields


class CrmExportName(object):
    """Names the file after its records (``crm.export._export_file_name``)."""

    def base(self, data, token):
        request.crm_export_params = json.loads(data)
        return super(CrmExportName, self).base(data, token)

    def filename(self, base):
        params = getattr(request, 'crm_export_params', None) or {}
        if params.get('model') == base and base in request.env:
            base = request.env['crm.export']._export_file_name(
                base, params.get('ids') or None, params.get('domain') or [])
        return super(CrmExportName, self).filename(base)


class CSVExport(CrmExportName, main.CSVExport):
    pass


class ExcelExport(CrmExportName, main.ExcelExport):
    pass
