# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

KINDS = [
    ('expense', 'Amount lines with receipts'),
    ('period', 'Dates from / to'),
    ('text', 'Free text'),
]


class CrmApprovalTemplate(models.Model):
    """A kind of approval request (审批模板: 报销, 出差, 请假, 通用, ...): what the employee
    fills in (``kind``) and the tiers that approve it (``tier.definition`` of approval
    requests naming this template, or naming none). CRM administrators edit them in
    CRM > Configuration > Approval Templates."""
    _name = 'crm.approval.template'
    _description = 'Approval Template'
    _order = 'sequence, id'

    name = fields.Char('Name', required=True, translate=True)
    kind = fields.Selection(KINDS, 'Fields to Fill', required=True, default='text',
                            help='Amount lines with receipts (expenses), dates from / to '
                                 '(trips, leave) or a free text only.')
    description = fields.Text('Instructions', translate=True,
                              help='Shown on the request form: what to write, what to attach.')
    sequence = fields.Integer('Sequence', default=10)
    active = fields.Boolean('Active', default=True)
    tier_ids = fields.Many2many(
        'tier.definition', 'crm_tier_definition_template_rel', 'template_id', 'definition_id',
        string='Approval Tiers', domain=[('model', '=', 'crm.approval.request')],
        help='The tiers of requests of this template (a tier naming no template applies '
             'to every request).')
    request_count = fields.Integer('Requests', compute='_compute_request_count')

    def _compute_request_count(self):
        Request = self.env['crm.approval.request']
        counts = {}
        if Request.check_access_rights('read', raise_exception=False):
            for group in Request.read_group([('template_id', 'in', self.ids)],
                                            ['template_id'], ['template_id']):
                counts[group['template_id'][0]] = group['template_id_count']
        for rec in self:
            rec.request_count = counts.get(rec.id, 0)

    @api.multi
    def unlink(self):
        used = self.env['crm.approval.request'].sudo().with_context(active_test=False).search(
            [('template_id', 'in', self.ids)], limit=1)
        if used:
            raise UserError(_('The template "%s" has requests: archive it instead of '
                              'deleting it.') % used.template_id.name)
        return super(CrmApprovalTemplate, self).unlink()
