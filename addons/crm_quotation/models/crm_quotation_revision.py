# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

#: states a quote may be revised from (a draft is simply edited; an accepted quote is done)
REVISABLE = ('approved', 'sent', 'declined', 'expired')


class CrmQuotation(models.Model):
    """Versions: "Revise" (修订) copies an approved, sent, declined or expired quote into
    a new draft with the same number and the next version (BJ…-V2, -V3…); the old one
    is superseded at once and stays read-only. The opportunity shows the current one."""
    _inherit = 'crm.quotation'

    root_id = fields.Many2one('crm.quotation', 'First Version', readonly=True, copy=False,
                              index=True, ondelete='restrict')
    previous_id = fields.Many2one('crm.quotation', 'Previous Version', readonly=True,
                                  copy=False, ondelete='restrict')
    version_ids = fields.Many2many('crm.quotation', string='Versions',
                                   compute='_compute_version_ids')
    version_count = fields.Integer('Versions', compute='_compute_version_ids')

    @api.multi
    def action_revise(self):
        """Make the next version of this quote (a draft to edit and submit again); this
        one is superseded. Returns the new version's form."""
        self.ensure_one()
        self._crm_start_action(REVISABLE, _('"%s" cannot be revised in its current state '
                                            '(a draft is edited directly; an accepted or '
                                            'superseded quotation no longer changes).'))
        new = self._crm_new_version({
            'date': self.env['crm.clock'].today_str(),
            'validity_date': max(self.validity_date, self._fields['validity_date'].default(self)),
        }, {'line_ids': [(0, 0, {
            'sequence': line.sequence, 'product_id': line.product_id.id,
            'quantity': line.quantity, 'price_unit': line.price_unit})
            for line in self.line_ids]})
        self._crm_action_write({'state': 'superseded'})
        self._crm_post(_('%s revised it: the current version is %s.') % (
            self.env.user.name, new.display_name))
        new._crm_post(_('Version %d of %s, revised by %s from %s.') % (
            new.revision, self.number, self.env.user.name, self.display_name))
        return new._crm_form_action()

    @api.multi
    def action_view_versions(self):
        self.ensure_one()
        action = self.env.ref('crm_quotation.crm_quotation_action').read()[0]
        action.update({'domain': [('id', 'in', self.version_ids.ids)],
                       'context': {'create': False}})
        return action
