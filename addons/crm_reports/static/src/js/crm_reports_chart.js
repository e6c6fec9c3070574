odoo.define('crm_reports.chart', function (require) {
"use strict";
/**
 * widget="crm_chart": a chart drawn as inline SVG from the JSON of a computed Text
 * field (crm.report.dashboard: funnel_chart, trend_chart, ranking_chart). No library:
 * a few shapes with their labels, so the dashboard renders offline and in tests.
 *   {"type": "funnel", "symbol": "¥", "rows": [{"label", "count", "amount"}]}
 *   {"type": "trend", "symbol": "¥", "rows": [{"label", "actual", "target"}],
 *    "legend": [actual label, target label]}
 *   {"type": "ranking", "symbol": "¥", "rows": [{"label", "value"}]}
 */
var AbstractField = require('web.AbstractField');
var fieldRegistry = require('web.field_registry');
var fieldUtils = require('web.field_utils');

var SVG = 'http://www.w3.org/2000/svg';
var COLORS = ['#1f77b4', '#2a8fd0', '#3aa3de', '#56b4e3', '#74c4e8', '#93d2ec', '#b1dff0'];

function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    _.each(attrs || {}, function (value, key) { node.setAttribute(key, value); });
    if (text !== undefined) {
        node.textContent = text;
    }
    return node;
}

function money(value, symbol) {
    return symbol + ' ' + fieldUtils.format.float(value || 0, {}, {digits: [16, 0]});
}

var ChartField = AbstractField.extend({
    className: 'o_crm_chart',
    tagName: 'div',
    supportedFieldTypes: ['text', 'char'],

    _renderReadonly: function () {
        this.$el.empty();
        var data;
        try {
            data = JSON.parse(this.value || '{}');
        } catch (e) {
            data = {};
        }
        var rows = data.rows || [];
        if (!rows.length) {
            this.$el.append($('<p class="text-muted o_crm_chart_empty">').text(data.empty || ''));
            return;
        }
        var draw = {funnel: this._funnel, trend: this._trend, ranking: this._ranking}[data.type];
        if (draw) {
            this.$el.append(draw.call(this, rows, data.symbol || '¥', data));
        }
    },
    _svg: function (width, height) {
        return el('svg', {width: '100%', viewBox: '0 0 ' + width + ' ' + height,
                          preserveAspectRatio: 'xMidYMin meet', 'class': 'o_crm_chart_svg',
                          style: 'max-width:' + width + 'px'});
    },
    /** a funnel: a centred band per stage, each narrower than the one above (the shape
     *  says "funnel"; the figures are in the labels) */
    _funnel: function (rows, symbol) {
        var W = 520, band = 34, gap = 4, H = rows.length * (band + gap);
        var svg = this._svg(W, H);
        var widest = W - 20, narrowest = 200;
        var shrink = rows.length > 1 ? (widest - narrowest) / rows.length : 0;
        _.each(rows, function (row, i) {
            var top = widest - i * shrink, bottom = top - shrink;
            var y = i * (band + gap);
            var points = [[(W - top) / 2, y], [(W + top) / 2, y], [(W + bottom) / 2, y + band],
                          [(W - bottom) / 2, y + band]];
            svg.appendChild(el('polygon', {
                points: _.map(points, function (p) { return p.join(','); }).join(' '),
                fill: COLORS[i % COLORS.length], 'class': 'o_crm_chart_band'}));
            svg.appendChild(el('text', {x: W / 2, y: y + band / 2 + 5, 'text-anchor': 'middle',
                                        fill: i < 4 ? '#fff' : '#123', 'font-size': 13},
                row.label + '  ' + row.count + '  ' + money(row.amount, symbol)));
        });
        return svg;
    },
    /** a bar per month (actual) and a line (target), with a value axis */
    _trend: function (rows, symbol, data) {
        var W = 640, H = 260, left = 70, right = 10, top = 24, bottom = 30;
        var svg = this._svg(W, H);
        var max = _.max(_.map(rows, function (r) { return Math.max(r.actual || 0, r.target || 0); })) || 1;
        var plotH = H - top - bottom, step = (W - left - right) / rows.length;
        var y = function (v) { return top + plotH - plotH * (v || 0) / max; };
        for (var t = 0; t <= 4; t++) {
            var value = max * t / 4;
            svg.appendChild(el('line', {x1: left, x2: W - right, y1: y(value), y2: y(value),
                                        stroke: '#e5e5e5'}));
            svg.appendChild(el('text', {x: left - 4, y: y(value) + 4, 'text-anchor': 'end',
                                        'font-size': 10, fill: '#666'}, money(value, symbol)));
        }
        var path = [];
        _.each(rows, function (row, i) {
            var x = left + i * step;
            svg.appendChild(el('rect', {x: x + step * 0.15, width: step * 0.7, y: y(row.actual),
                                        height: top + plotH - y(row.actual), fill: '#2a8fd0',
                                        'class': 'o_crm_chart_bar'}));
            svg.appendChild(el('text', {x: x + step / 2, y: H - bottom + 14, 'text-anchor': 'middle',
                                        'font-size': 10, fill: '#333'}, row.label));
            path.push((i ? 'L' : 'M') + (x + step / 2) + ',' + y(row.target));
        });
        svg.appendChild(el('path', {d: path.join(' '), fill: 'none', stroke: '#e8702a',
                                    'stroke-width': 2, 'class': 'o_crm_chart_target'}));
        var legend = data.legend || [];
        svg.appendChild(el('rect', {x: left, y: 4, width: 12, height: 10, fill: '#2a8fd0'}));
        svg.appendChild(el('text', {x: left + 16, y: 13, 'font-size': 11}, legend[0] || ''));
        svg.appendChild(el('line', {x1: left + 120, x2: left + 140, y1: 9, y2: 9, stroke: '#e8702a',
                                    'stroke-width': 2}));
        svg.appendChild(el('text', {x: left + 144, y: 13, 'font-size': 11}, legend[1] || ''));
        return svg;
    },
    /** a horizontal bar per salesperson, the largest first */
    _ranking: function (rows, symbol) {
        var W = 520, bar = 22, gap = 6, left = 90, H = rows.length * (bar + gap);
        var svg = this._svg(W, H);
        var max = _.max(_.pluck(rows, 'value')) || 1;
        _.each(rows, function (row, i) {
            var y = i * (bar + gap), width = (W - left - 130) * (row.value || 0) / max;
            svg.appendChild(el('text', {x: left - 6, y: y + bar / 2 + 4, 'text-anchor': 'end',
                                        'font-size': 12}, (i + 1) + '. ' + row.label));
            svg.appendChild(el('rect', {x: left, y: y, width: Math.max(width, 1), height: bar,
                                        fill: '#3aa3de', 'class': 'o_crm_chart_bar'}));
            svg.appendChild(el('text', {x: left + width + 6, y: y + bar / 2 + 4, 'font-size': 12},
                                money(row.value, symbol)));
        });
        return svg;
    },
});

fieldRegistry.add('crm_chart', ChartField);
return ChartField;
});
