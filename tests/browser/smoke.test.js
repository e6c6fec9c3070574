// Smoke: a demo salesperson logs in, opens CRM, and the main menu and the CRM view render
// with no "Style error" box and no error dialog.
const test = require('node:test');
const assert = require('node:assert');
const { loginAs, assertNoOdooError, screenshot } = require('./helpers');

test('salesperson logs in and opens CRM', async () => {
  const { browser, page, errors } = await loginAs('lina');
  try {
    await page.waitForSelector('#oe_main_menu_navbar a[data-menu-xmlid="crm.crm_menu_root"]');
    const apps = await page.innerText('#oe_main_menu_navbar');
    assert.match(apps, /CRM|客户关系/);
    await page.click('#oe_main_menu_navbar a[data-menu-xmlid="crm.crm_menu_root"]');
    await page.waitForSelector('.o_control_panel .breadcrumb');
    // (a salesperson's CRM home is her to-do, a form with lists in its tabs)
    await page.waitForSelector('.o_view_manager_content .o_kanban_view, .o_view_manager_content .o_form_view, ' +
      '.o_view_manager_content .o_list_view');
    // Odoo 11 shows an app's menus in the left sidebar: CRM's sections, in Chinese.
    const menu = await page.innerText('.o_sub_menu');
    assert.match(menu, /客户/);
    assert.match(menu, /线索/);
    await assertNoOdooError(page);
    const shot = await screenshot(page, 'smoke-crm-lina');
    assert.ok(require('fs').statSync(shot).size > 10000, 'screenshot written');
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
