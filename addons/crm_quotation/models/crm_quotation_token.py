# -*- coding: utf-8 -*-
"""The customer's link of a quote: ``/crm/quotation/<id>/<token>``, the page where the
customer reads the quote and accepts or declines it without signing in.

The secret lives in a table of its own that only this code reads (in sudo), as
crm_service's feedback token: a field of the quote, even one restricted to a group,
could still be searched (``('token', '=like', 'a%')``), ordered by and exported by every
reader of the quote. ``customer_url`` shows the link to who may write the quote (its
owner, a colleague it is shared with for writing, the team leader, a sales manager):
they send it; the other readers (reviewers, the executive, colleagues it is shared with
for reading) see nothing. A quote gets its token when it is sent (by e-mail or marked
sent); a revised quote is a new record, without one until it is sent in turn, and the
superseded version's link then answers "revised"."""
import uuid

from odoo import api, fields, models
from odoo.tools import consteq

#: what the chatter's copy of the e-mail shows instead of the token
MASK = '********'


class CrmQuotationToken(models.Model):
    _name = 'crm.quotation.token'
    _description = 'Quotation Customer Link Token'

    quotation_id = fields.Many2one('crm.quotation', required=True, ondelete='cascade',
                                   index=True)
    token = fields.Char(required=True)

    _sql_constraints = [('quotation_uniq', 'unique(quotation_id)',
                         'A quotation has one customer link.')]


class CrmQuotation(models.Model):
    _inherit = 'crm.quotation'

    customer_url = fields.Char(
        'Customer Link', compute='_compute_customer_url',
        help='The page where the customer reads this quotation and accepts or declines it '
             'without signing in (in the e-mail "Send by E-mail" sends). Shown to who may '
             'edit the quotation only.')

    def _crm_token_records(self):
        return self.env['crm.quotation.token'].sudo().search([('quotation_id', 'in', self.ids)])

    def _crm_ensure_token(self):
        """Give these quotes a customer link (kept once made: every e-mail of a quote
        carries the same link). Returns {quote id: token}."""
        tokens = {t.quotation_id.id: t.token for t in self._crm_token_records()}
        Token = self.env['crm.quotation.token'].sudo()
        for rec in self:
            if rec.id not in tokens:
                tokens[rec.id] = Token.create({'quotation_id': rec.id,
                                               'token': uuid.uuid4().hex}).token
        self.invalidate_cache(['customer_url'])
        return tokens

    @api.model
    def _crm_by_token(self, quotation_id, token):
        """The quote (in sudo) whose customer link is ``quotation_id`` / ``token``, or
        an empty recordset: a wrong id and a wrong token look the same."""
        if not isinstance(quotation_id, int) or not isinstance(token, str) or \
                not 16 <= len(token) <= 64:
            return self.sudo().browse()
        found = self.env['crm.quotation.token'].sudo().search(
            [('quotation_id', '=', quotation_id)], limit=1)
        if found and consteq(found.token, token):
            return found.quotation_id.sudo()
        return self.sudo().browse()

    def _crm_may_send_link(self):
        """The quotes of ``self`` whose customer link the current user may see: those
        they may edit (owner side)."""
        user = self.env.user
        if user._is_superuser():
            return self
        if not user._crm_can_act() or not self.check_access_rights('write', raise_exception=False):
            return self.browse()
        domain = self.env['ir.rule']._compute_domain(self._name, 'write') or []
        return self.sudo().search([('id', 'in', self.ids)] + domain).with_env(self.env)

    def _compute_customer_url(self):
        shown = self._crm_may_send_link()
        tokens = {t.quotation_id.id: t.token for t in shown._crm_token_records()}
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url') or ''
        for rec in self:
            token = tokens.get(rec.id)
            rec.customer_url = token and '%s/crm/quotation/%s/%s' % (base, rec.id, token)

    def _crm_mask_token(self, messages):
        """The chatter's copy of an e-mail holding the link shows it without its token
        (everyone who reads the quote reads its chatter)."""
        tokens = {t.quotation_id.id: t.token for t in self._crm_token_records()}
        for message in messages.sudo():
            token = tokens.get(message.res_id)
            if token and message.body and token in message.body:
                message.write({'body': message.body.replace(token, MASK)})
