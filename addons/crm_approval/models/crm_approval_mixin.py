# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import formatLang

from odoo.addons.crm_sales.grant import grant, granted, strip_grant
from odoo.addons.crm_sales.models.crm_guard import MAX_NUMBER
from odoo.addons.crm_sales.models.mail_thread import partners_by_lang


class CrmApprovalMixin(models.AbstractModel):
    """Approval of contracts and payments on OCA ``tier.validation``.

    What 11.0's tier module lacks is added here: the tiers are approved in the order
    of their definitions' sequence (only the reviewers of the current tier are asked,
    ``tier.review.crm_turn``); what waits for a user's decision is ``crm_my_turn`` (one
    inbox, one count: no activities); the decisions (crm_approval_decide.py) each post
    one message by the user who decided and write one step of the history
    (crm_approval_history.py); tiers are configured with pickers
    (crm_approval_conditions.py); nobody approves a document they own or submitted (a tier whose only reviewers are
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
        if tier.definition_type == 'crm_conditions':
            return self._crm_tier_applies(tier)
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
        """The submit posts its own message (``_crm_submit_one``)."""
        return True

    def _update_counter(self):
        """base_tier_validation's systray is replaced by the to-do (one inbox, one
        count): nothing listens to its bus channel."""
        return True

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
        # no tracking message (it would be authored by the superuser): every action
        # posts its own message, by the user who acted
        return grant(self.sudo().with_context(mail_notrack=True), 'action_write',
                     'approval').write(vals)

    def _crm_transfer_with_customer(self, new_user, author_id, message):
        """These documents move with their customer to ``new_user`` (crm_sales'
        ``res.partner._crm_transfer_related``, "with its opportunities"): owner and team
        (the new owner's, else the document's), a note per document (``message``, a
        translated text with the old and new owner's names as ``%s``), and their
        reviews' owner and team (the review rules read them). Returns the moved
        documents' {id: (old owner, new scope)} for the caller's related records."""
        moved = {}
        for rec in self.sudo():
            old = rec.user_id
            scope = {'user_id': new_user.id,
                     'team_id': new_user.sale_team_id.id or rec.team_id.id}
            rec._crm_action_write(scope)
            rec.message_post(author_id=author_id, subtype='mail.mt_note',
                             body=message % (old.name or _('nobody'), new_user.name))
            moved[rec.id] = (old, scope)
        for rec in self:
            rec._crm_transfer_reviews(moved[rec.id][1])
        return moved

    def _crm_transfer_reviews(self, scope):
        """The reviews of these documents follow their new ``scope`` ({'user_id',
        'team_id'}): the review rules read their owner and team."""
        if self:
            grant(self.env['tier.review'].sudo(), 'approval').search([
                ('model', '=', self._name), ('res_id', 'in', self.ids)]).write(
                {'crm_owner_id': scope['user_id'], 'crm_team_id': scope['team_id']})

    def _crm_post(self, body):
        self.sudo().message_post(body=body, subtype='mail.mt_note',
                                 author_id=self.env.user.partner_id.id)

    def _crm_notify(self, body, users=None, subject=None, kind=None):
        """The chatter message of an approval step, by the user who acted; the ``users``
        concerned (the submitter, the next reviewers) and the followers get it in their
        inbox and by e-mail, never the user who acted, each in their own language:
        one message when they all read the same language (else one per language,
        each to its readers). ``body``: the text, or a function of the record that
        writes it with ``_()`` (``def body(self): return _(...)``), called with the
        readers' language in the context. ``subject``: a key of
        ``_crm_approval_subject_text`` (the e-mail's subject names the document);
        ``kind``: the ``crm.notify.kind`` whose switch decides whether it is mailed
        (switched off: inbox and chatter only). Nobody concerned: a note in the acting
        user's language."""
        partners = (users or self.env['res.users']).filtered('active').mapped('partner_id')
        partners -= self.env.user.partner_id
        write = body if callable(body) else (lambda record: body)
        # e-mails go out with the mail queue, not inside the reviewer's click
        record = self.sudo().with_context(mail_notify_force_send=False)
        if kind and not self.env['crm.notify.kind']._crm_mail_on(kind):
            record = grant(record, 'no_mail')
        if not partners:
            groups = {self._crm_actor_lang(): partners}
        else:
            readers = partners | self._crm_comment_followers() - self.env.user.partner_id
            groups = partners_by_lang(readers, self._crm_actor_lang())
        several = len(groups) > 1
        for lang in sorted(groups):
            text = self.with_context(lang=lang)
            if several:
                # each message to its readers only, not to the followers of discussions
                subtype, recipients = 'mail.mt_note', groups[lang]
            else:
                subtype, recipients = 'mail.mt_comment' if partners else 'mail.mt_note', partners
            record.with_context(lang=lang).message_post(
                body=write(text), author_id=self.env.user.partner_id.id, message_type='comment',
                subtype=subtype, partner_ids=recipients.ids,
                subject=subject and text._crm_approval_subject_text(subject) or None)

    def _crm_comment_followers(self):
        """The partners following this document's discussions (mailed with them)."""
        comment = self.env.ref('mail.mt_comment')
        return self.sudo().message_follower_ids.filtered(
            lambda f: comment in f.subtype_ids).mapped('partner_id')

    def _crm_actor_lang(self):
        """The language of the acting user (an XML-RPC call sends none)."""
        return self.env.lang or self.env.user.lang or 'zh_CN'

    def _crm_approval_subject_text(self, key):
        doc = self.env['ir.model']._get(self._name).name or self._description
        texts = {
            'request': _('%(doc)s awaiting approval: %(name)s'),
            'approved': _('%(doc)s approved: %(name)s'),
            'rejected': _('%(doc)s rejected: %(name)s'),
            'returned': _('%(doc)s returned: %(name)s'),
        }
        return texts[key] % {'doc': doc, 'name': self.sudo().display_name}

    def _crm_check_state(self, states, message):
        for rec in self:
            if rec.state not in states:
                raise UserError(message % rec.display_name)

    # ------------------------------------------------------------------ submit    @api.multi
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
            self._crm_log('submit')
            actor = self.env.user

            def submitted(self):
                return _('Submitted by %s; no approval is needed.') % actor.name
            self._crm_notify(submitted, subject='approved')
            return self._crm_approve_done()
        self._crm_prepare_reviews(reviews.sudo())
        turn = self._crm_ask_turn()
        self._crm_log('submit', turn)
        users = self._crm_turn_users()
        actor = self.env.user

        def submitted(self):
            return _('%s submitted it for approval: %s waits for %s.') % (
                actor.name, self._crm_tier_label(turn), _(', ').join(users.mapped('name')))
        self._crm_notify(submitted, users, subject='request', kind='approval_request')
        return True

    def _crm_prepare_reviews(self, reviews):
        """Number the tiers in the order of their definitions, remember whose document
        it is, and give a tier nobody else may approve to the sales managers. The
        superuser (系统管理员) reviews only a tier naming him."""
        excluded = self._crm_excluded_reviewers()
        managers = self._crm_role_users(self.env.ref('crm_sales.group_crm_manager'))
        ordered = reviews.sorted(lambda r: (r.definition_id.sequence, r.definition_id.id))
        owner = self.sudo()[self._crm_approval_owner_field]
        team = self.sudo().team_id
        for index, review in enumerate(ordered, 1):
            definition = review.definition_id
            named = definition.reviewer_id | definition.crm_reviewer_user_ids
            reviewers = review.reviewer_ids.filtered(
                lambda u: u.active and (u.id != SUPERUSER_ID or u in named))
            if not (reviewers - excluded):
                reviewers = managers - excluded
            grant(review, 'approval').write({
                'sequence': index, 'requested_by': self.env.uid, 'crm_owner_id': owner.id,
                'crm_team_id': team.id, 'crm_turn': False,
                'reviewer_ids': [(6, 0, reviewers.ids)]})
        self._crm_add_review_users(ordered.mapped('reviewer_ids'))

    def _crm_add_review_users(self, users):
        """Everyone ever asked keeps reading the document (record rules)."""
        grant(self.sudo(), 'action_write').write({
            'crm_review_user_ids': [(4, uid) for uid in users.ids]})

    @api.model
    def _crm_role_users(self, group):
        """The active users of a role, without the superuser."""
        return group.sudo().users.filtered(lambda u: u.active and u.id != SUPERUSER_ID)

    def _crm_ask_turn(self):
        """Mark the first pending tier as the current one; returns its review (empty
        when no tier is pending)."""
        self.ensure_one()
        reviews = grant(self.sudo().review_ids, 'approval')
        pending = reviews.filtered(lambda r: r.status == 'pending')
        turn = pending.sorted(lambda r: (r.sequence, r.id))[:1]
        stale = reviews.filtered('crm_turn') - turn
        if stale:
            stale.write({'crm_turn': False})
        if turn and not turn.crm_turn:
            turn.write({'crm_turn': True})
        return turn

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

    def _crm_drop_review_activities(self):
        """Approvals wait in the to-do (one inbox): approval activities of earlier
        versions are removed, without a message."""
        activity_type = self.env.ref('crm_approval.mail_activity_data_crm_approval',
                                     raise_if_not_found=False)
        if activity_type and self.ids:
            self.env['mail.activity'].sudo().search([
                ('res_model', '=', self._name), ('res_id', 'in', self.ids),
                ('activity_type_id', '=', activity_type.id)]).unlink()

    @api.model
    def _crm_drop_all_review_activities(self):
        """Called on update: the approval activities of earlier versions go."""
        activity_type = self.env.ref('crm_approval.mail_activity_data_crm_approval',
                                     raise_if_not_found=False)
        if activity_type:
            self.env['mail.activity'].sudo().search([
                ('activity_type_id', '=', activity_type.id)]).unlink()
        return True

    def _crm_withdraw_reviews(self, feedback=None):
        """The document leaves the approval (cancelled): nobody is asked any more."""
        grant(self.sudo().review_ids.filtered('crm_turn'), 'approval').write({'crm_turn': False})
        self._crm_drop_review_activities()

    # ------------------------------------------------------------------ hooks
    def _crm_approval_check_ready(self):
        """Raise a UserError naming what prevents submitting this document."""
        return True

    def _crm_on_approved(self):
        """Called once the last tier approved (or at submit when none applies)."""
        return True
