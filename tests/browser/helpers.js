// Shared helpers for the browser tests: a real headless Chromium (Debian's) driven by
// playwright-core against the test server that scripts/test.sh starts.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const URL = process.env.CRM_URL || 'http://127.0.0.1:8169';
const DB = process.env.CRM_DB || 'crm_test';
const ARTIFACTS = process.env.CRM_ARTIFACTS || path.join(__dirname, '..', '..', 'artifacts');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--lang=zh-CN'],
  });
}

// Opens a page logged in as `login` (password = login) and returns {browser, page, errors}.
// `errors` collects uncaught page errors and Odoo error dialogs seen while the test runs.
async function loginAs(login, password) {
  const browser = await launch();
  try {
    return await openSession(browser, login, password);
  } catch (err) {
    await browser.close();  // an open browser would keep node (and the test run) alive
    throw err;
  }
}

async function openSession(browser, login, password) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${URL}/web/login?db=${DB}`);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', password || login);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  await page.waitForSelector('#oe_main_menu_navbar, .o_main_navbar');
  return { browser, page, errors };
}

// Fails if Odoo shows an error dialog or a "Style error" box.
async function assertNoOdooError(page) {
  const dialog = await page.$('.o_dialog_error, .o_error_dialog, .modal .o_error_detail');
  if (dialog) throw new Error('Odoo error dialog: ' + (await dialog.innerText()).slice(0, 500));
  const style = await page.$('.o_less_error, .o_style_error');
  if (style) throw new Error('Style error box: ' + (await style.innerText()).slice(0, 300));
  const body = await page.innerText('body');
  if (body.includes('Style error')) throw new Error('"Style error" shown on the page');
}

async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name + '.png');
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

// Opens a client URL fragment (e.g. 'action=crm_sales.action_my_customers') and waits for a view.
async function openAction(page, xmlid) {
  await page.goto(`${URL}/web#action=${xmlid}`);
  await page.waitForSelector('.o_view_manager_content .o_list_view, .o_view_manager_content .o_kanban_view, .o_view_manager_content .o_form_view, .o_view_manager_content .o_pivot, .o_view_manager_content .o_graph');
}

module.exports = { URL, DB, ARTIFACTS, launch, loginAs, assertNoOdooError, screenshot, openAction };
