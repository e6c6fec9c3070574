# -*- coding: utf-8 -*-
import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

ARTICLE_TYPES = [('faq', 'FAQ'), ('document', 'Technical Document'), ('experience', 'Experience')]


class CrmKnowledgeCategory(models.Model):
    _name = 'crm.knowledge.category'
    _description = 'Knowledge Base Category'
    _parent_store = True
    _order = 'parent_left'

    name = fields.Char('Category', required=True, translate=True)
    parent_id = fields.Many2one('crm.knowledge.category', string='Parent Category', ondelete='restrict',
                                index=True)
    child_ids = fields.One2many('crm.knowledge.category', 'parent_id', string='Subcategories')
    parent_left = fields.Integer(index=True)
    parent_right = fields.Integer(index=True)
    article_count = fields.Integer('Articles', compute='_compute_article_count')

    def _compute_article_count(self):
        data = self.env['crm.knowledge.article'].read_group(
            [('category_id', 'child_of', self.ids)], ['category_id'], ['category_id'])
        counts = {d['category_id'][0]: d['category_id_count'] for d in data}
        for category in self:
            category.article_count = sum(counts.get(c.id, 0) for c in
                                         self.search([('id', 'child_of', category.id)]))


class CrmKnowledgeTag(models.Model):
    _name = 'crm.knowledge.tag'
    _description = 'Knowledge Base Tag'
    _order = 'name'

    name = fields.Char('Tag', required=True, translate=True)
    color = fields.Integer('Color Index')

    _sql_constraints = [('name_uniq', 'unique(name)', 'This tag already exists.')]


class CrmKnowledgeArticle(models.Model):
    """Knowledge base (知识库): FAQ, technical documents, experience shared from
    solved tickets. Drafts are seen by their author and the service managers."""
    _name = 'crm.knowledge.article'
    _description = 'Knowledge Base Article'
    _inherit = ['mail.thread']
    _order = 'write_date desc, id desc'

    name = fields.Char('Title', required=True, track_visibility='onchange')
    article_type = fields.Selection(ARTICLE_TYPES, string='Article Type', required=True, default='faq')
    state = fields.Selection([('draft', 'Draft'), ('published', 'Published')], string='Status',
                             required=True, default='draft', track_visibility='onchange')
    category_id = fields.Many2one('crm.knowledge.category', string='Category', index=True)
    tag_ids = fields.Many2many('crm.knowledge.tag', 'crm_knowledge_article_tag_rel', 'article_id', 'tag_id',
                               string='Tags')
    type_id = fields.Many2one('crm.service.type', string='Service Type', index=True)
    keywords = fields.Char('Keywords', help='Words (separated by spaces or commas) matched against '
                                            'ticket subjects for suggestions.')
    content = fields.Html('Content')
    author_id = fields.Many2one('res.users', string='Author', default=lambda self: self.env.user,
                                readonly=True)
    ticket_id = fields.Many2one('crm.service.ticket', string='Source Ticket', readonly=True, index=True)
    attachment_ids = fields.Many2many('ir.attachment', 'crm_knowledge_article_attachment_rel',
                                      'article_id', 'attachment_id', string='Attachments')

    @api.constrains('name')
    def _check_title(self):
        for article in self.sudo():
            if not (article.name or '').strip():
                raise ValidationError(_('Enter a title for the article.'))

    @api.model
    def _check_source_ticket(self, vals):
        """An article names as its source only a ticket its author may open."""
        if not vals.get('ticket_id') or self.env.user._is_superuser():
            return
        ticket = self.env['crm.service.ticket'].browse(vals['ticket_id'])
        try:
            ticket.check_access_rights('read')
            ticket.check_access_rule('read')
        except AccessError:
            raise AccessError(_('You cannot name as source a ticket you may not open.'))

    @api.model
    def create(self, vals):
        self._check_source_ticket(vals)
        return super(CrmKnowledgeArticle, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_source_ticket(vals)
        return super(CrmKnowledgeArticle, self).write(vals)

    def _hidden_ticket_ids(self):
        """Source tickets of ``self`` the reader may not open (a many2one shows its name
        read as superuser)."""
        tickets = self.sudo().mapped('ticket_id')
        if not tickets or self.env.user._is_superuser():
            return set()
        Ticket = self.env['crm.service.ticket']
        if not Ticket.check_access_rights('read', raise_exception=False):
            return set(tickets.ids)
        return set(tickets.ids) - set(Ticket.search([('id', 'in', tickets.ids)]).ids)

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        result = super(CrmKnowledgeArticle, self).read(fields=fields, load=load)
        if result and 'ticket_id' in result[0]:
            hidden = self._hidden_ticket_ids()
            for values in result:
                ticket = values['ticket_id']
                if ticket and (ticket[0] if isinstance(ticket, tuple) else ticket) in hidden:
                    values['ticket_id'] = False
        return result

    def _export_rows(self, fields, *args, **kwargs):
        def export(records, paths):
            return super(CrmKnowledgeArticle, records)._export_rows(paths, *args, **kwargs)
        columns = [i for i, path in enumerate(fields) if path and path[0] == 'ticket_id']
        hidden = self._hidden_ticket_ids() if columns else set()
        if not hidden:
            return export(self, fields)
        # exporting the ticket's name would read it as the user: leave those columns out
        kept = [path for i, path in enumerate(fields) if i not in columns]
        lines = []
        for article in self:
            if article.sudo().ticket_id.id not in hidden:
                lines.extend(export(article, fields))
                continue
            rows = export(article, kept) if kept else [[]]
            for row in rows:
                for i in columns:
                    row.insert(i, '')
            lines.extend(rows)
        return lines

    @api.multi
    def action_publish(self):
        self.write({'state': 'published'})
        return True

    @api.multi
    def action_unpublish(self):
        self.write({'state': 'draft'})
        return True

    @api.model
    def _suggest(self, service_type, text, limit=5):
        """Published articles for a ticket: the words of ``text`` found in an article's
        title or keywords first, then articles of the same service type."""
        words = [w for w in re.split(r'[\s,，。、;；:：!?！？()（）]+', text or '') if len(w) >= 2][:8]
        found = self.browse()
        if words:
            domain = ['|'] * (2 * len(words) - 1)
            for word in words:
                domain += [('name', 'ilike', word), ('keywords', 'ilike', word)]
            found = self.search([('state', '=', 'published')] + domain, limit=limit)
        if text and len(found) < limit:
            # Chinese subjects have no spaces: an article matches when one of its
            # keywords appears in the text
            for article in self.search([('state', '=', 'published'), ('keywords', '!=', False),
                                        ('id', 'not in', found.ids)], limit=500):
                keys = [k for k in re.split(r'[\s,，、;；]+', article.keywords) if k]
                if any(k.lower() in text.lower() for k in keys):
                    found |= article
                    if len(found) >= limit:
                        break
        if service_type and len(found) < limit:
            found |= self.search([('state', '=', 'published'), ('type_id', '=', service_type.id),
                                  ('id', 'not in', found.ids)], limit=limit - len(found))
        return found
