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

// `options`: more options of the browser context (a phone: { viewport: { width: 390,
// height: 844 }, isMobile: true, hasTouch: true, geolocation, permissions }).
async function openSession(browser, login, password, options) {
  const context = await browser.newContext(Object.assign(
    { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' }, options || {}));
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

// Runs `journey(page)` in a session of `login`, then checks no JavaScript error happened;
// on a failure the screen is saved as artifacts/failure-<login>.png.
async function asUser(browser, login, journey) {
  const { page, errors } = await openSession(browser, login);
  try {
    await journey(page);
    if (errors.length) throw new Error(`${login}: JavaScript errors: ${errors.join('; ')}`);
  } catch (err) {
    await screenshot(page, `failure-${login}`).catch(() => {});
    throw err;
  } finally {
    await page.context().close();
  }
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

// Opens the menu entry `xmlid` (an app, or an entry of the app's menu) through its link's
// address, whether or not the entry is shown (a phone's collapsed menu).
async function clickMenu(page, xmlid) {
  const selector = `a[data-menu-xmlid="${xmlid}"]`;
  await page.waitForSelector(selector, { state: 'attached' });
  await page.evaluate((sel) => {
    const links = Array.from(document.querySelectorAll(sel));
    const link = links.find((a) => a.offsetParent !== null) || links[0];
    // the link's own address (menu_id and action): the web client opens the entry's
    // action and shows its app's menus, as after a click on it
    const hash = (link.getAttribute('href') || '').split('#')[1];
    if (hash) window.location.hash = hash; else link.click();
  }, selector);
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

// ---- Forms -------------------------------------------------------------------------------
// The input of field `name` in the form shown (`scope`: e.g. '.modal' or a one2many row).
const fieldInput = (page, name, scope) => page.locator(
  `${scope || '.o_form_view'} .o_field_widget[name="${name}"] input:visible, ` +
  `${scope || '.o_form_view'} input.o_field_widget[name="${name}"]:visible, ` +
  `${scope || '.o_form_view'} textarea.o_field_widget[name="${name}"]:visible`).first();

async function fillField(page, name, value, scope) {
  const input = fieldInput(page, name, scope);
  await input.fill(String(value));
  await input.press('Tab');
}

// Types `text` in the many2one `name` and picks the suggestion that contains it.
async function pickMany2one(page, name, text, scope) {
  const input = fieldInput(page, name, scope);
  await input.fill(text);
  await page.locator('.ui-autocomplete:visible .ui-menu-item', { hasText: text }).first().click();
}

// A date in the user's date format (an Odoo strftime format such as '%Y/%m/%d').
function odooDate(date, format) {
  const pad = (n) => String(n).padStart(2, '0');
  return format.replace('%Y', date.getFullYear()).replace('%m', pad(date.getMonth() + 1))
    .replace('%d', pad(date.getDate()));
}

async function fillDate(page, name, date, format, scope) {
  await fillField(page, name, odooDate(date, format), scope);
  // a datepicker left open would cover the form (Escape in a list row would discard it)
  if (!scope) await page.keyboard.press('Escape');
}

async function saveForm(page) {
  await page.click('.o_form_button_save');
  await page.waitForSelector('.o_view_manager_content .o_form_view.o_form_readonly');
}

// Clicks the notebook tab whose page holds the field or button `name` (titles are translated).
async function openTabOf(page, name) {
  await page.evaluate((n) => {
    const pane = document.querySelector(`.o_form_view .tab-pane [name="${n}"]`).closest('.tab-pane');
    document.querySelector(`.o_form_view .nav-tabs a[href="#${pane.id}"]`).click();
  }, name);
}

// The action the web client shows: {res_model, name, xml_id}.
function currentAction(page) {
  return page.evaluate(() => {
    const manager = window.odoo.__DEBUG__.services['web.web_client'].action_manager;
    const action = manager.get_inner_action();
    const descr = action && action.get_action_descr();
    return descr ? { res_model: descr.res_model, name: descr.name, xml_id: descr.xml_id } : {};
  });
}

// The number the stat button `buttonName` of the form shows.
async function statValue(page, buttonName) {
  const text = await page.locator(`.o_form_view button[name="${buttonName}"] .o_stat_value`).first().innerText();
  return Number(text.replace(/[^\d.-]/g, ''));
}

// A key screen of a journey, for the README (scripts/screenshots.js --from-journeys copies
// artifacts/readme-*.png to docs/screenshots/).
async function readmeShot(page, name) {
  await page.waitForTimeout(300);  // charts and fonts settle
  return screenshot(page, `readme-${name}`);
}

// ---- Words the user must not see -------------------------------------------------------
// Latin words allowed on a Chinese screen (3+ letters; shorter ones and words with digits,
// such as TK0001, HT2026..., S7-Lite, are codes and never flagged): product and system
// names of the demo data, file formats, Python for administrators, AUC (the scoring
// models' measure, as Chinese statistics texts write it).
const ALLOWED_LATIN = new Set(['CRM', 'SLA', 'MES', 'ERP', 'PLC', 'IoT', 'VIP', 'KPI', 'TOP',
  'ABC', 'RFM', 'AUC', 'PDF', 'Excel', 'CSV', 'xlsx', 'XML', 'URL', 'Python']);
// frequent characters of traditional Chinese only (their simplified forms differ); e.g.
// Odoo's own zh_CN.po has 刪除 for 删除
const TRADITIONAL = '刪與為這個們來時國說對會後還點單價錢戶號開關發現當從產業東車長門問間題頁項類資訊' +
  '數據檔務動機電話郵認證設計記錄選擇請輸確儲編輯導匯報統網線絡帳額總賬購買賣貨幣稅變預應結實際級團隊員' +
  '負責處聯係區廣達無啟閉傳載檢視圖標籤態狀歷約簽審權義範準裡麼讓場經過條銷週見內換復雜顯將屬創';
// values of Odoo's own demo data and branding that must not reach a user
const ODOO_LEFTOVERS = ['YourCompany', 'Your Company', 'Your logo', 'Demo User', 'Demo Portal User',
  'Mitchell Admin', 'www.odoo.com', 'odoo.com', 'BE0477472701', 'Odoo S.A.', '官方技术支持 Odoo',
  'Powered by Odoo', 'Odoo', '太昂贵', '我们没有人'];  // (the last two: Odoo's demo lost reasons)
// words of Odoo's zh_CN that say something else in this CRM: {word: what to say instead}
const WRONG_WORDS = { '找零': '变更 or 修改: 找零 is giving change', '销售与采购': 'not shown on customers',
  '州/省': '省' };

// Problems in one text a user sees: English words (unless `english` is false, for data
// other tests may have typed), traditional characters, Odoo leftovers.
function textProblems(text, { english = true } = {}) {
  const problems = [];
  const quote = (s) => `"${s.replace(/\s+/g, ' ').slice(0, 60)}"`;
  for (const value of ODOO_LEFTOVERS) {
    if (text.includes(value)) { problems.push(`Odoo leftover "${value}" in ${quote(text)}`); break; }
  }
  for (const [word, instead] of Object.entries(WRONG_WORDS)) {
    if (text.includes(word)) problems.push(`wrong word "${word}" (${instead}) in ${quote(text)}`);
  }
  const traditional = [...new Set(text.match(new RegExp(`[${TRADITIONAL}]`, 'g')) || [])];
  if (traditional.length) problems.push(`traditional characters ${traditional.join('')} in ${quote(text)}`);
  const cleaned = text.replace(/https?:\/\/\S+/g, ' ').replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/[\w-]+(\.[\w-]+)*\.(com|cn|net|org)\b/g, ' ');  // addresses, host names
  const words = new Set();
  for (const token of english ? cleaned.split(/[^A-Za-z0-9_-]+/) : []) {
    if (/\d/.test(token)) continue;
    for (const word of token.match(/[A-Za-z]{3,}/g) || []) {
      if (!ALLOWED_LATIN.has(word)) words.add(word);
    }
  }
  if (words.size) problems.push(`English ${[...words].join(' ')} in ${quote(text)}`);
  return problems;
}

// Runs in the page: the text the user sees (main content, menus, dialogs, notifications,
// or the whole body of a portal page) line by line, and the visible inputs' placeholders.
function visibleTexts() {
  const roots = document.querySelector('.o_main_content')
    ? document.querySelectorAll('.o_main_navbar, #oe_main_menu_navbar .nav, .o_sub_menu, .o_main_content, .modal, .o_notification')
    : [document.body];
  const texts = [];
  for (const root of roots) {
    if (!root.offsetParent && getComputedStyle(root).position !== 'fixed') continue;
    texts.push(...root.innerText.split('\n').map((t) => t.trim()).filter(Boolean));
    for (const input of root.querySelectorAll('input[placeholder], textarea[placeholder]')) {
      if (input.offsetParent && input.placeholder.trim()) texts.push(input.placeholder.trim());
    }
  }
  return [...new Set(texts)];
}

// In the list view shown, search `text` by name (other tests give the demo users many
// records: the one wanted may be beyond the first page) and wait for its row.
// (The action just opened may not have replaced the previous view yet: a search typed
// there is lost, so it is typed again until the row shows.)
async function findInList(page, text) {
  const list = '.o_view_manager_content .o_list_view:not(.o_form_view .o_list_view)';
  const row = page.locator(`${list} tr.o_data_row`, { hasText: text }).first();
  for (let attempt = 1; ; attempt += 1) {
    await page.waitForSelector(list);
    // typed (Odoo 11's search box offers its choices on key events, not on a filled value)
    await page.fill('.o_searchview_input:visible', '');
    await page.locator('.o_searchview_input:visible').type(text);
    await page.waitForSelector('.o_searchview_autocomplete li', { timeout: 5000 }).catch(() => {});
    await page.keyboard.press('Enter');
    try {
      await row.waitFor({ timeout: 5000 });
      return row;
    } catch (err) {
      if (attempt === 4) throw err;
    }
  }
}

// Runs in the page: the lines of the records' own values (list rows, kanban cards, form
// fields, messages). Records other tests typed may hold any Latin name, so these lines
// are checked for traditional characters and Odoo leftovers, not for English (as the
// crawler does); labels, buttons, headers and menus are checked for everything.
function dataTexts() {
  const data = new Set();
  const selector = '.o_data_row, .o_kanban_record, .o_field_widget:not(.o_statusbar_status), ' +
    '.o_thread_message_content, .o_thread_message_core .o_mail_info';
  for (const el of document.querySelectorAll(selector)) {
    if (!el.offsetParent) continue;
    el.innerText.split('\n').map((t) => t.trim()).filter(Boolean).forEach((t) => data.add(t));
  }
  // a record's breadcrumb ends with its name
  for (const crumbs of document.querySelectorAll('.o_control_panel .breadcrumb')) {
    if (crumbs.querySelectorAll('li').length > 1) data.add(crumbs.innerText.trim());
  }
  return [...data];
}

// Fails when the page shows English words (outside ALLOWED_LATIN) outside the records'
// values, traditional characters or Odoo's demo values; `where` names the step.
async function assertNoEnglish(page, where) {
  // longest first, so a value is removed whole before a shorter one inside it
  const data = [...new Set(await page.evaluate(dataTexts))].sort((a, b) => b.length - a.length);
  const withoutValues = (text) => data.reduce((rest, value) => rest.split(value).join(' '), text);
  const problems = [...new Set((await page.evaluate(visibleTexts)).flatMap((text) => [
    ...textProblems(text, { english: false }),
    ...textProblems(withoutValues(text)).filter((p) => p.startsWith('English')),
  ]))];
  if (problems.length) softFail(`${where || page.url()}: ${problems.slice(0, 10).join('; ')}`);
}

// To list every screen's problems in one run while the product is being fixed,
// CRM_SOFT_CHECKS=1 prints the failures of the screen checks and goes on (never in `make test`).
function softFail(message) {
  if (!process.env.CRM_SOFT_CHECKS) throw new Error(message);
  console.log(`SOFT FAILURE: ${message}`);
}

// Both checks of a screen the user is on: no error dialog, nothing but Chinese.
async function assertCleanScreen(page, where) {
  await assertNoOdooError(page);
  await assertNoEnglish(page, where);
}

module.exports = { URL, clickMenu, findInList, DB, ARTIFACTS, launch, loginAs, openSession, asUser, assertNoOdooError, screenshot,
                   openAction, openRecord, rpc, headerButton, waitHeaderButtonGone,
                   ALLOWED_LATIN, TRADITIONAL, ODOO_LEFTOVERS, WRONG_WORDS, textProblems, visibleTexts,
                   assertNoEnglish, assertCleanScreen, softFail, fieldInput, fillField, pickMany2one, odooDate,
                   fillDate, saveForm, openTabOf, currentAction, statValue, readmeShot };
