# -*- coding: utf-8 -*-
"""The customer's page of a quote, from the link of its e-mail, without signing in:

* ``GET /crm/quotation/<id>/<token>``: the quote (lines, totals, validity, terms) and,
  while it is sent and valid, the form to accept or decline it;
* ``POST /crm/quotation/<id>/<token>/answer`` (CSRF token of the page): the answer,
  ``decision`` = ``accept`` / ``decline``, ``name`` (required), ``comment``;
* ``GET /crm/quotation/<id>/<token>/pdf``: its printout.

The token is the check, before anything renders: a wrong id and a wrong token get the
same page (404), which names no quote; wrong tries are counted per quote and address
(``crm.quotation.link.attempt``: 429 past the limit). The quote is then read in sudo,
that quote only. The page is in the customer contact's language (Chinese by default)."""
from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import content_disposition, request
from odoo.tools.misc import formatLang

from odoo.addons.crm_contract.report.amount_cn import amount_to_chinese

MAX_ID = 2 ** 31 - 1
PROBLEM_STATUS = {'invalid': 404, 'blocked': 429}
#: what the page shows of the quote itself
SHOWN = ('open', 'accepted', 'declined', 'expired')


class QuotationLink(http.Controller):

    @staticmethod
    def _crm_quote(quotation_id, token):
        """(the quote of the link in sudo, None) or (empty, 'invalid' / 'blocked')."""
        Quote = request.env['crm.quotation'].sudo()
        Attempt = request.env['crm.quotation.link.attempt'].sudo()
        address = request.httprequest.remote_addr or ''
        found = Quote.browse(quotation_id).exists() if 0 < quotation_id <= MAX_ID \
            else Quote.browse()
        if found and Attempt._crm_blocked(found.id, address):
            return Quote.browse(), 'blocked'
        quote = Quote._crm_by_token(quotation_id, token) if found else Quote.browse()
        if not quote:
            if found:
                Attempt._crm_record(found.id, address)
            return Quote.browse(), 'invalid'
        return quote, None

    @staticmethod
    def _crm_lang(quote):
        lang = (quote.contact_id.lang or quote.partner_id.lang) if quote else None
        lang = lang or 'zh_CN'
        request.context = dict(request.context, lang=lang)
        return lang

    def _crm_render(self, quote, token, problem=None, status=200, **values):
        lang = self._crm_lang(quote)
        quote = quote.with_context(lang=lang)
        link = quote._crm_link_status() if quote else problem
        currency = quote.currency_id if quote else request.env.user.company_id.currency_id
        printer = request.env['report.crm_quotation.report_crm_quotation'].with_context(lang=lang)
        values.update({
            'quote': quote, 'token': token, 'problem': problem, 'link': link,
            'shown': bool(quote) and link in SHOWN,
            'money': lambda amount: formatLang(request.env, amount or 0.0, currency_obj=currency),
            'amount_cn': amount_to_chinese, 'format_date': printer._crm_format_date,
            'base': '/crm/quotation/%s/%s' % (quote.id, token) if quote else '',
        })
        return request.render('crm_quotation.quotation_link_page', values, status=status)

    @http.route('/crm/quotation/<int:quotation_id>/<string:token>', type='http',
                auth='public', methods=['GET'])
    def quotation_page(self, quotation_id, token, **kw):
        quote, problem = self._crm_quote(quotation_id, token)
        return self._crm_render(quote, token, problem, PROBLEM_STATUS.get(problem, 200))

    @http.route('/crm/quotation/<int:quotation_id>/<string:token>/answer', type='http',
                auth='public', methods=['POST'])
    def quotation_answer(self, quotation_id, token, decision=None, name=None, comment=None,
                         **kw):
        quote, problem = self._crm_quote(quotation_id, token)
        if problem:
            return self._crm_render(quote, token, problem, PROBLEM_STATUS[problem])
        if quote._crm_link_status() != 'open':
            return self._crm_render(quote, token, status=409)
        lang = self._crm_lang(quote)
        # the quote's lock may start the transaction again: before the savepoint
        quote._crm_lock()
        try:
            with request.env.cr.savepoint():
                quote.with_context(lang=lang)._crm_customer_answer(decision, name, comment)
        except (UserError, ValidationError) as error:
            quote.invalidate_cache()
            status = 400 if quote._crm_link_status() == 'open' else 409
            return self._crm_render(quote, token, status=status, error=error.name,
                                    form={'name': name if isinstance(name, str) else '',
                                          'comment': comment if isinstance(comment, str) else ''})
        quote.invalidate_cache()
        return self._crm_render(quote, token, done=True)

    @http.route('/crm/quotation/<int:quotation_id>/<string:token>/pdf', type='http',
                auth='public', methods=['GET'])
    def quotation_pdf(self, quotation_id, token, **kw):
        quote, problem = self._crm_quote(quotation_id, token)
        if problem:
            return self._crm_render(quote, token, problem, PROBLEM_STATUS[problem])
        if quote._crm_link_status() not in SHOWN:
            return self._crm_render(quote, token, status=409)
        lang = self._crm_lang(quote)
        report = request.env.ref('crm_quotation.action_report_crm_quotation').sudo()
        pdf, _format = report.with_context(lang=lang).render_qweb_pdf([quote.id])
        return request.make_response(pdf, headers=[
            ('Content-Type', 'application/pdf' if _format == 'pdf' else 'text/html; charset=utf-8'),
            ('Content-Length', len(pdf)),
            ('Content-Disposition', content_disposition('%s.pdf' % quote.reference))])
