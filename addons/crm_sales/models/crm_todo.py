# -*- coding: utf-8 -*-
from lxml import etree

from odoo import _, api, fields, models

LIST_LIMIT = 80  # rows per tab; the counter's button opens the whole list


class CrmTodo(models.TransientModel):
    """"My to-do" page: per kind of pending work a counter (with a button opening the
    full list) and a tab listing the first records, with buttons to act on them in
    place. Other modules register a kind by inheriting this model -- an Integer
    ``<kind>_count`` and a Many2many ``<kind>_ids`` (computed, at most ``LIST_LIMIT``
    records) plus an ``action_open_<kind>`` method -- and the form view
    ``crm_sales.crm_todo_view_form`` (xpaths ``//group[@name='counters']`` and
    ``//notebook[@name='lists']``; a ``<page count="<kind>_count">`` shows the count in
    its tab, and every counter adds to the number next to the menu)."""
    _name = 'crm.todo'
    _description = 'My To-do'

    name = fields.Char(default=lambda self: _('My To-do'))
    customer_today_count = fields.Integer('Customers to contact today',
                                          compute='_compute_counts')
    customer_overdue_count = fields.Integer('Overdue follow-ups', compute='_compute_counts')
    lead_new_count = fields.Integer('New leads not followed up', compute='_compute_counts')
    customer_today_ids = fields.Many2many(
        'res.partner', string='Customers to contact today', compute='_compute_lists',
        help='Your customers whose next contact time is today appear here. Set the next '
             'contact time when you log a follow-up.')
    customer_overdue_ids = fields.Many2many(
        'res.partner', string='Overdue follow-ups', compute='_compute_lists',
        help='Your customers whose next contact time has passed without a new follow-up '
             'appear here.')
    lead_new_ids = fields.Many2many(
        'crm.lead', string='New leads not followed up', compute='_compute_lists',
        help='Open leads assigned to you that nobody has followed up yet appear here.')

    # domains (they use crm.clock through the follow_up_due search)
    @api.model
    def _domain_customer_today(self):
        return [('is_crm_customer', '=', True), ('user_id', '=', self.env.uid),
                ('follow_up_due', '=', 'today')]

    @api.model
    def _domain_customer_overdue(self):
        return [('is_crm_customer', '=', True), ('user_id', '=', self.env.uid),
                ('follow_up_due', '=', 'overdue')]

    @api.model
    def _domain_lead_new(self):
        return [('type', '=', 'lead'), ('user_id', '=', self.env.uid),
                ('lead_state', '=', 'open'), ('followed_up', '=', False)]

    def _compute_counts(self):
        Partner = self.env['res.partner']
        Lead = self.env['crm.lead']
        today = Partner.search_count(self._domain_customer_today())
        overdue = Partner.search_count(self._domain_customer_overdue())
        leads = Lead.search_count(self._domain_lead_new())
        for rec in self:
            rec.customer_today_count = today
            rec.customer_overdue_count = overdue
            rec.lead_new_count = leads

    def _compute_lists(self):
        Partner = self.env['res.partner']
        Lead = self.env['crm.lead']
        today = Partner.search(self._domain_customer_today(), limit=LIST_LIMIT)
        overdue = Partner.search(self._domain_customer_overdue(), limit=LIST_LIMIT,
                                 order='next_contact_at')
        leads = Lead.search(self._domain_lead_new(), limit=LIST_LIMIT)
        for rec in self:
            rec.customer_today_ids = today
            rec.customer_overdue_ids = overdue
            rec.lead_new_ids = leads

    def _list_action(self, xmlid, name, domain):
        action = self.env.ref(xmlid).read()[0]
        action.update({'name': name, 'domain': domain, 'context': {}, 'target': 'current'})
        return action

    @api.multi
    def action_open_customer_today(self):
        return self._list_action('crm_sales.action_crm_customers_all', _('Customers to contact today'),
                                 self._domain_customer_today())

    @api.multi
    def action_open_customer_overdue(self):
        return self._list_action('crm_sales.action_crm_customers_all', _('Overdue follow-ups'),
                                 self._domain_customer_overdue())

    @api.multi
    def action_open_lead_new(self):
        return self._list_action('crm_sales.action_crm_sales_leads',
                                 _('New leads not followed up'), self._domain_lead_new())

    @api.model
    def action_open(self):
        """Menu entry: create a to-do record for the current user and show it."""
        todo = self.create({})
        return {
            'type': 'ir.actions.act_window',
            'name': _('My To-do'),
            'res_model': self._name,
            'res_id': todo.id,
            'view_mode': 'form',
            'views': [(self.env.ref('crm_sales.crm_todo_view_form').id, 'form')],
            'target': 'current',
        }

    @api.model
    def get_counts(self):
        """All counters as a dict {field name: value} (for XML-RPC / dashboards); the
        kinds the user does not work on count 0."""
        todo = self.new({})
        visible = self._crm_todo_visible_kinds()
        return {n: todo[n] if n[:-len('_count')] in visible else 0
                for n in self._count_field_names()}

    # which kinds a role sees
    @api.model
    def _crm_todo_kinds(self):
        """Every registered kind: ``<kind>_count`` is an integer field."""
        return [n[:-len('_count')] for n in self._count_field_names()]

    @api.model
    def _crm_todo_visibility(self):
        """{kind: bool}: whether the current user works on that kind of to-do. A kind
        missing here is sales work, shown to salespeople (any working CRM role).
        Modules whose kinds other roles work on add them (call ``super()``)."""
        return {}

    @api.model
    def _crm_todo_visible_kinds(self):
        visibility = self._crm_todo_visibility()
        sales = self.env.user._crm_is_salesperson()
        return [k for k in self._crm_todo_kinds() if visibility.get(k, sales)]

    @api.model
    def fields_view_get(self, view_id=None, view_type='form', toolbar=False, submenu=False):
        """The form shows the counters and tabs of the kinds the user works on only;
        each tab's list opens its records' forms and says, when empty, what would
        appear there (the ``help`` of ``<kind>_ids``)."""
        res = super(CrmTodo, self).fields_view_get(view_id=view_id, view_type=view_type,
                                                   toolbar=toolbar, submenu=submenu)
        if view_type != 'form':
            return res
        arch = etree.fromstring(res['arch'])
        visible = self._crm_todo_visible_kinds()
        for kind in self._crm_todo_kinds():
            if kind in visible:
                self._crm_todo_show_kind(arch, kind, res['fields'])
            else:
                self._crm_todo_hide_kind(arch, kind, res['fields'])
        res['arch'] = etree.tostring(arch, encoding='unicode')
        return res

    def _crm_todo_hide_kind(self, arch, kind, fields):
        nodes = arch.xpath("//button[@name='action_open_%s'] | //page[@name='%s']" % (kind, kind))
        for node in nodes:
            node.getparent().remove(node)
        if not arch.xpath("//field[@name='%s_count' or @name='%s_ids']" % (kind, kind)):
            fields.pop(kind + '_count', None)
            fields.pop(kind + '_ids', None)

    def _crm_todo_show_kind(self, arch, kind, fields):
        for node in arch.xpath("//field[@name='%s_ids']" % kind):
            node.set('widget', node.get('widget') or 'crm_todo_list')
        desc = fields.get(kind + '_ids')
        if desc is not None and not desc.get('help'):
            desc['help'] = _('Nothing here right now: %s appear here.') % desc.get('string', '')

    @api.model
    def _count_field_names(self):
        return [n for n, f in self._fields.items() if f.type == 'integer' and n.endswith('_count')]

    @api.model
    def get_menu_count(self):
        """The number shown next to the "My To-do" menu: every counter added up."""
        return sum(self.get_counts().values())

    @api.model
    def action_home(self):
        """The CRM app's landing screen: the user's home action
        (``res.users._crm_home_action``: "My To-do" for salespeople), else the customers."""
        action = self.env.user._crm_home_action_record()
        if not action:
            return self.env.ref('crm_sales.action_crm_customers_all').read()[0]
        concrete = self.env[action.type].browse(action.id)
        if action.type == 'ir.actions.server':
            return concrete.run()
        return concrete.read()[0]
