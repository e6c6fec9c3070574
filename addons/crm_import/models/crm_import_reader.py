# -*- coding: utf-8 -*-
"""Reading an uploaded file: Excel (.xlsx / .xls, xlrd) or CSV (UTF-8 or GBK)."""
import csv
import datetime
import io
import logging

from odoo import _, api, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

try:
    import xlrd
except ImportError:   # pragma: no cover - listed in external_dependencies
    xlrd = None

MAX_ROWS = 50000
MAX_BYTES = 20 * 1024 * 1024


class CrmImportReader(models.AbstractModel):
    _name = 'crm.import.reader'
    _description = 'CRM Import File Reader'

    @api.model
    def _read(self, data, file_name=''):
        """(header [str], [(line number, [cell values])]) of the first sheet; blank rows
        are left out. ``UserError`` for a file that is not a table."""
        if not data:
            raise UserError(_('Choose the file to import.'))
        if len(data) > MAX_BYTES:
            raise UserError(_('The file is larger than 20 MB: split it into several files.'))
        name = (file_name or '').lower()
        if name.endswith('.csv'):
            table = self._read_csv(data)
        else:
            table = self._read_excel(data)
            if table is None:
                table = self._read_csv(data) if name.endswith('.txt') else None
        if table is None:
            raise UserError(_('The file cannot be read: use the Excel template (.xlsx) '
                              'downloaded from this screen.'))
        rows = [(n, cells) for n, cells in table if any(self._present(c) for c in cells)]
        if not rows:
            raise UserError(_('The file is empty: fill in the template from its second line.'))
        header = [str(c).strip() if c is not None else '' for c in rows[0][1]]
        body = rows[1:]
        if not body:
            raise UserError(_('The file has a header but no rows to import.'))
        if len(body) > MAX_ROWS:
            raise UserError(_('The file has %d rows; import at most %d at a time.')
                            % (len(body), MAX_ROWS))
        return header, body

    @api.model
    def _present(self, value):
        return value is not None and value is not False and str(value).strip() != ''

    @api.model
    def _read_excel(self, data):
        if xlrd is None:
            return None
        try:
            book = xlrd.open_workbook(file_contents=data)
        except Exception:   # xlrd raises many kinds for a file that is no workbook
            return None
        sheet = book.sheet_by_index(0)
        table = []
        for r in range(sheet.nrows):
            cells = []
            for c, cell in enumerate(sheet.row(r)):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    try:
                        cells.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                    except Exception:
                        cells.append(cell.value)
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    cells.append(bool(cell.value))
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    cells.append(None)
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    cells.append(None)
                else:
                    cells.append(cell.value)
            table.append((r + 1, cells))
        return table

    @api.model
    def _read_csv(self, data):
        for encoding in ('utf-8-sig', 'gb18030'):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=',;\t')
        except csv.Error:
            dialect = csv.excel
        try:
            return [(n + 1, [c if c != '' else None for c in row])
                    for n, row in enumerate(csv.reader(io.StringIO(text), dialect))]
        except csv.Error:
            return None

    @staticmethod
    def _cell_text(value):
        """A cell as the error file writes it back."""
        if value is None:
            return ''
        if isinstance(value, datetime.datetime):
            return value.strftime('%Y-%m-%d') if not (value.hour or value.minute) \
                else value.strftime('%Y-%m-%d %H:%M')
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
