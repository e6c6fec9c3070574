# -*- coding: utf-8 -*-
"""每日待办摘要: every morning, each salesperson (an active internal user working on
sales to-dos, with an address) gets one e-mail counting their to-dos -- the counters of
"My To-do" (``crm.todo.get_counts``, every module's), as that user sees them -- in their
own language, when there is something to do. Notice kind ``todo_digest``: off until the
CRM administrator switches it on (CRM > 配置 > 通知设置); once a day per user
(``crm.notify.log``); each user on their own (``crm.cron.run``)."""
from odoo import SUPERUSER_ID, _, api, models


class CrmNotifyKindDigest(models.Model):
    _inherit = 'crm.notify.kind'

    @api.model
    def _cron_todo_digest(self):
        """Mail each salesperson the day's digest of their to-dos (see the module
        docstring). Returns the number of digests sent."""
        if not self._crm_mail_on('todo_digest'):
            return 0
        users = self.env['res.users'].sudo().search(
            [('share', '=', False), ('id', '!=', SUPERUSER_ID)], order='id')
        users = users.filtered(lambda u: u.partner_id.email and u._crm_is_salesperson())
        run = self.env['crm.cron.run']._crm_run_each(
            'crm_sales.ir_cron_crm_todo_digest', users, self._crm_send_todo_digest)
        return run.done_count

    @api.model
    def _crm_todo_digest_counts(self, user):
        """[(label, count)] of ``user``'s non-empty to-do counters, as ``user`` sees them,
        labelled in their language."""
        todo = self.env['crm.todo'].sudo(user).with_context(
            lang=user.lang or 'zh_CN', tz=user.tz or 'Asia/Shanghai')
        counts = todo.get_counts()
        labels = todo.fields_get([n for n, v in counts.items() if v], ['string'])
        return [(labels[n]['string'], counts[n]) for n in todo._count_field_names()
                if counts.get(n) and n in labels]

    @api.model
    def _crm_send_todo_digest(self, user):
        """The digest of ``user`` for today (their day, crm.clock); False when they have
        nothing to do or had it already."""
        user = user.sudo()
        if not user.active:
            return False
        counts = self._crm_todo_digest_counts(user)
        if not counts:
            return False
        day = self.env['crm.clock'].with_context(tz=user.tz or 'Asia/Shanghai').today_str()
        if not self.env['crm.notify.log'].sudo()._crm_claim('todo_digest', user, day, user):
            return False
        partner = user.partner_id.with_context(lang=user.lang or 'zh_CN')
        return partner._crm_send_notice_mail(
            user.partner_id, partner.env['crm.notify.kind']._crm_todo_digest_values(user, counts))

    @api.model
    def _crm_todo_digest_values(self, user, counts):
        """The e-mail (``crm_sales.mail_assignment_body``), written in the context's
        language: "每日待办摘要：共 5 项" / "今日待联系客户 2，逾期未跟进 3。"."""
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url') or ''
        action = self.env.ref('crm_sales.action_crm_todo')
        items = _(', ').join(_('%(label)s %(count)s') % {'label': label, 'count': count}
                             for label, count in counts)
        return {
            'subject': _('Daily to-do digest: %s items') % sum(c for _l, c in counts),
            'greeting': _('%s, hello:') % user.name,
            'sentence': _('Your to-do today: %s.') % items,
            'assigned_by': False,
            'button': _('Open my to-do'),
            'url': '%s/web#action=%s' % (base, action.id),
            'author': self.env['res.users'],
        }
