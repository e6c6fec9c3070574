# -*- coding: utf-8 -*-
from odoo import _, api, models
from odoo.tools.misc import formatLang

# The amount in Chinese capitals is crm_contract's public helper (a pure function of its
# report package, documented in its README): imported, not copied.
from odoo.addons.crm_contract.report.amount_cn import amount_to_chinese


class ReportCrmQuotation(models.AbstractModel):
    """The quotation printout (报价单 PDF) reads only quotes the user may read: the
    template reads through ``sudo()`` (contact, products of a readable quote), so the
    check comes first, for the web route and ``render_qweb_*`` over RPC alike."""
    _name = 'report.crm_quotation.report_crm_quotation'
    _inherit = 'crm.printout.mixin'
    _description = 'Quotation Printout'

    @api.model
    def get_report_values(self, docids, data=None):
        docs = self._crm_readable(self.env['crm.quotation'], docids)
        currency = docs[:1].sudo().currency_id or self.env.user.company_id.currency_id
        return {
            'doc_ids': docs.ids, 'doc_model': 'crm.quotation', 'docs': docs, 'data': data,
            'amount_cn': amount_to_chinese,
            'money': lambda amount: formatLang(self.env, amount or 0.0, currency_obj=currency),
            'format_date_cn': self._crm_format_date,
            'blank_date': _('______ year ____ month ____ day'),
        }
