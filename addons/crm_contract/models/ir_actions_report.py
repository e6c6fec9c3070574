# -*- coding: utf-8 -*-
import io
import subprocess

from PyPDF2 import PdfFileReader, PdfFileWriter

from odoo import api, models
from odoo.addons.base.ir import ir_actions_report

_PATCHED_QT = {}


def _patched_qt():
    """True when wkhtmltopdf is built on its patched Qt (the builds of wkhtmltopdf.org);
    the distributions' builds (Debian's, Ubuntu's) are not, and they take one input
    document only."""
    if 'value' not in _PATCHED_QT:
        try:
            out = subprocess.run([ir_actions_report._get_wkhtmltopdf_bin(), '--version'],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 timeout=30).stdout
            _PATCHED_QT['value'] = b'patched qt' in out.lower()
        except (IOError, OSError, subprocess.SubprocessError):
            _PATCHED_QT['value'] = False
    return _PATCHED_QT['value']


class IrActionsReport(models.Model):
    """Printing several records at once with a wkhtmltopdf built on an unpatched Qt:
    Odoo hands it one document per record, which such a build refuses ("does not
    support more than one input document", exit code 1, which Odoo tolerates), so the
    PDF of two contracts had no page. Each record is converted on its own and the
    pages are joined."""
    _inherit = 'ir.actions.report'

    @api.model
    def _run_wkhtmltopdf(self, bodies, header=None, footer=None, landscape=False,
                         specific_paperformat_args=None, set_viewport_size=False):
        run = super(IrActionsReport, self)._run_wkhtmltopdf
        if len(bodies) < 2 or _patched_qt():
            return run(bodies, header=header, footer=footer, landscape=landscape,
                       specific_paperformat_args=specific_paperformat_args,
                       set_viewport_size=set_viewport_size)
        writer, streams = PdfFileWriter(), []
        for body in bodies:
            stream = io.BytesIO(run([body], header=header, footer=footer, landscape=landscape,
                                    specific_paperformat_args=specific_paperformat_args,
                                    set_viewport_size=set_viewport_size))
            streams.append(stream)
            writer.appendPagesFromReader(PdfFileReader(stream))
        result = io.BytesIO()
        writer.write(result)
        for stream in streams:
            stream.close()
        return result.getvalue()
