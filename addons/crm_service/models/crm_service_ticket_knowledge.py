# -*- coding: utf-8 -*-
"""The knowledge base seen from a ticket: the articles matching its type and words, and
its solution published as an article in one click."""
from odoo import _, api, fields, models


class CrmServiceTicketKnowledge(models.Model):
    _inherit = 'crm.service.ticket'

    suggested_article_ids = fields.Many2many('crm.knowledge.article', string='Suggested Articles',
                                             compute='_compute_suggested_article_ids')

    @api.depends('type_id', 'name')
    def _compute_suggested_article_ids(self):
        Article = self.env['crm.knowledge.article']
        for ticket in self:
            ticket.suggested_article_ids = Article._suggest(ticket.type_id, ticket.name or '')

    @api.multi
    def action_publish_article(self):
        """Publish the solution of a processed ticket as a knowledge-base article (one
        click); returns the article's form."""
        self._check_can_work()
        self.ensure_one()
        self._check_state(('processed', 'feedback', 'archived'),
                          _('Ticket %(ticket)s is %(state)s: only processed tickets can be published.'))
        article = self.env['crm.knowledge.article'].create({
            'name': self.name,
            'article_type': 'experience',
            'type_id': self.type_id.id,
            'ticket_id': self.id,
            'content': '<p><b>%s</b></p><p>%s</p><p><b>%s</b></p><p>%s</p>' % (
                _('Problem'), (self.description or self.name).replace('\n', '<br/>'),
                _('Solution'), (self.solution or '').replace('\n', '<br/>')),
            'state': 'published',
        })
        self.message_post(body=_('Published as knowledge-base article "%s".') % article.name,
                          subtype='mail.mt_note')
        return {'type': 'ir.actions.act_window', 'res_model': 'crm.knowledge.article',
                'res_id': article.id, 'view_mode': 'form', 'target': 'current'}
