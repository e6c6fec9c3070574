// Refresh the README screenshots from a running `make run` (database "crm", demo data):
//   node scripts/screenshots.js      (CRM_URL / CRM_DB to point elsewhere)
const path = require('path');
process.env.CRM_URL = process.env.CRM_URL || 'http://127.0.0.1:8069';
process.env.CRM_DB = process.env.CRM_DB || 'crm';
process.env.CRM_ARTIFACTS = path.join(__dirname, '..', 'docs', 'screenshots');
const { loginAs, screenshot } = require('../tests/browser/helpers');

const SHOTS = [
  ['lina', 'crm_sales.menu_crm_todo', '.o_form_view', 'todo'],
  ['lina', 'crm_sales.menu_crm_my_customers', '.o_list_view', 'my-customers'],
  ['zhangwei', 'crm.menu_crm_opportunities', '.o_kanban_view', 'pipeline'],
  ['lina', 'crm_pool.menu_crm_pool_customers', '.o_list_view, .o_kanban_view', 'public-pool'],
];

(async () => {
  for (const [login, menu, selector, name] of SHOTS) {
    const { browser, page } = await loginAs(login);
    try {
      await page.click(`#oe_main_menu_navbar a[data-menu-xmlid="crm.crm_menu_root"]`);
      await page.waitForSelector('.o_view_manager_content');
      await page.click(`.o_sub_menu a[data-menu-xmlid="${menu}"]`);
      await page.waitForSelector(`.o_view_manager_content ${selector.split(', ').join(', .o_view_manager_content ')}`);
      await page.waitForTimeout(800);
      console.log(await screenshot(page, name));
    } finally {
      await browser.close();
    }
  }
})().catch((err) => { console.error(err); process.exit(1); });
