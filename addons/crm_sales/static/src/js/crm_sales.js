odoo.define('crm_sales.ui', function (require) {
"use strict";
/**
 * Small web client additions of the CRM:
 *  - notebook tabs that show a count: <page count="<integer field>" .../>;
 *  - the count of "My To-do" next to its menu entry (crm.todo.get_menu_count);
 *  - the client action "crm_notify" returned by crm.notify.done(): a notification,
 *    then the dialog closes / the view reloads;
 *  - no Edit button on a form whose record says crm_readonly (crm.share.mixin);
 *  - the widget "crm_todo_list" of the to-do tabs: a row opens its record's own form
 *    (get_formview_action) in the main window, with a breadcrumb back to the to-do;
 *    an empty list says what would appear there (the field's help).
 */
var core = require('web.core');
var FormController = require('web.FormController');
var FormRenderer = require('web.FormRenderer');
var ListRenderer = require('web.ListRenderer');
var Menu = require('web.Menu');
var fieldRegistry = require('web.field_registry');
var FieldMany2Many = require('web.relational_fields').FieldMany2Many;

var TODO_MENU = 'crm_sales.menu_crm_todo';
var TODO_REFRESH_MS = 5000;

FormRenderer.include({
    _renderTabHeader: function (page) {
        var $li = this._super.apply(this, arguments);
        var field = page.attrs.count;
        if (field && this.state.data[field] !== undefined) {
            var n = this.state.data[field] || 0;
            $li.find('a').append(' ', $('<span>', {
                'class': 'badge o_crm_tab_count' + (n ? '' : ' o_crm_tab_count_zero'),
                text: n,
            }));
        }
        return $li;
    },
});

FormController.include({
    _updateButtons: function () {
        this._super.apply(this, arguments);
        if (!this.$buttons || !this.handle) {
            return;
        }
        var record = this.model.get(this.handle, {raw: true});
        var readonly = !!(record && record.data && record.data.crm_readonly);
        this.$buttons.find('.o_form_button_edit').toggleClass('o_hidden', readonly);
    },
});

Menu.include({
    bind_menu: function () {
        var res = this._super.apply(this, arguments);
        this._crmRefreshTodoCount(true);
        return res;
    },
    open_menu: function () {
        var res = this._super.apply(this, arguments);
        this._crmRefreshTodoCount(false);
        return res;
    },
    _crmRefreshTodoCount: function (force) {
        var $a = this.$secondary_menus &&
            this.$secondary_menus.find('a[data-menu-xmlid="' + TODO_MENU + '"]');
        var now = Date.now();
        if (!$a || !$a.length || (!force && now - (this._crmTodoAt || 0) < TODO_REFRESH_MS)) {
            return;
        }
        this._crmTodoAt = now;
        this._rpc({model: 'crm.todo', method: 'get_menu_count', args: []}).then(function (n) {
            $a.find('.o_crm_todo_badge').remove();
            if (n) {
                $a.find('.oe_menu_text').append(' ', $('<span>', {
                    'class': 'badge o_crm_todo_badge', text: n}));
            }
        });
    },
});

ListRenderer.include({
    init: function (parent) {
        this._super.apply(this, arguments);
        if (!this.noContentHelp && parent && parent.crmNoContentHelp) {
            this.noContentHelp = parent.crmNoContentHelp;
        }
    },
});

var CrmTodoList = FieldMany2Many.extend({
    init: function () {
        this._super.apply(this, arguments);
        if (this.field.help) {
            this.crmNoContentHelp = $('<p>', {'class': 'o_crm_todo_empty', text: this.field.help})
                .prop('outerHTML');
        }
    },
    start: function () {
        this.$el.addClass('o_crm_todo_list');
        return this._super.apply(this, arguments);
    },
    _onOpenRecord: function (ev) {
        ev.stopPropagation();
        var self = this;
        var row = _.findWhere(this.value.data, {id: ev.data.id});
        if (!row) {
            return;
        }
        this._rpc({
            model: this.field.relation,
            method: 'get_formview_action',
            args: [[row.res_id]],
        }).then(function (action) {
            self.do_action(action);
        });
    },
});
fieldRegistry.add('crm_todo_list', CrmTodoList);

core.action_registry.add('crm_notify', function (parent, action) {
    var params = action.params || {};
    if (params.warning) {
        parent.do_warn(params.title, params.message);
    } else {
        parent.do_notify(params.title, params.message);
    }
    return {type: 'ir.actions.act_window_close'};
});

});
