# -*- coding: utf-8 -*-
"""Follow-up reminders: when a customer's or a lead's next contact time falls due, its
owner receives one e-mail (notice kind ``follow_up_due``), once per due time."""
from datetime import timedelta

from odoo import _, api, fields, models


#: due times older than this many days are not reminded any more (the first run after an
#: upgrade does not mail a year of overdue follow-ups)
REMIND_LOOKBACK_DAYS = 7
#: {model: what is still followed up}: customers; leads neither converted nor invalid and
#: opportunities not won (lost ones are archived)
REMIND_MODELS = {
    'res.partner': [('is_crm_customer', '=', True)],
    'crm.lead': [('lead_state', 'not in', ['converted', 'invalid']), ('probability', '!=', 100)],
}


class CrmFollowUpRemind(models.AbstractModel):
    _inherit = 'crm.follow.up.mixin'

    def _crm_follow_up_notice_values(self, partners):
        """The reminder e-mail (called in the owner's language)."""
        model = self.env['ir.model']._get(self._name).name or self._description
        user = self.user_id
        when = fields.Datetime.context_timestamp(
            self.with_context(tz=user.tz or self.env.context.get('tz') or 'Asia/Shanghai'),
            fields.Datetime.from_string(self.next_contact_at)).strftime('%Y-%m-%d %H:%M')
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url') or ''
        return {
            'subject': _('Follow-up due: %s') % self.display_name,
            'greeting': _('%s, hello:') % partners.name if len(partners) == 1 else _('Hello:'),
            'sentence': _('It is time to contact %(name)s again (next contact: %(when)s).') % {
                'name': self.display_name, 'when': when},
            'assigned_by': False,
            'button': _('Open the %s') % model,
            'url': '%s/mail/view?model=%s&res_id=%s' % (base, self._name, self.id),
            'author': self.env['res.users'],
        }


class CrmNotifyKindFollowUp(models.Model):
    _inherit = 'crm.notify.kind'

    @api.model
    def _cron_follow_up_reminders(self):
        """Mail the owners of the customers and leads whose next contact is due today
        (crm.clock, the company's day) or overdue by at most a week, once per due time;
        an owner who has left: the team leader, else a sales manager. Each record on its
        own (``crm.cron.run``: a failing one is recorded, the others go out). Returns the
        number of reminders sent."""
        if not self._crm_mail_on('follow_up_due'):
            return 0
        tz = self.env.user.tz or 'Asia/Shanghai'
        Mixin = self.env['crm.follow.up.mixin'].with_context(tz=tz)
        start, end = Mixin._crm_today_bounds()
        oldest = fields.Datetime.to_string(
            fields.Datetime.from_string(start) - timedelta(days=REMIND_LOOKBACK_DAYS))
        Log = self.env['crm.notify.log'].sudo()

        def body(run):
            for model, domain in sorted(REMIND_MODELS.items()):
                records = self.env[model].sudo().search(domain + [
                    ('next_contact_at', '>=', oldest), ('next_contact_at', '<', end),
                    ('user_id', '!=', False)], order='next_contact_at, id')
                sent_before = Log._crm_sent_keys('follow_up_due', records)
                due = records.filtered(lambda r: (r.id, r.next_contact_at) not in sent_before)
                run._crm_each(due, lambda record: self._crm_remind_follow_up(record, tz))
        run = self.env['crm.cron.run']._crm_run('crm_sales.ir_cron_crm_follow_up_reminders', body)
        return run.done_count

    @api.model
    def _crm_remind_follow_up(self, record, tz):
        """The reminder of ``record``'s due follow-up; False when there is nobody to
        remind or it went out already."""
        recipient = self.env['res.users']._crm_active_recipient(
            [record.user_id, record.team_id.user_id])
        if not recipient or not self.env['crm.notify.log'].sudo()._crm_claim(
                'follow_up_due', record, record.next_contact_at, recipient):
            return False
        record.with_context(tz=tz)._crm_send_notice(
            'follow_up_due', recipient, '_crm_follow_up_notice_values')
        return True
