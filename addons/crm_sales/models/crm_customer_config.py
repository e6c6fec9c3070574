# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmCustomerLevel(models.Model):
    """Customer level (A/B/C/D by default), configured by CRM administrators."""
    _name = 'crm.customer.level'
    _description = 'Customer Level'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'A customer level with this name already exists.'),
    ]


class CrmCustomerSource(models.Model):
    """Where a customer or lead came from (exhibition, channel agent, website...)."""
    _name = 'crm.customer.source'
    _description = 'Customer Source'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'A customer source with this name already exists.'),
    ]


RELATION_TYPES = [
    ('parent', 'Parent company'),
    ('subsidiary', 'Subsidiary'),
    ('branch', 'Branch'),
    ('head_office', 'Head office'),
    ('supplier', 'Upstream supplier'),
    ('distributor', 'Downstream distributor'),
    ('partner', 'Partner'),
]
INVERSE_RELATION = {
    'parent': 'subsidiary',
    'subsidiary': 'parent',
    'branch': 'head_office',
    'head_office': 'branch',
    'supplier': 'distributor',
    'distributor': 'supplier',
    'partner': 'partner',
}


class CrmCustomerRelation(models.Model):
    """"related_partner_id is the <relation_type> of partner_id".

    Shown on both customers: on partner_id as is, on related_partner_id with the
    inverse type (a subsidiary seen from the parent company, etc.)."""
    _name = 'crm.customer.relation'
    _description = 'Relation between Customers'
    _inherit = ['crm.guard.mixin']
    _order = 'id'

    partner_id = fields.Many2one('res.partner', 'Customer', required=True, index=True,
                                 ondelete='cascade', domain=[('is_company', '=', True)])
    related_partner_id = fields.Many2one('res.partner', 'Related Customer', required=True,
                                         index=True, ondelete='cascade',
                                         domain=[('is_company', '=', True)])
    relation_type = fields.Selection(RELATION_TYPES, 'Relation', required=True, default='partner',
                                     help='What the related customer is for this customer.')
    inverse_relation_type = fields.Selection(RELATION_TYPES, 'Inverse Relation',
                                             compute='_compute_inverse_relation_type',
                                             help='What this customer is for the related customer.')
    note = fields.Char('Note')

    _sql_constraints = [
        ('relation_uniq', 'unique(partner_id, related_partner_id, relation_type)',
         'This relation between the two customers already exists.'),
        ('not_self', 'CHECK(partner_id != related_partner_id)',
         'A customer cannot be related to itself.'),
    ]

    def _crm_target_fields(self):
        return {'partner_id': 'write', 'related_partner_id': 'read'}

    @api.depends('relation_type')
    def _compute_inverse_relation_type(self):
        for rel in self:
            rel.inverse_relation_type = INVERSE_RELATION.get(rel.relation_type)
