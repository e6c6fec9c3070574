# -*- coding: utf-8 -*-
from odoo import _, api, fields, models, tools

from .crm_lead_score import SCORE_FIELDS
from .crm_score_rule import COMPANY_SIZES

#: what a lead's score depends on (a change rescores it)
LEAD_INPUTS = frozenset(('customer_source_id', 'industry_id', 'region', 'company_size',
                         'contact_name', 'phone', 'mobile', 'email_from', 'wechat',
                         'partner_name', 'type', 'lead_state'))
#: what an opportunity's win probability depends on
WIN_INPUTS = frozenset(('stage_id', 'planned_revenue', 'customer_source_id', 'industry_id',
                        'team_id', 'partner_id', 'type', 'end_status', 'product_line_ids',
                        'discount'))


class CrmLead(models.Model):
    """The lead score (线索评分) and grade of leads, the learned win probability
    (赢单率预测) of opportunities, each with its top reasons. They live in the lead's row
    of ``crm.lead.score`` (delegation: lists filter, group and sort by them through a
    join); written only by SQL of ``crm.score.model`` (action-only: no client sets them,
    nor the link to the row)."""
    _inherit = 'crm.lead'
    _inherits = {'crm.lead.score': 'score_id'}

    company_size = fields.Selection(COMPANY_SIZES, 'Company Size')
    # the lead's own empty row, made by BaseModel.create whichever layers are above it
    # (a client never sends it: action-only, and no default_score_id passes the guard)
    score_id = fields.Many2one('crm.lead.score', 'Scores', required=True, readonly=True,
                               ondelete='restrict', copy=False, auto_join=True,
                               default=lambda self: self.env['crm.lead.score']._crm_new_row())
    score_reasons = fields.Text('Why this Score', compute='_compute_score_reasons')
    win_reasons = fields.Text('Why this Probability', compute='_compute_score_reasons')

    @api.model
    def _add_inherited_fields(self):
        super(CrmLead, self)._add_inherited_fields()
        # the score fields _inherits adds are read as superuser: a lead's reader reads its
        # scores (the lead's record rules decide), nobody reads crm.lead.score itself; and
        # they aggregate as their originals do (average score, not a sum)
        for name in SCORE_FIELDS:
            field = self._fields.get(name)
            if field is not None and field.inherited:
                extra = {'related_sudo': True,
                         'group_operator': field.inherited_field.group_operator}
                field.args = dict(field.args, **extra)
                for attr, value in extra.items():
                    setattr(field, attr, value)

    def _crm_action_fields(self):
        return super(CrmLead, self)._crm_action_fields() + SCORE_FIELDS + ('score_id',)

    @api.model_cr_context
    def _auto_init(self):
        self._crm_give_every_lead_its_scores()    # before the ORM makes score_id NOT NULL
        return super(CrmLead, self)._auto_init()

    @api.model_cr
    def _crm_give_every_lead_its_scores(self):
        """Every lead has its scores row: the leads there were when this module was
        installed (or updated from the version whose scores were columns of crm_lead:
        their values move, the columns go) get one."""
        cr = self.env.cr
        if not tools.table_exists(cr, 'crm_lead'):
            return
        if not tools.column_exists(cr, 'crm_lead', 'score_id'):
            tools.create_column(cr, 'crm_lead', 'score_id', 'int4')
        cr.execute("SELECT 1 FROM crm_lead WHERE score_id IS NULL LIMIT 1")
        if not cr.fetchone():
            return
        old = [c for c in SCORE_FIELDS if tools.column_exists(cr, 'crm_lead', c)]
        cr.execute("CREATE TEMP TABLE crm_lead_score_new AS "
                   "SELECT id AS lead_id, nextval('crm_lead_score_id_seq') AS score_id "
                   "FROM crm_lead WHERE score_id IS NULL")
        cr.execute("INSERT INTO crm_lead_score (id{cols}) SELECT n.score_id{vals} "
                   "FROM crm_lead_score_new n JOIN crm_lead l ON l.id = n.lead_id".format(
                       cols=''.join(', %s' % c for c in old),
                       vals=''.join(', l.%s' % c for c in old)))
        cr.execute("UPDATE crm_lead l SET score_id = n.score_id FROM crm_lead_score_new n "
                   "WHERE l.id = n.lead_id")
        cr.execute("DROP TABLE crm_lead_score_new")
        for column in old:
            # CASCADE: a report view reading it (crm_reports_scoring) is rebuilt by its
            # module's update, which follows this one
            cr.execute('ALTER TABLE crm_lead DROP COLUMN "%s" CASCADE' % column)

    @api.multi
    def unlink(self):
        rows = self.sudo().exists().mapped('score_id')
        res = super(CrmLead, self).unlink()
        rows.unlink()
        return res

    # ------------------------------------------------------------------ reasons
    @api.depends('score_detail', 'win_detail')
    def _compute_score_reasons(self):
        Weight = self.env['crm.score.weight']
        parsed = {}
        for lead in self:
            parsed[lead.id] = (self._crm_parse_detail(lead.score_detail),
                               self._crm_parse_detail(lead.win_detail))
        pairs = {(f, k) for a, b in parsed.values() for f, k, _r, _l in a + b}
        labels = Weight._labels(list(pairs))
        names = dict(Weight._fields['feature']._description_selection(self.env))
        win = self.env['crm.score.model'].sudo().search([('kind', '=', 'win')], limit=1)
        rates = {}
        if win.state == 'trained':
            self.env.cr.execute('SELECT feature, key, rate FROM crm_score_weight '
                                'WHERE model_id = %s', (win.id,))
            rates = {(f, k): r for f, k, r in self.env.cr.fetchall()}
        for lead in self:
            lead_parts, win_parts = parsed[lead.id]
            lines = []
            for feature, key, rule, learned in sorted(
                    lead_parts, key=lambda p: -abs(p[2] + int(p[3]))):
                total = rule + int(learned)
                if not total or len(lines) == 3:
                    continue
                lines.append(_('%s: %s %+d (rules %+d, history %+d)') % (
                    names.get(feature, feature), labels[(feature, key)], total, rule,
                    int(learned)))
            lead.score_reasons = '\n'.join(lines) or False
            lines = []
            for feature, key, _rule, learned in sorted(win_parts, key=lambda p: -abs(p[3])):
                if abs(learned) < 0.05 or len(lines) == 3:
                    continue
                lines.append(_('%s %s: %s (history: %.0f%% won)') % (
                    '▲' if learned > 0 else '▼', names.get(feature, feature),
                    labels[(feature, key)], rates.get((feature, key), 0.0)))
            lead.win_reasons = '\n'.join(lines) or False

    @api.model
    def _crm_parse_detail(self, detail):
        """[(feature, key, rule points, learned value)] of a stored detail string."""
        parts = []
        for item in (detail or '').split(';'):
            bits = item.split(':')
            if len(bits) == 4:
                try:
                    parts.append((bits[0], bits[1], int(bits[2]), float(bits[3])))
                except ValueError:
                    continue
        return parts

    # ------------------------------------------------------------------ keeping scores current
    def _crm_rescore(self, lead_ids=None, win_ids=None):
        Model = self.env['crm.score.model']
        if lead_ids:
            Model._crm_rescore_leads(lead_ids)
        if win_ids:
            Model._crm_rescore_win(win_ids)

    @api.model
    def create(self, vals):
        lead = super(CrmLead, self).create(vals)
        ids = [lead.id]
        self._crm_rescore(lead_ids=ids, win_ids=ids)
        return lead

    @api.multi
    def write(self, vals):
        res = super(CrmLead, self).write(vals)
        keys = set(vals)
        self._crm_rescore(lead_ids=self.ids if keys & LEAD_INPUTS else None,
                          win_ids=self.ids if keys & WIN_INPUTS else None)
        return res

    def _crm_follow_up_refresh(self):
        res = super(CrmLead, self)._crm_follow_up_refresh()
        ids = self.exists().ids
        self._crm_rescore(lead_ids=ids, win_ids=ids)
        return res

    def _message_post_after_hook(self, message):
        res = super(CrmLead, self)._message_post_after_hook(message)
        if message.message_type == 'email':       # a reply from the lead
            self._crm_rescore(lead_ids=self.ids)
        return res

    @api.multi
    def action_rescore(self):
        """重新评分: score these leads / opportunities again now (whoever may read them
        and works in the CRM)."""
        self.env.user._crm_check_can_act()
        self.check_access_rights('read')
        self.check_access_rule('read')
        self._crm_rescore(lead_ids=self.ids, win_ids=self.ids)
        return self.env['crm.notify'].done(_('Scored again.'))
