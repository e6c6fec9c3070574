// The README screenshots.
//   node scripts/screenshots.js --from-journeys
//       copies the key screens the first-day journeys saved in their last run
//       (artifacts/readme-*.png, tests/browser/first_day.test.js, run by `make test`) to
//       docs/screenshots/ (the root README's pictures);
//   node scripts/screenshots.js [name-prefix]
//       takes the reports' pictures (the crm_reports README's) from a running `make run`
//       (database "crm", demo data; CRM_URL / CRM_DB to point elsewhere), e.g.
//       `node scripts/screenshots.js reports-`.
const fs = require('fs');
const path = require('path');
const DOCS = path.join(__dirname, '..', 'docs', 'screenshots');

if (process.argv[2] === '--from-journeys') {
  const artifacts = process.env.CRM_ARTIFACTS || path.join(__dirname, '..', 'artifacts');
  const shots = fs.readdirSync(artifacts).filter((f) => /^readme-.+\.png$/.test(f));
  if (!shots.length) {
    console.error(`no readme-*.png in ${artifacts}: run the browser tests first (make test)`);
    process.exit(1);
  }
  for (const file of shots) {
    const target = path.join(DOCS, file.slice('readme-'.length));
    fs.copyFileSync(path.join(artifacts, file), target);
    console.log(target);
  }
  process.exit(0);
}

process.env.CRM_URL = process.env.CRM_URL || 'http://127.0.0.1:8069';
process.env.CRM_DB = process.env.CRM_DB || 'crm';
process.env.CRM_ARTIFACTS = DOCS;
const { loginAs, screenshot } = require('../tests/browser/helpers');

const SHOTS = [
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
