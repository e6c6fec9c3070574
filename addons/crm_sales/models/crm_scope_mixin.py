# -*- coding: utf-8 -*-
from odoo import api, fields, models
from odoo.osv import expression

SCOPE_FIELDS = ('crm_scope_user_id', 'crm_scope_team_id')


def _scope_depends(model):
    """The paths the scope comes from, for ``@api.depends`` (evaluated per model; the
    abstract mixin itself has none)."""
    return [path for path in (model._crm_scope_owner_field, model._crm_scope_team_field)
            if path and path.split('.')[0] in model._fields]


class CrmScopeMixin(models.AbstractModel):
    """Data scope of a CRM record: a stored, indexed owner and sales team, so that one
    rule pattern serves every scoped model (salesperson: ``crm_scope_user_id``, leader:
    ``crm_scope_team_id``, manager: everything).

    A model opts in with two class attributes naming where the owner and the team come
    from: the record's own fields (the default, ``user_id`` / ``team_id``) or a path
    through a parent (``'contract_id.user_id'``); the first field of a path is a plain
    stored field. The values are recomputed when the source changes through the ORM
    (a transfer, a claim, a direct edit) and, for a scope that comes from a customer
    (``'partner_id.crm_owner_id'``), after the SQL paths too (``res.partner.
    _crm_owner_changed``). They are written in the row's INSERT, so the create rule
    sees them even for lines created with their parent (the ORM creates those with
    recomputation postponed). Nobody writes them directly.
    """
    _name = 'crm.scope.mixin'
    _description = 'CRM Data Scope'
    _crm_scope_owner_field = 'user_id'
    _crm_scope_team_field = 'team_id'

    crm_scope_user_id = fields.Many2one(
        'res.users', 'Scope Owner', compute='_compute_crm_scope', store=True, index=True,
        readonly=True, compute_sudo=True,
        help='The salesperson whose data scope holds this record (its own owner or its '
             'parent\'s): the record rules read it.')
    crm_scope_team_id = fields.Many2one(
        'crm.team', 'Scope Team', compute='_compute_crm_scope', store=True, index=True,
        readonly=True, compute_sudo=True,
        help='The sales team whose leader sees this record (its own team or its parent\'s).')

    @api.depends(_scope_depends)
    def _compute_crm_scope(self):
        owner_path, team_path = self._crm_scope_owner_field, self._crm_scope_team_field
        for rec in self:
            rec.crm_scope_user_id = rec.mapped(owner_path)[:1] if owner_path else False
            rec.crm_scope_team_id = rec.mapped(team_path)[:1] if team_path else False

    @api.model
    def _crm_scope_vals(self, vals):
        """The scope of a record about to be created with ``vals`` (write format)."""
        res = {}
        for fname, path in zip(SCOPE_FIELDS, (self._crm_scope_owner_field,
                                               self._crm_scope_team_field)):
            head, _dot, rest = (path or '').partition('.')
            value = vals.get(head) if head else False
            if value and rest:
                parent = self.env[self._fields[head].comodel_name].sudo().browse(value)
                value = parent.mapped(rest)[:1].id
            res[fname] = value or False
        return res

    @api.model
    def _create(self, vals):
        return super(CrmScopeMixin, self)._create(dict(vals, **self._crm_scope_vals(vals)))

    @api.multi
    def write(self, vals):
        if any(fname in vals for fname in SCOPE_FIELDS):
            vals = {k: v for k, v in vals.items() if k not in SCOPE_FIELDS}
        return super(CrmScopeMixin, self).write(vals)

    @api.model
    def _crm_scope_customers_changed(self, partners):
        """The owner or team of the customers ``partners`` changed without the ORM
        seeing it (the pool's SQL release): recompute the scope of every record whose
        scope comes from one of them (a path through a many2one to res.partner)."""
        for name in self._inherit_children:
            Model = self.env[name].sudo().with_context(active_test=False)
            if Model._abstract:
                continue
            heads = {path.split('.')[0] for path in (Model._crm_scope_owner_field,
                                                     Model._crm_scope_team_field)
                     if path and '.' in path}
            heads = sorted(h for h in heads if Model._fields[h].comodel_name == 'res.partner')
            if not heads:
                continue
            records = Model.search(expression.OR([[(h, 'in', partners.ids)] for h in heads]))
            records.invalidate_cache(list(SCOPE_FIELDS), records.ids)
            for fname in SCOPE_FIELDS:
                self.env.add_todo(Model._fields[fname], records)
        self.recompute()
        return True
