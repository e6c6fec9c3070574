# -*- coding: utf-8 -*-
from odoo import api, models

# Odoo 11's zh_CN calls a sales team (crm.team) a "sales channel" (销售渠道); the CRM
# says 销售团队 everywhere, as its users do.
TEAM_TERM = ('销售渠道', '销售团队')


class IrModuleModule(models.Model):
    _inherit = 'ir.module.module'

    def _update_translations(self, filter_lang=None):
        """Every load of module terms (install, update, language install) ends with the
        CRM's wording."""
        res = super(IrModuleModule, self)._update_translations(filter_lang=filter_lang)
        self._crm_normalise_team_term()
        return res

    @api.model
    def _crm_normalise_team_term(self):
        """Only terms whose English source speaks of a sales channel (Odoo's module
        descriptions also use 销售渠道 for "sales funnel": those stay)."""
        old, new = TEAM_TERM
        self.env.cr.execute("""
            UPDATE ir_translation SET value = replace(value, %s, %s)
             WHERE lang = 'zh_CN' AND value LIKE %s AND src ILIKE %s""",
                            (old, new, '%' + old + '%', '%sales channel%'))
        self.env['ir.translation'].clear_caches()
