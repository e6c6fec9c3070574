# -*- coding: utf-8 -*-
import io
import re
import subprocess
import tempfile

import lxml.html

from PyPDF2 import PdfFileReader, PdfFileWriter
from PyPDF2.generic import DecodedStreamObject, NameObject

from odoo import api, models
from odoo.addons.base.ir import ir_actions_report

_PATCHED_QT = {}
#: a rectangle filled in white (the page background Qt paints): "1 1 1 scn ... re f"
WHITE_FILL = re.compile(br'(1 1 1 scn\n(?:[^\n]*\n){0,3}?[-\d. ]+ re\n)f\n')


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
    """PDF with a wkhtmltopdf built on an unpatched Qt (the distributions' builds):
    Odoo hands it one document per record, which such a build refuses ("does not
    support more than one input document", exit code 1, which Odoo tolerates), so the
    PDF of two contracts had no page; and it ignores the header and footer (letterhead,
    page numbers). Each record is converted on its own, its header and footer are laid
    over its pages, and the pages are joined."""
    _inherit = 'ir.actions.report'

    @api.model
    def _run_wkhtmltopdf(self, bodies, header=None, footer=None, landscape=False,
                         specific_paperformat_args=None, set_viewport_size=False):
        run = super(IrActionsReport, self)._run_wkhtmltopdf
        if _patched_qt():
            return run(bodies, header=header, footer=footer, landscape=landscape,
                       specific_paperformat_args=specific_paperformat_args,
                       set_viewport_size=set_viewport_size)
        writer, streams = PdfFileWriter(), []
        for body in bodies:
            stream = io.BytesIO(run([body], header=header, footer=footer, landscape=landscape,
                                    specific_paperformat_args=specific_paperformat_args,
                                    set_viewport_size=set_viewport_size))
            streams.append(stream)
            pages = PdfFileReader(stream)
            overlay = self._crm_header_footer_pages(
                header, footer, pages.getNumPages(), landscape) if (header or footer) else None
            for index in range(pages.getNumPages()):
                page = pages.getPage(index)
                if overlay:
                    page.mergePage(overlay.getPage(index))
                writer.addPage(page)
        result = io.BytesIO()
        writer.write(result)
        for stream in streams:
            stream.close()
        return result.getvalue()

    def _crm_header_footer_pages(self, header, footer, count, landscape):
        """The header and footer of ``count`` pages as a PDF of their own, page numbers
        filled in ("page x of y"): an unpatched wkhtmltopdf ignores --header-html and
        --footer-html, so they are laid over the pages instead."""
        def parts(html):
            if not html:
                return None, ''
            root = lxml.html.fromstring(html)
            head = root.find('head')
            body = root.find('body')
            inner = ''.join(lxml.html.tostring(child, encoding='unicode') for child in body)
            return head, inner
        head, header_html = parts(header)
        foot_head, footer_html = parts(footer)
        head = head if head is not None else foot_head
        # an unpatched Qt lays CSS millimetres out at about 3/4 of their size (96 dpi
        # pixels printed as 72 dpi points): sizes are scaled up to land where meant
        mm = lambda value: '%.1fmm' % (value / 0.745)
        height, width = (mm(209), mm(296)) if landscape else (mm(296), mm(209))
        pages = []
        for number in range(1, count + 1):
            page = []
            for html, where in ((header_html, 'top: %s' % mm(8)), (footer_html, 'bottom: %s' % mm(6))):
                node = lxml.html.fromstring('<div>%s</div>' % html)
                for span in node.xpath('//span[contains(@class, "topage")]'):
                    span.text = str(count)
                for span in node.xpath('//span[@class="page" or starts-with(@class, "page ")]'):
                    span.text = str(number)
                page.append('<div style="position: absolute; %s; left: %s; right: %s;">%s</div>'
                            % (where, mm(18), mm(18), lxml.html.tostring(node, encoding='unicode')))
            pages.append('<div style="position: relative; height: %s; width: %s; overflow: '
                         'hidden; page-break-after: %s;">%s</div>' % (
                             height, width, 'always' if number < count else 'auto',
                             ''.join(page)))
        # transparent: the pages' own content shows through
        head_html = (lxml.html.tostring(head, encoding='unicode') if head is not None else
                     '<head><meta charset="utf-8"/></head>').replace(
            '</head>', '<style>html, body { background: transparent !important; }</style></head>')
        document = '<html>%s<body style="margin: 0; padding: 0; background: transparent;">%s</body></html>' % (
            head_html, ''.join(pages))
        args = ['-q', '--encoding', 'utf-8', '--no-background', '--dpi', '96',
                '--page-size', 'A4', '-T', '0', '-B', '0',
                '-L', '0', '-R', '0'] + (['-O', 'Landscape'] if landscape else [])
        with tempfile.NamedTemporaryFile(suffix='.html') as source, \
                tempfile.NamedTemporaryFile(suffix='.pdf') as target:
            source.write(document.encode('utf-8'))
            source.flush()
            process = subprocess.run([ir_actions_report._get_wkhtmltopdf_bin()] + args +
                                     [source.name, target.name], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, timeout=120)
            data = open(target.name, 'rb').read()
        if process.returncode not in (0, 1) or not data:
            return None
        reader = PdfFileReader(io.BytesIO(data))
        if reader.getNumPages() < count:
            return None
        for index in range(count):
            page = reader.getPage(index)
            # Qt paints every page white first, which would hide the page laid under
            content = DecodedStreamObject()
            content.setData(WHITE_FILL.sub(br'\1n\n', page.getContents().getData()))
            page[NameObject('/Contents')] = content
        return reader
