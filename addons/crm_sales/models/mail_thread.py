# -*- coding: utf-8 -*-
"""The e-mail a user receives when a CRM record is assigned to them (Odoo's
``mail.message_user_assigned``: "You have been assigned to the service ticket …",
rendered in the assigner's language, or English over XML-RPC, signed "Powered by
Odoo"): one plain sentence in the assignee's language with the model's translated name,
e.g. "服务工单 FW2026060001《网关离线》已分派给你。"."""
from odoo import _, api, models

from ..grant import granted


def partners_by_lang(partners, default_lang):
    """{lang: partners} (partners without a language get ``default_lang``)."""
    groups = {}
    for partner in partners:
        lang = partner.lang or default_lang
        groups[lang] = groups.get(lang, partners.browse()) | partner
    return groups


class MailThread(models.AbstractModel):
    _inherit = 'mail.thread'

    @api.multi
    def write(self, values):
        """Assigning a record to the user who already holds it sends no second e-mail."""
        if not self or self.env.context.get('tracking_disable') or \
                self.env.context.get('mail_auto_subscribe_no_notify'):
            return super(MailThread, self).write(values)
        names = [name for name in self._message_get_auto_subscribe_fields(list(values))
                 if isinstance(values.get(name), int) and values.get(name)]
        if not names:
            return super(MailThread, self).write(values)
        same = self.browse([rec.id for rec in self.sudo()
                            if all(rec[name].id == values[name] for name in names)])
        if not same:
            return super(MailThread, self).write(values)
        super(MailThread, same.with_context(mail_auto_subscribe_no_notify=True)).write(values)
        rest = self - same
        return super(MailThread, rest).write(values) if rest else True

    @api.multi
    def _message_auto_subscribe_notify(self, partner_ids):
        if not partner_ids or self.env.context.get('mail_auto_subscribe_no_notify'):
            return
        if not self.env['crm.notify.kind']._crm_mail_on('assignment'):
            return
        partners = self.env['res.partner'].sudo().browse(partner_ids)
        for lang, group in partners_by_lang(partners, self.env.lang or 'zh_CN').items():
            for record in self.with_context(lang=lang):
                record._crm_send_assignment_mail(group)

    # ------------------------------------------------------------------ the e-mail
    def _crm_assignment_label(self):
        """How the e-mail names the record (a model may add its number, its subject)."""
        return self.display_name

    def _crm_assigned_by(self):
        """The person who assigned (an action passes them in the grant
        ``assigned_by``: its write runs as superuser), or the current user."""
        user = granted(self, 'assigned_by') or self.env.user
        return user if not user._is_superuser() and not user.share else self.env['res.users']

    def _crm_assignment_values(self, partners):
        model = self.env['ir.model']._get(self._name).name or self._description
        sentence = {'model': model, 'label': self._crm_assignment_label()}
        by = self._crm_assigned_by()
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url') or ''
        return {
            'subject': _('%(model)s %(label)s assigned to you') % sentence,
            'greeting': _('%s, hello:') % partners.name if len(partners) == 1 else _('Hello:'),
            'sentence': _('%(model)s %(label)s has been assigned to you.') % sentence,
            'assigned_by': by and _('Assigned by %s.') % by.name,
            'button': _('Open the %s') % model,
            'url': '%s/mail/view?model=%s&res_id=%s' % (base, self._name, self.id),
            'author': by,
        }

    def _crm_send_assignment_mail(self, partners):
        """The e-mail only (like Odoo's, it leaves nothing in the chatter)."""
        self.ensure_one()
        return self._crm_send_notice_mail(partners, self._crm_assignment_values(partners))

    # ------------------------------------------------------------------ notices
    def _crm_send_notice(self, code, users, values_method):
        """E-mail a notice of kind ``code`` (``crm.notify.kind``) about this record to
        ``users`` (active ones, never the user acting), each in their own language:
        ``values_method`` names a method of the record returning the values of
        ``crm_sales.mail_assignment_body`` (subject, greeting, sentence, button, url,
        author), called once per language with that language in the context. Returns
        the mail.mail created (none when the kind is switched off)."""
        self.ensure_one()
        mails = self.env['mail.mail']
        if not self.env['crm.notify.kind']._crm_mail_on(code):
            return mails
        users = users.filtered(lambda u: u.active and u != self.env.user and u.partner_id.email)
        partners = users.mapped('partner_id')
        for lang, group in partners_by_lang(partners, self.env.lang or 'zh_CN').items():
            record = self.with_context(lang=lang)
            mails |= record._crm_send_notice_mail(group, getattr(record, values_method)(group))
        return mails

    def _crm_send_notice_mail(self, partners, values):
        """One e-mail (no chatter message) to ``partners``, with the CRM's notice body;
        its Reply-To is the record's (``message_get_reply_to``)."""
        body = self.env['ir.qweb'].render('crm_sales.mail_assignment_body', values)
        body = body.decode('utf-8') if isinstance(body, bytes) else body
        mail = {'subject': values['subject'], 'body_html': body, 'auto_delete': True,
                'recipient_ids': [(4, pid) for pid in partners.ids]}
        # replies go where the record's replies go (its alias, a service team's...),
        # else to the catch-all as any mail without a record
        reply_to = self.sudo().message_get_reply_to([self.id], default=False).get(self.id)
        if reply_to:
            mail['reply_to'] = reply_to
        if values['author'] and values['author'].email:
            mail.update(author_id=values['author'].partner_id.id, email_from=values['author'].email_formatted)
        return self.env['mail.mail'].sudo().create(mail)
