# -*- coding: utf-8 -*-
from odoo import api, models

from .crm_odoo_labels import ODOO_FIELD_LABELS, ODOO_SELECTION_LABELS

# Odoo 11's zh_CN calls a sales team (crm.team) a "sales channel" (销售渠道); the CRM
# says 销售团队 everywhere, as its users do.
TEAM_TERM = ('销售渠道', '销售团队')
# traditional characters in Odoo's Simplified Chinese terms (web's and crm's "Delete")
TRADITIONAL_TO_SIMPLIFIED = {'刪': '删'}


class IrModuleModule(models.Model):
    _inherit = 'ir.module.module'

    def _update_translations(self, filter_lang=None):
        """Every load of module terms (install, update, language install) ends with the
        CRM's wording."""
        res = super(IrModuleModule, self)._update_translations(filter_lang=filter_lang)
        self._crm_normalise_team_term()
        self._crm_apply_odoo_field_labels()
        return res

    @api.model
    def _crm_odoo_field_labels(self):
        """{model: {field: English label}}: Odoo's fields the CRM names differently
        (``crm_odoo_labels.py``); the label's translation is the CRM module's own."""
        return ODOO_FIELD_LABELS

    @api.model
    def _crm_odoo_selection_labels(self):
        """{model: {field: [English labels]}}: values the CRM adds to Odoo's selections."""
        return ODOO_SELECTION_LABELS

    @api.model
    def _crm_label_translations(self, label):
        """{lang: translation} of a CRM code term (crm_sales' first)."""
        self.env.cr.execute("""
            SELECT lang, value FROM ir_translation
             WHERE type = 'code' AND module LIKE 'crm\\_%%' AND src = %s AND value != ''
          ORDER BY module = 'crm_sales' DESC""", (label,))
        by_lang = {}
        for lang, value in self.env.cr.fetchall():
            by_lang.setdefault(lang, value)
        return by_lang

    @api.model
    def _crm_apply_odoo_field_labels(self):
        """Write the CRM's labels as the translations of Odoo's fields and of the values
        it adds to Odoo's selections, in every language the CRM translates them to."""
        Fields = self.env['ir.model.fields'].sudo()
        Translation = self.env['ir.translation'].sudo()
        for model, labels in self._crm_odoo_field_labels().items():
            for name, label in labels.items():
                field = Fields.search([('model', '=', model), ('name', '=', name)], limit=1)
                for lang, value in (self._crm_label_translations(label) if field else {}).items():
                    Translation._set_ids('ir.model.fields,field_description', 'model', lang,
                                         field.ids, value, field.field_description)
        for model, by_field in self._crm_odoo_selection_labels().items():
            for name, labels in by_field.items():
                for label in labels:
                    for lang, value in self._crm_label_translations(label).items():
                        self._crm_set_selection_term('%s,%s' % (model, name), lang, label, value)
        Translation.clear_caches()

    @api.model
    def _crm_set_selection_term(self, name, lang, src, value):
        self.env.cr.execute("""
            UPDATE ir_translation SET value = %s, state = 'translated'
             WHERE type = 'selection' AND name = %s AND lang = %s AND src = %s""",
                            (value, name, lang, src))
        if not self.env.cr.rowcount:
            self.env.cr.execute("""
                INSERT INTO ir_translation (type, name, lang, src, value, module, state, res_id)
                VALUES ('selection', %s, %s, %s, %s, 'crm_sales', 'translated', 0)""",
                                (name, lang, src, value))

    @api.model
    def _crm_normalise_team_term(self):
        """Only terms whose English source speaks of a sales channel (Odoo's module
        descriptions also use 销售渠道 for "sales funnel": those stay). Traditional
        characters in Odoo's Simplified Chinese terms are simplified."""
        old, new = TEAM_TERM
        self.env.cr.execute("""
            UPDATE ir_translation SET value = replace(value, %s, %s)
             WHERE lang = 'zh_CN' AND value LIKE %s AND src ILIKE %s""",
                            (old, new, '%' + old + '%', '%sales channel%'))
        for old, new in TRADITIONAL_TO_SIMPLIFIED.items():
            self.env.cr.execute("""
                UPDATE ir_translation SET value = replace(value, %s, %s)
                 WHERE lang = 'zh_CN' AND value LIKE %s""", (old, new, '%' + old + '%'))
        self.env['ir.translation'].clear_caches()
