# -*- coding: utf-8 -*-
"""The screens of a custom field: generated inherited views (``ir.ui.view``).

Per target, one page "Custom Fields" on the form (``crm.custom.field.<target>.page``,
active while the target has an active custom field); per custom field, three views:
the field inside that page, a column of the list, and the search (the field, plus a
filter / group-by for yes/no, choice and date fields). Every arch is built with lxml
from the generated field name and the checked label (lxml escapes it), never by
pasting text into XML. Archiving a custom field deactivates its views (the column and
its values stay); restoring it activates them again."""
from lxml import etree

from odoo import _, api, models
from odoo.exceptions import UserError

VIEW_PREFIX = 'crm.custom.field.'
FIELD_PRIORITY = 90


def _arch(*specs):
    """``<data>`` holding ``specs``: (xpath expression, [elements])."""
    root = etree.Element('data')
    for expr, elements in specs:
        xpath = etree.SubElement(root, 'xpath', expr=expr, position='inside')
        for element in elements:
            xpath.append(element)
    return etree.tostring(root, encoding='unicode')


def _element(tag, **attrs):
    node = etree.Element(tag)
    for key, value in attrs.items():
        node.set(key, value)
    return node


class CrmCustomField(models.Model):
    _inherit = 'crm.custom.field'

    @api.model
    def _crm_page_title(self):
        return _('Custom Fields')

    @api.model
    def _crm_view(self, xmlid):
        view = self.env.ref(xmlid, raise_if_not_found=False)
        if not view:
            raise UserError(_('The screen for these custom fields is not installed.'))
        return view

    @api.model
    def _crm_group_name(self, target):
        return 'crm_custom_fields_%s' % target

    # ------------------------------------------------------------------ the page
    @api.model
    def _crm_page_view(self, target, create=True):
        """The form page of ``target`` holding its custom fields (created once)."""
        View = self.env['ir.ui.view'].with_context(active_test=False)
        name = '%s%s.page' % (VIEW_PREFIX, target)
        spec = self._crm_targets()[target]
        page = View.search([('name', '=', name), ('model', '=', spec['model'])], limit=1)
        if page or not create:
            return page
        group = self._crm_group_name(target)
        node = _element('page', string='Custom Fields', name=group)
        if spec.get('hide'):
            node.set('attrs', repr({'invisible': spec['hide']}))
        etree.SubElement(node, 'group', name=group)
        page = View.create({
            'name': name, 'model': spec['model'], 'mode': 'extension',
            'inherit_id': self._crm_view(spec['form']).id, 'priority': FIELD_PRIORITY,
            'arch': _arch(('//notebook', [node])),
        })
        self._crm_translate_page(page)
        return page

    @api.model
    def _crm_translate_page(self, page):
        Translation = self.env['ir.translation']
        for lang, _name in self.env['res.lang'].get_installed():
            if lang == 'en_US':
                continue
            value = self.with_context(lang=lang)._crm_page_title()
            Translation.create({
                'name': 'ir.ui.view,arch_db', 'type': 'model', 'res_id': page.id,
                'lang': lang, 'src': 'Custom Fields', 'value': value, 'state': 'translated'})

    @api.model
    def _crm_sync_page(self, target, without=None):
        """The page shows while ``target`` has an active custom field (other than
        ``without``)."""
        page = self._crm_page_view(target, create=False)
        if page:
            domain = [('target', '=', target)] + ([('id', '!=', without)] if without else [])
            active = bool(self.search(domain, limit=1))
            if page.active != active:
                page.write({'active': active})

    # ------------------------------------------------------------------ archs
    @api.multi
    def _crm_form_arch(self):
        self.ensure_one()
        spec = self._crm_targets()[self.target]
        node = _element('field', name=self.field_name)
        if spec.get('hide'):
            node.set('attrs', repr({'invisible': spec['hide']}))
        if self.required_on_form:
            node.set('required', '1')
        if self.field_type == 'text':
            node.set('colspan', '2')
        expr = "//group[@name='%s']" % self._crm_group_name(self.target)
        return _arch((expr, [node]))

    @api.multi
    def _crm_tree_arch(self):
        self.ensure_one()
        return _arch(('/tree', [_element('field', name=self.field_name)]))

    @api.multi
    def _crm_search_arch(self):
        self.ensure_one()
        name, label = self.field_name, self.name
        nodes = []
        if self.field_type != 'boolean':
            nodes.append(_element('field', name=name))
        if self.field_type == 'boolean':
            nodes.append(_element('separator'))
            nodes.append(_element('filter', name='crm_custom_%s' % name, string=label,
                                  domain=repr([(name, '=', True)])))
        if self.field_type in ('boolean', 'selection', 'date'):
            nodes.append(_element('filter', name='crm_custom_group_%s' % name, string=label,
                                  context=repr({'group_by': name})))
        return _arch(('/search', nodes))

    # ------------------------------------------------------------------ views
    @api.multi
    def _crm_view_specs(self):
        """[(kind, parent view, arch)] of this custom field's views."""
        self.ensure_one()
        spec = self._crm_targets()[self.target]
        return [
            ('form', self._crm_page_view(self.target), self._crm_form_arch()),
            ('tree', self._crm_view(spec['tree']), self._crm_tree_arch()),
            ('search', self._crm_view(spec['search']), self._crm_search_arch()),
        ]

    @api.multi
    def _crm_create_views(self):
        self.ensure_one()
        View = self.env['ir.ui.view']
        views = View.browse()
        for kind, parent, arch in self._crm_view_specs():
            views |= View.create({
                'name': '%s%s.%s' % (VIEW_PREFIX, self.field_name, kind),
                'model': parent.model, 'mode': 'extension', 'inherit_id': parent.id,
                'priority': FIELD_PRIORITY, 'arch': arch, 'active': self.active,
            })
        self.write({'view_ids': [(6, 0, views.ids)]})
        self._crm_sync_page(self.target)

    @api.multi
    def _crm_update_views(self):
        """Archs follow the label and the form flag; views follow ``active``."""
        self.ensure_one()
        views = self.with_context(active_test=False).view_ids
        if not views:
            return self._crm_create_views()
        by_name = {view.name: view for view in views}
        page = self._crm_page_view(self.target)
        if self.active and not page.active:
            page.write({'active': True})
        for kind, _parent, arch in self._crm_view_specs():
            view = by_name.get('%s%s.%s' % (VIEW_PREFIX, self.field_name, kind))
            if not view:
                continue
            vals = {}
            if view.arch_db != arch:
                vals['arch'] = arch
            if view.active != self.active:
                vals['active'] = self.active
            if vals:
                view.with_context(lang=None).write(vals)
        self._crm_sync_page(self.target)

    @api.multi
    def _crm_drop_views(self):
        self.ensure_one()
        self.with_context(active_test=False).view_ids.unlink()
        target = self.target
        others = self.with_context(active_test=False).search(
            [('target', '=', target), ('id', '!=', self.id)], limit=1)
        if not others:
            self._crm_page_view(target, create=False).unlink()
        else:
            self._crm_sync_page(target, without=self.id)
