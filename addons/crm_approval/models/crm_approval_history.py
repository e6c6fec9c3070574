# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.tools import html_escape


class CrmApprovalMixin(models.AbstractModel):
    """The history of an approval as a timeline (who, what, when, comment), and the
    buttons opening the decision wizard."""
    _inherit = 'crm.approval.mixin'

    crm_approval_timeline = fields.Html('Approval Timeline', compute='_compute_crm_timeline',
                                        sanitize=False)

    def _crm_log(self, action, review=None, comment=None, targets=None):
        self.ensure_one()
        self.env['crm.approval.log'].sudo().create({
            'res_model': self._name, 'res_id': self.id, 'action': action,
            'user_id': self.env.uid, 'date': self._crm_now(),
            'tier_sequence': review.sequence if review else 0,
            'tier_name': review.name if review else False,
            'target_user_ids': [(6, 0, targets.ids)] if targets else False,
            'comment': comment or False})
        self._crm_operation_log(action, review=review, comment=comment, targets=targets)

    def _compute_crm_timeline(self):
        logs = self.env['crm.approval.log'].sudo().search([
            ('res_model', '=', self._name), ('res_id', 'in', self.ids)])
        labels = dict(logs._fields['action']._description_selection(self.env))
        for rec in self:
            mine = logs.filtered(lambda l: l.res_id == rec.id)
            rec.crm_approval_timeline = rec._crm_render_timeline(mine, labels) if mine else False

    def _crm_render_timeline(self, logs, labels):
        items = []
        for log in logs:
            when = fields.Datetime.context_timestamp(
                self, fields.Datetime.from_string(log.date)).strftime('%Y-%m-%d %H:%M')
            what = labels.get(log.action, log.action)
            if log.tier_sequence:
                what += ' · ' + _('tier %d (%s)') % (log.tier_sequence, log.tier_name or '')
            if log.target_user_ids:
                what += ' → ' + _(', ').join(log.target_user_ids.mapped('name'))
            comment = ('<div class="text-muted">%s</div>' % html_escape(log.comment)
                       if log.comment else '')
            items.append(
                '<li class="crm_timeline_step crm_timeline_%s"><span class="text-muted">%s'
                '</span> <strong>%s</strong> %s%s</li>' % (
                    log.action, when, html_escape(log.user_id.name), html_escape(what), comment))
        return '<ul class="list-unstyled crm_approval_timeline">%s</ul>' % ''.join(items)

    # ------------------------------------------------------------------ UI
    @api.multi
    def action_open_review_wizard(self):
        self.ensure_one()
        wizard = self.env['crm.review.wizard']
        decisions = dict(wizard._fields['decision']._description_selection(self.env))
        decision = self.env.context.get('crm_decision')
        decision = decision if decision in decisions else 'approve'
        return {
            'type': 'ir.actions.act_window',
            'name': decisions[decision],
            'res_model': 'crm.review.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_res_model': self._name, 'default_res_id': self.id,
                        'default_decision': decision},
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
