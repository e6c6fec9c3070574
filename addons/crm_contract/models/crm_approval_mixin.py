# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import formatLang

from odoo.addons.crm_sales.grant import grant, granted, strip_grant
from odoo.addons.crm_sales.models.crm_guard import MAX_NUMBER


class CrmApprovalMixin(models.AbstractModel):
    """Approval of contracts and payments on OCA ``tier.validation``.

    What 11.0's tier module lacks is added here: the tiers are approved in the order
    of their definitions' sequence (only the reviewers of the current tier are asked,
    ``tier.review.crm_turn``); approving takes a comment and rejecting a required reason;
    every step is posted in the chatter; the reviewers whose turn it is get an activity;
    nobody approves a document they own or submitted (a tier whose only reviewers are
    the owner / submitter goes to the sales managers); concurrent decisions on one
    document are serialised by a row lock (``_crm_lock``).

    States: draft -> waiting -> approved (the model decides what follows); a rejection
    goes back to draft with ``reject_reason``. Inheriting models implement
    ``_crm_approval_check_ready`` (raise what prevents submitting) and
    ``_crm_on_approved``, and declare ``crm_review_user_ids`` (a stored many2many to
    res.users with a relation table of their own: everyone ever asked to review the
    document, who keeps reading it; the record rules test that indexed table)."""
    _name = 'crm.approval.mixin'
    _inherit = ['tier.validation']
    _description = 'CRM Approval'
    _state_field = 'state'
    _state_from = ['waiting']
    _state_to = ['approved']
    _cancel_state = 'cancelled'

    submitted_by_id = fields.Many2one('res.users', 'Submitted by', readonly=True, copy=False)
    submitted_at = fields.Datetime('Submitted on', readonly=True, copy=False)
    approved_at = fields.Datetime('Approved on', readonly=True, copy=False)
    reject_reason = fields.Text('Reason for Rejection', readonly=True, copy=False)
    crm_turn_label = fields.Char('Waiting for', compute='_compute_crm_turn')
    crm_can_review = fields.Boolean('Can Review', compute='_compute_crm_turn')
    crm_my_turn = fields.Boolean('Waiting for My Approval', compute='_compute_crm_turn',
                                 search='_search_crm_my_turn')
    crm_approved_by_me = fields.Boolean('Approved by Me', compute='_compute_crm_turn',
                                        search='_search_crm_approved_by_me')
    review_count = fields.Integer('Reviews', compute='_compute_crm_turn')

    # ------------------------------------------------------------------ computed
    def _crm_turn_reviews(self):
        """The pending reviews of the tier whose turn it is (empty when none)."""
        self.ensure_one()
        return self.sudo().review_ids.filtered(lambda r: r.crm_turn and r.status == 'pending')

    def _crm_excluded_reviewers(self):
        """Users who may never approve this document: its owner and its submitter."""
        self.ensure_one()
        record = self.sudo()
        return record[self._crm_approval_owner_field] | record.submitted_by_id

    def _crm_turn_users(self):
        self.ensure_one()
        return self._crm_turn_reviews().mapped('reviewer_ids') - self._crm_excluded_reviewers()

    def _compute_crm_turn(self):
        user = self.env.user
        for rec in self:
            reviews = rec.sudo().review_ids
            turn_users = rec._crm_turn_users() if rec.state == 'waiting' else self.env['res.users']
            rec.crm_can_review = user in turn_users
            rec.crm_my_turn = rec.crm_can_review
            rec.crm_approved_by_me = bool(reviews.filtered(
                lambda r: r.status == 'approved' and r.done_by == user))
            rec.review_count = len(reviews)
            if rec.state == 'waiting' and turn_users:
                turn = rec._crm_turn_reviews()[:1]
                rec.crm_turn_label = _('Tier %s (%s): %s') % (
                    turn.sequence, turn.name or '', _(', ').join(turn_users.mapped('name')))
            else:
                rec.crm_turn_label = False

    def _crm_review_sql(self, condition, waiting=False):
        """Sub-select of the ids of this model's documents having a review that matches
        ``condition`` (SQL on ``r`` = tier_review and ``rel`` = its reviewers);
        ``waiting``: only documents waiting for approval."""
        join = ('JOIN "%s" d ON d.id = r.res_id AND d.state = \'waiting\' ' % self._table
                if waiting else '')
        return ("SELECT r.res_id FROM tier_review r "
                "JOIN res_users_tier_review_rel rel ON rel.tier_review_id = r.id " + join +
                "WHERE r.model = %s AND " + condition)

    @api.model
    def _search_crm_my_turn(self, operator, value):
        sql = self._crm_review_sql(
            "rel.res_users_id = %s AND r.crm_turn AND r.status = 'pending' "
            "AND r.crm_owner_id IS DISTINCT FROM rel.res_users_id "
            "AND r.requested_by IS DISTINCT FROM rel.res_users_id", waiting=True)
        # a few hundred ids at most: the list then reads those rows by primary key
        self.env.cr.execute(sql, (self._name, self.env.uid))
        ids = [row[0] for row in self.env.cr.fetchall()]
        positive = (operator == '=') == bool(value)
        return [('id', 'in' if positive else 'not in', ids)]

    @api.model
    def _search_crm_approved_by_me(self, operator, value):
        sql = ("SELECT r.res_id FROM tier_review r WHERE r.model = %s "
               "AND r.done_by = %s AND r.status = 'approved'")
        positive = (operator == '=') == bool(value)
        return [('id', 'inselect' if positive else 'not inselect',
                 (sql, (self._name, self.env.uid)))]

    # ------------------------------------------------------------------ tier.validation
    def _crm_refuse_direct(self):
        raise UserError(_('Use the buttons "Submit for Approval", "Approve" and "Reject": '
                          'they record who decided, when and why.'))

    @api.multi
    def request_validation(self):
        if not granted(self, 'approval'):
            self._crm_refuse_direct()
        return super(CrmApprovalMixin, self).request_validation()

    @api.multi
    def restart_validation(self):
        self._crm_refuse_direct()

    def _crm_check_tier_arg(self, tier):
        if not isinstance(tier, models.BaseModel) or tier._name != 'tier.definition':
            raise UserError(_('Approval tiers are evaluated by "Submit for Approval" itself.'))

    @api.multi
    def evaluate_tier(self, tier):
        self._crm_check_tier_arg(tier)
        tier._crm_check_python_author()
        # the condition runs as the submitting user, without the grants of the submit
        plain = self.with_context(strip_grant(self.env.context))
        return super(CrmApprovalMixin, plain).evaluate_tier(tier)

    @api.multi
    def evaluate_formula_tier(self, tier):
        self._crm_check_tier_arg(tier)
        return super(CrmApprovalMixin, self).evaluate_formula_tier(tier)

    @api.multi
    def validate_tier(self):
        """OCA's approve button: the same as ``action_approve`` without a comment."""
        return self.action_approve()

    @api.multi
    def reject_tier(self):
        raise UserError(_('Please give the reason for the rejection (button "Reject").'))

    def _notify_review_requested(self, tier_reviews):
        """The chatter line and activities are posted by ``_crm_ask_turn``."""
        return True

    def _update_counter(self):
        """The systray counter of base_tier_validation, sent once per transaction."""
        if not granted(self, 'no_bus'):
            super(CrmApprovalMixin, self)._update_counter()

    # ------------------------------------------------------------------ helpers
    def _crm_money(self, amount):
        """An amount as users read it: ¥ 60,000.00 (company currency)."""
        return formatLang(self.env, amount or 0.0, currency_obj=self.env.user.company_id.currency_id)

    def _crm_check_size(self, *amounts):
        """Amounts beyond any real contract (and beyond what a float keeps to the
        cent) are refused."""
        if any(abs(a or 0.0) > MAX_NUMBER for a in amounts):
            raise ValidationError(_('%s is more than any contract can hold: check the amount '
                                    '(at most %s).') % (
                self._crm_money(max(abs(a or 0.0) for a in amounts)), self._crm_money(MAX_NUMBER)))

    def _crm_now(self):
        return self.env['crm.clock'].now_str()

    def _crm_action_write(self, vals):
        return grant(self.sudo(), 'action_write', 'approval').write(vals)

    def _crm_post(self, body):
        self.sudo().message_post(body=body, subtype='mail.mt_note',
                                 author_id=self.env.user.partner_id.id)

    def _crm_check_state(self, states, message):
        for rec in self:
            if rec.state not in states:
                raise UserError(message % rec.display_name)

    # ------------------------------------------------------------------ submit
    @api.multi
    def action_submit(self):
        """Submit drafts for approval: the tiers whose condition holds are created and
        the first one's reviewers asked; without any tier the document is approved at
        once. Only someone who may edit the document submits it."""
        self.env.user._crm_check_can_act()
        if not self:
            raise UserError(_('Choose what to submit.'))
        self.check_access_rights('write')
        self.check_access_rule('write')
        self._crm_lock()
        self._crm_check_state(('draft',), _('"%s" is not a draft: only drafts can be submitted.'))
        for rec in self:
            rec._crm_approval_check_ready()
            rec._crm_submit_one()
        return True

    def _crm_submit_one(self):
        self.ensure_one()
        grant(self.sudo(), 'approval', 'action_write', 'no_bus').review_ids.unlink()
        self._crm_action_write({'state': 'waiting', 'submitted_by_id': self.env.uid,
                                'submitted_at': self._crm_now(), 'reject_reason': False})
        reviews = grant(self, 'approval', 'no_bus').request_validation()
        if not reviews:
            self._crm_post(_('Submitted by %s; no approval is needed.') % self.env.user.name)
            return self._crm_approve_done()
        self._crm_prepare_reviews(reviews.sudo())
        self._crm_post(_('Submitted for approval by %s (%d tiers).') % (
            self.env.user.name, len(reviews)))
        self._crm_ask_turn()
        return True

    def _crm_prepare_reviews(self, reviews):
        """Number the tiers in the order of their definitions, remember whose document
        it is, and give a tier nobody else may approve to the sales managers."""
        excluded = self._crm_excluded_reviewers()
        managers = self.env.ref('crm_sales.group_crm_manager').sudo().users.filtered('active')
        ordered = reviews.sorted(lambda r: (r.definition_id.sequence, r.definition_id.id))
        owner = self.sudo()[self._crm_approval_owner_field]
        team = self.sudo().team_id
        for index, review in enumerate(ordered, 1):
            vals = {'sequence': index, 'requested_by': self.env.uid,
                    'crm_owner_id': owner.id, 'crm_team_id': team.id, 'crm_turn': False}
            if not (review.reviewer_ids - excluded):
                vals['reviewer_ids'] = [(6, 0, (managers - excluded).ids)]
            grant(review, 'approval').write(vals)
        grant(self.sudo(), 'action_write').write({
            'crm_review_user_ids': [(4, uid) for uid in ordered.mapped('reviewer_ids').ids]})

    def _crm_ask_turn(self):
        """Mark the next pending tier as the current one and give its reviewers an
        activity; returns False when no tier is pending."""
        self.ensure_one()
        reviews = grant(self.sudo().review_ids, 'approval')
        reviews.filtered('crm_turn').write({'crm_turn': False})
        pending = reviews.filtered(lambda r: r.status == 'pending')
        if not pending:
            return False
        turn = pending.sorted(lambda r: (r.sequence, r.id))[0]
        turn.write({'crm_turn': True})
        users = turn.reviewer_ids - self._crm_excluded_reviewers()
        for user in users:
            self._crm_schedule_activity(
                user, _('Approve %s (tier %d: %s)') % (self.display_name, turn.sequence,
                                                      turn.name or ''),
                'crm_contract.mail_activity_data_crm_approval')
        self.sudo().message_subscribe_users(users.ids)
        self._update_counter()
        return True

    def _crm_schedule_activity(self, user, summary, activity_type='mail.mail_activity_data_todo',
                               deadline=None):
        """One activity for ``user`` on this document, due ``deadline`` (default today)."""
        self.ensure_one()
        self.env['mail.activity'].sudo().create({
            'res_model_id': self.env['ir.model']._get_id(self._name),
            'res_id': self.id,
            'activity_type_id': self.env.ref(activity_type).id,
            'summary': summary[:250],
            'user_id': user.id,
            'date_deadline': deadline or self.env['crm.clock'].today_str(),
        })

    def _crm_close_review_activities(self, feedback):
        """Mark the approval activities of this document (those of the tier just
        decided) done."""
        activities = self.env['mail.activity'].sudo().search([
            ('res_model', '=', self._name), ('res_id', 'in', self.ids),
            ('activity_type_id', '=', self.env.ref(
                'crm_contract.mail_activity_data_crm_approval').id)])
        if activities:
            # the "done" note is rendered in the deciding user's language, also over
            # XML-RPC calls that carry no context
            activities.with_context(lang=self.env.user.lang).action_feedback(feedback=feedback)

    def _crm_withdraw_reviews(self, feedback):
        """The document leaves the approval (cancelled): nobody is asked any more."""
        grant(self.sudo().review_ids.filtered('crm_turn'), 'approval').write({'crm_turn': False})
        self._crm_close_review_activities(feedback)

    # ------------------------------------------------------------------ decide
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

    @api.multi
    def action_approve(self, comment=False):
        """Approve the current tier (the caller must be one of its reviewers) with an
        optional ``comment``; after the last tier the document is approved."""
        self.env.user._crm_check_can_act()
        comment = self.env['crm.guard']._arg_text(comment, _('the comment'), required=False)
        if not self:
            raise UserError(_('Choose what to approve.'))
        self._crm_lock()
        for rec in self:
            review = rec._crm_check_turn()
            grant(review.sudo(), 'approval').write({
                'status': 'approved', 'done_by': self.env.uid,
                'reviewed_date': rec._crm_now(), 'comment': comment or False,
                'crm_turn': False})
            rec._crm_close_review_activities(comment or _('Approved'))
            rec._crm_post(_('Tier %d (%s) approved by %s.%s') % (
                review.sequence, review.name or '', self.env.user.name,
                (' ' + _('Comment: %s') % comment) if comment else ''))
            if not rec._crm_ask_turn():
                rec._crm_approve_done()
        return True

    @api.multi
    def action_reject(self, reason):
        """Reject the current tier with a required ``reason``: the document goes back
        to draft and shows the reason."""
        self.env.user._crm_check_can_act()
        reason = self.env['crm.guard']._arg_text(reason, _('the reason for the rejection'))
        if not self:
            raise UserError(_('Choose what to reject.'))
        self._crm_lock()
        for rec in self:
            review = rec._crm_check_turn()
            grant(review.sudo(), 'approval').write({
                'status': 'rejected', 'done_by': self.env.uid,
                'reviewed_date': rec._crm_now(), 'comment': reason, 'crm_turn': False})
            rec._crm_close_review_activities(_('Rejected: %s') % reason)
            rec._crm_action_write({'state': 'draft', 'reject_reason': reason})
            rec._crm_post(_('Tier %d (%s) rejected by %s. Reason: %s') % (
                review.sequence, review.name or '', self.env.user.name, reason))
            owner = rec.sudo()[rec._crm_approval_owner_field]
            if owner:
                rec._crm_schedule_activity(owner, _('Rejected: %s') % reason)
            rec._update_counter()
        return True

    def _crm_approve_done(self):
        self.ensure_one()
        self._crm_action_write({'state': 'approved', 'approved_at': self._crm_now()})
        self._crm_post(_('Approved.'))
        self._crm_on_approved()
        return True

    # ------------------------------------------------------------------ hooks
    def _crm_approval_check_ready(self):
        """Raise a UserError naming what prevents submitting this document."""
        return True

    def _crm_on_approved(self):
        """Called once the last tier approved (or at submit when none applies)."""
        return True

    # ------------------------------------------------------------------ UI
    @api.multi
    def action_open_review_wizard(self):
        self.ensure_one()
        decision = self.env.context.get('crm_decision', 'approve')
        return {
            'type': 'ir.actions.act_window',
            'name': _('Approve') if decision == 'approve' else _('Reject'),
            'res_model': 'crm.review.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_res_model': self._name, 'default_res_id': self.id,
                        'default_decision': decision if decision in ('approve', 'reject')
                        else 'approve'},
        }

    @api.multi
    def action_view_reviews(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Reviews'),
            'res_model': 'tier.review',
            'view_mode': 'tree,form',
            'domain': [('model', '=', self._name), ('res_id', '=', self.id)],
            'context': {'create': False},
        }
