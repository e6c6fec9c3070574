# -*- coding: utf-8 -*-
import base64
import binascii
import math

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.crm_sales.grant import grant

#: a check-in photo is a phone picture: a few megabytes at most
MAX_PHOTO_BYTES = 8 * 1024 * 1024


class CrmVisitCheckIn(models.Model):
    """签到 / 签退: the salesperson at the customer records where and when she is, then
    closes the visit with her notes, which become a follow-up of type 面访 (visit) on the
    customer (crm_sales' ``crm.follow.up``: the customer's last follow-up time and the
    pool's clock move as for any follow-up)."""
    _inherit = 'crm.visit'

    # ------------------------------------------------------------------ checks
    def _crm_visit_one(self, message):
        if len(self) != 1:
            raise UserError(message)
        self.env.user._crm_check_can_act()
        self.check_access_rights('write')
        self.check_access_rule('read')

    def _crm_check_visitor_is_me(self, message):
        """``message`` names the visitor (``%s``)."""
        if self.user_id != self.env.user:
            raise UserError(message % (self.user_id.name or _('nobody')))

    @api.model
    def _crm_coordinate(self, value, what, bound):
        if value in (None, False, ''):
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise UserError(_('The %s of the position must be a number.') % what)
        value = float(value)
        if math.isnan(value) or math.isinf(value) or abs(value) > bound:
            raise UserError(_('The %s of the position must be between -%d and %d.')
                            % (what, bound, bound))
        return value

    @api.model
    def _crm_photo(self, photo):
        if photo in (None, False, ''):
            return False
        if not isinstance(photo, str):
            raise UserError(_('The photo must be an image file.'))
        if ',' in photo[:100] and photo.startswith('data:'):
            photo = photo.split(',', 1)[1]
        if len(photo) > MAX_PHOTO_BYTES * 4 // 3 + 4:
            raise UserError(_('The photo is too large (at most %d MB).')
                            % (MAX_PHOTO_BYTES // (1024 * 1024)))
        try:
            raw = base64.b64decode(photo, validate=True)
        except (binascii.Error, ValueError):
            raise UserError(_('The photo must be an image file.'))
        if not (raw[:3] == b'\xff\xd8\xff' or raw[:8] == b'\x89PNG\r\n\x1a\n'
                or raw[:4] in (b'GIF8', b'RIFF')):
            raise UserError(_('The photo must be an image file (JPEG, PNG, GIF or WebP).'))
        return photo

    # ------------------------------------------------------------------ check in
    @api.multi
    def action_check_in(self, latitude=None, longitude=None, accuracy=None, address=None,
                        photo=None):
        """签到: the visitor is at the customer now (``crm.clock``). ``latitude`` /
        ``longitude`` (degrees) and ``accuracy`` (metres) come from the phone's
        geolocation; without them (permission denied, no signal) ``address`` is
        required and the visit records that no position was given. ``photo``: an
        optional image, base64. Returns what happened, in words, for the screen."""
        self._crm_visit_one(_('Check in to one visit at a time.'))
        self._crm_check_visitor_is_me(_('This visit is %s\'s: only the salesperson who visits '
                                        'can check in.'))
        if self.visit_state == 'checked_in':
            local = fields.Datetime.context_timestamp(
                self, fields.Datetime.from_string(self.checkin_at))
            raise UserError(_('You already checked in to this visit at %s.')
                            % local.strftime('%Y-%m-%d %H:%M'))
        if self.visit_state == 'done':
            raise UserError(_('This visit is done: you checked out already.'))
        if self.visit_state == 'cancelled':
            raise UserError(_('This visit was cancelled: it cannot be checked in.'))
        lat = self._crm_coordinate(latitude, _('latitude'), 90)
        lon = self._crm_coordinate(longitude, _('longitude'), 180)
        if (lat is None) != (lon is None):
            raise UserError(_('A position needs both its latitude and its longitude.'))
        acc = self._crm_coordinate(accuracy, _('accuracy'), 10 ** 7)
        if acc is not None and acc < 0:
            raise UserError(_('The accuracy of the position cannot be negative.'))
        located = lat is not None
        text = self.env['crm.guard']._arg_text(address, _('Address'), required=False,
                                               max_len=500) if address else ''
        text = (text or '').strip()
        if not located and not text:
            raise UserError(_('Your phone did not give its position: please type the address '
                              'where you are to check in.'))
        photo_b64 = self._crm_photo(photo)
        vals = {
            'visit_state': 'checked_in',
            'checkin_at': self.env['crm.clock'].now_str(),
            'checkin_located': located,
            'checkin_latitude': lat or 0.0,
            'checkin_longitude': lon or 0.0,
            'checkin_accuracy': acc or 0.0,
            'checkin_address': text,
        }
        if photo_b64:
            vals['checkin_photo'] = photo_b64
        grant(self, 'action_write').write(vals)
        if located:
            message = _('Checked in at %s.') % (text or '%.5f, %.5f' % (lat, lon))
        else:
            message = _('Checked in without a position (the phone did not give it): only the '
                        'address "%s" was recorded.') % text
        return self.env['crm.notify'].done(message, title=_('Checked in'),
                                           warning=not located)

    # ------------------------------------------------------------------ check out
    @api.multi
    def action_check_out(self, note=None, next_contact_at=None):
        """签退: closes the visit with ``note`` (what was discussed, required) and writes
        the follow-up of type 面访 (visit) on the customer (and the opportunity), with
        the contact met and ``next_contact_at`` (optional, UTC); returns the notice."""
        self._crm_visit_one(_('Check out of one visit at a time.'))
        self._crm_check_visitor_is_me(_('This visit is %s\'s: only the salesperson who visits '
                                        'can check out.'))
        if self.visit_state == 'planned':
            raise UserError(_('Please check in first: you have not checked in to this visit.'))
        if self.visit_state == 'done':
            raise UserError(_('You already checked out of this visit.'))
        if self.visit_state == 'cancelled':
            raise UserError(_('This visit was cancelled: it cannot be checked out.'))
        Guard = self.env['crm.guard']
        if not note or not isinstance(note, str) or not note.strip():
            raise UserError(_('Please write what was discussed at the visit before checking '
                              'out.'))
        note = Guard._arg_text(note, _('Visit Notes'), max_len=4000).strip()
        now = self.env['crm.clock'].now()
        if next_contact_at:
            nxt = Guard._arg_datetime(next_contact_at, _('Next Contact'))
            if isinstance(nxt, str):
                nxt = fields.Datetime.from_string(nxt)
            if nxt <= now:
                raise UserError(_('The next contact time must be later than now.'))
            next_contact_at = fields.Datetime.to_string(nxt)
        start = fields.Datetime.from_string(self.checkin_at)
        minutes = max(0.0, round((now - start).total_seconds() / 60.0))
        follow_up = self.env['crm.follow.up'].create({
            'partner_id': self.customer_id.id,
            'lead_id': self.opportunity_id.id or False,
            'follow_up_type': 'visit',
            'date': fields.Datetime.to_string(now),
            'content': note,
            'contact_ids': [(6, 0, self.contact_id.ids)],
            'next_contact_at': next_contact_at or False,
        })
        grant(self, 'action_write').write({
            'visit_state': 'done',
            'checkout_at': fields.Datetime.to_string(now),
            'visit_note': note,
            'follow_up_id': follow_up.id,
            'duration_minutes': minutes,
        })
        return self.env['crm.notify'].done(
            _('Checked out after %d minutes: the visit was recorded as a follow-up of '
              '%s.') % (minutes, self.customer_id.name), title=_('Checked out'))

    @api.multi
    def action_open_check_out(self):
        """The check-out dialog (notes, next contact) of this visit."""
        self._crm_visit_one(_('Check out of one visit at a time.'))
        self._crm_check_visitor_is_me(_('This visit is %s\'s: only the salesperson who visits '
                                        'can check out.'))
        if self.visit_state != 'checked_in':
            raise UserError(_('Please check in first: you have not checked in to this visit.')
                            if self.visit_state == 'planned'
                            else _('This visit is not in progress.'))
        action = self.env.ref('crm_visit.crm_visit_check_out_action').read()[0]
        action['context'] = {'default_visit_id': self.id}
        return action
