# -*- coding: utf-8 -*-
from odoo import _, api, models
from odoo.tools.misc import formatLang

from .amount_cn import amount_to_chinese


class ReportCrmContract(models.AbstractModel):
    """The contract printout reads only contracts the user may read: the template
    itself reads through ``sudo()`` (the customer's signer, products and plans of a
    readable contract), so the check comes first, for the web route and for
    ``ir.actions.report.render_qweb_*`` called over RPC alike."""
    _name = 'report.crm_contract.report_crm_contract'
    _inherit = 'crm.printout.mixin'
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
    def _crm_address(self, partner):
        """A Chinese address, from the largest place to the street (no separators)."""
        partner = partner.sudo()
        # a province of another country (Odoo's demo company is in Pennsylvania) is left out
        state = partner.state_id if partner.state_id.country_id == partner.country_id else None
        parts = [state and state.name, partner.city, partner.street, partner.street2]
        if partner.country_id and partner.country_id.code != 'CN':
            parts.append(partner.country_id.name)
        return ''.join(part for part in parts if part)
