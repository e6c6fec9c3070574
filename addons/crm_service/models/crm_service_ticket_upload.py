# -*- coding: utf-8 -*-
"""Files a customer attaches in the portal (a screenshot, a photo, a PDF): checked by
their content, not by the name or type the browser claims, and stored as attachments
of the ticket, which the agents see on the form and in the chatter."""
import base64
import os

from odoo import _, api, models
from odoo.exceptions import UserError

MAX_FILES = 5
MAX_SIZE = 10 * 1024 * 1024
#: (signature at offset 0, mimetype); WebP is "RIFF....WEBP"
SIGNATURES = (
    (b'\x89PNG\r\n\x1a\n', 'image/png'),
    (b'\xff\xd8\xff', 'image/jpeg'),
    (b'GIF87a', 'image/gif'),
    (b'GIF89a', 'image/gif'),
    (b'%PDF-', 'application/pdf'),
)


def sniff_mimetype(data):
    """The mimetype of an accepted file's content, else None."""
    for signature, mimetype in SIGNATURES:
        if data.startswith(signature):
            return mimetype
    if data[:4] == b'RIFF' and data[8:12] == b'WEBP':
        return 'image/webp'
    return None


class CrmServiceTicketUpload(models.Model):
    _inherit = 'crm.service.ticket'

    @api.model
    def _check_uploads(self, files):
        """``files``: [(file name, bytes)] from a form -> [(clean name, bytes, mimetype)],
        or a ``UserError`` naming the first bad file (nothing is stored then)."""
        files = [(name, data) for name, data in files if name or data]
        if len(files) > MAX_FILES:
            raise UserError(_('Attach at most %d files (you chose %d).') % (MAX_FILES, len(files)))
        checked = []
        for name, data in files:
            name = os.path.basename((name or '').replace('\\', '/')).strip()[:200] or _('attachment')
            if not data:
                raise UserError(_('"%s" is empty: choose the file again.') % name)
            if len(data) > MAX_SIZE:
                raise UserError(_('"%s" is too large (%.1f MB): each file may be at most %d MB.')
                                % (name, len(data) / 1024.0 / 1024.0, MAX_SIZE // (1024 * 1024)))
            mimetype = sniff_mimetype(data)
            if not mimetype:
                raise UserError(_('"%s" is not an image or a PDF: attach screenshots, photos or '
                                  'PDF files.') % name)
            checked.append((name, data, mimetype))
        return checked

    def _attach_uploads(self, checked):
        """Store checked uploads on the ticket (its attachments tab and chatter)."""
        self.ensure_one()
        Attachment = self.env['ir.attachment'].sudo()
        attachments = Attachment.browse()
        for name, data, mimetype in checked:
            attachments |= Attachment.create({
                'name': name, 'datas_fname': name, 'datas': base64.b64encode(data),
                'mimetype': mimetype, 'res_model': self._name, 'res_id': self.id})
        if attachments:
            self.sudo().write({'attachment_ids': [(4, a.id) for a in attachments]})
        return attachments
