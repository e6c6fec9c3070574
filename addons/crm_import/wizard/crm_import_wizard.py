# -*- coding: utf-8 -*-
import base64
import binascii

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.crm_import_columns import KINDS


class CrmImportWizard(models.TransientModel):
    """Import data (导入数据): choose what to import, download its template, upload the
    filled file and preview it; the preview opens the import record, where it runs."""
    _name = 'crm.import.wizard'
    _description = 'Import Data'

    import_type = fields.Selection(KINDS, 'Import Type', required=True, default='customer')
    duplicate_mode = fields.Selection(
        [('skip', 'Skip'), ('update', 'Update')], 'Existing Records', required=True,
        default='skip',
        help='A row naming a customer (or phone) that already exists: skip the row, or '
             'update the existing record with the row\'s values (if you may change it).')
    file = fields.Binary('File', attachment=False)
    file_name = fields.Char('File Name')

    @api.multi
    def action_download_template(self):
        """The Excel template of the chosen type (Chinese headers)."""
        self.ensure_one()
        return {'type': 'ir.actions.act_url', 'target': 'self',
                'url': '/crm_import/template/%s' % self.import_type}

    @api.multi
    def action_preview(self):
        """Read the file, check every row as the importing user and open the preview
        (the import record: rows to create, update, skip, and each row's errors)."""
        self.ensure_one()
        Plan = self.env['crm.import.plan']
        Plan._check_kind_allowed(self.import_type)
        if not self.file:
            raise UserError(_('Choose the file to import.'))
        try:
            data = base64.b64decode(self.file, validate=False)
        except (binascii.Error, ValueError, TypeError):
            raise UserError(_('The file cannot be read: use the Excel template (.xlsx) '
                              'downloaded from this screen.'))
        file_name = (self.file_name or _('import.xlsx')).strip()[:200]
        header, rows = self.env['crm.import.reader']._read(data, file_name)
        items = Plan._plan(self.import_type, header, rows, self.duplicate_mode)
        batch = self.env['crm.import.batch']._create_from_plan(
            self.import_type, file_name, header, items, self.duplicate_mode)
        return {
            'type': 'ir.actions.act_window', 'res_model': 'crm.import.batch',
            'res_id': batch.id, 'view_mode': 'form', 'target': 'current',
            'name': _('Import Preview'),
        }

    @api.multi
    def name_get(self):
        """The breadcrumb of the preview reads 导入数据, not the wizard's id."""
        return [(wizard.id, _('Import Data')) for wizard in self]
