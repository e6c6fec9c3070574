odoo.define('crm_sales.phone', function (require) {
"use strict";
/**
 * The CRM on a phone (under 768 px, crm_phone.css): Odoo 11's left menu, which took 220 of
 * 390 pixels, is hidden; the top bar's menu button opens it over the page, and choosing an
 * entry, or the button again, closes it. Every CRM screen gets this, not only one module's
 * (OCA web_responsive was tried and left out: crm_visit's README says why).
 */
$(document).on('click', '.o_main_navbar .navbar-toggle, #oe_main_menu_navbar .navbar-toggle', function () {
    $('body').toggleClass('o_crm_phone_menu_open');
});
$(document).on('click', '.o_sub_menu a.oe_menu_leaf', function () {
    $('body').removeClass('o_crm_phone_menu_open');
});

});
