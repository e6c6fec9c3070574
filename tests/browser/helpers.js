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

// Opens one record's form in the views of an action (e.g. 'crm.crm_lead_opportunities_tree_view').
async function openRecord(page, xmlid, model, id) {
  await page.goto(`${URL}/web#action=${xmlid}&model=${model}&id=${id}&view_type=form`);
  await page.waitForSelector('.o_view_manager_content .o_form_view.o_form_readonly');
}

// Odoo 11 renders a form's header buttons without their `name` (other buttons have it).
// This gives the header buttons of the current form (and of a form in a dialog) the `name`
// and `data-context` of their node in the view's arch, then tells whether a visible button
// matches `selector`. Runs in the page; the buttons are stamped again after each re-render.
function stampHeaderButtons(selector) {
  const services = window.odoo && window.odoo.__DEBUG__ && window.odoo.__DEBUG__.services;
  const client = services && services['web.web_client'];
  const manager = client && client.action_manager;
  for (const vm of manager ? [manager.inner_widget, manager.dialog_widget] : []) {
    const controller = vm && vm.active_view && vm.active_view.controller;
    const renderer = controller && controller.renderer;
    if (!renderer || !renderer.arch || !renderer.$el) continue;
    const header = (renderer.arch.children || []).find((node) => node.tag === 'header');
    if (!header) continue;
    const nodes = header.children.filter((node) => node.tag === 'button');
    const buttons = renderer.$el.find('.o_form_statusbar .o_statusbar_buttons').first().children('button');
    if (nodes.length !== buttons.length) continue;
    buttons.each((i, button) => {
      if (!button.hasAttribute('name')) button.setAttribute('name', nodes[i].attrs.name || '');
      if (nodes[i].attrs.context) button.setAttribute('data-context', nodes[i].attrs.context);
    });
  }
  return Array.from(document.querySelectorAll(selector)).some((b) => b.offsetParent !== null);
}

const headerSelector = (name, extra) =>
  `.o_form_statusbar .o_statusbar_buttons > button[name="${name}"]${extra || ''}`;

// The visible header button `name` of the form shown (`extra`: more CSS, e.g. '.oe_highlight'
// or '[data-context*="reject"]'); waits for it and returns its locator.
async function headerButton(page, name, extra) {
  const selector = headerSelector(name, extra);
  await page.waitForFunction(stampHeaderButtons, selector);
  return page.locator(`${selector}:visible`).first();
}

// Waits until the form shown has no visible header button `name` (e.g. after a reload).
async function waitHeaderButtonGone(page, name, extra) {
  await page.waitForFunction((args) => !(new Function('return ' + args.fn)())(args.selector),
    { fn: stampHeaderButtons.toString(), selector: headerSelector(name, extra) });
}

// JSON-RPC execute_kw as `login` (password = login unless given); returns {uid, result}.
async function rpc(login, password, model, method, args, kwargs) {
  const call = async (service, meth, callArgs) => {
    const res = await fetch(`${URL}/jsonrpc`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1,
        params: { service, method: meth, args: callArgs } }),
    });
    const body = await res.json();
    if (body.error) throw new Error(JSON.stringify(body.error.data || body.error).slice(0, 500));
    return body.result;
  };
  const pwd = password || login;
  const uid = await call('common', 'login', [DB, login, pwd]);
  if (!uid) throw new Error(`login failed for ${login}`);
  return { uid, result: await call('object', 'execute_kw', [DB, uid, pwd, model, method, args, kwargs || {}]) };
}

module.exports = { URL, DB, ARTIFACTS, launch, loginAs, openSession, assertNoOdooError, screenshot,
                   openAction, openRecord, rpc, headerButton, waitHeaderButtonGone };
