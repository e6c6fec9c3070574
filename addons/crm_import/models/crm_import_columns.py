# -*- coding: utf-8 -*-
"""The columns of each import template and the conversion of a cell to a field value."""
import datetime
import re

from odoo import _, api, fields, models

KINDS = [('customer', 'Customers (with primary contact)'), ('contact', 'Contacts'),
         ('lead', 'Leads'), ('product', 'Products')]
KIND_MODELS = {'customer': 'res.partner', 'contact': 'res.partner', 'lead': 'crm.lead',
               'product': 'product.template'}
CONTACT_PREFIX = 'contact_'
MAX_TEXT = 4096
TRUE_WORDS = {'1', 'y', 'yes', 'true', 'x', '是', '对', '√'}
FALSE_WORDS = {'0', 'n', 'no', 'false', '否', '不是', '×'}
DATE_FORMATS = ('%Y-%m-%d', '%Y/%m/%d', '%Y.%m.%d', '%Y%m%d', '%Y年%m月%d日')


def norm(text):
    """Key to compare names and headers: no spaces (also full-width), no '*', lower case."""
    return re.sub(r'[\s*＊]+', '', str(text or '')).lower()


def col(key, field=None, required=False, label=None, model=None):
    return {'key': key, 'field': field or key, 'required': required, 'label': label,
            'model': model}


def _column_label_terms():
    """The columns' own labels, listed for the translation export (``_translate`` finds
    their zh_CN text as code terms of this module)."""
    return [_('Customer Name'), _('Address'), _('Owner'), _('Sales Team'), _('Notes'),
            _('Contact Name'), _('Contact Job Position'), _('Contact Mobile'),
            _('Contact Phone'), _('Contact Email'), _('Contact WeChat'), _('Contact Role'),
            _('Contact Birthday'), _('Customer'), _('Lead Name'), _('Product Name')]


