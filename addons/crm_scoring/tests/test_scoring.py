# -*- coding: utf-8 -*-
from datetime import datetime, timedelta
from unittest import mock

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_sales.grant import grant
from odoo.addons.crm_sales.tests.sales_common import SalesCase
from odoo.addons.crm_scoring.models import crm_score_model


class ScoringCase(SalesCase):
    """Two sources of their own (no demo rule or history knows them), so that every
    figure below comes from what the test itself does."""

    @classmethod
    def setUpClass(cls):
        super(ScoringCase, cls).setUpClass()
        cls.Score = cls.env['crm.score.model']
        cls.Rule = cls.env['crm.score.rule']
        Source = cls.env['crm.customer.source']
        cls.fair = Source.create({'name': 'Scoring Test Fair'})
        cls.cold = Source.create({'name': 'Scoring Test Cold List'})

    @classmethod
    def make_lead(cls, user, source, **vals):
        values = {'name': 'Scoring lead', 'type': 'lead', 'customer_source_id': source.id,
                  'partner_name': 'Scoring Test Co', 'user_id': user.id,
                  'team_id': user.sale_team_id.id}
        values.update(vals)
        return cls.Lead.sudo(user).create(values)


class TestLeadScore(ScoringCase):

    def test_a_rule_change_changes_the_score_at_once_and_says_why(self):
        lead = self.make_lead(self.lina, self.fair)
        before = lead.lead_score
        clamp = lambda score: max(0, min(100, score))
        rule = self.Rule.sudo(self.admin_crm).create({
            'name': 'Fair leads', 'feature': 'source', 'source_id': self.fair.id,
            'points': -20})
        lead.invalidate_cache()
        self.assertEqual(lead.lead_score, clamp(before - 20))
        self.assertIn('Scoring Test Fair -20 (rules -20, history +0)',
                      lead.with_context(lang='en_US').score_reasons)
        rule.sudo(self.admin_crm).write({'points': 15})
        self.assertEqual(lead.lead_score, clamp(before + 15))
        score = lead.lead_score
        self.assertEqual(lead.lead_grade, 'A' if score >= 80 else 'B' if score >= 60
                         else 'C' if score >= 40 else 'D')
        # the lead's own change rescores it too
        lead.sudo(self.lina).write({'customer_source_id': self.cold.id})
        self.assertEqual(lead.lead_score, before)
        rule.sudo(self.admin_crm).unlink()
        lead.sudo(self.lina).write({'customer_source_id': self.fair.id})
        self.assertEqual(lead.lead_score, before)

    def test_count_rules_and_engagement_follow_ups_and_replies(self):
        lead = self.make_lead(self.lina, self.fair, contact_name=False, mobile=False,
                              email_from=False)
        self.Rule.sudo(self.admin_crm).create({
            'name': 'Talked twice', 'feature': 'engagement', 'min_count': 2, 'points': 12})
        base = lead.lead_score
        self.assertIn('engagement:0:', lead.score_detail)
        for content in ('电话沟通需求', '发送方案'):
            self.FollowUp.sudo(self.lina).create({'lead_id': lead.id, 'content': content,
                                                  'follow_up_type': 'call'})
        self.assertIn('engagement:2:', lead.score_detail)
        self.assertEqual(lead.lead_score, base + 12)
        lead.message_post(body='Re: quotation', message_type='email')
        self.assertIn('engagement:3:', lead.score_detail)

    def test_learned_weights_rank_a_converted_like_lead_above_an_invalid_like_one(self):
        def history(source, converted, invalid):
            for i in range(converted + invalid):
                lead = self.make_lead(self.lina, source, name='History %d' % i)
                if i < converted:
                    grant(lead, 'action_write').write({'lead_state': 'converted'})
                else:
                    grant(lead, 'action_write').write({'lead_state': 'invalid',
                                                       'invalid_reason': 'no need'})
        history(self.fair, 8, 1)
        history(self.cold, 1, 8)
        self.Score._crm_get('lead')._crm_train()
        self.Score._crm_rescore_leads()
        fair_like = self.make_lead(self.lina, self.fair)
        cold_like = self.make_lead(self.lina, self.cold)
        self.assertGreater(fair_like.lead_score, cold_like.lead_score)
        weights = self.Score._crm_get('lead').weight_ids
        fair_w = weights.filtered(lambda w: w.feature == 'source' and w.key == str(self.fair.id))
        cold_w = weights.filtered(lambda w: w.feature == 'source' and w.key == str(self.cold.id))
        self.assertEqual((fair_w.positive_count, fair_w.negative_count), (8, 1))
        self.assertGreater(fair_w.points, 0)
        self.assertLess(cold_w.points, 0)
        self.assertIn('history +%d' % fair_w.points,
                      fair_like.with_context(lang='en_US').score_reasons)
        self.assertEqual(fair_w.value_label, 'Scoring Test Fair')

    def test_scores_are_action_only_and_rules_belong_to_the_crm_administrator(self):
        lead = self.make_lead(self.lina, self.fair)
        other_grade = 'D' if lead.lead_grade != 'D' else 'A'
        for vals in ({'lead_score': (lead.lead_score + 7) % 100}, {'lead_grade': other_grade},
                     {'win_probability': 90.0}, {'score_detail': 'source:1:50:0'}):
            with self.assertRaises(AccessError):
                lead.sudo(self.lina).write(vals)
            with self.assertRaises(AccessError):
                self.make_lead(self.lina, self.fair, **vals)
        rule_vals = {'name': 'x', 'feature': 'source', 'source_id': self.fair.id, 'points': 5}
        for user in (self.lina, self.zhangwei, self.sunqiang, self.executive):
            with self.assertRaises(AccessError):
                self.Rule.sudo(user).create(rule_vals)
            self.assertTrue(self.Rule.sudo(user).search([]))        # all read the rules
        with self.assertRaises(ValidationError):
            self.Rule.sudo(self.admin_crm).create(dict(rule_vals, points=80))
        with self.assertRaises(ValidationError):
            self.Rule.sudo(self.admin_crm).create(dict(rule_vals, source_id=False))
        # retraining: managers and the administrator only
        for user in (self.lina, self.zhangwei, self.executive):
            with self.assertRaises(AccessError):
                self.Score._crm_get('lead').sudo(user).action_retrain()
        self.assertTrue(self.Score._crm_get('lead').sudo(self.sunqiang).action_retrain())
        # the executive reads, changes nothing, rescores nothing
        with self.assertRaises((AccessError, UserError)):
            lead.sudo(self.executive).action_rescore()

    def test_scope_the_score_is_read_with_the_lead(self):
        lead = self.make_lead(self.lina, self.fair)
        self.assertEqual(lead.sudo(self.lina).read(['lead_score'])[0]['lead_score'],
                         lead.lead_score)
        with self.assertRaises(AccessError):
            lead.sudo(self.yanglei).read(['lead_score'])
        Lead = self.Lead.sudo(self.wangfang)
        self.assertNotIn(lead, Lead.search([('lead_score', '>=', 0)]))
        self.assertIn(lead, self.Lead.sudo(self.zhangwei).search(
            [('lead_grade', '=', lead.lead_grade)]))


