# -*- coding: utf-8 -*-
from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .crm_sales_scope_common import CrmScopeCase


class TestStageGroup(CrmScopeCase):

    def test_opportunity_takes_team_group_and_first_stage(self):
        opp = self._opp('Gateway deal', self.sa1)
        self.assertEqual(opp.stage_group_id, self.group_a)
        self.assertEqual(opp.stage_id, self.stages_a[0])
        self.assertEqual(opp.probability, 10)
        opp_b = self._opp('Demo deal', self.sb1)
        self.assertEqual(opp_b.stage_group_id, self.group_b)
        self.assertEqual(opp_b.stage_id, self.stages_b[0])
        self.assertEqual(opp_b.probability, 40)

    def test_salesperson_creates_opportunity_with_default_stage(self):
        opp = self.Lead.sudo(self.sa1).create({'name': 'Mine', 'type': 'opportunity'})
        self.assertEqual(opp.team_id, self.team_a)
        self.assertEqual(opp.stage_id, self.stages_a[0])

    def test_move_within_group_sets_win_rate_and_tracks(self):
        opp = self._opp('Moving deal', self.sa1)
        opp.sudo(self.sa1).write({'stage_id': self.stages_a[2].id})
        self.assertEqual(opp.probability, 50)
        tracked = opp.message_ids.mapped('tracking_value_ids').filtered(
            lambda t: t.field == 'stage_id')
        self.assertTrue(tracked, 'stage change must be in the chatter')

    def test_other_group_stage_refused_and_nothing_changes(self):
        opp = self._opp('Strict deal', self.sa1)
        opp.write({'stage_id': self.stages_a[1].id})
        with self.assertRaises(ValidationError), mute_logger('odoo.sql_db'):
            with self.env.cr.savepoint():
                opp.sudo(self.sa1).write({'stage_id': self.stages_b[1].id})
        opp.invalidate_cache()
        self.assertEqual(opp.stage_id, self.stages_a[1])
        self.assertEqual(opp.probability, 30)
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                self._opp('Bad start', self.sa1, stage_id=self.stages_b[0].id)

    def test_team_without_group_keeps_odoo_stages(self):
        opp = self._opp('Classic deal', self.sc1)
        self.assertFalse(opp.stage_group_id)
        self.assertFalse(opp.stage_id.stage_group_id)
        self.assertTrue(opp.stage_id)
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                opp.write({'stage_id': self.stages_a[0].id})
        won = self.env['crm.stage'].search([('stage_group_id', '=', False),
                                            ('probability', '=', 100)], limit=1)
        if won:
            opp.action_set_won()
            self.assertEqual(opp.end_status, 'won')
            self.assertEqual(opp.probability, 100)

    def test_pipeline_columns_are_the_team_group_stages(self):
        self._opp('Col deal', self.sa1)
        groups = self.Lead.with_context(default_team_id=self.team_a.id).read_group(
            [('type', '=', 'opportunity'), ('team_id', '=', self.team_a.id)],
            ['stage_id'], ['stage_id'])
        stage_ids = [g['stage_id'][0] for g in groups]
        self.assertEqual(stage_ids, self.stages_a.ids)
        groups = self.Lead.sudo(self.sb1).read_group(
            [('type', '=', 'opportunity'), ('team_id', '=', self.team_b.id)],
            ['stage_id'], ['stage_id'])
        self.assertEqual([g['stage_id'][0] for g in groups], self.stages_b.ids)

    def test_changing_team_moves_to_new_group(self):
        opp = self._opp('Travelling deal', self.sa1)
        opp.write({'stage_id': self.stages_a[3].id})
        opp.write({'team_id': self.team_b.id, 'user_id': self.sb1.id})
        self.assertEqual(opp.stage_group_id, self.group_b)
        self.assertEqual(opp.stage_id, self.stages_b[0])
        self.assertEqual(opp.probability, 40)

    def test_team_in_one_group_and_one_company_group(self):
        opp = self._opp('Regrouped deal', self.sa1)
        self.group_b.write({'team_ids': [(4, self.team_a.id)]})
        self.assertEqual(self.team_a.stage_group_id, self.group_b)
        self.assertNotIn(self.team_a, self.group_a.team_ids)
        opp.invalidate_cache()
        self.assertEqual(opp.stage_group_id, self.group_b)
        self.assertEqual(opp.stage_id, self.stages_b[0])
        # group_a has no team any more: whole company; a second one is refused
        existing = self.env['crm.stage.group'].search([('team_ids', '=', False)])
        self.assertIn(self.group_a, existing)
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                self.env['crm.stage.group'].create({'name': 'T-Second company group'})

    def test_end_status_won_lost_invalid(self):
        opp = self._opp('Won deal', self.sa1)
        opp.sudo(self.sa1).action_set_end_status('won', note='Signed')
        self.assertEqual(opp.end_status, 'won')
        self.assertEqual(opp.probability, 100)
        self.assertTrue(opp.end_date)
        tracked = opp.message_ids.mapped('tracking_value_ids').filtered(
            lambda t: t.field == 'end_status')
        self.assertTrue(tracked, 'end status must be tracked in the chatter')
        with self.assertRaises(UserError):
            opp.sudo(self.sa1).write({'stage_id': self.stages_a[2].id})
        with self.assertRaises(UserError):
            opp.sudo(self.sa1).action_set_end_status('lost', reason_id=self.reason.id)

        lost = self._opp('Lost deal', self.sa1)
        lost.sudo(self.sa1).action_set_end_status('lost', reason_id=self.reason.id)
        self.assertEqual((lost.end_status, lost.probability, lost.end_reason_id),
                         ('lost', 0, self.reason))
        invalid = self._opp('Invalid deal', self.sa1)
        invalid.action_set_end_status('invalid', reason_id=self.reason.id)
        self.assertEqual(invalid.end_status, 'invalid')
        self.assertEqual(invalid.probability, 0)
        invalid.action_reopen()
        self.assertFalse(invalid.end_status)
        self.assertEqual(invalid.probability, 10)

    def test_end_status_bad_input_writes_nothing(self):
        opp = self._opp('Careful deal', self.sa1)
        with self.assertRaises(UserError):
            opp.sudo(self.sa1).action_set_end_status('lost')
        with self.assertRaises(UserError):
            opp.sudo(self.sa1).action_set_end_status('invalid', reason_id=False)
        with self.assertRaises(UserError):
            opp.sudo(self.sa1).action_set_end_status('maybe')
        self.assertFalse(opp.end_status)
        self.assertEqual(opp.probability, 10)
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                opp.write({'end_status': 'lost'})

    def test_end_status_wizard(self):
        opp = self._opp('Wizard deal', self.sa1)
        wizard = self.env['crm.opportunity.end'].sudo(self.sa1).create({
            'lead_id': opp.id, 'end_status': 'lost', 'reason_id': self.reason.id})
        wizard.action_apply()
        self.assertEqual(opp.end_status, 'lost')
        self.assertEqual(opp.lost_reason, self.reason)
