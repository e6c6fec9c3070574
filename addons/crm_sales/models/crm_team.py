# -*- coding: utf-8 -*-
from odoo import api, fields, models

from ..grant import granted


class CrmTeam(models.Model):
    _inherit = 'crm.team'

    stage_group_id = fields.Many2one(
        'crm.stage.group', string='Status Group', index=True, ondelete='set null',
        help='Stages the opportunities of this team go through. Empty: the whole-company '
             'group if there is one, else Odoo\'s usual stages.')

    @api.model
    def create(self, vals):
        team = super(CrmTeam, self).create(vals)
        # rules use the teams a user leads (res.users.crm_led_team_ids)
        self.env['ir.rule'].clear_caches()
        return team

    @api.multi
    def write(self, vals):
        res = super(CrmTeam, self).write(vals)
        if 'user_id' in vals or 'active' in vals:
            self.env['ir.rule'].clear_caches()
        if 'stage_group_id' in vals and self and \
                not granted(self, 'stage_group_inverse'):
            self.env['crm.stage.group']._check_single_company_wide()
            self.env['crm.stage.group']._resync_opportunities()
        return res

    @api.multi
    def unlink(self):
        res = super(CrmTeam, self).unlink()
        self.env['ir.rule'].clear_caches()
        return res
