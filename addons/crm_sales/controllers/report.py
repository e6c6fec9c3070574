# -*- coding: utf-8 -*-
"""Printing (``/report/<converter>/<report>/<ids>`` and the web client's
``/report/download``): before anything renders, the ids are checked to be record ids
that exist, and the records to be readable by the logged-in user (a report template
may read through ``sudo()``). A refusal is a short page in the user's language with
status 400 (malformed ids), 403 (records the user may not read) or 404 (no such report
or record), never a server error."""
import json
import logging

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.tools import html_escape
from odoo.addons.web.controllers import main

_logger = logging.getLogger(__name__)
INT_MAX = 2 ** 31 - 1
PAGE = ('<!DOCTYPE html><html><head><meta charset="utf-8"/><title>%(title)s</title></head>'
        '<body><h1>%(title)s</h1><p>%(message)s</p></body></html>')


class ReportRefused(Exception):
    def __init__(self, status, message):
        super(ReportRefused, self).__init__(message)
        self.status = status
        self.message = message


def _parse_ids(docids):
    """[ids] of "1,2,3"; ReportRefused(400) for anything else."""
    parts = docids.split(',') if isinstance(docids, str) else [docids]
    if not all(isinstance(p, str) and p.strip().isdigit() and 0 < int(p) <= INT_MAX
               for p in parts):
        raise ReportRefused(400, _('"%s" are not valid record ids: give a list of numbers.')
                            % (docids if len(str(docids)) <= 40 else str(docids)[:37] + '...'))
    return [int(p) for p in parts]


class ReportController(main.ReportController):

    def _crm_check_report(self, reportname, docids):
        """Raise ReportRefused unless the report exists and the user may read the
        records ``docids`` names."""
        report = request.env['ir.actions.report'].sudo().search(
            [('report_name', '=', reportname)], limit=1) if isinstance(reportname, str) else None
        if not report or report.model not in request.env:
            raise ReportRefused(404, _('This report does not exist.'))
        if not docids:
            return      # a report of a wizard's data: its own code checks
        ids = _parse_ids(docids)
        Model = request.env[report.model]
        if Model._abstract:
            return
        if len(Model.sudo().with_context(active_test=False).browse(ids).exists()) != len(set(ids)):
            raise ReportRefused(404, _('The records to print do not exist (any more).'))
        records = Model.browse(ids)
        try:
            records.check_access_rights('read')
            records.check_access_rule('read')
        except AccessError:
            raise ReportRefused(403, _('You may not read these records, so you cannot '
                                       'print them.'))

    def _crm_refusal_page(self, refused):
        page = PAGE % {'title': html_escape(_('Cannot print')),
                       'message': html_escape(refused.message)}
        response = request.make_response(
            page, headers=[('Content-Type', 'text/html; charset=utf-8')])
        response.status_code = refused.status
        return response

    @http.route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        try:
            self._crm_check_report(reportname, docids)
            return super(ReportController, self).report_routes(
                reportname, docids=docids, converter=converter, **data)
        except ReportRefused as refused:
            return self._crm_refusal_page(refused)
        except (AccessError, MissingError, UserError) as e:
            # raised while rendering (a record the template reaches): the user's message
            _logger.info('report %s on %s refused: %s', reportname, docids, e)
            status = 403 if isinstance(e, AccessError) else (
                404 if isinstance(e, MissingError) else 400)
            return self._crm_refusal_page(ReportRefused(status, e.name))

    @http.route()
    def report_download(self, data, token):
        """The web client reads the answer as JSON: a refusal is its error format
        (shown as a warning), without a traceback."""
        try:
            url, report_type = json.loads(data)[:2]
            if report_type == 'qweb-pdf':
                reportname = url.split('/report/pdf/')[1].split('?')[0]
                docids = reportname.split('/', 1)[1] if '/' in reportname else None
                self._crm_check_report(reportname.split('/', 1)[0], docids)
        except ReportRefused as refused:
            return self._crm_download_error(refused.status, refused.message)
        except (ValueError, TypeError, IndexError, AttributeError):
            return self._crm_download_error(400, _('The report to print is malformed.'))
        return super(ReportController, self).report_download(data, token)

    def _crm_download_error(self, status, message):
        kind = 'access_error' if status == 403 else 'user_error'
        error = {'code': 200, 'message': 'Odoo Server Error', 'data': {
            'name': 'odoo.exceptions.%s' % ('AccessError' if status == 403 else 'UserError'),
            'debug': '', 'message': message, 'arguments': [message], 'exception_type': kind}}
        response = request.make_response(html_escape(json.dumps(error)))
        response.status_code = status
        return response
