# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..grant import grant, granted

END_STATUSES = [('won', 'Won'), ('lost', 'Lost'), ('invalid', 'Invalid')]


class CrmLead(models.Model):
    """Opportunities: status groups, end status and product lines."""
    _inherit = 'crm.lead'

    stage_group_id = fields.Many2one(
        'crm.stage.group', string='Status Group', compute='_compute_stage_group_id',
        store=True, index=True, readonly=True,
        help='Status group of the opportunity\'s team: the opportunity only moves '
             'through the stages of this group.')
    end_status = fields.Selection(
        END_STATUSES, string='End Status', index=True, readonly=True, copy=False,
        track_visibility='onchange',
        help='Set when the opportunity is closed: won, lost or invalid.')
    end_reason_id = fields.Many2one(
        'crm.lost.reason', string='End Reason', readonly=True, copy=False,
        track_visibility='onchange', help='Why the opportunity was lost or is invalid.')
    end_note = fields.Text('End Note', readonly=True, copy=False)
    end_date = fields.Datetime('Closed On', readonly=True, copy=False)

    product_line_ids = fields.One2many(
        'crm.lead.product.line', 'lead_id', string='Products', copy=True)
    product_amount = fields.Float(
        'Products Total', compute='_compute_amounts', store=True, digits=(16, 2),
        help='Sum of the product line subtotals.')
    discount = fields.Float(
        'Order Discount (%)', digits=(16, 2), default=0.0, track_visibility='onchange',
        help='Discount on the whole order, in percent.')
    amount_total = fields.Float(
        'Total', compute='_compute_amounts', store=True, digits=(16, 2),
        help='Products total minus the order discount; it becomes the expected revenue.')

    # ------------------------------------------------------------------ computes
    def _crm_action_fields(self):
        return super(CrmLead, self)._crm_action_fields() + (
            'end_status', 'end_reason_id', 'end_note', 'end_date')

    @api.depends('type', 'team_id', 'team_id.stage_group_id')
    def _compute_stage_group_id(self):
        Group = self.env['crm.stage.group']
        wide = Group.sudo()._company_wide_group()
        for lead in self:
            if lead.type != 'opportunity':
                lead.stage_group_id = False
            elif lead.team_id and lead.team_id.sudo().stage_group_id:
                lead.stage_group_id = lead.team_id.sudo().stage_group_id
            else:
                lead.stage_group_id = wide

    @api.depends('product_line_ids.subtotal', 'discount')
    def _compute_amounts(self):
        for lead in self:
            amount = sum(lead.product_line_ids.mapped('subtotal'))
            lead.product_amount = amount
            lead.amount_total = amount * (1.0 - (lead.discount or 0.0) / 100.0)

    # ------------------------------------------------------------------ constraints
    @api.constrains('discount')
    def _check_discount(self):
        for lead in self.sudo():
            if lead.discount < 0 or lead.discount > 100:
                raise ValidationError(_('The order discount must be between 0 and 100 %.'))

    @api.constrains('stage_id', 'type')
    def _check_stage_in_group(self):
        # sudo: the record rules are checked by the ORM right after (create/write)
        for lead in self.sudo():
            if lead.type != 'opportunity' or not lead.stage_id:
                continue
            stage_group = lead.stage_id.sudo().stage_group_id
            if stage_group == lead.stage_group_id:
                continue
            if lead.stage_group_id:
                raise ValidationError(_(
                    'The stage "%s" is not a stage of the status group "%s" used by the '
                    'opportunity "%s". Choose one of: %s.') % (
                    lead.stage_id.name, lead.stage_group_id.name, lead.name,
                    _(', ').join(lead.stage_group_id.sudo().stage_ids.mapped('name'))))
            raise ValidationError(_(
                'The stage "%s" belongs to the status group "%s", which the team of the '
                'opportunity "%s" does not use.') % (
                lead.stage_id.name, stage_group.name, lead.name))

    @api.constrains('end_status', 'end_reason_id')
    def _check_end_reason(self):
        for lead in self.sudo():
            if lead.end_status in ('lost', 'invalid') and not lead.end_reason_id:
                raise ValidationError(_('Give a reason when an opportunity is lost or invalid.'))

    # ------------------------------------------------------------------ stages
    def _crm_group_stages(self, group):
        return self.env['crm.stage'].sudo().search(
            [('stage_group_id', '=', group.id)], order='sequence, id')

    def _stage_find(self, team_id=False, domain=None, order='sequence'):
        """Stages of the status group of the team; teams without a group keep Odoo's
        usual stages (those without a group)."""
        team_ids = set()
        if team_id:
            team_ids.add(team_id)
        for lead in self:
            if lead.team_id:
                team_ids.add(lead.team_id.id)
        if not team_ids:
            ctx_team = self.env.context.get('default_team_id')
            if ctx_team:
                team_ids.add(ctx_team)
        Group = self.env['crm.stage.group']
        groups = Group.browse()
        for tid in team_ids:
            groups |= Group._group_for_team(tid)
        if not team_ids:
            groups = Group.sudo()._company_wide_group()
        if groups:
            search_domain = [('stage_group_id', 'in', groups.ids)] + list(domain or [])
            return self.env['crm.stage'].search(search_domain, order=order, limit=1)
        search_domain = [('stage_group_id', '=', False)]
        if team_ids:
            search_domain += ['|', ('team_id', '=', False), ('team_id', 'in', list(team_ids))]
        else:
            search_domain += [('team_id', '=', False)]
        return self.env['crm.stage'].search(search_domain + list(domain or []), order=order, limit=1)

    def _default_stage_id(self):
        team_id = self.env.context.get('default_team_id')
        if not team_id:
            team_id = self.env['crm.team'].sudo()._get_default_team_id(user_id=self.env.uid).id
        return self._stage_find(team_id=team_id, domain=[('fold', '=', False)]).id

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        """Pipeline columns: only the stages of the status group of the team in the
        context (or of the user's team); Odoo's usual stages for teams without group."""
        team_id = self.env.context.get('default_team_id')
        if not team_id:
            team_id = self.env.user.sale_team_id.id
        group = self.env['crm.stage.group']._group_for_team(team_id or False)
        if group:
            search_domain = ['|', ('id', 'in', stages.ids), ('stage_group_id', '=', group.id)]
        elif team_id:
            search_domain = ['|', ('id', 'in', stages.ids), '&', ('stage_group_id', '=', False),
                             '|', ('team_id', '=', False), ('team_id', '=', team_id)]
        else:
            search_domain = ['|', ('id', 'in', stages.ids), '&', ('stage_group_id', '=', False),
                             ('team_id', '=', False)]
        stage_ids = stages._search(search_domain, order=order, access_rights_uid=SUPERUSER_ID)
        return stages.browse(stage_ids)

    # ------------------------------------------------------------------ ORM
    @api.model
    def create(self, vals):
        vals = dict(vals)
        lead_type = vals.get('type') or self.env.context.get('default_type')
        if lead_type == 'opportunity':
            if vals.get('user_id') and not vals.get('team_id') \
                    and not self.env.context.get('default_team_id'):
                user = self.env['res.users'].sudo().browse(vals['user_id'])
                if user.sale_team_id:
                    vals['team_id'] = user.sale_team_id.id
            if not vals.get('stage_id'):
                team_id = vals.get('team_id') or self.env.context.get('default_team_id')
                if not team_id:
                    team_id = self.env['crm.team'].sudo()._get_default_team_id(
                        user_id=self.env.uid).id
                stage = self._stage_find(team_id=team_id, domain=[('fold', '=', False)])
                if stage:
                    vals['stage_id'] = stage.id
                    if 'probability' not in vals:
                        vals['probability'] = stage.probability
        lead = super(CrmLead, self).create(vals)
        if lead.product_line_ids:
            lead._crm_sync_planned_revenue()
        return lead

    @api.multi
    def write(self, vals):
        if 'stage_id' in vals and not granted(self, 'end_status_write'):
            ended = self.filtered(lambda l: l.end_status and l.stage_id.id != vals['stage_id'])
            if ended:
                raise UserError(_(
                    'The opportunity "%s" is closed; reopen it before changing its stage.')
                    % ended[0].name)
        moved = self.browse()
        if ('team_id' in vals or vals.get('type') == 'opportunity') and 'stage_id' not in vals:
            # team (or type) changes: opportunities whose stage is not in the new
            # group go to the first stage of that group
            Group = self.env['crm.stage.group']
            for lead in self:
                if vals.get('type', lead.type) != 'opportunity':
                    continue
                team_id = vals['team_id'] if 'team_id' in vals else lead.team_id.id
                group = Group._group_for_team(team_id or False)
                if lead.stage_id.sudo().stage_group_id != group:
                    stage = self.browse()._stage_find(team_id=team_id or False,
                                                      domain=[('fold', '=', False)])
                    lead_vals = dict(vals, stage_id=stage.id)
                    super(CrmLead, lead).write(lead_vals)
                    moved |= lead
        rest = self - moved
        res = super(CrmLead, rest).write(vals) if rest or not self else True
        if 'discount' in vals:
            self._crm_sync_planned_revenue()
        return res

    @api.model
    def _onchange_stage_id_values(self, stage_id):
        """The win rate of a status group stage always becomes the probability."""
        if stage_id:
            stage = self.env['crm.stage'].browse(stage_id)
            if stage.stage_group_id:
                return {'probability': stage.probability}
        return super(CrmLead, self)._onchange_stage_id_values(stage_id)

    def _crm_move_to_group_stage(self):
        """Opportunities whose stage is not in their (new) group go to its first stage."""
        for lead in self.sudo().filtered(lambda l: l.type == 'opportunity'):
            if lead.stage_id.stage_group_id != lead.stage_group_id:
                stage = lead._stage_find(team_id=lead.team_id.id, domain=[('fold', '=', False)])
                grant(lead, 'end_status_write', 'action_write').write({'stage_id': stage.id})

    def _crm_sync_planned_revenue(self):
        """Expected revenue = total of the product lines after the order discount
        (only for opportunities that have product lines)."""
        for lead in self:
            if lead.product_line_ids and lead.planned_revenue != lead.amount_total:
                super(CrmLead, lead).write({'planned_revenue': lead.amount_total})

    # ------------------------------------------------------------------ end status
    @api.multi
    def action_set_end_status(self, end_status, reason_id=False, note=False):
        """Close the opportunities: ``end_status`` is 'won', 'lost' or 'invalid';
        lost and invalid need ``reason_id`` (a crm.lost.reason id). Won sets the
        probability to 100, lost/invalid to 0. Returns True."""
        self.env.user._crm_check_can_act()
        labels = dict(END_STATUSES)
        if not isinstance(end_status, str) or end_status not in labels:
            raise UserError(_('Unknown end status "%s": use won, lost or invalid.') % (
                self.env['crm.guard']._short(end_status),))
        Guard = self.env['crm.guard']
        reason = Guard._arg_record('crm.lost.reason', reason_id, _('the reason'), required=False)
        reason = self.env['crm.lost.reason'].browse(reason.ids)
        note = Guard._arg_text(note, _('the note'), required=False) or False
        if end_status in ('lost', 'invalid') and not reason:
            raise UserError(_('Give a reason when an opportunity is lost or invalid.'))
        for lead in self:
            if lead.type != 'opportunity':
                raise UserError(_('"%s" is a lead, not an opportunity: convert it first.') % lead.name)
            if lead.end_status:
                raise UserError(_('The opportunity "%s" is already closed.') % lead.name)
        vals = {
            'end_status': end_status,
            'end_reason_id': reason.id if end_status != 'won' else False,
            'end_note': note or False,
            'end_date': self.env['crm.clock'].now_str(),
            'probability': 100 if end_status == 'won' else 0,
        }
        if end_status == 'lost':
            vals['lost_reason'] = reason.id
        grant(self, 'end_status_write', 'action_write').write(vals)
        if end_status == 'won':
            self._crm_register_customer_deals()
        if note:
            for lead in self:
                lead.message_post(body=_('Closed as %s: %s') % (
                    dict(self._fields['end_status']._description_selection(self.env))[end_status],
                    note))
        return True

    def _crm_register_customer_deals(self):
        """Winning an opportunity gives its customer the deal status (and first deal
        date): crm_sales' one deal API, res.partner._crm_register_deal."""
        for lead in self:
            if lead.partner_id:
                lead.partner_id._crm_register_deal(source=lead)

    @api.multi
    def action_reopen(self):
        """Reopen closed opportunities (clears the end status, probability back to the
        stage's win rate)."""
        self.env.user._crm_check_can_act()
        for lead in self.filtered('end_status'):
            grant(lead, 'end_status_write', 'action_write').write({
                'end_status': False, 'end_reason_id': False, 'end_note': False,
                'end_date': False, 'probability': lead.stage_id.probability, 'active': True})
        return True

    @api.multi
    def action_set_won(self):
        grouped = self.filtered(lambda l: l.type == 'opportunity' and l.stage_group_id)
        others = self - grouped
        if others:
            super(CrmLead, grant(others, 'end_status_write', 'action_write')).action_set_won()
            won = others.filtered(lambda l: l.type == 'opportunity' and not l.end_status)
            grant(won, 'end_status_write', 'action_write').write({
                'end_status': 'won', 'end_date': self.env['crm.clock'].now_str()})
            won._crm_register_customer_deals()
        if grouped:
            grouped.filtered(lambda l: not l.end_status).action_set_end_status('won')
        return True

    @api.multi
    def action_set_lost(self):
        opps = self.filtered(lambda l: l.type == 'opportunity' and not l.end_status)
        for lead in opps:
            if not lead.lost_reason:
                raise UserError(_('Give a reason when an opportunity is lost or invalid.'))
        for lead in opps:
            grant(lead, 'end_status_write', 'action_write').write({
                'end_status': 'lost', 'end_reason_id': lead.lost_reason.id,
                'end_date': self.env['crm.clock'].now_str()})
        return super(CrmLead, self).action_set_lost()

    @api.multi
    def action_open_end_status_wizard(self):
        self.env.user._crm_check_can_act()
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Close Opportunity'),
            'res_model': 'crm.opportunity.end',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_lead_id': self.id,
                        'default_end_status': self.env.context.get('end_status', 'won')},
        }
