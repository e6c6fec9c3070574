odoo.define('crm_reports.format', function (require) {
"use strict";
/**
 * Units on screen: the report models mark their measures in fields_get
 * (``crm_format``: 'percent' or 'money', with ``crm_currency_symbol``, see
 * crm.report.sql.fields_get); the pivot formats those cells as "85.3%" and "¥ 1,234.00".
 * Views use the same formats as widgets: widget="crm_percent" / widget="crm_money".
 */
var basicFields = require('web.basic_fields');
var fieldRegistry = require('web.field_registry');
var fieldUtils = require('web.field_utils');
var core = require('web.core');
var GraphRenderer = require('web.GraphRenderer');
var PivotRenderer = require('web.PivotRenderer');

var _t = core._t;

function formatPercent(value, field, options) {
    if (value === false || value === undefined || value === null) {
        return '';
    }
    return fieldUtils.format.float(value, field, _.extend({}, options, {digits: [16, 1]})) + '%';
}

function formatMoney(value, field, options) {
    if (value === false || value === undefined || value === null) {
        return '';
    }
    var symbol = (field && field.crm_currency_symbol) || '¥';
    return symbol + ' ' + fieldUtils.format.float(value, field, _.extend({digits: [16, 2]}, options));
}

fieldUtils.format.crm_percent = formatPercent;
fieldUtils.format.crm_money = formatMoney;
fieldUtils.parse.crm_percent = fieldUtils.parse.float;
fieldUtils.parse.crm_money = fieldUtils.parse.float;

var FieldPercent = basicFields.FieldFloat.extend({
    formatType: 'crm_percent',
    init: function () {
        this._super.apply(this, arguments);
        this.formatType = 'crm_percent';
    },
});
var FieldMoney = basicFields.FieldFloat.extend({
    formatType: 'crm_money',
    init: function () {
        this._super.apply(this, arguments);
        this.formatType = 'crm_money';
    },
});
fieldRegistry.add('crm_percent', FieldPercent);
fieldRegistry.add('crm_money', FieldMoney);

PivotRenderer.include({
    init: function (parent, state, params) {
        this._super.apply(this, arguments);
        var widgets = this.fieldWidgets;
        _.each(state.fields || {}, function (field, name) {
            if (!widgets[name] && field.crm_format) {
                widgets[name] = 'crm_' + field.crm_format;
            }
        });
    },
});

/**
 * Graphs: the value axis in the measure's unit (counts without decimals, ¥, %) and the
 * bar chart's grouped / stacked switch in the user's language (nvd3's are English).
 */
GraphRenderer.include({
    _renderBarChart: function () {
        return this._crmAxis(this._super.apply(this, arguments), true);
    },
    _renderLineChart: function () {
        return this._crmAxis(this._super.apply(this, arguments), false);
    },
    _crmAxis: function (chart, bars) {
        if (!chart || !chart.yAxis) {
            return chart;
        }
        var field = this.state.fields[this.state.measure] || {};
        var format = null;
        if (field.crm_format === 'percent') {
            format = function (d) { return formatPercent(d, field); };
        } else if (field.crm_format === 'money') {
            format = function (d) { return formatMoney(d, field, {digits: [16, 0]}); };
        } else if (field.type === 'integer' || this.state.measure === '__count__') {
            format = function (d) {
                return Math.round(d) === d ? fieldUtils.format.integer(d) : '';
            };
        }
        if (format) {
            chart.yAxis.tickFormat(format);
        }
        if (bars && chart.controlLabels) {
            chart.controlLabels({grouped: _t('Grouped'), stacked: _t('Stacked')});
        }
        chart.update();
        return chart;
    },
});

return {formatPercent: formatPercent, formatMoney: formatMoney};
});