class TestWinProbability(ScoringCase):

    @classmethod
    def setUpClass(cls):
        super(TestWinProbability, cls).setUpClass()
        opp = cls.make_opp(cls.lina, 'probe')
        cls.stage = opp.stage_id
        opp.sudo().unlink()

    @classmethod
    def make_opp(cls, user, name, **vals):
        values = {'name': name, 'type': 'opportunity', 'partner_name': 'Scoring Opp Co',
                  'planned_revenue': 100000, 'customer_source_id': cls.fair.id,
                  'user_id': user.id, 'team_id': user.sale_team_id.id}
        values.update(vals)
        return cls.Lead.sudo(user).create(values)

    def set_stage_since(self, opps, days_before_now):
        since = datetime.strptime(self.env['crm.clock'].now_str(), '%Y-%m-%d %H:%M:%S') - \
            timedelta(days=days_before_now)
        self.env.cr.execute('UPDATE crm_lead SET date_last_stage_update = %s WHERE id IN %s',
                            (since.strftime('%Y-%m-%d %H:%M:%S'), tuple(opps.ids)))
        opps.invalidate_cache()

    def make_history(self):
        """In the same stage, those that sat there long were lost, fresh ones won."""
        stale, fresh = self.Lead, self.Lead
        for i in range(8):
            stale |= self.make_opp(self.lina, 'stale %d' % i, stage_id=self.stage.id)
            fresh |= self.make_opp(self.lina, 'fresh %d' % i, stage_id=self.stage.id)
        self.set_stage_since(stale, 120)
        self.set_stage_since(fresh, 3)
        reason = self.env.ref('crm_sales.lost_reason_price').id
        for i, opp in enumerate(stale):
            opp.sudo(self.lina).action_set_end_status('won' if i < 1 else 'lost',
                                                      reason if i >= 1 else False)
        for i, opp in enumerate(fresh):
            opp.sudo(self.lina).action_set_end_status('won' if i < 7 else 'lost',
                                                      reason if i >= 7 else False)
        return stale, fresh

    def fresh_open_opp(self):
        open_opp = self.make_opp(self.lina, 'open one', stage_id=self.stage.id)
        self.set_stage_since(open_opp, 1)
        self.Score._crm_rescore_win(open_opp.ids)
        return open_opp

    def test_little_history_the_stage_rate_then_shrunk_towards_it(self):
        self.make_history()
        # fewer closed opportunities than the minimum (here set above the demo's and
        # these): the stage's rate
        with mock.patch.object(crm_score_model, 'MIN_WIN_HISTORY', 100000):
            model = self.Score._crm_get('win')._crm_train()
            self.assertLess(model.positive_count + model.negative_count,
                            crm_score_model.MIN_WIN_HISTORY)
            self.assertEqual(model.state, 'untrained')
            open_opp = self.fresh_open_opp()
        self.assertEqual(open_opp.win_probability, self.stage.probability)
        self.assertFalse(open_opp.win_reasons)
        # past the minimum, the learned rate is pulled towards the stage's by the stage's
        # prior strength k against the n closed opportunities: (n·learned + k·stage)/(n+k)
        with mock.patch.object(crm_score_model, 'MIN_WIN_HISTORY', 10), \
                mock.patch.object(crm_score_model, 'PRIOR_STRENGTH', 0):
            model = self.Score._crm_get('win')._crm_train()
            self.Score._crm_rescore_win(open_opp.ids)
            learned = open_opp.win_probability
        n = model.positive_count + model.negative_count
        self.assertGreater(learned, self.stage.probability + 10, 'fresh ones were won')
        with mock.patch.object(crm_score_model, 'MIN_WIN_HISTORY', 10):
            self.Score._crm_get('win')._crm_train()
            self.Score._crm_rescore_win(open_opp.ids)
        k = crm_score_model.PRIOR_STRENGTH
        self.assertAlmostEqual(open_opp.win_probability,
                               (n * learned + k * self.stage.probability) / (n + k), delta=0.2)
        self.assertLess(abs(open_opp.win_probability - self.stage.probability),
                        abs(learned - self.stage.probability))

    @mock.patch.object(crm_score_model, 'MIN_WIN_HISTORY', 10)
    @mock.patch.object(crm_score_model, 'PRIOR_STRENGTH', 10)
    def test_learned_from_closed_history_days_in_stage_follow_the_clock(self):
        # a company with a long history, in miniature: the stage rate counts little
        stale, fresh = self.make_history()
        self.Score._crm_get('win')._crm_train()
        model = self.Score._crm_get('win')
        self.assertEqual(model.state, 'trained')
        self.assertLessEqual(model.history_brier, model.stage_brier)
        open_opp = self.fresh_open_opp()
        fresh_p = open_opp.win_probability
        self.assertIn('stage_days:0:', open_opp.win_detail)
        self.assertTrue(open_opp.win_reasons)
        self.assertEqual(open_opp.probability, self.stage.probability,
                         'the stage\'s configured rate stays beside it')
        # 120 days later, still in the stage: the nightly run lowers its chance
        self.env['crm.clock'].set_now((datetime.strptime(self.NOW, '%Y-%m-%d %H:%M:%S') +
                                       timedelta(days=120)).strftime('%Y-%m-%d %H:%M:%S'))
        self.Score._cron_retrain()
        open_opp.invalidate_cache()
        self.assertIn('stage_days:3:', open_opp.win_detail)
        self.assertLess(open_opp.win_probability, fresh_p - 10)
        # closed ones: 100 won, 0 lost
        self.assertEqual(fresh[0].win_probability, 100)
        self.assertEqual(stale[5].win_probability, 0)

    def test_without_history_the_stage_rate_and_a_stage_change_rescores(self):
        self.env.cr.execute("DELETE FROM crm_score_weight")
        self.env.cr.execute("UPDATE crm_score_model SET state = 'untrained'")
        self.Score.invalidate_cache()
        opp = self.make_opp(self.lina, 'no history', stage_id=self.stage.id)
        self.assertEqual(opp.win_probability, self.stage.probability)
        later = self.env['crm.stage'].search([('stage_group_id', '=', opp.stage_group_id.id),
                                              ('probability', '>', self.stage.probability),
                                              ('probability', '<', 100)], limit=1)
        if later:       # the demo's status group has stages with higher rates
            opp.sudo(self.lina).write({'stage_id': later.id})
            self.assertEqual(opp.win_probability, later.probability)
        with self.assertRaises(AccessError):
            opp.sudo(self.lina).write({'win_probability': 99.0})


