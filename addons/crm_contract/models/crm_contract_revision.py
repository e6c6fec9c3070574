# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.crm_sales.grant import grant


class CrmContract(models.Model):
    """Versions of a contract: "Change" copies an approved contract into a draft V2,
    V3...; when the new version is approved the previous one is superseded and the
    payment plans and payments move to the new version."""
    _inherit = 'crm.contract'

    root_id = fields.Many2one('crm.contract', 'First Version', readonly=True, copy=False,
                              index=True, ondelete='restrict')
    previous_id = fields.Many2one('crm.contract', 'Previous Version', readonly=True,
                                  copy=False, ondelete='restrict')
    version_ids = fields.Many2many('crm.contract', string='Versions',
                                   compute='_compute_version_ids')
    version_count = fields.Integer('Versions', compute='_compute_version_ids')

    @api.multi
    def action_change(self):
        """Make a new draft version of an approved contract; returns its form."""
        self.env.user._crm_check_can_act()
        self.ensure_one()
        self.check_access_rights('write')
        self.check_access_rule('write')
        self._crm_lock()
        if self.state != 'approved':
            raise UserError(_('Only an approved contract can be changed; "%s" is not approved.')
                            % self.display_name)
        root = self._crm_root()
        pending = self.sudo().search([('root_id', '=', root.id),
                                      ('state', 'in', ('draft', 'waiting'))], limit=1)
        if pending:
            raise UserError(_('"%s" is already being changed: continue with %s.')
                            % (self.display_name, pending.display_name))
        new = self._crm_new_version({
            'amount_total': self.amount_total, 'sign_date': self.sign_date,
            'date_start': self.date_start, 'date_end': self.date_end})
        self._crm_post(_('%s made version V%d (%s).') % (
            self.env.user.name, new.revision, new.display_name))
        return new._crm_form_action()

    def _crm_form_action(self):
        return {
            'type': 'ir.actions.act_window',
            'name': _('Contract'),
            'res_model': 'crm.contract',
            'res_id': self.id,
            'view_mode': 'form',
            'target': 'current',
        }

    def _crm_revision_check_ready(self):
        """A new version must cover what the customer has already paid or submitted."""
        self.ensure_one()
        if not self.previous_id:
            return True
        previous = self.previous_id.sudo()
        if previous.state != 'approved':
            raise UserError(_('%s was changed meanwhile (it is no longer approved): this '
                              'version cannot be submitted.') % previous.display_name)
        committed = previous.amount_received + previous.amount_in_review
        if float_compare(self.amount_total, committed,
                         precision_rounding=self.currency_id.rounding or 0.01) < 0:
            raise UserError(_('The amount of %s (%s) is below what %s has received or has in '
                              'review (%s).') % (self.display_name, self._crm_money(self.amount_total),
                                                 previous.display_name, self._crm_money(committed)))
        plans = previous.plan_ids
        if float_compare(sum(plans.mapped('amount')), self.amount_total,
                         precision_rounding=self.currency_id.rounding or 0.01) > 0:
            raise UserError(_('The payment plans of %s add up to more than the amount of %s.')
                            % (previous.display_name, self.display_name))
        return True

    def _crm_revision_approved(self):
        """The previous version is superseded; its plans and payments move here."""
        self.ensure_one()
        previous = self.previous_id.sudo()
        if not previous:
            return
        self._crm_revision_check_ready()
        previous._crm_lock()
        grant(previous.plan_ids, 'action_write').write({'contract_id': self.id})
        grant(previous.receivable_ids, 'action_write').write({'contract_id': self.id})
        previous._crm_action_write({'state': 'superseded'})
        previous._crm_post(_('Superseded by %s.') % self.display_name)
