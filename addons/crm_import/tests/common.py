# -*- coding: utf-8 -*-
import base64
import io
import json

import xlsxwriter

from odoo.tests.common import SavepointCase

from odoo.addons.queue_job.job import Job

CUSTOMER_HEADER = ['Customer Name', 'Customer Level', 'Customer Source', 'Phone', 'Owner',
                   'Sales Team', 'Employees', 'Contact Name', 'Contact Mobile',
                   'Contact Birthday']


def xlsx(header, rows):
    """An .xlsx file (bytes) with ``header`` and ``rows`` on its first sheet."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {'in_memory': True})
    sheet = book.add_worksheet()
    for c, title in enumerate(header):
        sheet.write(0, c, title)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.close()
    return out.getvalue()


class ImportCase(SavepointCase):
    """Demo users, English messages (the XML-RPC suite checks the Chinese ones) and
    helpers: preview a file as a user, run its jobs as queue_job would (no runner)."""

    @classmethod
    def setUpClass(cls):
        super(ImportCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang='en_US', tz='Asia/Shanghai'))
        ref = cls.env.ref
        cls.lina = ref('crm_sales.user_sales_east_1')
        cls.wangfang = ref('crm_sales.user_sales_east_2')
        cls.yanglei = ref('crm_sales.user_sales_south_1')
        cls.zhangwei = ref('crm_sales.user_leader_east')
        cls.sunqiang = ref('crm_sales.user_sales_manager')
        cls.zhoutao = ref('crm_sales.user_crm_admin')
        cls.wugang = ref('crm_sales.user_executive')
        cls.team_east = ref('crm_sales.team_east')
        cls.team_south = ref('crm_sales.team_south')
        cls.Partner = cls.env['res.partner']
        cls.level = cls.env['crm.customer.level'].search([], limit=1)
        cls.source = cls.env['crm.customer.source'].search([], limit=1)

    def preview(self, user, header, rows, kind='customer', mode='skip', name='test.xlsx'):
        wizard = self.env['crm.import.wizard'].sudo(user).create({
            'import_type': kind, 'duplicate_mode': mode, 'file_name': name,
            'file': base64.b64encode(xlsx(header, rows))})
        action = wizard.action_preview()
        return self.env['crm.import.batch'].sudo(user).browse(action['res_id'])

    def errors(self, batch):
        """{row: message} of the rows the preview refused."""
        return {l.row: l.message for l in batch.sudo().line_ids if l.level == 'error'}

    def run_jobs(self, batch):
        """Run the batch's jobs as the runner would (each as the user stored on it)."""
        chunks = self.env['crm.import.chunk'].search([('batch_id', '=', batch.id)])
        jobs = self.env['queue.job'].search([('model_name', '=', 'crm.import.chunk'),
                                             ('state', '=', 'pending')])
        jobs = jobs.filtered(lambda j: set(j.record_ids) & set(chunks.ids))
        for stored in jobs:
            job = Job.load(self.env, stored.uuid)
            job.perform()
            job.set_done()
            job.store()
        batch.invalidate_cache()
        return jobs

    def customer(self, name):
        return self.Partner.search([('name', '=', name), ('is_crm_customer', '=', True)])

    @staticmethod
    def cells(batch, row):
        line = batch.sudo().line_ids.filtered(lambda l: l.row == row)
        return json.loads(line.cells or '[]')
