# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..grant import grant
from .res_partner import normalize_name, normalize_phone


class CrmLead(models.Model):
    """Leads (type = 'lead'): entry, assignment, follow-up, conversion, invalid marking.

    A lead stays a lead when converted: conversion creates (or links) a customer, its
    contact and optionally a NEW opportunity, and the lead keeps links to them."""
    _name = 'crm.lead'
    _inherit = ['crm.lead', 'crm.follow.up.mixin', 'crm.guard.mixin']
    _follow_up_parent_field = 'lead_id'

    follow_up_ids = fields.One2many('crm.follow.up', 'lead_id', 'Follow-up Records')
    lead_state = fields.Selection([
        ('open', 'To process'), ('converted', 'Converted'), ('invalid', 'Invalid'),
    ], string='Lead Status', default='open', required=True, index=True, copy=False,
        track_visibility='onchange')
    customer_source_id = fields.Many2one('crm.customer.source', 'Customer Source',
                                         ondelete='restrict')
    industry_id = fields.Many2one('res.partner.industry', 'Industry')
    # the partner's choices, translated (a callable selection is not translated by the ORM)
    region = fields.Selection(
        lambda self: self.env['res.partner']._fields['region']._description_selection(self.env),
        string='Region')
    wechat = fields.Char('WeChat')
    assigned_at = fields.Datetime('Assigned On', copy=False, readonly=True)
    converted_partner_id = fields.Many2one('res.partner', 'Converted Customer', copy=False,
                                           readonly=True, ondelete='set null')
    converted_contact_id = fields.Many2one('res.partner', 'Converted Contact', copy=False,
                                           readonly=True, ondelete='set null')
    converted_opportunity_id = fields.Many2one('crm.lead', 'Converted Opportunity', copy=False,
                                               readonly=True, ondelete='set null')
    converted_at = fields.Datetime('Converted On', copy=False, readonly=True)
    invalid_reason = fields.Text('Invalid Reason', copy=False, readonly=True)
    invalid_at = fields.Datetime('Marked Invalid On', copy=False, readonly=True)
    duplicate_partner_ids = fields.Many2many('res.partner', string='Possible Duplicate Customers',
                                             compute='_compute_lead_duplicates')
    duplicate_lead_ids = fields.Many2many('crm.lead', string='Possible Duplicate Leads',
                                          compute='_compute_lead_duplicates')
    duplicate_warning = fields.Text('Duplicate Warning', compute='_compute_lead_duplicates')

    def _crm_action_fields(self):
        return super(CrmLead, self)._crm_action_fields() + (
            'lead_state', 'assigned_at', 'converted_partner_id', 'converted_contact_id',
            'converted_opportunity_id', 'converted_at', 'invalid_reason', 'invalid_at',
            'last_follow_up_at', 'followed_up')

    def _crm_target_fields(self):
        return dict(super(CrmLead, self)._crm_target_fields(), partner_id='write')

    @api.depends('partner_name', 'phone', 'mobile', 'type')
    def _compute_lead_duplicates(self):
        Partner = self.env['res.partner']
        for lead in self:
            if lead.type == 'opportunity':
                lead.duplicate_partner_ids = lead.duplicate_lead_ids = False
                lead.duplicate_warning = False
                continue
            origin = getattr(lead, '_origin', None)
            own_id = lead.id if isinstance(lead.id, int) else (origin.id if origin else False)
            phones = [lead.phone, lead.mobile]
            found = Partner._crm_find_duplicates(name=lead.partner_name, phones=phones)
            if lead.partner_id:
                found.pop(lead.partner_id.commercial_partner_id.sudo(), None)
            lines = []
            text = Partner._crm_duplicate_text(found)
            if text:
                lines.append(_('Existing customers:') + '\n' + text)
            # other open leads with the same company name or phone
            keys = [k for k in {normalize_phone(p) for p in phones} if k]
            name_key = normalize_name(lead.partner_name)
            dup_leads = self.env['crm.lead']
            if keys or name_key:
                domain = []
                if name_key:
                    domain.append(('partner_name', '=ilike', lead.partner_name.strip()))
                for ph in [p for p in phones if p]:
                    domain += [('phone', '=', ph), ('mobile', '=', ph)]
                domain = ['|'] * (len(domain) - 1) + domain
                dup_leads = self.sudo().search(
                    [('type', '=', 'lead'), ('id', '!=', own_id or 0)] + domain, limit=5)
            if dup_leads:
                lines.append(_('Existing leads:') + '\n' + '\n'.join(
                    _('%s (owner: %s)') % (l.name, l.user_id.name or _('nobody'))
                    for l in dup_leads))
            lead.duplicate_partner_ids = Partner.search(
                [('id', 'in', [p.id for p in found])]) if found else Partner
            lead.duplicate_lead_ids = self.search([('id', 'in', dup_leads.ids)]) \
                if dup_leads else self.browse()
            lead.duplicate_warning = '\n'.join(lines) or False

    # ------------------------------------------------------------------ CRUD
    _crm_owner_team_fields = ('user_id', 'team_id')

    @api.model
    def create(self, vals):
        this = self
        if vals.get('user_id') and 'assigned_at' not in vals:
            this, vals = self._crm_own_values(vals, creating=True,
                                              assigned_at=self.env['crm.clock'].now_str())
        return super(CrmLead, this).create(vals)

    @api.multi
    def write(self, vals):
        this = self
        if vals.get('user_id') and 'assigned_at' not in vals and \
                any(l.user_id.id != vals['user_id'] for l in self):
            this, vals = self._crm_own_values(vals, assigned_at=self.env['crm.clock'].now_str())
        return super(CrmLead, this).write(vals)

    # ------------------------------------------------------------------ public actions
    @api.multi
    def action_assign(self, user_id=False, team_id=False):
        """Assign the leads to a salesperson and/or a team. Without team_id the
        salesperson's own team is used. Returns True."""
        self.env.user._crm_check_can_act()
        Guard = self.env['crm.guard']
        user = Guard._arg_record('res.users', user_id, _('the salesperson'), required=False)
        team = Guard._arg_record('crm.team', team_id, _('the sales team'), required=False)
        if not user and not team:
            raise UserError(_('Choose a salesperson or a team to assign the leads to.'))
        if user and not user._crm_is_salesperson():
            raise UserError(_('%s is not a salesperson.') % user.name)
        vals = {}
        team_id = team.id
        if user:
            vals['user_id'] = user.id
            team_id = team_id or user.sale_team_id.id
        if team_id:
            vals['team_id'] = team_id
        self._crm_check_open(_('assigned'))
        old_by_id = {lead.id: lead.user_id.id for lead in self.sudo()}
        self.write(vals)
        self._crm_log_assigned(old_by_id, user, team or self.env['crm.team'].browse(team_id))
        return True

    def _crm_check_open(self, what):
        for lead in self:
            if lead.type != 'lead':
                raise UserError(_('"%s" is an opportunity, not a lead: it cannot be %s.')
                                % (lead.name, what))
            if lead.lead_state == 'converted':
                raise UserError(_('Lead "%s" has already been converted (customer: %s), so it '
                                  'cannot be %s again.')
                                % (lead.name, lead.converted_partner_id.name or '-', what))
            if lead.lead_state == 'invalid':
                raise UserError(_('Lead "%s" is marked invalid, so it cannot be %s. Restore '
                                  'it first.') % (lead.name, what))

    @api.multi
    def action_mark_invalid(self, reason):
        """Mark the leads invalid with a reason (required). Returns True."""
        self.env.user._crm_check_can_act()
        reason = self.env['crm.guard']._arg_text(reason, _('the reason why the lead is invalid'))
        self._crm_check_open(_('marked invalid'))
        self.check_access_rule('write')
        grant(self, 'action_write').write({'lead_state': 'invalid', 'invalid_reason': reason,
                    'invalid_at': self.env['crm.clock'].now_str()})
        for lead in self:
            lead.message_post(body=_('Marked invalid: %s') % reason, subtype='mail.mt_note')
        return True

    @api.multi
    def action_restore(self):
        """Put invalid leads back into the working lists. Returns True."""
        self.env.user._crm_check_can_act()
        for lead in self:
            if lead.lead_state != 'invalid':
                raise UserError(_('Lead "%s" is not marked invalid.') % lead.name)
        self.check_access_rule('write')
        grant(self, 'action_write').write({'lead_state': 'open', 'invalid_reason': False, 'invalid_at': False})
        return True

    @api.multi
    def action_convert(self, partner_id=False, create_opportunity=False,
                       opportunity_name=False, user_id=False, contact_name=False,
                       partner_name=False):
        """Convert one lead: create its customer (or link the existing customer
        ``partner_id``; without it, a customer with the same name found as a duplicate
        is linked), its contact person, and with ``create_opportunity`` a new
        opportunity. Returns {'partner_id', 'contact_id', 'opportunity_id'} (ids or False).
        Raises UserError if the lead was already converted or is invalid."""
        self.env.user._crm_check_can_act()
        if len(self) != 1:
            raise UserError(_('Convert one lead at a time (got %d).') % len(self))
        Guard = self.env['crm.guard']
        partner_id = Guard._arg_id(partner_id, _('the customer'), required=False)
        user_id = Guard._arg_id(user_id, _('the salesperson'), required=False)
        opportunity_name = Guard._arg_text(opportunity_name, _('the opportunity name'),
                                           required=False, max_len=256)
        contact_name = Guard._arg_text(contact_name, _('the contact name'), required=False,
                                       max_len=256)
        partner_name = Guard._arg_text(partner_name, _('the company name'), required=False,
                                       max_len=256)
        # the lead's context may hold default_type='lead' etc.: never pass it to partners
        lead = self.with_context({k: v for k, v in self.env.context.items()
                                  if not k.startswith('default_')})
        self = lead
        lead._crm_check_open(_('converted'))
        # the customer's and contact's own "created" message and tracking would repeat
        # the note below ("Created from lead ...")
        Partner = self.env['res.partner'].with_context(mail_create_nolog=True, mail_notrack=True)
        user = Guard._arg_record('res.users', user_id, _('the salesperson')).sudo(self.env.uid) \
            if user_id else (lead.user_id or self.env.user)
        team = lead.team_id or user.sudo().sale_team_id
        company_name = (partner_name or lead.partner_name or '').strip()
        person_name = (contact_name or lead.contact_name or '').strip()
        if partner_id:
            partner = Partner.browse(partner_id).commercial_partner_id
            if not partner.exists() or not partner.is_company:
                raise UserError(_('Choose an existing customer (a company) to link the lead to.'))
            partner.check_access_rule('read')
        else:
            if not company_name:
                raise UserError(_('Lead "%s" has no company name: enter one or choose an existing '
                                  'customer.') % lead.name)
            same = Partner.sudo().with_context(active_test=False).search(
                [('name_normalized', '=', normalize_name(company_name)),
                 ('is_crm_customer', '=', True)], limit=1)
            if same:
                partner = same.sudo(self.env.uid)
                try:
                    partner.check_access_rule('read')
                except Exception:
                    raise UserError(_('A customer named "%s" already exists and belongs to %s. '
                                      'Ask them or your manager to share it with you, or mark '
                                      'this lead invalid.')
                                    % (same.name, same.crm_owner_id.name or _('the public pool')))
            else:
                partner = Partner.create(lead._crm_customer_vals(company_name, user, team))
        contact = Partner
        if person_name:
            contact = partner.child_ids.filtered(
                lambda c: normalize_name(c.name) == normalize_name(person_name)
                and c.type == 'contact')[:1]
            if not contact:
                contact = Partner.create(lead._crm_contact_vals(person_name, partner))
        opportunity = self.env['crm.lead']
        if create_opportunity:
            opportunity = self.create(lead._crm_opportunity_vals(
                opportunity_name, partner, contact, user, team))
        lead.check_access_rule('write')
        # the note below tells the conversion: no separate tracking message
        grant(lead.with_context(mail_notrack=True), 'action_write').write({
            'lead_state': 'converted',
            'partner_id': (contact or partner).id,
            'converted_partner_id': partner.id,
            'converted_contact_id': contact.id,
            'converted_opportunity_id': opportunity.id,
            'converted_at': self.env['crm.clock'].now_str(),
        })
        # the lead's follow-ups also count for the customer
        lead.follow_up_ids.sudo().filtered(lambda f: not f.partner_id).write(
            {'partner_id': partner.id})
        msg = _('Converted: customer %s') % partner.name
        if contact:
            msg += _(', contact %s') % contact.name
        if opportunity:
            msg += _(', opportunity %s') % opportunity.name
        lead.message_post(body=msg, subtype='mail.mt_note')
        partner.message_post(body=_('Created from lead %s') % lead.name, subtype='mail.mt_note')
        return {'partner_id': partner.id, 'contact_id': contact.id or False,
                'opportunity_id': opportunity.id or False}

    def _crm_customer_vals(self, name, user, team):
        return {
            'name': name,
            'is_company': True,
            'customer': True,
            'user_id': user.id,
            'team_id': team.id,
            'phone': self.phone if not self.contact_name else False,
            'email': self.email_from if not self.contact_name else False,
            'website': self.website,
            'street': self.street, 'street2': self.street2, 'city': self.city,
            'state_id': self.state_id.id, 'zip': self.zip, 'country_id': self.country_id.id,
            'customer_source_id': self.customer_source_id.id,
            'industry_id': self.industry_id.id,
            'region': self.region,
            'comment': self.description,
        }

    def _crm_contact_vals(self, name, partner):
        return {
            'name': name,
            'parent_id': partner.id,
            'type': 'contact',
            'is_company': False,
            'function': self.function,
            'phone': self.phone,
            'mobile': self.mobile,
            'email': self.email_from,
            'wechat': self.wechat,
            'title': self.title.id,
        }

    def _crm_opportunity_vals(self, name, partner, contact, user, team):
        return {
            'name': name or self.name,
            'type': 'opportunity',
            'partner_id': partner.id,
            'user_id': user.id,
            'team_id': team.id,
            'planned_revenue': self.planned_revenue,
            'description': self.description,
            'tag_ids': [(6, 0, self.tag_ids.ids)],
            'contact_name': contact.name or False,
            'phone': contact.phone or self.phone,
            'mobile': contact.mobile or self.mobile,
            'email_from': contact.email or self.email_from,
            'customer_source_id': self.customer_source_id.id,
        }

    @api.multi
    def action_open_convert_wizard(self):
        """UI: open the conversion wizard for this lead."""
        self.ensure_one()
        self._crm_check_open(_('converted'))
        action = self.env.ref('crm_sales.action_crm_lead_convert').read()[0]
        action['context'] = {'active_id': self.id, 'active_ids': self.ids,
                             'active_model': 'crm.lead'}
        return action

    @api.multi
    def action_open_invalid_wizard(self):
        """UI: open the "mark invalid" wizard for these leads."""
        self._crm_check_open(_('marked invalid'))
        action = self.env.ref('crm_sales.action_crm_lead_invalid').read()[0]
        action['context'] = {'active_ids': self.ids, 'active_model': 'crm.lead'}
        return action

    @api.multi
    def action_view_converted_partner(self):
        self.ensure_one()
        return {'type': 'ir.actions.act_window', 'res_model': 'res.partner',
                'view_mode': 'form', 'res_id': self.converted_partner_id.id}

    @api.multi
    def action_view_converted_opportunity(self):
        self.ensure_one()
        return {'type': 'ir.actions.act_window', 'res_model': 'crm.lead',
                'view_mode': 'form', 'res_id': self.converted_opportunity_id.id,
                'views': [(self.env.ref('crm.crm_case_form_view_oppor').id, 'form')]}

    @api.multi
    def _crm_export_name(self):
        types = set(self.sudo().mapped('type'))
        if types == {'lead'}:
            return _('Leads')
        if types == {'opportunity'}:
            return _('Opportunities')
        return False
