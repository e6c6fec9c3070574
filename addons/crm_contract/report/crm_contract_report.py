# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.tools.misc import formatLang

from .amount_cn import amount_to_chinese


class ReportCrmContract(models.AbstractModel):
    """The contract printout reads only contracts the user may read: the template
    itself reads through ``sudo()`` (the customer's signer, products and plans of a
    readable contract), so the check comes first, for the web route and for
    ``ir.actions.report.render_qweb_*`` called over RPC alike."""
    _name = 'report.crm_contract.report_crm_contract'
    _description = 'Contract Printout'

    @api.model
    def get_report_values(self, docids, data=None):
        docs = self._crm_readable(self.env['crm.contract'], docids)
        currency = docs[:1].sudo().currency_id or self.env.user.company_id.currency_id
        return {
            'doc_ids': docs.ids, 'doc_model': 'crm.contract', 'docs': docs, 'data': data,
            'amount_cn': amount_to_chinese,
            'money': lambda amount: formatLang(self.env, amount or 0.0, currency_obj=currency),
            'format_date_cn': self._crm_format_date,
            'address_cn': self._crm_address,
            'term_text': lambda contract: _('The contract is in force from %s to %s.') % (
                self._crm_format_date(contract.date_start) or '—',
                self._crm_format_date(contract.date_end) or '—'),
            'blank_date': _('______ year ____ month ____ day'),
            # the spans wkhtmltopdf fills in (web.minimal_layout)
            'page_of_pages': _('Page %(page)s of %(topage)s') % {
                'page': '<span class="page"></span>', 'topage': '<span class="topage"></span>'},
        }

    @api.model
    def _crm_format_date(self, value):
        """2026-06-01 as the contract's language writes it (2026年6月1日)."""
        if not value:
            return ''
        day = fields.Date.from_string(value)
        return _('%(year)d-%(month)02d-%(day)02d') % {
            'year': day.year, 'month': day.month, 'day': day.day}

    @api.model
    def _crm_address(self, partner):
        """A Chinese address, from the largest place to the street (no separators)."""
        partner = partner.sudo()
        # a province of another country (Odoo's demo company is in Pennsylvania) is left out
        state = partner.state_id if partner.state_id.country_id == partner.country_id else None
        parts = [state and state.name, partner.city, partner.street, partner.street2]
        if partner.country_id and partner.country_id.code != 'CN':
            parts.append(partner.country_id.name)
        return ''.join(part for part in parts if part)

    @api.model
    def _crm_parse_ids(self, docids):
        """Record ids from a URL part ("12,13") or a list; a clear error otherwise."""
        if isinstance(docids, str):
            parts = [p.strip() for p in docids.split(',')]
            if not all(p.isdigit() and len(p) < 11 for p in parts):
                raise UserError(_('"%s" is not a list of document numbers (ids).')
                                % self.env['crm.guard']._short(docids))
            docids = [int(p) for p in parts]
        if not docids:
            raise UserError(_('Choose the documents to print.'))
        return self.env['crm.guard']._arg_ids(docids, _('the documents to print'))

    @api.model
    def _crm_readable(self, model, docids):
        """The records of ``model`` (an empty recordset of it) with ids ``docids``, each
        existing and readable by the user, or a MissingError / AccessError."""
        ids = self._crm_parse_ids(docids)
        records = model.browse(ids)
        found = records.sudo().exists()
        if len(found) != len(set(ids)):
            raise MissingError(_('The document to print does not exist (any more).'))
        try:
            records.check_access_rights('read')
            records.check_access_rule('read')
        except AccessError:
            raise AccessError(_('You may not read this %s, so you cannot print it.')
                              % model._description)
        return records
