# -*- coding: utf-8 -*-
from odoo import _, api, models
from odoo.exceptions import UserError


class CrmApprovalRequest(models.Model):
    """The applicant's actions on a request (submit, approve, reject... are the
    approval engine's): cancel, reopen as a draft; and what a rejection does to a
    request (it ends rejected, not back in draft)."""
    _inherit = 'crm.approval.request'

    def _crm_start_request_action(self, states, message):
        """The user may act and change these requests (the applicant), they are locked
        against concurrent decisions and in one of ``states``."""
        self.env.user._crm_check_can_act()
        if not self:
            raise UserError(_('Choose a request.'))
        self.check_access_rights('write')
        self.check_access_rule('write')
        self._crm_lock()
        self._crm_check_state(states, message)

    @api.multi
    def action_cancel(self):
        """The applicant withdraws a draft or a request waiting for approval."""
        self._crm_start_request_action(
            ('draft', 'waiting'), _('"%s" cannot be cancelled: only drafts and requests '
                                    'waiting for approval can.'))
        for rec in self:
            rec._crm_withdraw_reviews()
            rec._crm_action_write({'state': 'cancelled'})
            rec._crm_post(_('Cancelled by %s.') % self.env.user.name)
        return True

    @api.multi
    def action_reset_draft(self):
        """A rejected or cancelled request becomes a draft again (to correct and submit
        it again)."""
        self._crm_start_request_action(
            ('rejected', 'cancelled'), _('"%s" is neither rejected nor cancelled: it cannot '
                                         'be reopened.'))
        for rec in self:
            rec._crm_action_write({'state': 'draft'})
            rec._crm_post(_('Reopened as a draft by %s.') % self.env.user.name)
        return True

    # ------------------------------------------------------------------ engine hooks
    def _crm_after_reject(self, reason):
        self._crm_action_write({'state': 'rejected', 'reject_reason': reason})
        self._crm_withdraw_reviews()

    def _crm_rejected_text(self, review, reason):
        actor = self.env.user

        def rejected(self):
            return _('%s rejected %s: %s. The request is rejected.') % (
                actor.name, self._crm_tier_label(review), reason)
        return rejected
