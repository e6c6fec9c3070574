# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    """Quotes of an opportunity: one click makes one with its products; the smart
    button counts its quotes (every version but superseded ones) and the form shows
    the current one."""
    _inherit = 'crm.lead'

    quotation_ids = fields.One2many('crm.quotation', 'lead_id', 'Quotations')
    quotation_count = fields.Integer('Quotations', compute='_compute_quotations')
    current_quotation_id = fields.Many2one('crm.quotation', 'Current Quotation',
                                           compute='_compute_quotations')

    def _compute_quotations(self):
        Quote = self.env['crm.quotation']
        readable = Quote.check_access_rights('read', raise_exception=False)
        ids = [i for i in self.ids if isinstance(i, int)]
        by_lead = {}
        if readable and ids:
            for quote in Quote.search([('lead_id', 'in', ids),
                                       ('state', 'not in', ('superseded', 'cancelled'))],
                                      order='id desc'):
                by_lead.setdefault(quote.lead_id.id, Quote)
                by_lead[quote.lead_id.id] |= quote
        for lead in self:
            quotes = by_lead.get(lead.id, Quote)
            lead.quotation_count = len(quotes)
            lead.current_quotation_id = quotes[:1]

    @api.multi
    def action_create_quotation(self):
        """A draft quote for this opportunity's customer with its products (prices from
        the pricing point, the opportunity's offered prices); returns its form."""
        self.env.user._crm_check_can_act()
        self.ensure_one()
        self.check_access_rights('write')
        self.check_access_rule('write')
        if self.type != 'opportunity':
            raise UserError(_('"%s" is a lead: convert it to an opportunity before quoting.')
                            % self.name)
        if self.end_status in ('lost', 'invalid'):
            raise UserError(_('"%s" is closed as lost or invalid: reopen it before quoting.')
                            % self.name)
        partner = self.partner_id.commercial_partner_id
        if not partner or not partner.is_crm_customer:
            raise UserError(_('"%s" has no customer: set its customer first.') % self.name)
        contact = self.partner_id if self.partner_id.parent_id == partner \
            else partner.primary_contact_id
        quote = self.env['crm.quotation'].create({
            'title': self.name,
            'partner_id': partner.id,
            'contact_id': contact.id or False,
            'lead_id': self.id,
            'user_id': (self.user_id or self.env.user).id,
            'team_id': self.team_id.id or self.user_id.sale_team_id.id,
            'discount': self.discount,
            'line_ids': [(0, 0, {'product_id': line.product_id.id,
                                 'quantity': line.quantity,
                                 'price_unit': line.offer_price,
                                 'sequence': line.sequence})
                         for line in self.product_line_ids],
        })
        self.message_post(body=_('Quotation %s created by %s.') % (
            quote.display_name, self.env.user.name), subtype='mail.mt_note')
        return quote._crm_form_action()

    @api.multi
    def action_view_quotations(self):
        self.ensure_one()
        action = self.env.ref('crm_quotation.crm_quotation_action').read()[0]
        action.update({'domain': [('lead_id', '=', self.id)],
                       'context': {'search_default_current': 1, 'create': False}})
        return action

    def _crm_quote_contract_stage(self):
        """The contract stage of this opportunity's status group: its last open stage
        (not folded, win rate below 100 %)."""
        self.ensure_one()
        if not self.stage_group_id:
            return self.env['crm.stage']
        return self.env['crm.stage'].sudo().search([
            ('stage_group_id', '=', self.stage_group_id.id), ('fold', '=', False),
            ('probability', '<', 100)], order='sequence desc, id desc', limit=1)
