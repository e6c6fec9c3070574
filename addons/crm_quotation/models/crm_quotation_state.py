# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmQuotation(models.Model):
    """What happens to a quote after its approval: sent to the customer (frozen from
    then on), accepted or declined by the customer, expired after its validity date
    (a daily cron, by ``crm.clock``), or cancelled. Each change is a button: the
    action checks the user and the state, then writes with its own grant."""
    _inherit = 'crm.quotation'

    sent_at = fields.Datetime('Sent on', readonly=True, copy=False)
    closed_at = fields.Datetime('Answered on', readonly=True, copy=False,
                                help='When the customer accepted or declined it.')
    customer_comment = fields.Text("Customer's Answer", readonly=True, copy=False)
    customer_signer = fields.Char(
        'Answered by', readonly=True, copy=False,
        help='The name the customer gave when answering through the customer link.')
    answered_online = fields.Boolean(
        'Answered Online', readonly=True, copy=False,
        help='The customer answered through the customer link (else staff recorded it).')

    def _crm_start_action(self, states, message):
        """Common start of a state change: the user may act and write these quotes,
        they are locked against concurrent changes and in one of ``states``."""
        self.env.user._crm_check_can_act()
        if not self:
            raise UserError(_('Choose a quotation.'))
        self.check_access_rights('write')
        self.check_access_rule('write')
        self._crm_lock()
        self._crm_check_state(states, message)

    @api.multi
    def action_send(self):
        """Mark approved quotes as sent to the customer: from now on they are frozen
        (a change is a new version, "Revise"), and their customer link answers
        (``customer_url``; "Send by E-mail" mails it and calls this)."""
        self._crm_start_action(('approved',), _('"%s" is not approved: only an approved '
                                                'quotation is sent to the customer.'))
        self._crm_check_still_valid()
        self._crm_ensure_token()
        for rec in self:
            rec._crm_action_write({'state': 'sent', 'sent_at': rec._crm_now()})
            rec._crm_post(_('Sent to the customer by %s.') % self.env.user.name)
        return True

    @api.multi
    def action_accept(self, comment=False):
        """The customer accepted the quote (recorded by its owner)."""
        comment = self.env['crm.guard']._arg_text(comment, _('the comment'), required=False)
        self._crm_start_action(('sent',), _('"%s" has not been sent (or was already answered, '
                                            'revised or expired): only a sent quotation can be '
                                            'accepted.'))
        for rec in self:
            rec._crm_answer('accepted', comment, _('Accepted by the customer (recorded by %s)')
                            % self.env.user.name)
        return True

    @api.multi
    def action_customer_accepted(self):
        """The form's button: ``action_accept`` without a comment."""
        return self.action_accept()

    @api.multi
    def action_decline(self, reason):
        """The customer declined the quote; ``reason`` is required."""
        reason = self.env['crm.guard']._arg_text(reason, _('the reason'))
        self._crm_start_action(('sent',), _('"%s" has not been sent (or was already answered, '
                                            'revised or expired): only a sent quotation can be '
                                            'declined.'))
        for rec in self:
            rec._crm_answer('declined', reason, _('Declined by the customer (recorded by %s)')
                            % self.env.user.name)
        return True

    @api.multi
    def action_open_decline_wizard(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Customer Declined'),
            'res_model': 'crm.quotation.decline.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_quotation_id': self.id},
        }

    def _crm_answer(self, state, comment, text=None, signer=False):
        """The customer's answer (``accepted`` / ``declined``), written by the action
        that checked who answers and the state: by staff (``action_accept`` /
        ``action_decline``, ``text`` posted by them) or by the customer through the
        link (``signer``: the name they typed; ``_crm_customer_answer`` posts it)."""
        self.ensure_one()
        self._crm_action_write({'state': state, 'closed_at': self._crm_now(),
                                'customer_comment': comment or False,
                                'customer_signer': signer or False,
                                'answered_online': bool(signer)})
        if text:
            self._crm_post(text + (_(': %s') % comment if comment else '.'))

    @api.multi
    def action_cancel(self):
        """Cancel quotes that are not answered yet."""
        self._crm_start_action(('draft', 'waiting', 'approved', 'sent'),
                               _('"%s" cannot be cancelled in its current state.'))
        for rec in self:
            rec._crm_withdraw_reviews(_('Cancelled'))
            rec._crm_action_write({'state': 'cancelled'})
            rec._crm_post(_('Cancelled by %s.') % self.env.user.name)
        return True

    # ------------------------------------------------------------------ expiry
    @api.model
    def _cron_quotation_expire(self):
        """Daily: sent quotes past their validity date (by ``crm.clock``) expire, and
        their owner gets an activity to follow up. One quote per savepoint, committed
        one by one (``crm.cron.run``)."""
        def body(run):
            run._crm_each(self._crm_to_expire(), lambda q: q._crm_expire_one())
        self.env['crm.cron.run']._crm_run('crm_quotation.ir_cron_quotation_expire', body)
        return True

    @api.model
    def _crm_to_expire(self):
        today = self.env['crm.clock'].today_str()
        return self.sudo().search([('state', '=', 'sent'), ('validity_date', '<', today)])

    def _crm_expire_one(self):
        self.ensure_one()
        if self.state != 'sent':   # answered or revised meanwhile
            return False
        self._crm_action_write({'state': 'expired'})
        self.sudo().message_post(body=_('Expired: it was valid until %s.') % self.validity_date,
                                 subtype='mail.mt_note')
        owner = self.env['res.users']._crm_active_recipient([
            self.sudo().user_id, self.sudo().partner_id.commercial_partner_id.user_id,
            self.sudo().team_id.user_id])
        if owner:
            self._crm_schedule_activity(
                owner, _('%s expired without an answer: follow up or revise it')
                % self.display_name)
        return True
