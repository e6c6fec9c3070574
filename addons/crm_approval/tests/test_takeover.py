# -*- coding: utf-8 -*-
from odoo.tests.common import TransactionCase

from odoo.addons.crm_approval.hooks import relabel


class TestTakeover(TransactionCase):
    """A database from before crm_approval (the engine was crm_contract's): installing
    crm_approval takes crm_contract's approval records over instead of deleting them."""

    def _row(self, name):
        self.env.cr.execute("SELECT module FROM ir_model_data WHERE name = %s ORDER BY id",
                            (name,))
        return [r[0] for r in self.env.cr.fetchall()]

    def _as_before(self, *names):
        """Label these records crm_contract's, as a database of the previous version has
        them."""
        self.env.cr.execute("UPDATE ir_model_data SET module = 'crm_contract' "
                            "WHERE module = 'crm_approval' AND name IN %s", (names,))

    def test_records_fields_and_menus_move_to_crm_approval(self):
        names = ('menu_crm_tier_definition', 'tier_definition_view_form_crm',
                 'model_crm_approval_log', 'field_tier_review_crm_turn',
                 'field_res_partner_crm_reviewer_user_ids', 'notify_kind_approval_request')
        menu = self.env.ref('crm_approval.menu_crm_tier_definition')
        self._as_before(*names)
        self.assertEqual(self._row('menu_crm_tier_definition'), ['crm_contract'])
        self.assertGreaterEqual(relabel(self.env.cr), len(names))
        for name in names:
            self.assertEqual(self._row(name), ['crm_approval'], name)
        # the same record, not a new one: the menu (and any data on it) is kept
        self.assertEqual(self.env.ref('crm_approval.menu_crm_tier_definition'), menu)

    def test_contract_records_stay_with_crm_contract(self):
        """What is crm_contract's own (its fields on customers, its tiers) stays."""
        self.env.cr.execute(
            "INSERT INTO ir_model_data (module, name, model, res_id, noupdate) "
            "VALUES ('crm_contract', 'crm_approval_test_keep', 'ir.ui.menu', %s, false)",
            (self.env.ref('crm_approval.menu_crm_tier_definition').id,))
        relabel(self.env.cr)
        self.assertEqual(self._row('crm_approval_test_keep'), ['crm_contract'])

    def test_new_database_has_nothing_to_take_over(self):
        self.assertEqual(relabel(self.env.cr), 0)
