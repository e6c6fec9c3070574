odoo.define('crm_import.progress', function (require) {
"use strict";
/* The progress bar of an import reloads the form every 2 seconds while the import
   runs in the background, so the counts and the bar move by themselves. */
var basicFields = require('web.basic_fields');
var registry = require('web.field_registry');

var ImportProgress = basicFields.FieldProgressBar.extend({
    _render: function () {
        this._super.apply(this, arguments);
        clearTimeout(this._crmTimer);
        if (this.record.data.state === 'running') {
            var self = this;
            this._crmTimer = setTimeout(function () {
                if (!self.isDestroyed()) {
                    self.trigger_up('reload');
                }
            }, 2000);
        }
    },
    destroy: function () {
        clearTimeout(this._crmTimer);
        this._super.apply(this, arguments);
    },
});

registry.add('crm_import_progress', ImportProgress);
return ImportProgress;
});
