# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.crm_sales.grant import grant


class CrmMemberAdd(models.TransientModel):
    """新增成员 with the public pool: the member's customer limit (crm.customer.limit of
    type "owned"; the new member is added to the limit's users)."""
    _inherit = 'crm.member.add'

    limit_id = fields.Many2one(
        'crm.customer.limit', 'Customer Limit',
        domain=[('limit_type', '=', 'owned')],
        help='The most customers the member may own (CRM > 配置 > 客户上限). Empty: the '
             'limit of their team, if any.')

    @api.multi
    def _create_member(self, vals):
        limit = self.limit_id.sudo()
        if limit and (not limit.exists() or not limit.active or limit.limit_type != 'owned'):
            raise UserError(_('Choose an active customer limit on owned customers.'))
        user = super(CrmMemberAdd, self)._create_member(vals)
        if limit:
            grant(limit.with_context({}), 'member').write({'user_ids': [(4, user.id)]})
        return user
