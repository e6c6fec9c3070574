# -*- coding: utf-8 -*-
"""Excel files: the templates (Chinese headers, one example row, a sheet of the allowed
values) and the error file (the refused rows as they were, with the reason)."""
import io

import xlsxwriter

from odoo import _, api, models

EXAMPLES = {
    'customer': {'name': '杭州示例科技有限公司', 'employee_count': 120, 'annual_revenue': 3500,
                 'phone': '0571-88880000', 'email': 'info@example.com', 'city': '杭州',
                 'street': '西湖区文三路 100 号', 'contact_name': '王经理',
                 'contact_function': '采购经理', 'contact_mobile': '13800000000',
                 'contact_birthday': '1985-06-30'},
    'contact': {'name': '王经理', 'function': '采购经理', 'mobile': '13800000000',
                'email': 'wang@example.com', 'birthday': '1985-06-30'},
    'lead': {'name': '某某公司-ERP采购意向', 'partner_name': '杭州示例科技有限公司',
             'contact_name': '王经理', 'function': '采购经理', 'phone': '0571-88880000',
             'mobile': '13800000000', 'email_from': 'wang@example.com', 'city': '杭州',
             'street': '西湖区文三路 100 号', 'date_deadline': '2026-12-31',
             'description': '展会上留下名片，想了解报价'},
    'product': {'name': 'MES 系统实施服务', 'default_code': 'MES-001', 'list_price': 50000,
                'standard_price': 30000, 'description_sale': '含需求调研、实施与培训'},
}


class CrmImportXlsx(models.AbstractModel):
    _name = 'crm.import.xlsx'
    _description = 'CRM Import Excel Files'

    @api.model
    def _workbook(self):
        out = io.BytesIO()
        book = xlsxwriter.Workbook(out, {'in_memory': True})
        return out, book

    @api.model
    def _template(self, kind):
        """The template of ``kind`` as xlsx bytes, in the user's language."""
        Columns = self.env['crm.import.columns']
        columns = Columns._columns(kind)
        headers = Columns._headers(kind)
        out, book = self._workbook()
        sheet = book.add_worksheet(_('Import'))
        head = book.add_format({'bold': True, 'bg_color': '#DDEBF7', 'border': 1})
        required = book.add_format({'bold': True, 'bg_color': '#FCE4D6', 'border': 1,
                                    'font_color': '#C00000'})
        for c, (column, title) in enumerate(zip(columns, headers)):
            sheet.write(0, c, title, required if column['required'] else head)
            sheet.set_column(c, c, max(12, len(title) * 2 + 2))
        example = dict(EXAMPLES.get(kind, {}))
        tables = self._choices(kind)
        for key in ('customer_level_id', 'customer_source_id', 'region', 'customer_type',
                    'contact_role', 'gender', 'categ_id'):
            if key in tables and tables[key]:
                example.setdefault(key, tables[key][0])
        if kind in ('customer', 'lead'):
            example['user_id'] = self.env.user.name
            if self.env.user.sale_team_id:
                example['team_id'] = self.env.user.sale_team_id.name
        if kind == 'contact':
            customer = self.env['res.partner'].search([('is_crm_customer', '=', True)], limit=1)
            example['parent_id'] = customer.name or '杭州示例科技有限公司'
        for c, column in enumerate(columns):
            if column['key'] in example:
                sheet.write(1, c, example[column['key']])
        sheet.freeze_panes(1, 0)
        # the allowed values of the choice columns
        if tables:
            help_sheet = book.add_worksheet(_('Allowed values'))
            labels = Columns._labels(kind)
            c = 0
            for column in columns:
                values = tables.get(column['key'])
                if not values:
                    continue
                help_sheet.write(0, c, labels[column['key']], head)
                help_sheet.set_column(c, c, 18)
                for r, value in enumerate(values[:500], start=1):
                    help_sheet.write(r, c, value)
                c += 1
        book.close()
        return out.getvalue()

    @api.model
    def _choices(self, kind):
        """{column key: [allowed value]} of the selection and many2one columns."""
        Columns = self.env['crm.import.columns']
        main = self.env[Columns._kind_model(kind)]
        out = {}
        for column in Columns._columns(kind):
            model = self.env[column['model'] or main._name]
            field = model._fields.get(column['field'])
            if field is None or column['key'] == 'parent_id':
                continue
            if field.type == 'selection':
                desc = model.fields_get([field.name])[field.name]
                out[column['key']] = [label for _key, label in desc.get('selection') or []]
            elif field.type == 'many2one' and field.comodel_name in (
                    'crm.customer.level', 'crm.customer.source', 'res.partner.industry',
                    'crm.team', 'product.category', 'res.country.state'):
                domain = [('country_id.code', '=', 'CN')] if field.comodel_name == 'res.country.state' else []
                records = self.env[field.comodel_name].search(domain)
                out[column['key']] = [r.complete_name if field.comodel_name == 'product.category'
                                      else r.name for r in records]
            elif field.comodel_name == 'res.users' if field.type == 'many2one' else False:
                group = self.env.ref('crm_sales.group_crm_salesman')
                users = self.env['res.users'].sudo().search([('groups_id', 'in', group.ids)])
                plan = self.env['crm.import.plan']
                out[column['key']] = [u.name for u in users if plan._may_give_to(u)]
        return out

    @api.model
    def _error_file(self, header, rows):
        """xlsx bytes: the file's header plus an error column, then ``rows`` [(line,
        cells, message)]."""
        out, book = self._workbook()
        sheet = book.add_worksheet(_('Rows not imported'))
        head = book.add_format({'bold': True, 'bg_color': '#DDEBF7', 'border': 1})
        error = book.add_format({'font_color': '#C00000'})
        titles = [_('Row'), _('Error')] + list(header)
        for c, title in enumerate(titles):
            sheet.write(0, c, title, head)
            sheet.set_column(c, c, 40 if c == 1 else max(10, len(title) * 2 + 2))
        for r, (line, cells, message) in enumerate(rows, start=1):
            sheet.write_number(r, 0, line)
            sheet.write(r, 1, message, error)
            for c, value in enumerate(cells):
                sheet.write_string(r, c + 2, value or '')
        sheet.freeze_panes(1, 2)
        book.close()
        return out.getvalue()
