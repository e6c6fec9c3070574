# -*- coding: utf-8 -*-
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

MAX_LINES = 1000


class CrmPoolPreviewWizard(models.TransientModel):
    """Which customers a rule (or all the rules of a pool, enabled or not) would release on
    a chosen date, and when each of the others would go."""
    _name = 'crm.pool.preview.wizard'
    _description = 'Preview Pool Releases'

    pool_id = fields.Many2one('crm.pool', string='Pool')
    rule_id = fields.Many2one('crm.pool.rule', string='Rule')
    date = fields.Date(required=True, default=lambda self: self.env['crm.clock'].today_str())
    line_ids = fields.One2many('crm.pool.preview.line', 'wizard_id', string='Customers')
    released_count = fields.Integer('Released on that Date', readonly=True)
    later_count = fields.Integer('Released Later', readonly=True)
    note = fields.Char(readonly=True)

    @api.multi
    def _preview_rules(self):
        self.ensure_one()
        Rule = self.env['crm.pool.rule'].sudo().with_context(active_test=False)
        if self.rule_id:
            return self.rule_id.sudo()
        if self.pool_id:
            return Rule.search([('pool_id', '=', self.pool_id.id)])
        raise UserError(_('Choose a pool or a rule to preview.'))

    @api.multi
    def action_compute(self):
        self.ensure_one()
        user = self.env.user
        if not (user._crm_is_leader() or user._crm_is_executive()):
            raise AccessError(_('Only team leaders, sales managers and CRM administrators '
                                'preview the release rules.'))
        rules = self._preview_rules()
        cutoff = fields.Date.from_string(self.date) + datetime.timedelta(days=1)
        cutoff = datetime.datetime.combine(cutoff, datetime.time.min)
        best = {}
        for rule in rules:
            sql, params = rule._select_sql(rules, order=False)
            for pid, uid, due in rule._fetch_rows(sql, params):
                if pid not in best or due < best[pid][0]:
                    best[pid] = (due, rule.id, uid)
        released = sorted((v[0], pid) for pid, v in best.items() if v[0] < cutoff)
        later = sorted((v[0], pid) for pid, v in best.items() if v[0] >= cutoff)
        self.line_ids.unlink()
        Line = self.env['crm.pool.preview.line']
        for due, pid in (released + later)[:MAX_LINES]:
            _due, rule_id, uid = best[pid]
            Line.create({'wizard_id': self.id, 'partner_id': pid, 'user_id': uid,
                         'rule_id': rule_id, 'release_at': fields.Datetime.to_string(due),
                         'released': due < cutoff})
        note = False
        if len(best) > MAX_LINES:
            note = _('Only the first %d of %d customers are listed.') % (MAX_LINES, len(best))
        self.write({'released_count': len(released), 'later_count': len(later), 'note': note})
        return {
            'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': self.id,
            'view_mode': 'form', 'target': 'new', 'name': _('Preview Releases'),
        }


class CrmPoolPreviewLine(models.TransientModel):
    _name = 'crm.pool.preview.line'
    _description = 'Preview Pool Releases: Customer'
    _order = 'release_at, id'

    wizard_id = fields.Many2one('crm.pool.preview.wizard', required=True, ondelete='cascade')
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    user_id = fields.Many2one('res.users', string='Owner', readonly=True)
    rule_id = fields.Many2one('crm.pool.rule', string='Rule', readonly=True)
    release_at = fields.Datetime('Release Date', readonly=True)
    released = fields.Boolean('Released on the Date', readonly=True)
