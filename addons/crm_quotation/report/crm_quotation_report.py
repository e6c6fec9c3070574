# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.tools.misc import formatLang

# The amount in Chinese capitals is crm_contract's public helper (a pure function of its
# report package, documented in its README): imported, not copied.
from odoo.addons.crm_contract.report.amount_cn import amount_to_chinese


class ReportCrmQuotation(models.AbstractModel):
    """The quotation printout (报价单 PDF) reads only quotes the user may read: the
    template reads through ``sudo()`` (contact, products of a readable quote), so the
    check comes first, for the web route and ``render_qweb_*`` over RPC alike."""
    _name = 'report.crm_quotation.report_crm_quotation'
    _description = 'Quotation Printout'

    @api.model
    def get_report_values(self, docids, data=None):
        docs = self._crm_readable(docids)
        currency = docs[:1].sudo().currency_id or self.env.user.company_id.currency_id
        return {
            'doc_ids': docs.ids, 'doc_model': 'crm.quotation', 'docs': docs, 'data': data,
            'amount_cn': amount_to_chinese,
            'money': lambda amount: formatLang(self.env, amount or 0.0, currency_obj=currency),
            'format_date_cn': self._crm_format_date,
            'blank_date': _('______ year ____ month ____ day'),
        }

    @api.model
    def _crm_format_date(self, value):
        if not value:
            return ''
        day = fields.Date.from_string(value)
        return _('%(year)d-%(month)02d-%(day)02d') % {
            'year': day.year, 'month': day.month, 'day': day.day}

    @api.model
    def _crm_readable(self, docids):
        """The quotes ``docids`` (a list or "12,13"), each existing and readable by the
        user, or a UserError / MissingError / AccessError."""
        if isinstance(docids, str):
            parts = [p.strip() for p in docids.split(',')]
            if not all(p.isdigit() and len(p) < 11 for p in parts):
                raise UserError(_('"%s" is not a list of document numbers (ids).')
                                % self.env['crm.guard']._short(docids))
            docids = [int(p) for p in parts]
        if not docids:
            raise UserError(_('Choose the documents to print.'))
        ids = self.env['crm.guard']._arg_ids(docids, _('the documents to print'))
        records = self.env['crm.quotation'].browse(ids)
        if len(records.sudo().exists()) != len(set(ids)):
            raise MissingError(_('The document to print does not exist (any more).'))
        try:
            records.check_access_rights('read')
            records.check_access_rule('read')
        except AccessError:
            raise AccessError(_('You may not read this quotation, so you cannot print it.'))
        return records
