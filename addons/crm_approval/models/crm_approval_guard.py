# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.crm_sales.grant import granted

#: fields anyone with write access may change on a document under approval (the chatter)
FREE_FIELDS = {'message_follower_ids', 'message_partner_ids', 'message_channel_ids',
               'message_ids', 'activity_ids', 'message_main_attachment_id',
               'message_last_post'}
#: what the sharing action (granted ``share``) changes
SHARE_FIELDS = {'share_read_user_ids', 'share_write_user_ids'}


class CrmApprovalMixin(models.AbstractModel):
    """What a document under approval accepts from outside its actions: the chatter
    and its followers (and the sharing action), nothing from e-mails, and OCA's
    "under validation" refusal in the user's language."""
    _inherit = 'crm.approval.mixin'

    def _check_allow_write_under_validation(self, vals):
        if granted(self, 'action_write'):
            return True
        allowed = FREE_FIELDS | (SHARE_FIELDS if granted(self, 'share') else set())
        if set(vals) <= allowed:
            return True
        # base_tier_validation raises this in English (it ships no zh_CN): ours is
        # translated
        raise ValidationError(_('The operation is under validation.'))

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """Contracts and payments are not created from e-mails (they have no alias):
        ``message_new`` called over RPC would create one with any values."""
        raise AccessError(_('%s cannot be created from an e-mail: use the form (or create).')
                          % self._description)

    @api.multi
    def message_update(self, msg_dict, update_vals=None):
        """A reply by e-mail lands in the chatter; it never changes the document."""
        if update_vals and self.env.uid != SUPERUSER_ID:
            raise AccessError(_('An e-mail cannot change %s: use the form or its buttons.')
                              % self._description)
        return super(CrmApprovalMixin, self).message_update(msg_dict, update_vals=None)
