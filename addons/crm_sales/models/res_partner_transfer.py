# -*- coding: utf-8 -*-
"""Changing a customer's owner: the transfer action and the hooks other modules extend
(``_crm_owner_changed`` after any owner change, ``_crm_transfer_related`` on transfer)."""
from odoo import _, api, models
from odoo.exceptions import UserError

from ..grant import acting, grant

KEEP_OLD_OWNER = ('none', 'read', 'write')


class ResPartner(models.Model):
    _inherit = 'res.partner'

    # ------------------------------------------------------------------ transfer
    @api.multi
    def action_transfer(self, user_id, with_contacts=True, with_opportunities=True,
                        keep_old_owner='none'):
        """Give the customers to the salesperson ``user_id``.

        ``with_contacts``: their contacts get the new salesperson too;
        ``with_opportunities``: their open opportunities move to the new salesperson
        (and their team); ``keep_old_owner``: 'none', 'read' or 'write' -- the previous
        owner stays as a read or write member. Only the owner, the leader of the
        customer's team or a sales manager may transfer. Returns True."""
        self.env.user._crm_check_can_act()
        if not isinstance(keep_old_owner, str) or keep_old_owner not in KEEP_OLD_OWNER:
            raise UserError(_('Keep the previous owner as "none", "read" or "write".'))
        new_user = self.env['crm.guard']._arg_record(
            'res.users', user_id, _('the salesperson who receives the customers'))
        if not new_user.active:
            raise UserError(_('Choose the salesperson who receives the customers.'))
        if not new_user._crm_is_salesperson():
            raise UserError(_('%s is not a salesperson and cannot own customers.') % new_user.name)
        if not self:
            raise UserError(_('Choose the customers to transfer.'))
        self._crm_check_customers()
        self._crm_check_can_manage(_(
            'Only the owner of "%s", the leader of its team or a sales manager can transfer it.'))
        options = {
            'with_contacts': bool(with_contacts),
            'with_opportunities': bool(with_opportunities),
            'keep_old_owner': keep_old_owner,
        }
        author = self.env.user.partner_id.id
        for partner in acting(self).sudo():
            old_user = partner.user_id
            if old_user == new_user:
                continue
            vals = {'share_read_user_ids': [(3, new_user.id)],
                    'share_write_user_ids': [(3, new_user.id)]}
            if old_user and keep_old_owner == 'read':
                vals['share_read_user_ids'].append((4, old_user.id))
            elif old_user and keep_old_owner == 'write':
                vals['share_write_user_ids'].append((4, old_user.id))
            partner._crm_set_owner(new_user, 'transfer', {
                'vals': vals, 'with_contacts': bool(with_contacts),
                'log_note': partner._crm_transfer_log_note(keep_old_owner)})
            partner_options = dict(options, old_user_id=old_user.id, author_id=author)
            partner._crm_transfer_related(new_user, partner_options)
            keep_label = {'none': _('not kept'), 'read': _('kept as read member'),
                          'write': _('kept as write member')}[keep_old_owner]
            partner.message_post(author_id=author, body=_(
                'Customer transferred from %s to %s by %s (previous owner %s).') % (
                old_user.name or _('nobody'), new_user.name, self.env.user.name, keep_label))
        return True

    @api.multi
    def _crm_contacts(self):
        """The contacts and addresses of the customers ``self`` (archived ones too)."""
        return self.sudo().with_context(active_test=False).search([
            ('commercial_partner_id', 'in', self.ids), ('id', 'not in', self.ids)])

    @api.multi
    def _crm_set_owner(self, user, reason, options=None):
        """The one ORM path giving the customers ``self`` to ``user``: owner, the user's
        team, owner_assigned_at (crm.clock), their contacts (``options['with_contacts']``,
        default True) and any other ``options['vals']``, in one write; then
        ``_crm_owner_changed`` (``options['old_by_id']`` when the owner column was already
        set with SQL, as a claim does under its lock). ``reason``: 'transfer', 'claim',
        'assign', 'offboard'... Callers check the rights (and the pool its limit) first;
        it writes in sudo. One line per customer in the operation log (kind ``reason``
        when it is one, else 'transfer'; ``options['log_note']`` added to its summary),
        unless ``options['log']`` is False (a caller that logs the change itself)."""
        options = dict(options or {})
        partners = acting(self).sudo()
        old_by_id = options.get('old_by_id') or {p.id: p.user_id.id for p in partners}
        vals = dict(options.get('vals') or {}, user_id=user.id,
                    owner_assigned_at=self.env['crm.clock'].now_str())
        if user.sale_team_id:
            vals['team_id'] = user.sale_team_id.id
        grant(partners, 'set_owner', 'share', 'action_write', owner_reason=reason).write(vals)
        if options.get('with_contacts', True):
            grant(partners._crm_contacts(), 'set_owner', 'action_write').write({'user_id': user.id})
        partners._crm_owner_changed(old_by_id, {'reason': reason, 'sql': bool(options.get('old_by_id'))})
        if options.get('log', True):
            partners._crm_log_owner_change(reason, old_by_id, user, options.get('log_note'))
        return True

    @api.multi
    def _crm_owner_changed(self, old_by_id, options):
        """Bulk hook called after the owner of the customers ``self`` changed by any path
        (the ORM, or SQL such as the pool cron's release, which bypasses the ORM's
        recomputation): ``old_by_id`` = {customer id: previous owner id}; ``options``
        holds ``reason`` ('transfer', 'claim', 'auto_release'...) and ``sql`` (True when
        the rows were updated with SQL). Here: the owner and team that follow-ups store
        for the record rules, and (after SQL) the scope of records that take it from
        their customer (``crm.scope.mixin``, e.g. service tickets). Other modules
        override it, call super() and bring their records along, with SQL for the bulk
        case."""
        if not self:
            return True
        cr = self.env.cr
        cr.execute("""
            UPDATE crm_follow_up f
               SET crm_owner_id = p.crm_owner_id, crm_team_id = p.crm_team_id
              FROM res_partner p
             WHERE f.partner_id = p.id AND f.lead_id IS NULL AND p.id = ANY(%s)
               AND (f.crm_owner_id IS DISTINCT FROM p.crm_owner_id
                    OR f.crm_team_id IS DISTINCT FROM p.crm_team_id)""", (self.ids,))
        if cr.rowcount:
            self.env['crm.follow.up'].invalidate_cache(['crm_owner_id', 'crm_team_id'])
        if options.get('sql'):
            self.env['crm.scope.mixin']._crm_scope_customers_changed(self)
        return True

    def _crm_transfer_related(self, new_user, options):
        """Carry the customer's related records to ``new_user`` (called in sudo, once
        per customer, after the customer itself changed owner). ``options`` holds
        with_contacts, with_opportunities, keep_old_owner ('none'/'read'/'write') and
        old_user_id and author_id (partner id of the user who transfers). Other modules (contracts...) override it and call super()."""
        self.ensure_one()
        keep = options.get('keep_old_owner', 'none')
        if options.get('with_opportunities'):
            opps = self.env['crm.lead'].search([
                ('type', '=', 'opportunity'), ('partner_id', 'child_of', self.id),
                ('end_status', '=', False), ('user_id', '!=', new_user.id)])
            for opp in opps:
                vals = {'user_id': new_user.id,
                        'share_read_user_ids': [(3, new_user.id)],
                        'share_write_user_ids': [(3, new_user.id)]}
                if new_user.sale_team_id:
                    vals['team_id'] = new_user.sale_team_id.id
                opp_old = opp.user_id
                if opp_old and keep == 'read':
                    vals['share_read_user_ids'].append((4, opp_old.id))
                elif opp_old and keep == 'write':
                    vals['share_write_user_ids'].append((4, opp_old.id))
                grant(opp, 'share', 'action_write').write(vals)
                opp._crm_log_moved_with_customer(opp_old, new_user, self)
                opp.message_post(author_id=options.get('author_id'), body=_(
                    'Opportunity transferred with its customer from %s to %s.') % (
                    opp_old.name or _('nobody'), new_user.name))
        return True
