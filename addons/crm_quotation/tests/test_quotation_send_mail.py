# -*- coding: utf-8 -*-
"""*Send by E-mail*: Odoo's composer with the quote's template, PDF and contact; sending
marks the quote sent through ``action_send`` (its checks), the e-mail reaches the
contact only, and the chatter's copy hides the link's token."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_sales.grant import grant

from ..models.crm_quotation_token import MASK
from .common import QuoteCase


class SendCase(QuoteCase):

    @classmethod
    def setUpClass(cls):
        super(SendCase, cls).setUpClass()
        cls.contact.sudo().write({'email': 'wang@customer.example.com', 'lang': 'zh_CN'})
        cls.template = cls.env.ref('crm_quotation.mail_template_quotation_send')

    def approved(self, **kw):
        quote = self.make_quote(**kw)
        quote.action_submit()
        self.assertEqual(quote.state, 'approved')
        return quote

    def compose(self, quote, user=None, action=None):
        """What the web client does with the action: the composer with the action's
        context, filled in by the template's onchange, then created."""
        user = user or self.lina
        action = action or quote.sudo(user).action_send_by_email()
        Composer = self.env['mail.compose.message'].sudo(user).with_context(
            action['context'], lang='zh_CN')
        values = Composer.onchange_template_id(
            self.template.id, 'comment', 'crm.quotation', quote.id)['value']
        return Composer.create(values)

    def token(self, quote):
        return self.env['crm.quotation.token'].sudo().search(
            [('quotation_id', '=', quote.id)]).token


class TestSendByEmail(SendCase):

    def test_the_composer_sends_the_pdf_and_the_link_to_the_contact_and_marks_it_sent(self):
        quote = self.approved()
        quote.message_subscribe(partner_ids=self.zhangwei.partner_id.ids)
        action = quote.sudo(self.lina).action_send_by_email()
        self.assertEqual(action['res_model'], 'mail.compose.message')
        self.assertEqual(action['context']['default_template_id'], self.template.id)
        composer = self.compose(quote, action=action)
        self.assertEqual(composer.partner_ids, self.contact)
        self.assertIn(quote.reference, composer.subject)
        self.assertIn('您好', composer.body)
        token = self.token(quote)
        self.assertIn('/crm/quotation/%d/%s' % (quote.id, token), composer.body)
        # <reference>.pdf (module tests render the printout as HTML: <reference>.html)
        self.assertEqual([n.rsplit('.', 1)[0] for n in composer.attachment_ids.mapped('name')],
                         [quote.reference])
        composer.with_context(mail_notify_force_send=False).send_mail()

        self.assertEqual(quote.state, 'sent')
        self.assertTrue(quote.sent_at)
        mail = quote.sudo().message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref('crm_quotation.mt_quotation_sent'))
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.partner_ids, self.contact)
        self.assertEqual(mail.attachment_ids.mapped('datas_fname'),
                         composer.attachment_ids.mapped('datas_fname'))
        self.assertEqual(mail.attachment_ids.res_id, quote.id)
        # the chatter's copy hides the token; the e-mail itself carries it, to the contact only
        self.assertNotIn(token, mail.body)
        self.assertIn('/crm/quotation/%d/%s' % (quote.id, MASK), mail.body)
        outgoing = self.env['mail.mail'].sudo().search([('mail_message_id', '=', mail.id)])
        self.assertEqual(outgoing.mapped('recipient_ids'), self.contact)
        self.assertIn(token, outgoing.body_html)
        self.assertTrue(any('发送给客户' in b and self.lina.name in b
                            for b in self.messages(quote)), self.messages(quote))
        # the e-mail (with the link) is read by its author only
        self.assertTrue(self.env['mail.mail'].sudo(self.lina).search([('id', '=', outgoing.id)]))
        self.assertFalse(self.env['mail.mail'].sudo(self.zhangwei).search([('id', '=', outgoing.id)]))

    def test_only_an_approved_valid_quote_with_a_contact_e_mail_is_sent(self):
        draft = self.make_quote()
        with self.refused(UserError):
            draft.sudo(self.lina).action_send_by_email()
        quote = self.approved()
        with self.refused(AccessError):
            quote.sudo(self.wangfang).action_send_by_email()
        with self.refused(AccessError):
            quote.sudo(self.executive).action_send_by_email()
        self.contact.sudo().write({'email': False})
        with self.refused(UserError) as cm:
            quote.sudo(self.lina).action_send_by_email()
        self.assertIn(self.contact.name, cm.exception.name)
        self.contact.sudo().write({'email': 'wang@customer.example.com'})
        self.env['crm.clock'].set_now('2026-08-01 04:00:00')
        with self.refused(UserError):
            quote.sudo(self.lina).action_send_by_email()
        self.assertEqual(quote.state, 'approved')

    def test_a_composer_filled_by_hand_sends_nothing_action_send_refuses(self):
        approved = self.approved()
        composer = self.compose(approved)
        draft = self.make_quote()
        composer.sudo().write({'res_id': draft.id})
        before = len(draft.sudo().message_ids)
        with self.refused(UserError):
            composer.send_mail()
        self.assertEqual(draft.state, 'draft')
        self.assertEqual(len(draft.sudo().message_ids), before)
        # the leader may send his team's quote; the executive may not
        composer = self.compose(approved, user=self.zhangwei)
        composer.with_context(mail_notify_force_send=False).send_mail()
        self.assertEqual(approved.state, 'sent')

    def test_posting_a_message_or_a_context_key_marks_nothing_sent(self):
        quote = self.approved()
        quote.sudo(self.lina).with_context(mark_quotation_as_sent=True, default_state='sent') \
            .message_post(body='请查收报价', partner_ids=self.contact.ids,
                          message_type='comment', subtype='mail.mt_comment')
        self.assertEqual(quote.state, 'approved')
        Composer = self.env['mail.compose.message'].sudo(self.lina).with_context(
            default_model='crm.quotation', default_res_id=quote.id)
        Composer.create({'body': '报价见附件', 'partner_ids': [(6, 0, self.contact.ids)]}) \
            .with_context(mail_notify_force_send=False).send_mail()
        self.assertEqual(quote.state, 'approved')

    def test_the_customer_link_is_shown_to_who_may_edit_the_quote(self):
        quote = self.approved()
        quote.sudo(self.lina).action_send()
        token = self.token(quote)
        self.assertTrue(token)
        self.assertIn(token, quote.sudo(self.lina).customer_url)
        self.assertIn(token, quote.sudo(self.zhangwei).customer_url)
        self.assertFalse(quote.sudo(self.executive).customer_url)
        grant(quote.sudo(), 'share').write({'share_read_user_ids': [(4, self.wangfang.id)]})
        self.assertFalse(quote.sudo(self.wangfang).customer_url)
        with self.refused(AccessError):
            self.env['crm.quotation.token'].sudo(self.lina).search([])