class TestScoreStorage(ScoringCase):
    """The scores live in a narrow row of their own (crm.lead.score) that the lead
    delegates to: one per lead, made by the CRM, never sent by a client."""

    def score_row(self, lead):
        self.env.cr.execute('SELECT s.id, s.lead_score, s.lead_grade FROM crm_lead l '
                            'JOIN crm_lead_score s ON s.id = l.score_id WHERE l.id = %s',
                            (lead.id,))
        return self.env.cr.fetchone()

    def test_each_lead_has_its_own_row_sorted_filtered_and_deleted_with_it(self):
        self.Rule.sudo(self.admin_crm).create({
            'name': 'Cold list leads', 'feature': 'source', 'source_id': self.cold.id,
            'points': -30})
        high = self.make_lead(self.lina, self.fair)
        low = self.make_lead(self.lina, self.cold)
        self.assertEqual(self.score_row(high)[1:], (high.lead_score, high.lead_grade))
        self.assertGreater(high.lead_score, low.lead_score, 'the cold list\'s -30')
        twin = high.sudo(self.lina).copy()
        self.assertNotEqual(self.score_row(twin)[0], self.score_row(high)[0])
        self.assertEqual(twin.lead_score, high.lead_score)
        mine = self.Lead.sudo(self.lina).search([('id', 'in', (high | low).ids)],
                                                order='lead_score desc')
        self.assertEqual(mine.ids, [high.id, low.id])
        self.assertEqual(self.Lead.sudo(self.lina).search(
            [('id', 'in', (high | low).ids), ('lead_score', '>', low.lead_score)]), high)
        groups = self.Lead.sudo(self.lina).read_group(
            [('id', 'in', (high | low | twin).ids)], ['lead_grade', 'lead_score'], ['lead_grade'])
        self.assertEqual(sum(g['lead_grade_count'] for g in groups), 3)
        for group in groups:     # the average score of the grade, as before the move
            members = (high | low | twin).filtered(lambda l: l.lead_grade == group['lead_grade'])
            self.assertAlmostEqual(group['lead_score'],
                                   sum(members.mapped('lead_score')) / float(len(members)), 2)
        row = self.score_row(twin)[0]
        twin.sudo(self.sunqiang).unlink()      # a sales manager may delete a lead
        self.env.cr.execute('SELECT count(*) FROM crm_lead_score WHERE id = %s', (row,))
        self.assertEqual(self.env.cr.fetchone()[0], 0)

    def test_the_link_and_the_row_are_not_a_client_s(self):
        lead = self.make_lead(self.lina, self.fair)
        other = self.make_lead(self.lina, self.cold)
        with self.assertRaises(AccessError):
            self.make_lead(self.lina, self.fair, score_id=lead.score_id.id)
        with self.assertRaises(AccessError):
            other.sudo(self.lina).write({'score_id': lead.score_id.id})
        with self.assertRaises(AccessError):
            other.sudo(self.lina).copy({'score_id': lead.score_id.id})
        for user in (self.lina, self.zhangwei, self.sunqiang):
            with self.assertRaises(AccessError):
                self.env['crm.lead.score'].sudo(user).create({})
            with self.assertRaises(AccessError):
                self.env['crm.lead.score'].sudo(user).browse(lead.score_id.id).read(['lead_score'])
        self.assertNotEqual(self.score_row(other)[0], self.score_row(lead)[0])
        # a default in the context does not link a new lead to another's row either
        third = self.Lead.sudo(self.lina).with_context(default_score_id=lead.score_id.id).create(
            {'name': 'Scoring lead', 'type': 'lead', 'partner_name': 'Scoring Test Co',
             'customer_source_id': self.fair.id})
        self.assertNotEqual(self.score_row(third)[0], self.score_row(lead)[0])
        # a row asked for and never used (a default read over RPC) goes with the nightly run
        unused = self.env['crm.lead.score']._crm_new_row()
        self.assertGreaterEqual(self.env['crm.lead.score']._crm_delete_orphans(), 1)
        self.env.cr.execute('SELECT count(*) FROM crm_lead_score WHERE id IN %s',
                            ((unused, lead.score_id.id),))
        self.assertEqual(self.env.cr.fetchone()[0], 1, 'the used row stays')

    def test_an_older_version_s_score_columns_move_into_the_rows(self):
        cr = self.env.cr
        cr.execute('ALTER TABLE crm_lead ALTER COLUMN score_id DROP NOT NULL')
        cr.execute('ALTER TABLE crm_lead ADD COLUMN lead_score int, ADD COLUMN lead_grade varchar')
        cr.execute("INSERT INTO crm_lead (name, type, lead_state, active, lead_score, lead_grade) "
                   "VALUES ('旧版本的线索', 'lead', 'open', true, 77, 'B') RETURNING id")
        old = self.Lead.browse(cr.fetchone()[0])
        self.Lead._crm_give_every_lead_its_scores()
        self.assertEqual(self.score_row(old)[1:], (77, 'B'))
        cr.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = 'crm_lead' "
                   "AND column_name IN ('lead_score', 'lead_grade')")
        self.assertEqual(cr.fetchone()[0], 0)
        cr.execute('SELECT count(*) FROM crm_lead WHERE score_id IS NULL')
        self.assertEqual(cr.fetchone()[0], 0)
