odoo.define('crm_approval.review_systray', function (require) {
"use strict";
// One inbox, one count: what waits for my decision is counted and listed by "My
// To-do" (crm.approval.mixin's crm_my_turn). base_tier_validation's systray counter
// (English, counting cancelled documents) is taken out of the systray.
var SystrayMenu = require('web.SystrayMenu');
var ReviewMenu = require('tier_validation.systray').ReviewMenu;

var index = SystrayMenu.Items.indexOf(ReviewMenu);
if (index >= 0) {
    SystrayMenu.Items.splice(index, 1);
}
});
