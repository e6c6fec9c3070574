# -*- coding: utf-8 -*-
from odoo import api, fields, models


class ResPartner(models.Model):
    """The users asked to review a document of this customer (for the record rule
    that lets a reviewer open the customer of what he reviews)."""
    _inherit = 'res.partner'

    crm_reviewer_user_ids = fields.Many2many(
        'res.users', string='Reviewers of its documents', compute='_compute_crm_reviewers',
        search='_search_crm_reviewers')

    def _compute_crm_reviewers(self):
        for partner in self:
            partner.crm_reviewer_user_ids = False

    @api.model
    def _search_crm_reviewers(self, operator, value):
        """A sub-select on the reviewer tables of the approval documents
        (``crm_review_user_ids``): the SQL has the same size however many documents."""
        user_ids = value if isinstance(value, (list, tuple)) else [value]
        user_ids = [i for i in user_ids if isinstance(i, int)]
        queries = []
        for name in self.env['tier.definition']._crm_approval_model_names():
            Model = self.env[name]
            field = Model._fields.get('crm_review_user_ids')
            partner = Model._fields.get(Model._crm_partner_field)
            if field and field.store and partner and partner.store:
                queries.append(
                    'SELECT d."%s" FROM "%s" d JOIN "%s" rel ON rel."%s" = d.id '
                    'WHERE rel."%s" = ANY(%%s)' % (partner.name, Model._table, field.relation,
                                                  field.column1, field.column2))
        if not queries or not user_ids or operator not in ('in', '='):
            return [('id', '=', False)]
        return [('id', 'inselect', (' UNION '.join(queries), (user_ids,) * len(queries)))]
