# -*- coding: utf-8 -*-
from odoo.http import route

from odoo.addons.report_xlsx.controllers.main import ReportController


class CrmReportsXlsxController(ReportController):
    """OCA report_xlsx 11.0 answers the web client's download (``session.get_file``) on
    ``/report/xlsx/...`` without the ``fileToken`` cookie the client waits for: the file
    arrives, but the client never learns it did, so the export wizard stays open (OCA
    reporting-engine #178, #414). Set the cookie as ``/web/content`` does."""

    @route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        token = data.pop('token', None)
        response = super(CrmReportsXlsxController, self).report_routes(
            reportname, docids=docids, converter=converter, **data)
        if token and converter == 'xlsx':
            response.set_cookie('fileToken', token)
        return response
