odoo.define('crm_sales.ui', function (require) {
"use strict";
/**
 * Small web client additions of the CRM:
 *  - notebook tabs that show a count: <page count="<integer field>" .../>;
 *  - the count of "My To-do" next to its menu entry (crm.todo.get_menu_count);
 *  - the client action "crm_notify" returned by crm.notify.done(): a notification,
 *    then the dialog closes / the view reloads;
 *  - no Edit button on a form whose record says crm_readonly (crm.share.mixin).
 */
var core = require('web.core');
var FormController = require('web.FormController');
var FormRenderer = require('web.FormRenderer');
var Menu = require('web.Menu');

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
