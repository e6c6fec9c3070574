# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.crm_sales.grant import grant, privileged


class CrmApprovalRequestLine(models.Model):
    """One expense of a request (报销明细): the date, what it was for, the amount and
    the receipts (photos or scans). Lines change while their request is a draft; the
    receipts are attached to the line (its readers read them)."""
    _name = 'crm.approval.request.line'
    _description = 'Approval Request Expense'
    _inherit = ['crm.guard.mixin', 'crm.scope.mixin']
    _order = 'request_id, date, id'
    _crm_scope_owner_field = 'request_id.user_id'
    _crm_scope_team_field = 'request_id.team_id'

    request_id = fields.Many2one('crm.approval.request', 'Request', required=True,
                                 index=True, ondelete='cascade')
    date = fields.Date('Date', required=True,
                       default=lambda self: self.env['crm.clock'].today_str())
    name = fields.Char('What For', required=True)
    amount = fields.Monetary('Amount', required=True)
    currency_id = fields.Many2one(related='request_id.currency_id', readonly=True,
                                  string='Currency')
    receipt_ids = fields.Many2many('ir.attachment', 'crm_approval_request_line_receipt_rel',
                                   'line_id', 'attachment_id', string='Receipts')

    @api.constrains('amount')
    def _check_amount(self):
        for line in self:
            if line.amount <= 0:
                raise ValidationError(_('The amount of "%s" must be more than zero.')
                                      % line.name)
            line.request_id._crm_check_size(line.amount)

    def _crm_target_fields(self):
        res = super(CrmApprovalRequestLine, self)._crm_target_fields()
        res.update({'request_id': 'write'})
        return res

    def _crm_check_draft(self, requests):
        if privileged(self):
            return
        for request in requests.sudo():
            if request.state != 'draft':
                raise UserError(_('"%s" is no longer a draft: its expenses cannot change.')
                                % request.display_name)

    def _crm_attach_receipts(self):
        """The receipts uploaded with a line belong to it from now on."""
        for line in self:
            loose = line.sudo().receipt_ids.filtered(lambda a: not a.res_id)
            if loose:
                grant(loose, 'action_write').write(
                    {'res_model': self._name, 'res_id': line.id})

    @api.model
    def create(self, vals):
        if vals.get('request_id'):
            self._crm_check_draft(self.env['crm.approval.request'].browse(vals['request_id']))
        line = super(CrmApprovalRequestLine, self).create(vals)
        line._crm_attach_receipts()
        return line

    @api.multi
    def write(self, vals):
        self._crm_check_draft(self.mapped('request_id'))
        if vals.get('request_id'):
            self._crm_check_draft(self.env['crm.approval.request'].browse(vals['request_id']))
        res = super(CrmApprovalRequestLine, self).write(vals)
        if 'receipt_ids' in vals:
            self._crm_attach_receipts()
        return res

    @api.multi
    def unlink(self):
        self._crm_check_draft(self.mapped('request_id'))
        return super(CrmApprovalRequestLine, self).unlink()
