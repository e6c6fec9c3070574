odoo.define('crm_visit.check_in', function (require) {
"use strict";
/**
 * 签到 on a phone: the widget <widget name="crm_visit_check_in"/> of the visit form.
 * A button asks the browser for its position (navigator.geolocation), then calls
 * crm.visit.action_check_in with the latitude, longitude, accuracy, the address typed
 * (prefilled with the visit's location) and an optional photo. Without a position
 * (permission denied, no signal, no geolocation) it checks in with the address only:
 * the server says so in its notice, and refuses when the address is empty.
 */
var core = require('web.core');
var Widget = require('web.Widget');
var widgetRegistry = require('web.widget_registry');

var _t = core._t;
var GEO_TIMEOUT_MS = 15000;

var CheckIn = Widget.extend({
    className: 'o_crm_visit_check_in',
    events: {
        'click .o_crm_visit_check_in_button': '_onCheckIn',
    },
    init: function (parent, record) {
        this._super.apply(this, arguments);
        this.record = record;
    },
    start: function () {
        var self = this;
        var data = this.record.data || {};
        this.$el.append($('<label>', {'for': 'o_crm_visit_address', text: _t('Where are you?')}));
        this.$address = $('<input>', {
            type: 'text', 'class': 'form-control o_crm_visit_address', id: 'o_crm_visit_address',
            name: 'crm_visit_address', placeholder: _t('Address (needed without a position)'),
        }).val(data.location || '');
        // the browser's own file button speaks the browser's language: a label of ours
        // opens the (visually hidden) file input, the camera on a phone
        this.$photo = $('<input>', {
            type: 'file', accept: 'image/*', capture: 'environment',
            'class': 'o_crm_visit_photo', name: 'crm_visit_photo', id: 'o_crm_visit_photo',
        });
        this.$photoName = $('<span>', {'class': 'o_crm_visit_photo_name text-muted', text: _t('No photo')});
        var $photoButton = $('<label>', {
            'for': 'o_crm_visit_photo', 'class': 'btn btn-default o_crm_visit_photo_button',
            text: _t('Take or choose a photo'),
        });
        this.$button = $('<button>', {
            type: 'button', 'class': 'btn btn-primary btn-lg btn-block o_crm_visit_check_in_button',
            text: _t('Check In'),
        });
        this.$status = $('<div>', {'class': 'o_crm_visit_status text-muted'});
        this.$photo.on('change', function () {
            var file = this.files && this.files[0];
            self.$photoName.text(file ? file.name : _t('No photo'));
        });
        this.$el.append(this.$address,
                        $('<label>', {text: _t('Photo (optional)')}),
                        $('<div>', {'class': 'o_crm_visit_photo_row'}).append(
                            $photoButton, ' ', this.$photoName, this.$photo),
                        this.$button, this.$status);
        return this._super.apply(this, arguments);
    },
    _readPhoto: function () {
        var file = this.$photo[0].files && this.$photo[0].files[0];
        var def = $.Deferred();
        if (!file) {
            return def.resolve(false);
        }
        var reader = new FileReader();
        reader.onload = function () {
            def.resolve(String(reader.result).split(',')[1] || false);
        };
        reader.onerror = function () { def.resolve(false); };
        reader.readAsDataURL(file);
        return def;
    },
    _position: function () {
        var def = $.Deferred();
        if (!navigator.geolocation) {
            return def.resolve(null);
        }
        navigator.geolocation.getCurrentPosition(function (pos) {
            def.resolve(pos.coords);
        }, function () {
            def.resolve(null);
        }, {enableHighAccuracy: true, timeout: GEO_TIMEOUT_MS, maximumAge: 60000});
        return def;
    },
    _onCheckIn: function (ev) {
        ev.preventDefault();
        var self = this;
        if (!this.record.res_id) {
            return;
        }
        this.$button.prop('disabled', true);
        this.$status.text(_t('Locating...'));
        $.when(this._position(), this._readPhoto()).then(function (coords, photo) {
            var kwargs = {
                address: self.$address.val() || false,
                photo: photo || false,
                context: _.extend({}, self.record.getContext(), {crm_notify: true}),
            };
            if (coords) {
                kwargs.latitude = coords.latitude;
                kwargs.longitude = coords.longitude;
                kwargs.accuracy = coords.accuracy;
            }
            self.$status.text(coords ? '' : _t('No position from the phone: checking in with the address.'));
            return self._rpc({
                model: 'crm.visit',
                method: 'action_check_in',
                args: [[self.record.res_id]],
                kwargs: kwargs,
            }).then(function (action) {
                if (action && action.type) {
                    self.do_action(action);
                }
                self.trigger_up('reload');
            });
        }).always(function () {
            if (!self.isDestroyed()) {
                self.$button.prop('disabled', false);
            }
        });
    },
});

widgetRegistry.add('crm_visit_check_in', CheckIn);

return {CheckIn: CheckIn};
});
