# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_sales.grant import grant

#: what the publisher may still change once a notice is out
EDITABLE_PUBLISHED = ('pinned', 'expiry_date')


class CrmNotice(models.Model):
    """A notice (通知公告) published to every user or to chosen sales teams.

    Administrators and sales managers publish to anyone; a team leader to the teams he
    leads. ``state`` (draft → published → archived), ``publish_date`` and the publisher
    (``user_id``) change through the actions only. A published, unexpired notice
    addressed to a user shows on her "my to-do" (a banner while it is pinned) until she
    marks it read (``action_mark_read``: her own read receipt, ``crm.notice.read``)."""
    _name = 'crm.notice'
    _description = 'Announcement'
    _inherit = ['mail.thread', 'crm.guard.mixin']
    _order = 'pinned desc, publish_date desc, id desc'

    name = fields.Char('Title', required=True, track_visibility='onchange')
    body = fields.Html('Content')
    audience = fields.Selection([('all', 'Everyone'), ('teams', 'Chosen teams')], 'Audience',
                                required=True, default='all', track_visibility='onchange')
    team_ids = fields.Many2many('crm.team', 'crm_notice_team_rel', 'notice_id', 'team_id',
                                'Teams', help='The notice reaches the members and leaders of '
                                'these teams and of every team below them.')
    user_id = fields.Many2one('res.users', 'Publisher', required=True, readonly=True,
                              index=True, default=lambda self: self.env.user,
                              ondelete='restrict')
    state = fields.Selection([('draft', 'Draft'), ('published', 'Published'),
                              ('archived', 'Archived')], 'Status', required=True,
                             default='draft', readonly=True, index=True,
                             track_visibility='onchange')
    publish_date = fields.Datetime('Published On', readonly=True, copy=False)
    expiry_date = fields.Date('Expires On', help='From the day after, the notice no longer '
                              'shows on "my to-do". Empty: until it is archived.')
    pinned = fields.Boolean('Pinned', help='A pinned notice shows as a banner on the "my '
                            'to-do" of every reader until she marks it read.')
    attachment_ids = fields.Many2many('ir.attachment', 'crm_notice_attachment_rel',
                                      'notice_id', 'attachment_id', 'Attachments')
    read_ids = fields.One2many('crm.notice.read', 'notice_id', 'Read Receipts', readonly=True)
    is_read = fields.Boolean('Read by Me', compute='_compute_is_read', search='_search_is_read')
    is_current = fields.Boolean('Current', compute='_compute_is_current',
                                search='_search_is_current',
                                help='Published and not expired, by the CRM clock.')
    can_manage = fields.Boolean(compute='_compute_can_manage')
    audience_count = fields.Integer('Readers', compute='_compute_receipts')
    read_count = fields.Integer('Read', compute='_compute_receipts')
    unread_count = fields.Integer('Not Read Yet', compute='_compute_receipts')
    unread_user_ids = fields.Many2many('res.users', string='Not Read Yet',
                                       compute='_compute_receipts')

    def _crm_action_fields(self):
        return ('state', 'publish_date')

    def _crm_author_fields(self):
        return ('user_id',)

    # ------------------------------------------------------------------ computes
    def _compute_is_read(self):
        read = set(self.env['crm.notice.read'].sudo().search(
            [('notice_id', 'in', self.ids), ('user_id', '=', self.env.uid)]).mapped('notice_id').ids)
        for rec in self:
            rec.is_read = rec.id in read

    @api.model
    def _search_is_read(self, operator, value):
        self.env.cr.execute('SELECT notice_id FROM crm_notice_read WHERE user_id = %s',
                            (self.env.uid,))
        ids = [row[0] for row in self.env.cr.fetchall()]
        positive = (operator == '=') == bool(value)
        return [('id', 'in' if positive else 'not in', ids)]

    def _compute_is_current(self):
        Clock = self.env['crm.clock']
        now, today = Clock.now_str(), Clock.today_str()
        for rec in self:
            rec.is_current = rec.state == 'published' and (rec.publish_date or '') <= now and (
                not rec.expiry_date or rec.expiry_date >= today)

    @api.model
    def _search_is_current(self, operator, value):
        Clock = self.env['crm.clock']
        domain = ['&', '&', ('state', '=', 'published'), ('publish_date', '<=', Clock.now_str()),
                  '|', ('expiry_date', '=', False), ('expiry_date', '>=', Clock.today_str())]
        positive = (operator == '=') == bool(value)
        return domain if positive else ['!'] + domain

    def _compute_can_manage(self):
        for rec in self:
            rec.can_manage = rec._crm_may_manage()

    def _compute_receipts(self):
        Users = self.env['res.users']
        for rec in self:
            if not rec.id or not rec._crm_may_manage():
                rec.update({'audience_count': 0, 'read_count': 0, 'unread_count': 0,
                            'unread_user_ids': Users})
                continue
            audience = rec._crm_audience_users()
            readers = rec.sudo().read_ids.mapped('user_id')
            unread = audience - readers
            rec.update({'audience_count': len(audience), 'read_count': len(readers & audience),
                        'unread_count': len(unread), 'unread_user_ids': unread})

    # ------------------------------------------------------------------ audience
    def _crm_audience_users(self):
        """The internal users the notice is addressed to (active ones)."""
        self.ensure_one()
        Users = self.env['res.users'].sudo()
        domain = [('share', '=', False)]
        if self.audience == 'teams':
            teams = self.sudo().team_ids._crm_team_and_below()
            domain += ['|', ('sale_team_id', 'in', teams.ids), ('id', 'in', teams.mapped('user_id').ids)]
        return Users.search(domain)

    def _crm_addressed_to(self, user):
        self.ensure_one()
        if self.audience == 'all':
            return not user.share
        return bool(set(self.sudo().team_ids.ids) & set(user._crm_notice_team_ids()))

    def _crm_may_manage(self, user=None):
        """The publisher of the notice, or a sales manager / administrator."""
        user = user or self.env.user
        return user._crm_is_manager() or (self.sudo().user_id == user and user._crm_is_leader())

    @api.model
    def _crm_check_audience(self, audience, teams):
        """A leader publishes to teams he leads only; a notice to teams names one."""
        user = self.env.user
        if audience == 'teams' and not teams:
            raise UserError(_('Choose the teams the notice is for, or send it to everyone.'))
        if user._crm_is_manager():
            return
        if not user._crm_is_leader():
            raise AccessError(_('Only administrators, sales managers and team leaders may '
                                'publish notices.'))
        if audience != 'teams':
            raise AccessError(_('A team leader publishes notices to the teams he leads: '
                                'choose them as the audience.'))
        for team in teams:
            if not user._crm_leads_team(team):
                raise AccessError(_('You do not lead the team "%s": you may not publish '
                                    'notices to it.') % team.sudo().name)

    # ------------------------------------------------------------------ ORM
    @api.model
    def create(self, vals):
        if not self.env['crm.guard']._is_privileged():
            teams = self.env['crm.team'].sudo()
            for command in vals.get('team_ids') or ():
                if command[0] == 6:
                    teams |= teams.browse(command[2])
                elif command[0] == 4:
                    teams |= teams.browse(command[1])
            self._crm_check_audience(vals.get('audience') or 'all', teams)
        return super(CrmNotice, self).create(vals)

    @api.multi
    def write(self, vals):
        checked = not self.env['crm.guard']._is_privileged()
        if checked:
            content = set(vals) - set(EDITABLE_PUBLISHED)
            for rec in self:
                if not rec._crm_may_manage():
                    raise AccessError(_('Only the publisher of a notice or a sales manager '
                                        'may change it.'))
                if content and rec.state != 'draft':
                    raise UserError(_('The notice "%s" is published: only its pin and its '
                                      'expiry date may still change. Archive it and publish '
                                      'a new one.') % rec.name)
        result = super(CrmNotice, self).write(vals)
        if checked and {'audience', 'team_ids'} & set(vals):
            for rec in self:
                rec._crm_check_audience(rec.audience, rec.sudo().team_ids)
        return result

    @api.multi
    def unlink(self):
        if not self.env['crm.guard']._is_privileged():
            for rec in self:
                if rec.state != 'draft' or not rec._crm_may_manage():
                    raise UserError(_('Only a draft notice may be deleted, by its publisher '
                                      'or a sales manager: archive "%s" instead.') % rec.name)
        return super(CrmNotice, self).unlink()

    # ------------------------------------------------------------------ actions
    def _crm_check_manage(self):
        for rec in self:
            if not rec._crm_may_manage():
                raise AccessError(_('Only the publisher of the notice "%s" or a sales manager '
                                    'may do this.') % rec.name)

    @api.multi
    def action_publish(self):
        self._crm_check_manage()
        now = self.env['crm.clock'].now_str()
        for rec in self:
            if rec.state != 'draft':
                raise UserError(_('The notice "%s" is not a draft: it was published already.')
                                % rec.name)
            rec._crm_check_audience(rec.audience, rec.sudo().team_ids)
            grant(rec, 'action_write').write({'state': 'published', 'publish_date': now})
        return True

    @api.multi
    def action_archive_notice(self):
        self._crm_check_manage()
        for rec in self:
            if rec.state != 'published':
                raise UserError(_('Only a published notice may be archived ("%s" is not).')
                                % rec.name)
            grant(rec, 'action_write').write({'state': 'archived'})
        return True

    @api.multi
    def action_mark_read(self):
        """The current user has read these notices: her read receipt, timed by the CRM
        clock (once; reading again changes nothing)."""
        user = self.env.user
        Read = self.env['crm.notice.read'].sudo()
        now = self.env['crm.clock'].now_str()
        for rec in self:
            rec.check_access_rule('read')
            if rec.state != 'published' or not rec._crm_addressed_to(user):
                raise UserError(_('The notice "%s" is not addressed to you, or no longer '
                                  'published.') % rec.name)
            if not Read.search_count([('notice_id', '=', rec.id), ('user_id', '=', user.id)]):
                Read.create({'notice_id': rec.id, 'user_id': user.id, 'read_at': now})
        return True

    @api.multi
    def action_open_read(self):
        """Open the notice (from the to-do) and mark it read."""
        self.action_mark_read()
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': self.id,
                'view_mode': 'form', 'views': [(False, 'form')], 'target': 'current'}

    @api.model
    def _crm_domain_unread(self):
        """Notices on the current user's to-do: current, addressed to her, not read."""
        return [('is_current', '=', True), ('is_read', '=', False)] + self._crm_domain_addressed()

    @api.model
    def _crm_domain_addressed(self):
        user = self.env.user
        return ['|', ('audience', '=', 'all'), ('team_ids', 'in', user._crm_notice_team_ids())]
