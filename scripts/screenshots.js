// Refresh the README screenshots from a running `make run` (database "crm", demo data):
//   node scripts/screenshots.js [name-prefix]   (CRM_URL / CRM_DB to point elsewhere;
//   e.g. `node scripts/screenshots.js reports-` for the crm_reports README's only)
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
  // crm_reports (README of addons/crm_reports); [5] = the view to switch to
  ['wugang', 'crm_reports.menu_crm_report_dashboard', '.o_form_view', 'reports-dashboard'],
  ['sunqiang', 'crm_reports.menu_crm_report_funnel', '.o_pivot', 'reports-funnel', 'graph'],
  ['sunqiang', 'crm_reports.menu_crm_report_opportunity', '.o_pivot', 'reports-opportunity'],
  ['sunqiang', 'crm_reports.menu_crm_report_performance', '.o_pivot', 'reports-performance'],
  ['sunqiang', 'crm_reports.menu_crm_report_receivable', '.o_pivot', 'reports-receivables'],
  ['sunqiang', 'crm_reports.menu_crm_report_customer', '.o_pivot', 'reports-customers', 'graph'],
  ['sunqiang', 'crm_reports.menu_crm_report_product', '.o_pivot', 'reports-products'],
  ['sunqiang', 'crm_reports.menu_crm_report_follow_up', '.o_pivot', 'reports-follow-ups'],
  ['sunqiang', 'crm_reports.menu_crm_report_pool', '.o_pivot', 'reports-pool'],
  ['gaokai', 'crm_reports_service.menu_crm_report_service', '.o_pivot', 'reports-service'],
  ['sunqiang', 'crm_reports.menu_crm_report_export', '.modal .o_form_view', 'reports-export'],
];
const only = process.argv[2] || '';

(async () => {
  for (const [login, menu, selector, name, switchTo] of SHOTS) {
    if (!name.startsWith(only)) continue;
    const { browser, page } = await loginAs(login);
    try {
      await page.click(`#oe_main_menu_navbar a[data-menu-xmlid="crm.crm_menu_root"]`);
      await page.waitForSelector('.o_view_manager_content');
      await page.click(`.o_sub_menu a[data-menu-xmlid="${menu}"]`);
      await page.waitForSelector(selector.startsWith('.modal') ? selector
        : `.o_view_manager_content ${selector.split(', ').join(', .o_view_manager_content ')}`);
      if (switchTo) {
        await page.click(`.o_cp_switch_${switchTo}`);
        await page.waitForSelector(`.o_view_manager_content .o_${switchTo}`);
      }
      await page.waitForTimeout(800);
      console.log(await screenshot(page, name));
    } finally {
      await browser.close();
    }
  }
})().catch((err) => { console.error(err); process.exit(1); });
