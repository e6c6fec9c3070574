# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_sales.grant import grant


class CrmApprovalMixin(models.AbstractModel):
    """The decisions of a reviewer whose turn it is: approve (批准), reject (驳回),
    return (退回: to the previous tier, or to the submitter from the first), hand over
    (转办: another user reviews instead of me) and add a reviewer (加签: to the current
    tier). Each checks that the caller reviews the current tier (also over RPC), writes
    one step in the history (``crm.approval.log``) and posts one chatter message, by
    the user who decided, to the people concerned."""
    _inherit = 'crm.approval.mixin'

    # ------------------------------------------------------------------ checks
    def _crm_check_turn(self):
        """The review of the current tier that the user may decide, or an error."""
        self.ensure_one()
        user = self.env.user
        if self.state != 'waiting':
            raise UserError(_('"%s" is not waiting for approval (it may just have been '
                              'approved or rejected by someone else).') % self.display_name)
        if user in self._crm_excluded_reviewers() and user.id != SUPERUSER_ID:
            raise AccessError(_('You cannot approve or reject "%s": you own or submitted it.')
                              % self.display_name)
        turn = self._crm_turn_reviews()
        if not turn:
            raise UserError(_('"%s" has no tier waiting for a decision.') % self.display_name)
        mine = turn.filtered(lambda r: user in r.reviewer_ids)
        if not mine and user.id != SUPERUSER_ID:
            raise AccessError(_('It is not your turn to review "%s": it is waiting for %s.')
                              % (self.display_name, self.crm_turn_label or _('another tier')))
        return (mine or turn)[0]

    def _crm_start_decision(self, nothing_chosen):
        """Common start of every decision: the user may act, something is chosen, and
        concurrent decisions on these documents are serialised."""
        self.env.user._crm_check_can_act()
        if not self:
            raise UserError(nothing_chosen)
        self._crm_lock()

    def _crm_check_colleague(self, user_id, review):
        """The user a review is handed over or added to: an active salesperson who may
        review this document and is not reviewing this tier already."""
        user = self.env['crm.guard']._arg_record('res.users', user_id, _('the reviewer'))
        if not user.active or user.share or \
                not user.has_group('crm_sales.group_crm_salesman'):
            raise UserError(_('Choose an active colleague of the sales team.'))
        if user in self._crm_excluded_reviewers():
            raise UserError(_('%s owns or submitted "%s" and cannot review it.')
                            % (user.name, self.display_name))
        if user in review.reviewer_ids:
            raise UserError(_('%s already reviews this tier.') % user.name)
        return user

    # ------------------------------------------------------------------ labels
    @api.model
    def _crm_tier_label(self, review):
        """"第 2 级（销售经理审批）" in this environment's language."""
        if not review:
            return ''
        review = review.with_context(lang=self.env.lang)
        return _('tier %d (%s)') % (review.sequence, review.name or '')

    @api.model
    def _crm_with_comment(self, text, comment):
        return text + (_(': %s') % comment if comment else '')

    def _crm_concerned(self):
        """Who hears of every decision: the submitter and the owner."""
        record = self.sudo()
        return record.submitted_by_id | record[self._crm_approval_owner_field]

    # ------------------------------------------------------------------ approve
    @api.multi
    def action_approve(self, comment=False):
        """Approve the current tier (the caller must be one of its reviewers) with an
        optional ``comment``; after the last tier the document is approved."""
        comment = self.env['crm.guard']._arg_text(comment, _('the comment'), required=False)
        self._crm_start_decision(_('Choose what to approve.'))
        for rec in self:
            review = rec._crm_check_turn()
            grant(review.sudo(), 'approval').write({
                'status': 'approved', 'done_by': self.env.uid,
                'reviewed_date': rec._crm_now(), 'comment': comment or False,
                'crm_turn': False})
            rec._crm_log('approve', review, comment=comment)
            turn = rec._crm_ask_turn()
            if turn:
                users = rec._crm_turn_users()
                rec._crm_notify(rec._crm_approved_text(review, comment, turn, users),
                                rec._crm_concerned() | users, subject='request',
                                kind='approval_request')
            else:
                rec._crm_notify(rec._crm_approved_text(review, comment), rec._crm_concerned(),
                                subject='approved', kind='approval_result')
                rec._crm_approve_done()
        return True

    def _crm_approved_text(self, review, comment, turn=None, users=None):
        """The text of an approval (for ``_crm_notify``: written in the reader's
        language), with the next tier when there is one."""
        actor = self.env.user

        def approved(self):
            text = self._crm_with_comment(_('%s approved %s') % (
                actor.name, self._crm_tier_label(review)), comment)
            if turn:
                return text + _('. Next: %s, waiting for %s.') % (
                    self._crm_tier_label(turn), _(', ').join(users.mapped('name')))
            return text + _('. Approval complete: %s is approved.') % self.display_name
        return approved

    def _crm_approve_done(self):
        self.ensure_one()
        self._crm_action_write({'state': 'approved', 'approved_at': self._crm_now()})
        self._crm_drop_review_activities()
        self._crm_on_approved()
        return True

    # ------------------------------------------------------------------ reject
    @api.multi
    def action_reject(self, reason):
        """Reject the current tier with a required ``reason``: the document goes back
        to draft and shows the reason."""
        reason = self.env['crm.guard']._arg_text(reason, _('the reason for the rejection'))
        self._crm_start_decision(_('Choose what to reject.'))
        for rec in self:
            review = rec._crm_check_turn()
            grant(review.sudo(), 'approval').write({
                'status': 'rejected', 'done_by': self.env.uid,
                'reviewed_date': rec._crm_now(), 'comment': reason, 'crm_turn': False})
            rec._crm_log('reject', review, comment=reason)
            rec._crm_after_reject(reason)
            rec._crm_notify(rec._crm_rejected_text(review, reason), rec._crm_concerned(),
                            subject='rejected', kind='approval_result')
        return True

    def _crm_rejected_text(self, review, reason):
        actor = self.env.user

        def rejected(self):
            return _('%s rejected %s: %s. It goes back to draft.') % (
                actor.name, self._crm_tier_label(review), reason)
        return rejected

    def _crm_after_reject(self, reason):
        """What a rejection does to the document: by default it goes back to draft
        with the reason (approval requests end rejected)."""
        self._crm_back_to_draft(reason)

    def _crm_back_to_draft(self, reason):
        self._crm_action_write({'state': 'draft', 'reject_reason': reason})
        self._crm_withdraw_reviews()

    # ------------------------------------------------------------------ return
    @api.multi
    def action_return(self, reason):
        """退回: send the current tier back to the previous one (its reviewers decide
        again), or from the first tier back to the submitter (the document returns to
        draft). A reason is required."""
        reason = self.env['crm.guard']._arg_text(reason, _('the reason for returning it'))
        self._crm_start_decision(_('Choose what to return.'))
        for rec in self:
            review = rec._crm_check_turn()
            previous = rec.sudo().review_ids.filtered(
                lambda r: r.status == 'approved' and r.sequence < review.sequence
            ).sorted(lambda r: (r.sequence, r.id))[-1:]
            if previous:
                rec._crm_return_to_tier(review, previous, reason)
            else:
                rec._crm_return_to_submitter(review, reason)
        return True

    def _crm_return_to_tier(self, review, previous, reason):
        grant(previous, 'approval').write({'status': 'pending', 'done_by': False,
                                           'reviewed_date': False, 'comment': False})
        self._crm_log('return', review, comment=reason, targets=previous.reviewer_ids)
        self._crm_ask_turn()
        users = self._crm_turn_users()
        actor = self.env.user

        def returned(self):
            return _('%s returned %s to %s: %s') % (
                actor.name, self._crm_tier_label(review), self._crm_tier_label(previous), reason)
        self._crm_notify(returned, self._crm_concerned() | users, subject='returned',
                         kind='approval_request')

    def _crm_return_to_submitter(self, review, reason):
        submitter = self.sudo().submitted_by_id
        grant(review.sudo(), 'approval').write({
            'status': 'returned', 'done_by': self.env.uid, 'reviewed_date': self._crm_now(),
            'comment': reason, 'crm_turn': False})
        self._crm_log('return', review, comment=reason, targets=submitter)
        self._crm_back_to_draft(reason)
        actor = self.env.user

        def returned(self):
            return _('%s returned %s to the submitter %s: %s') % (
                actor.name, self._crm_tier_label(review), submitter.name, reason)
        self._crm_notify(returned, self._crm_concerned(), subject='returned',
                         kind='approval_result')

    # ------------------------------------------------------------------ hand over / add
    @api.multi
    def action_hand_over(self, user_id, comment=False):
        """转办: the caller stops reviewing the current tier and ``user_id`` reviews it
        instead."""
        comment = self.env['crm.guard']._arg_text(comment, _('the comment'), required=False)
        self._crm_start_decision(_('Choose what to hand over.'))
        for rec in self:
            review = rec._crm_check_turn()
            user = rec._crm_check_colleague(user_id, review)
            grant(review.sudo(), 'approval').write({
                'reviewer_ids': [(3, self.env.uid), (4, user.id)]})
            rec._crm_add_review_users(user)
            rec._crm_log('handover', review, comment=comment, targets=user)
            rec._crm_notify(rec._crm_handover_text(review, user, comment), user,
                            subject='request', kind='approval_request')
        return True

    @api.multi
    def action_add_reviewer(self, user_id, comment=False):
        """加签: ``user_id`` also reviews the current tier (any of its reviewers may
        decide it)."""
        comment = self.env['crm.guard']._arg_text(comment, _('the comment'), required=False)
        self._crm_start_decision(_('Choose where to add a reviewer.'))
        for rec in self:
            review = rec._crm_check_turn()
            user = rec._crm_check_colleague(user_id, review)
            grant(review.sudo(), 'approval').write({'reviewer_ids': [(4, user.id)]})
            rec._crm_add_review_users(user)
            rec._crm_log('add', review, comment=comment, targets=user)
            rec._crm_notify(rec._crm_added_text(review, user, comment), user,
                            subject='request', kind='approval_request')
        return True

    def _crm_handover_text(self, review, user, comment):
        actor = self.env.user

        def handed_over(self):
            return self._crm_with_comment(_('%s handed over %s to %s') % (
                actor.name, self._crm_tier_label(review), user.name), comment)
        return handed_over

    def _crm_added_text(self, review, user, comment):
        actor = self.env.user

        def added(self):
            return self._crm_with_comment(_('%s added %s to the reviewers of %s') % (
                actor.name, user.name, self._crm_tier_label(review)), comment)
        return added