class CrmImportColumns(models.AbstractModel):
    """Columns of the templates: ``_columns(kind)`` lists them in template order (other
    modules append theirs, e.g. custom fields: call super()); headers are the fields'
    labels in the user's language (a column may name its own label), the customer
    template's contact columns are prefixed "Contact". A file's header is matched in
    the user's language, in Chinese, in English or by field name."""
    _name = 'crm.import.columns'
    _description = 'CRM Import Columns'

    @api.model
    def _kind_model(self, kind):
        return KIND_MODELS[kind]

    @api.model
    def _columns(self, kind):
        """[{'key', 'field', 'required', 'label', 'model'}] of ``kind``."""
        if kind == 'customer':
            contact = 'res.partner'
            return [
                col('name', required=True, label='Customer Name'),
                col('customer_level_id'), col('customer_source_id'), col('industry_id'),
                col('region'), col('customer_type'), col('employee_count'),
                col('annual_revenue'), col('phone'), col('email'), col('website'),
                col('state_id'), col('city'), col('street', label='Address'),
                col('user_id', label='Owner'), col('team_id', label='Sales Team'),
                col('comment', label='Notes'),
                col('contact_name', 'name', label='Contact Name', model=contact),
                col('contact_function', 'function', label='Contact Job Position', model=contact),
                col('contact_mobile', 'mobile', label='Contact Mobile', model=contact),
                col('contact_phone', 'phone', label='Contact Phone', model=contact),
                col('contact_email', 'email', label='Contact Email', model=contact),
                col('contact_wechat', 'wechat', label='Contact WeChat', model=contact),
                col('contact_role', 'contact_role', label='Contact Role', model=contact),
                col('contact_birthday', 'birthday', label='Contact Birthday', model=contact),
            ]
        if kind == 'contact':
            return [
                col('parent_id', required=True, label='Customer'),
                col('name', required=True, label='Contact Name'),
                col('function'), col('mobile'), col('phone'), col('email'), col('wechat'),
                col('contact_role'), col('gender'), col('birthday'),
                col('comment', label='Notes'),
            ]
        if kind == 'lead':
            # the columns of crm_sales' CSV lead template (its headers also match)
            return [
                col('name', required=True, label='Lead Name'),
                col('partner_name'), col('contact_name'), col('function'), col('phone'),
                col('mobile'), col('email_from'), col('wechat'), col('city'),
                col('street', label='Address'), col('customer_source_id'), col('region'),
                col('user_id', label='Owner'), col('team_id', label='Sales Team'), col('date_deadline'),
                col('description', label='Notes'),
            ]
        if kind == 'product':
            return [
                col('name', required=True, label='Product Name'),
                col('default_code'), col('categ_id'), col('list_price'),
                col('standard_price'), col('description_sale'),
            ]
        return []

    @api.model
    def _labels(self, kind, lang=None):
        """{key: header label} in ``lang`` (default: the user's)."""
        self = self.with_context(lang=lang or self.env.context.get('lang') or self.env.user.lang)
        main = self.env[self._kind_model(kind)]
        described = {}
        out = {}
        for column in self._columns(kind):
            model = column['model'] or main._name
            if model not in described:
                described[model] = self.env[model].fields_get(attributes=['string'])
            if column['label']:
                label = self._translate(column['label'])
            else:
                label = described[model].get(column['field'], {}).get('string') or column['field']
            out[column['key']] = label
        return out

    @api.model
    def _translate(self, source):
        lang = self.env.context.get('lang')
        if not lang or lang == 'en_US':
            return source
        return self.env['ir.translation']._get_source(None, ('code',), lang, source) or source

    @api.model
    def _headers(self, kind):
        """The template's header row: labels, '*' after the required ones."""
        labels = self._labels(kind)
        return [labels[c['key']] + ('*' if c['required'] else '') for c in self._columns(kind)]

    @api.model
    def _match_header(self, kind, header):
        """[column key or None] for each cell of a file's header row."""
        keys = {}
        for lang in ('en_US', 'zh_CN', self.env.context.get('lang') or self.env.user.lang):
            for key, label in self._labels(kind, lang).items():
                keys.setdefault(norm(label), key)
        for column in self._columns(kind):
            keys.setdefault(norm(column['key']), column['key'])
            if not column['model']:
                keys.setdefault(norm(column['field']), column['key'])
        return [keys.get(norm(h)) for h in header]

    # ------------------------------------------------------------------ cell values
    @api.model
    def _lookup_tables(self, kind):
        """{comodel: {normalized name: id}} for the many2one columns of ``kind``: what the
        importing user may read, by name in her language and in Chinese (users also by
        login: CRM salespeople only; provinces: China's)."""
        tables = {}
        main = self.env[self._kind_model(kind)]
        for column in self._columns(kind):
            model = self.env[column['model'] or main._name]
            field = model._fields.get(column['field'])
            if field is None or field.type != 'many2one' or column['key'] == 'parent_id':
                continue
            comodel = field.comodel_name
            if comodel in tables:
                continue
            table = {}
            if comodel == 'res.users':
                group = self.env.ref('crm_sales.group_crm_salesman')
                for user in self.env['res.users'].sudo().search([('groups_id', 'in', group.ids)]):
                    table.setdefault(norm(user.login), user.id)
                    table.setdefault(norm(user.name), user.id)
            else:
                domain = []
                if comodel == 'res.country.state':
                    domain = [('country_id.code', '=', 'CN')]
                for lang in (self.env.context.get('lang') or self.env.user.lang, 'zh_CN', 'en_US'):
                    Model = self.env[comodel].with_context(lang=lang)
                    for rec in Model.search(domain):
                        table.setdefault(norm(rec.name), rec.id)
                        # "A (key customer)" is also "A"
                        short = re.split(r'[(（]', rec.name or '')[0]
                        if short and short != rec.name:
                            table.setdefault(norm(short), rec.id)
                        if comodel == 'product.category':
                            table.setdefault(norm(rec.complete_name), rec.id)
            tables[comodel] = table
        return tables

    @api.model
    def _selection_table(self, model, field):
        """{normalized label or key: key} in the user's language, Chinese and English."""
        table = {}
        for lang in (self.env.context.get('lang') or self.env.user.lang, 'zh_CN', 'en_US'):
            desc = self.env[model].with_context(lang=lang).fields_get([field])[field]
            for key, label in desc.get('selection') or []:
                table.setdefault(norm(label), key)
                table.setdefault(norm(key), key)
        return table

    @api.model
    def _convert(self, field, value, label, tables, selections, model):
        """(value for the ORM, error message or None) of one non-empty cell."""
        ftype = field.type
        if isinstance(value, float) and value.is_integer() and ftype not in ('float', 'monetary'):
            value = int(value)
        if ftype in ('char', 'text', 'html'):
            text = value.strftime('%Y-%m-%d') if isinstance(value, datetime.datetime) else str(value).strip()
            if len(text) > MAX_TEXT:
                return None, _('「%s」 is longer than %d characters.') % (label, MAX_TEXT)
            return text, None
        if ftype == 'selection':
            if (model, field.name) not in selections:
                selections[(model, field.name)] = self._selection_table(model, field.name)
            key = selections[(model, field.name)].get(norm(value))
            if key is None:
                return None, _('「%s」: "%s" is not one of the choices.') % (label, value)
            return key, None
        if ftype == 'many2one':
            found = tables.get(field.comodel_name, {}).get(norm(value))
            if not found:
                return None, _('「%s」: "%s" is unknown.') % (label, value)
            return found, None
        if ftype == 'integer':
            try:
                number = float(str(value).replace(',', '').strip())
                if not number.is_integer() or abs(number) > 2 ** 31 - 1:
                    raise ValueError
                return int(number), None
            except ValueError:
                return None, _('「%s」: "%s" is not a whole number.') % (label, value)
        if ftype in ('float', 'monetary'):
            try:
                number = float(str(value).replace(',', '').strip())
                if number != number or abs(number) > 1e15:
                    raise ValueError
                return number, None
            except ValueError:
                return None, _('「%s」: "%s" is not a number.') % (label, value)
        if ftype in ('date', 'datetime'):
            day = self._parse_date(value)
            if not day:
                return None, _('「%s」: "%s" is not a date (write it as 2026-06-30).') % (label, value)
            return (fields.Date.to_string(day) if ftype == 'date'
                    else fields.Datetime.to_string(datetime.datetime.combine(day, datetime.time(1, 0)))), None
        if ftype == 'boolean':
            word = norm(value)
            if word in TRUE_WORDS:
                return True, None
            if word in FALSE_WORDS:
                return False, None
            return None, _('「%s」: write 是 or 否, not "%s".') % (label, value)
        return None, _('「%s」 cannot be imported.') % label

    @api.model
    def _parse_date(self, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        for fmt in DATE_FORMATS:
            try:
                day = datetime.datetime.strptime(text.split(' ')[0] if fmt == '%Y-%m-%d' else text, fmt).date()
                return day if day.year >= 1900 else None
            except ValueError:
                continue
        return None

    @api.model
    def _translate_template_word(self):
        """The word after the kind in a template's file name (客户导入模板.xlsx)."""
        return _(' import template')
