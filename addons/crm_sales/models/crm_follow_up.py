# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools import html_escape

FOLLOW_UP_TYPES = [
    ('call', 'Phone call'),
    ('visit', 'Visit'),
    ('email', 'Email'),
    ('wechat', 'WeChat'),
    ('sms', 'SMS'),
    ('other', 'Other'),
]


class CrmFollowUp(models.Model):
    """One follow-up (call, visit, ...) on a customer, a lead or an opportunity.

    Saving one updates the parent's last follow-up time, next contact time and
    followed-up state (see crm.follow.up.mixin) and posts a note to its chatter.
    A follow-up on a lead/opportunity linked to a customer also counts for the customer."""
    _name = 'crm.follow.up'
    _description = 'Follow-up Record'
    _inherit = ['crm.guard.mixin']
    _order = 'date desc, id desc'

    name = fields.Char('Summary', compute='_compute_name', search='_search_name')
    partner_id = fields.Many2one('res.partner', 'Customer', index=True, ondelete='cascade',
                                 domain=[('is_company', '=', True)])
    lead_id = fields.Many2one('crm.lead', 'Lead / Opportunity', index=True, ondelete='cascade')
    user_id = fields.Many2one('res.users', 'Author', required=True, index=True,
                              default=lambda self: self.env.user, ondelete='restrict')
    date = fields.Datetime('Time', required=True, index=True,
                           default=lambda self: self.env['crm.clock'].now_str())
    follow_up_type = fields.Selection(FOLLOW_UP_TYPES, 'Type', required=True, default='call')
    content = fields.Text('Content', required=True)
    contact_ids = fields.Many2many('res.partner', 'crm_follow_up_contact_rel', 'follow_up_id',
                                   'partner_id', 'Contacts Met')
    attachment_ids = fields.Many2many('ir.attachment', 'crm_follow_up_attachment_rel',
                                      'follow_up_id', 'attachment_id', 'Attachments')
    next_contact_at = fields.Datetime('Next Contact')
    crm_owner_id = fields.Many2one('res.users', 'Owner', compute='_compute_crm_owner',
                                   store=True, index=True, compute_sudo=True)
    crm_team_id = fields.Many2one('crm.team', 'Team', compute='_compute_crm_owner',
                                  store=True, index=True, compute_sudo=True)
    company_id = fields.Many2one('res.company', 'Company',
                                 default=lambda self: self.env.user.company_id)

    def _crm_action_fields(self):
        return ('crm_owner_id', 'crm_team_id')

    def _crm_target_fields(self):
        return {'partner_id': 'write', 'lead_id': 'write', 'contact_ids': 'write'}

    @api.depends('follow_up_type', 'partner_id', 'lead_id', 'date')
    def _compute_name(self):
        types = dict(self._fields['follow_up_type']._description_selection(self.env))
        for rec in self:
            target = rec.lead_id.name or rec.partner_id.name or ''
            rec.name = '%s %s' % (types.get(rec.follow_up_type, ''), target)

    @api.model
    def _search_name(self, operator, value):
        """The summary names the customer or opportunity: searching it (the follow-up
        pickers' name search) looks there and in the content."""
        negative = operator in expression.NEGATIVE_TERM_OPERATORS
        if negative:
            operator = expression.TERM_OPERATORS_NEGATION[operator]
        domain = ['|', '|', ('content', operator, value), ('partner_id.name', operator, value),
                  ('lead_id.name', operator, value)]
        return ['!'] + domain if negative else domain

    @api.depends('lead_id.user_id', 'lead_id.team_id', 'partner_id.crm_owner_id',
                 'partner_id.crm_team_id')
    def _compute_crm_owner(self):
        for rec in self:
            if rec.lead_id:
                rec.crm_owner_id = rec.lead_id.user_id
                rec.crm_team_id = rec.lead_id.team_id
            else:
                rec.crm_owner_id = rec.partner_id.crm_owner_id
                rec.crm_team_id = rec.partner_id.crm_team_id

    @api.constrains('partner_id', 'lead_id')
    def _check_parent(self):
        for rec in self:
            if not rec.partner_id and not rec.lead_id:
                raise ValidationError(_('A follow-up must belong to a customer, a lead or an '
                                        'opportunity.'))

    @api.constrains('date', 'next_contact_at')
    def _check_next_contact(self):
        for rec in self:
            if rec.next_contact_at and rec.date and rec.next_contact_at <= rec.date:
                raise ValidationError(_('The next contact time must be later than the time of '
                                        'this follow-up.'))

    @api.onchange('lead_id')
    def _onchange_lead_id(self):
        if self.lead_id and not self.partner_id:
            self.partner_id = self._partner_from_lead(self.lead_id)

    @api.model
    def _partner_from_lead(self, lead):
        commercial = lead.sudo().partner_id.commercial_partner_id
        return commercial if commercial.is_company else self.env['res.partner']

    @api.model
    def _prepare_vals(self, vals):
        vals = dict(vals)
        Partner = self.env['res.partner'].sudo()
        contact_ids = []
        if vals.get('partner_id'):
            partner = Partner.browse(vals['partner_id'])
            commercial = partner.commercial_partner_id
            if commercial != partner:
                vals['partner_id'] = commercial.id
                contact_ids.append(partner.id)
        elif vals.get('lead_id'):
            partner = self._partner_from_lead(self.env['crm.lead'].browse(vals['lead_id']))
            if partner:
                vals['partner_id'] = partner.id
        if contact_ids:
            vals.setdefault('contact_ids', [])
            vals['contact_ids'] = list(vals['contact_ids']) + [(4, cid) for cid in contact_ids]
        return vals

    def _parents(self):
        return self.mapped('partner_id'), self.mapped('lead_id')

    @api.model
    def create(self, vals):
        rec = super(CrmFollowUp, self).create(self._prepare_vals(vals))
        rec._link_attachments()
        partners, leads = rec._parents()
        partners._crm_follow_up_refresh()
        leads._crm_follow_up_refresh()
        partners.sudo().filtered(lambda p: p.customer_status == 'new').write(
            {'customer_status': 'following'})
        rec._post_to_parents()
        return rec

    @api.multi
    def write(self, vals):
        if vals.get('partner_id') or vals.get('lead_id'):
            vals = self._prepare_vals(vals)
        old_partners, old_leads = self._parents()
        res = super(CrmFollowUp, self).write(vals)
        if 'attachment_ids' in vals:
            self._link_attachments()
        if {'date', 'next_contact_at', 'partner_id', 'lead_id'} & set(vals):
            partners, leads = self._parents()
            (old_partners | partners)._crm_follow_up_refresh()
            (old_leads | leads)._crm_follow_up_refresh()
        return res

    @api.multi
    def unlink(self):
        partners, leads = self._parents()
        res = super(CrmFollowUp, self).unlink()
        partners._crm_follow_up_refresh()
        leads._crm_follow_up_refresh()
        return res

    def _link_attachments(self):
        for rec in self:
            rec.attachment_ids.sudo().filtered(lambda a: not a.res_id).write(
                {'res_model': self._name, 'res_id': rec.id})

    def _post_to_parents(self):
        types = dict(self._fields['follow_up_type']._description_selection(self.env))
        for rec in self:
            body = '<p><b>%s</b> (%s)</p><p>%s</p>' % (
                html_escape(_('Follow-up: %s') % types.get(rec.follow_up_type)),
                html_escape(rec.user_id.name or ''),
                html_escape(rec.content or '').replace('\n', '<br/>'))
            if rec.next_contact_at:
                local = fields.Datetime.context_timestamp(
                    rec, fields.Datetime.from_string(rec.next_contact_at))
                body += '<p>%s</p>' % html_escape(
                    _('Next contact: %s') % local.strftime('%Y-%m-%d %H:%M'))
            for parent in (rec.partner_id, rec.lead_id):
                if parent:
                    parent.sudo().with_context(mail_create_nosubscribe=True).message_post(
                        body=body, subtype='mail.mt_note', message_type='comment',
                        author_id=rec.user_id.partner_id.id)
