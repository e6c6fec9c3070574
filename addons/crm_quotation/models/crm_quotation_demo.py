# -*- coding: utf-8 -*-
from odoo import api, models


class CrmQuotation(models.Model):
    _inherit = 'crm.quotation'

    @api.model
    def _crm_demo_quotes(self, lead_id):
        """Demo data (called by demo/crm_quotation_demo.xml as the superuser only): two
        quotes of the opportunity, made by its owner as in the web client."""
        if not self.env.user._is_superuser():
            return False
        lead = self.env['crm.lead'].browse(lead_id)
        owner = lead.user_id
        as_owner = lead.sudo(owner).with_context(lang=owner.lang)
        if self.search_count([('lead_id', '=', lead.id)]):
            return False
        draft = self.browse(as_owner.action_create_quotation()['res_id'])
        grant_free = self.browse(as_owner.action_create_quotation()['res_id'])
        quote = grant_free.sudo(owner).with_context(lang=owner.lang)
        quote.write({'discount': 2.0, 'payment_terms': '合同签订后预付30%，到货验收后付60%，质保金10%',
                     'delivery_terms': '合同签订后30个工作日内送货到客户工厂'})
        quote.action_submit()
        return draft | quote

    @api.model
    def _crm_demo_sent_quotes(self, lead_ids, accepted_lead_id):
        """Demo data (superuser only): a quote of each opportunity, submitted (no tier
        applies: approved at once) and sent by its owner; the customer of
        ``accepted_lead_id`` accepted it (recorded by the owner). The quotation
        reports have figures from the first day."""
        if not self.env.user._is_superuser():
            return False
        quotes = self.browse()
        for lead in self.env['crm.lead'].browse(lead_ids):
            if self.search_count([('lead_id', '=', lead.id)]):
                continue
            owner = lead.user_id
            as_owner = lead.sudo(owner).with_context(lang=owner.lang)
            quote = self.browse(as_owner.action_create_quotation()['res_id']).sudo(
                owner).with_context(lang=owner.lang)
            quote.action_submit()
            if quote.state == 'approved':
                quote.action_send()
                if lead.id == accepted_lead_id:
                    quote.action_accept('价格可以接受，请尽快安排合同。')
            quotes |= quote
        return quotes

