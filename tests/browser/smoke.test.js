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
    await page.waitForSelector('.o_view_manager_content .o_kanban_view, .o_view_manager_content .o_list_view');
    const menu = await page.innerText('#oe_main_menu_navbar');
    assert.match(menu, /销售|Sales|客户|Customers/);
    await assertNoOdooError(page);
    const shot = await screenshot(page, 'smoke-crm-lina');
    assert.ok(require('fs').statSync(shot).size > 10000, 'screenshot written');
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
