# -*- coding: utf-8 -*-
"""Downloads of the import screens: a template, the rows an import did not take."""
from urllib.parse import quote

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from ..models.crm_import_columns import KIND_MODELS

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


def _xlsx(data, file_name):
    return request.make_response(data, headers=[
        ('Content-Type', XLSX),
        ('Content-Disposition', "attachment; filename*=UTF-8''%s" % quote(file_name))])


class CrmImportController(http.Controller):

    @http.route('/crm_import/template/<string:kind>', type='http', auth='user', methods=['GET'])
    def template(self, kind, **kw):
        env = request.env
        if kind not in KIND_MODELS or not env.user._crm_can_act():
            return request.not_found()
        Columns = env['crm.import.columns']
        names = dict(env['crm.import.wizard'].fields_get(['import_type'])['import_type']['selection'])
        data = env['crm.import.xlsx']._template(kind)
        return _xlsx(data, '%s%s.xlsx' % (names.get(kind, kind), Columns._translate_template_word()))

    @http.route('/crm_import/errors/<int:batch_id>', type='http', auth='user', methods=['GET'])
    def errors(self, batch_id, **kw):
        batch = request.env['crm.import.batch'].browse(batch_id)
        try:
            if not batch.exists():
                return request.not_found()
            batch.check_access_rights('read')
            batch.check_access_rule('read')
        except (AccessError, MissingError):
            return request.not_found()
        return _xlsx(batch._error_file(), batch._error_file_name())
