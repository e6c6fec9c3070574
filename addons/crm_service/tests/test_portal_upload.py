# -*- coding: utf-8 -*-
"""Issue #29 item 11: a portal customer attaches screenshots, photos or PDFs to a new
ticket (and to a reply); other files, too many or too large ones get a Chinese message
and nothing is stored. Over HTTP, with the form's CSRF token."""
import base64

from .test_portal import PortalCase

PNG = b'\x89PNG\r\n\x1a\n' + b'\x00' * 64
JPEG = b'\xff\xd8\xff\xdb' + b'\x00' * 64
PDF = b'%PDF-1.4\n%%EOF\n'


class TestPortalUpload(PortalCase):

    def tickets_named(self, name):
        Ticket = self.env['crm.service.ticket']
        Ticket.invalidate_cache()
        return Ticket.search([('name', '=', name)])

    def new_ticket(self, subject, files):
        return self.post('/my/tickets/new', {'subject': subject, 'description': '见附件',
                                             'type_id': self.f['type_tech'].id}, files=files)

    def test_screenshot_photo_and_pdf_are_attached_to_the_new_ticket(self):
        self.login(self.portal_a)
        form = self.get('/my/tickets/new')
        self.assertIn('enctype="multipart/form-data"', form.text)
        self.assertIn('name="attachments"', form.text)
        created = self.new_ticket('门户附件：屏幕报错', [
            ('attachments', ('报错截图.png', PNG, 'image/png')),
            ('attachments', ('C:\\Users\\qian\\现场照片.jpg', JPEG, 'image/jpeg')),
            ('attachments', ('说明书.pdf', PDF, 'application/pdf'))])
        self.assertEqual(created.status_code, 200, created.text[-2000:])
        ticket = self.tickets_named('门户附件：屏幕报错')
        self.assertEqual(len(ticket), 1)
        files = ticket.attachment_ids.sorted('id')
        self.assertEqual(files.mapped('name'), ['报错截图.png', '现场照片.jpg', '说明书.pdf'])
        self.assertEqual(files.mapped('mimetype'), ['image/png', 'image/jpeg', 'application/pdf'])
        self.assertEqual({(a.res_model, a.res_id) for a in files}, {('crm.service.ticket', ticket.id)})
        self.assertIn('报错截图.png', created.text, 'the customer sees the files on the ticket page')
        # the service staff see them on the form and open them
        manager = self.f['manager']
        self.assertEqual(sorted(ticket.sudo(manager).read(['attachment_ids'])[0]['attachment_ids']), sorted(files.ids))
        self.assertEqual(self.env['ir.attachment'].sudo(manager).browse(files.ids).read(['datas'])[0]['datas'],
                         base64.b64encode(PNG))
        # a reply with a photo only
        reply = self.post('/my/tickets/%s/reply' % ticket.id, {'message': ''}, page='/my/tickets/%s' % ticket.id,
                          files=[('attachments', ('补充照片.png', PNG, 'image/png'))])
        self.assertEqual(reply.status_code, 200)
        self.env['crm.service.ticket'].invalidate_cache()
        message = ticket.message_ids.filtered(lambda m: m.attachment_ids)
        self.assertEqual(message.attachment_ids.mapped('name'), ['补充照片.png'])
        self.assertEqual(message.author_id, self.f['contact'])

    def test_bad_files_are_refused_with_a_chinese_message(self):
        self.login(self.portal_a)
        cases = [
            ([('attachments', ('病毒.exe', b'MZ\x90\x00' + b'\x00' * 64, 'image/png'))], '不是图片或 PDF'),
            ([('attachments', ('伪装.png', b'<svg onload="alert(1)"/>', 'image/png'))], '不是图片或 PDF'),
            ([('attachments', ('空.png', b'', 'image/png'))], '是空文件'),
            ([('attachments', ('巨大.png', PNG + b'\x00' * (10 * 1024 * 1024), 'image/png'))], '每个文件不能超过 10 MB'),
            ([('attachments', ('%d.png' % i, PNG, 'image/png')) for i in range(6)], '最多可上传 5 个附件'),
        ]
        for i, (files, message) in enumerate(cases):
            subject = '门户附件被拒 %d' % i
            refused = self.new_ticket(subject, files)
            self.assertEqual(refused.status_code, 400, message)
            self.assertIn(message, refused.text)
            self.assertIn(subject, refused.text, 'the form keeps what the customer typed')
            self.assertFalse(self.tickets_named(subject), 'no ticket without its files')
        # a bad file in a reply: the page says why, nothing is posted
        ticket = self.ticket_a
        count = len(ticket.message_ids)
        refused = self.post('/my/tickets/%s/reply' % ticket.id, {'message': '附上日志'}, page='/my/tickets/%s' % ticket.id,
                            files=[('attachments', ('日志.txt', b'plain text log', 'text/plain'))])
        self.assertEqual(refused.status_code, 400)
        self.assertIn('不是图片或 PDF', refused.text)
        self.env['crm.service.ticket'].invalidate_cache()
        self.assertEqual(len(ticket.message_ids), count)

    def test_upload_needs_the_csrf_token(self):
        self.login(self.portal_a)
        self.registry.test_cr.commit()
        forged = self.opener.post(self.base + '/my/tickets/new', timeout=30, data={
            'subject': '无令牌附件', 'type_id': self.f['type_tech'].id},
            files=[('attachments', ('a.png', PNG, 'image/png'))])
        self.assertEqual(forged.status_code, 400)
        self.assertFalse(self.tickets_named('无令牌附件'))
