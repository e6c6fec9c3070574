# -*- coding: utf-8 -*-
from odoo import _, fields, models

# crm.approval.log action -> crm.operation.log kind
APPROVAL_KINDS = {
    'submit': 'approval_submit',
    'approve': 'approval_approve',
    'reject': 'approval_reject',
    'handover': 'approval_handover',
    'add': 'approval_add',
    'return': 'approval_return',
}


class CrmOperationLog(models.Model):
    _inherit = 'crm.operation.log'

    kind = fields.Selection(selection_add=[
        ('approval_submit', 'Approval Submitted'),
        ('approval_approve', 'Approval Approved'),
        ('approval_reject', 'Approval Rejected'),
        ('approval_handover', 'Approval Handed Over'),
        ('approval_add', 'Approval Reviewer Added'),
        ('approval_return', 'Approval Returned'),
    ])


class CrmApprovalMixin(models.AbstractModel):
    """Every approval step (written by ``_crm_log`` to the document's history) also
    goes to crm_sales' operation log, on the document and its customer."""
    _inherit = 'crm.approval.mixin'

    def _crm_operation_log(self, action, review=None, comment=None, targets=None):
        self.ensure_one()
        Log = self.env['crm.operation.log']._crm_log_env()
        context = {'lang': Log.env.lang}  # read by _()
        labels = dict(self.env['crm.approval.log']._fields['action']
                      ._description_selection(Log.env))
        text = labels.get(action, action)
        if review:
            text += ' · ' + _('tier %d (%s)') % (review.sequence, review.name or '')
        if targets:
            text += ' → ' + _(', ').join(targets.mapped('name'))
        if comment:
            text = _('%s: %s') % (text, comment)
        target = targets[:1] if targets and len(targets) == 1 else None
        return Log._crm_log(APPROVAL_KINDS.get(action, 'approval_submit'), self, text,
                            from_user=self.env.user if target else None, to_user=target)
