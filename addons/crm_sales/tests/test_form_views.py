# -*- coding: utf-8 -*-
import inspect
import json

from lxml import etree

from odoo.tests.common import TransactionCase

#: groups whose users the form views are rendered for (their first active user each)
ROLE_GROUPS = ('crm_sales.group_crm_salesman', 'crm_sales.group_crm_leader',
               'crm_sales.group_crm_manager', 'crm_sales.group_crm_executive',
               'crm_sales.group_crm_admin')


def top_level_fields(arch):
    """{field name: [modifiers of each node]} of the form's own fields (the sub-views
    of x2many fields are other records and left out)."""
    found = {}

    def walk(node):
        for child in node:
            if child.tag == 'field':
                found.setdefault(child.get('name'), []).append(
                    json.loads(child.get('modifiers') or '{}'))
                continue  # its sub-view (x2many) is another model's
            walk(child)
    walk(etree.fromstring(arch))
    return found


def object_buttons(env, model, node):
    """(model, method) of every type="object" button under ``node``, the buttons of an
    x2many's sub-view counted for the comodel."""
    for child in node:
        if child.tag == 'button' and child.get('type') == 'object':
            yield model, child.get('name')
        field = env[model]._fields.get(child.get('name')) if child.tag == 'field' else None
        sub_model = field.comodel_name if field is not None and field.type in (
            'one2many', 'many2many') else model
        for found in object_buttons(env, sub_model, child):
            yield found


class TestFormViews(TransactionCase):
    """The web client keeps ONE set of attributes per field name in a form: a field
    shown twice with different read-only / invisible rules (e.g. once per group) makes
    the second node's rule apply to both, and a value typed in the first is silently not
    saved. Every form of the CRM modules is rendered as each role and checked."""

    def crm_form_views(self, types=('form',)):
        """The views the CRM modules define or extend (an extension counts as its
        primary view: the one the web client renders)."""
        modules = self.env['ir.module.module'].search([('author', '=', 'CRM Team'),
                                                       ('state', '=', 'installed')])
        data = self.env['ir.model.data'].search([('module', 'in', modules.mapped('name')),
                                                 ('model', '=', 'ir.ui.view')])
        forms = self.env['ir.ui.view'].browse(data.mapped('res_id')).filtered(
            lambda v: v.type in types)
        primary = self.env['ir.ui.view']
        for view in forms:
            while view.mode != 'primary' and view.inherit_id:
                view = view.inherit_id
            primary |= view
        return primary

    def test_no_field_is_shown_twice_with_different_rules(self):
        users = [self.env.ref(g).users.filtered('active')[:1] for g in ROLE_GROUPS]
        views = self.crm_form_views()
        self.assertIn('res.partner', views.mapped('model'))
        self.assertIn('crm.lead', views.mapped('model'))
        clashes = []
        for view in views:
            for user in filter(None, users):
                Model = self.env[view.model].sudo(user)
                if not Model.check_access_rights('read', raise_exception=False):
                    continue
                arch = Model.fields_view_get(view_id=view.id, view_type='form')['arch']
                for name, modifiers in top_level_fields(arch).items():
                    if any(m != modifiers[0] for m in modifiers[1:]):
                        clashes.append('%s (%s) %s as %s: %s' % (
                            view.xml_id, view.model, name, user.login, modifiers))
        self.assertEqual(clashes, [])

    def test_buttons_call_methods_without_arguments(self):
        """A type="object" button calls its method with the record ids and the web
        client's context as the next positional argument: a method with a parameter of
        its own would get the context in it."""
        wrong = []
        for view in self.crm_form_views(('form', 'tree', 'kanban')):
            arch = self.env[view.model].fields_view_get(view_id=view.id, view_type=view.type)['arch']
            for model, name in set(object_buttons(self.env, view.model, etree.fromstring(arch))):
                method = getattr(type(self.env[model]), name, None)
                if method is None:
                    wrong.append('%s: %s.%s does not exist' % (view.xml_id, model, name))
                    continue
                params = [p.name for p in inspect.signature(method).parameters.values()
                          if p.name != 'self' and p.kind == p.POSITIONAL_OR_KEYWORD]
                if params:
                    wrong.append('%s: %s.%s%s' % (view.xml_id, model, name, tuple(params)))
        self.assertEqual(wrong, [])
