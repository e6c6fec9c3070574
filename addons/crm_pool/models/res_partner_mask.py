# -*- coding: utf-8 -*-
"""Contact data of pool customers is hidden from salespeople, at the source: every read
path of res.partner (read with or without a field list, export, group keys, display
names with e-mail), the chatter of the customer and its contacts (mail_message.py) and
related fields of other models (crm.pool.mask.mixin, crm_lead.py). Leaders, managers
and the executive see the values."""
from odoo import api, models
from odoo.osv import expression

from odoo.addons.crm_sales.models.crm_guard import export_rows_masked

# Contact data hidden from salespeople while a customer (or its contact) is in a pool.
POOL_HIDDEN_FIELDS = ('phone', 'mobile', 'email', 'email_formatted', 'wechat',
                      'phone_normalized', 'mobile_normalized')
POOL_HIDDEN_VALUE = '******'


class ResPartner(models.Model):
    _inherit = 'res.partner'

    @api.model
    def _pool_sees_contact_data(self):
        user = self.env.user
        return user._crm_is_leader() or user._crm_is_executive()

    @api.model
    def _pool_masked_partner_ids(self, ids):
        """The ids among ``ids`` whose contact data the current user may not see: partners
        waiting in a pool (customers and their contacts), unless the user sees them."""
        ids = [i for i in ids if isinstance(i, int)]
        if not ids or self._pool_sees_contact_data():
            return set()
        self.env.cr.execute('SELECT id FROM res_partner WHERE id IN %s AND crm_pool_id IS NOT NULL',
                            (tuple(ids),))
        return {r[0] for r in self.env.cr.fetchall()}

    def _pool_masked_ids(self):
        return self._pool_masked_partner_ids(self.ids)

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        result = super(ResPartner, self).read(fields=fields, load=load)
        hidden = [f for f in POOL_HIDDEN_FIELDS if f in self._fields
                  and (fields is None or f in fields)]
        if not hidden or not result:
            return result
        in_pool = self._pool_masked_ids()
        for values in result:
            if values['id'] in in_pool:
                for fname in hidden:
                    if values.get(fname):
                        values[fname] = POOL_HIDDEN_VALUE
        return result

    @api.multi
    def name_get(self):
        """``show_email`` in the context appends the e-mail: not for pool partners."""
        result = super(ResPartner, self).name_get()
        if not self.env.context.get('show_email'):
            return result
        masked = self._pool_masked_ids()
        if not masked:
            return result
        plain = dict(super(ResPartner, self.browse(list(masked)).with_context(
            show_email=False)).name_get())
        return [(pid, plain.get(pid, name)) for pid, name in result]

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        """Grouping by a contact field must not reveal a pool partner's value as a group
        key: such a group is shown masked, and its domain names the ids instead of the
        value."""
        result = super(ResPartner, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        groupby = [groupby] if isinstance(groupby, str) else list(groupby or [])
        keys = [g for g in groupby[:1 if lazy else None] if g in POOL_HIDDEN_FIELDS]
        if not keys or self._pool_sees_contact_data():
            return result
        for key in keys:
            values = list({g[key] for g in result if g.get(key)})
            if not values:
                continue
            self.env.cr.execute(
                'SELECT DISTINCT "{0}" FROM res_partner WHERE crm_pool_id IS NOT NULL AND '
                '"{0}" IN %s'.format(key), (tuple(values),))
            secret = {r[0] for r in self.env.cr.fetchall()}
            for group in result:
                if group.get(key) in secret:
                    ids = self.search(expression.AND([domain or [], [(key, '=', group[key])]])).ids
                    group['__domain'] = [leaf if not (isinstance(leaf, (list, tuple)) and leaf[0] == key)
                                         else ('id', 'in', ids) for leaf in group.get('__domain', [])]
                    group[key] = POOL_HIDDEN_VALUE
        return result

    def _export_rows(self, fields, *args, **kwargs):
        """Export (and any export reaching partners through a relation, e.g. an
        opportunity's customer/phone) reads field values directly, not through read():
        mask the same columns. Only the first line of a record holds its own values."""
        hidden = [i for i, path in enumerate(fields)
                  if len(path) == 1 and path[0] in POOL_HIDDEN_FIELDS]
        in_pool = self._pool_masked_ids() if hidden else set()
        if not in_pool:
            return super(ResPartner, self)._export_rows(fields, *args, **kwargs)
        return export_rows_masked(
            self, lambda recs: super(ResPartner, recs)._export_rows(fields, *args, **kwargs),
            dict.fromkeys(in_pool, hidden), POOL_HIDDEN_VALUE)


class CrmPoolMaskMixin(models.AbstractModel):
    """For models with related fields reaching a partner's contact data (e.g.
    ``crm.lead.partner_address_email`` = ``partner_id.email``): those values are masked
    like the partner's own fields while the partner waits in a pool."""
    _name = 'crm.pool.mask.mixin'
    _description = 'Hide Pool Contact Data in Related Fields'

    @api.model
    def _pool_mask_related_fields(self):
        """{field name: partner many2one field name} of the masked related fields."""
        found = {}
        for name, field in self._fields.items():
            related = field.related
            if not related or len(related) != 2 or related[1] not in POOL_HIDDEN_FIELDS:
                continue
            first = self._fields.get(related[0])
            if first is not None and first.type == 'many2one' and first.comodel_name == 'res.partner':
                found[name] = related[0]
        return found

    def _pool_mask_map(self):
        """{record id: set of masked field names} for ``self``."""
        related = self._pool_mask_related_fields()
        if not related:
            return {}
        Partner = self.env['res.partner']
        if Partner._pool_sees_contact_data():
            return {}
        links = {}
        for rec in self.sudo():
            for fname, pfield in related.items():
                if rec[pfield]:
                    links.setdefault(rec[pfield].id, []).append((rec.id, fname))
        masked = Partner._pool_masked_partner_ids(list(links))
        result = {}
        for pid in masked:
            for rec_id, fname in links[pid]:
                result.setdefault(rec_id, set()).add(fname)
        return result

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        result = super(CrmPoolMaskMixin, self).read(fields=fields, load=load)
        masks = self._pool_mask_map() if result else {}
        for values in result:
            for fname in masks.get(values['id'], ()):
                if values.get(fname):
                    values[fname] = POOL_HIDDEN_VALUE
        return result

    def _export_rows(self, fields, *args, **kwargs):
        related = self._pool_mask_related_fields()
        cols = [i for i, path in enumerate(fields) if len(path) == 1 and path[0] in related]
        mask_map = self._pool_mask_map() if cols else {}
        masks = {rec_id: [i for i in cols if fields[i][0] in fnames]
                 for rec_id, fnames in mask_map.items()}
        return export_rows_masked(
            self, lambda recs: super(CrmPoolMaskMixin, recs)._export_rows(fields, *args, **kwargs),
            masks, POOL_HIDDEN_VALUE)
