# -*- coding: utf-8 -*-
"""The approval engine was part of crm_contract until 11.0.1.2.0 of that module. On a
database where crm_contract is installed, crm_approval installs as its new dependency:
before it loads, the records it takes over (models, fields, views, rules, menus, the
e-mail switches, ...) are relabelled from crm_contract to crm_approval in
``ir_model_data`` (and the many2many tables and constraints in ``ir_model_relation`` /
``ir_model_constraint``), so the update keeps them and their data instead of deleting
crm_contract's and creating crm_approval's anew."""
import logging

_logger = logging.getLogger(__name__)

OLD = 'crm_contract'
NEW = 'crm_approval'
#: the records (not models or fields) crm_approval took over from crm_contract
RECORDS = (
    'mail_activity_data_crm_approval', 'notify_kind_approval_request',
    'notify_kind_approval_result', 'crm_review_wizard_view_form', 'tier_review_view_tree_crm',
    'tier_definition_view_tree_crm', 'tier_definition_view_form_crm',
    'tier_definition_view_search_crm', 'tier_definition_action_crm',
    'menu_crm_tier_definition', 'assets_backend', 'access_tier_definition_crm_admin',
    'access_crm_approval_log_system', 'tier_review_rule_crm_salesman',
    'tier_review_rule_crm_leader', 'tier_review_rule_crm_others',
    'tier_definition_rule_crm_external', 'tier_review_rule_crm_executive',
    'tier_review_rule_crm_manager',
)
#: the models crm_approval defines or extends whose crm_contract fields all moved
MODELS = ('crm.approval.mixin', 'crm.approval.log', 'crm.review.wizard', 'tier.definition',
          'tier.review')
#: single fields moved from a model crm_contract still extends
FIELDS = (('res.partner', 'crm_reviewer_user_ids'),)


def relabel(cr):
    """Move crm_contract's approval records to crm_approval; returns how many
    ``ir_model_data`` rows moved (0 on a new database)."""
    cr.execute("SELECT id FROM ir_module_module WHERE name = %s", (NEW,))
    row = cr.fetchone()
    new_module_id = row and row[0]
    cr.execute("SELECT id FROM ir_module_module WHERE name = %s", (OLD,))
    row = cr.fetchone()
    old_module_id = row and row[0]
    moved_models = tuple('model_' + m.replace('.', '_') for m in MODELS[:3])
    cr.execute("""
        UPDATE ir_model_data d SET module = %s
         WHERE d.module = %s
           AND NOT EXISTS (SELECT 1 FROM ir_model_data n
                            WHERE n.module = %s AND n.name = d.name)
           AND ((d.model NOT IN ('ir.model', 'ir.model.fields') AND d.name IN %s)
                OR (d.model = 'ir.model' AND d.name IN %s)
                OR (d.model = 'ir.model.fields' AND d.res_id IN (
                        SELECT f.id FROM ir_model_fields f
                         WHERE f.model IN %s OR (f.model, f.name) IN %s)))
    """, (NEW, OLD, NEW, RECORDS, moved_models, MODELS, FIELDS))
    count = cr.rowcount
    if old_module_id and new_module_id:
        for table in ('ir_model_relation', 'ir_model_constraint'):
            cr.execute("""
                UPDATE "%s" SET module = %%s
                 WHERE module = %%s AND model IN (SELECT id FROM ir_model WHERE model IN %%s)
            """ % table, (new_module_id, old_module_id, MODELS))
            count += cr.rowcount
    if count:
        _logger.info('crm_approval: %d records taken over from crm_contract', count)
    return count


def pre_init_hook(cr):
    relabel(cr)


def load_approval_translations(cr, registry):
    """``post_init_hook`` of a module whose models inherit ``crm.approval.mixin``.

    The mixin's fields on such a model (submitted by, approved on, ...) are crm_approval's
    terms, but when crm_approval's translations were loaded that model did not exist yet,
    so its copies of the fields stayed in English. Loading crm_approval's translations
    again once the model exists fills them in (existing translations are kept)."""
    from odoo import SUPERUSER_ID, api
    env = api.Environment(cr, SUPERUSER_ID, {})
    env['ir.module.module'].search([('name', '=', 'crm_approval')])._update_translations()
