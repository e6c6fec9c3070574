// A guard for every screen: each demo role logs in (zh_CN) and walks every menu under CRM,
// discovered from the menu tree (the menus later modules add included). For each menu it
// opens the action's first view, then its list / kanban views and the first record's form
// (once per action and role kind), and fails on an Odoo error dialog, a JavaScript error, a
// "Style error" box, or, by class (helpers.textProblems):
//   - English UI text: labels, column headers, buttons, tabs, filters, status bars, the
//     chatter's tracked field names;
//   - English choices: every option of the selection fields a view shows (its lists'
//     one2many included), whichever value the records happen to hold;
//   - English placeholders, of every field of the view (hidden ones too: they show when
//     the field does);
//   - traditional characters and Odoo's demo values and branding anywhere on the screen,
//     the records' data and tags included.
// English in the records' data is not checked (other tests' records may have any name).
// A screenshot of each screen with a problem goes to artifacts/crawler/ (of every screen
// with CRM_CRAWLER_SHOTS=all).
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { ARTIFACTS, launch, openSession, rpc, textProblems, visibleTexts } = require('./helpers');

// the five CRM roles and the two service roles of the demo data
const ROLES = ['lina', 'zhangwei', 'sunqiang', 'wugang', 'zhoutao', 'xuli', 'gaokai'];
const SHOTS = path.join(ARTIFACTS, 'crawler');

// Runs in the page: the UI text of the view shown, without the records' data.
function uiTexts() {
  const main = document.querySelector('.o_main_content') || document.body;
  const selectors = [
    '.o_control_panel .breadcrumb li:first-child', '.o_control_panel .o_cp_buttons button',
    '.o_control_panel .o_cp_sidebar .o_dropdown_toggler_btn', '.o_searchview_more',
    '.o_search_options .dropdown-menu > li > a', '.o_list_view thead th',
    '.o_form_view .o_form_label', '.o_form_view .o_horizontal_separator',
    '.o_form_view button:not(.o_dropdown_toggler_btn)', '.o_form_view .nav-tabs > li > a',
    '.o_form_view .o_statusbar_status button', '.o_form_view .o_stat_text',
    '.o_kanban_view .o_column_title', '.o_kanban_view .o_kanban_quick_add',
    '.o_graph_buttons button', '.o_pivot_buttons button', '.oe_view_nocontent',
    '.o_chatter .o_chatter_topbar button', '.o_chatter .o_thread_message_tracking li > span:first-child',
  ];
  const texts = [];
  for (const sel of selectors) {
    for (const el of main.querySelectorAll(sel)) {
      // not shown: invisible fields' labels; the filter menus, closed, are read all the same
      if (el.closest('.o_invisible_modifier') || (!el.offsetParent && !el.closest('.o_search_options'))) continue;
      if (el.closest('.o_data_row, .o_kanban_record, .o_field_widget:not(.o_statusbar_status), .o_thread_message_content')) continue;
      const text = (el.offsetParent ? el.innerText : el.textContent || '').trim();
      if (text) texts.push(text);
    }
  }
  return texts;
}

// selection fields whose choices are names that stay Latin (IANA time zones)
const CHOICES_NOT_CHECKED = ['tz'];

// Runs in the page: the selection fields' choices and the placeholders of the view shown
// (from its controller's data and arch): [{kind, field, text}].
function viewChoices(CHOICES_NOT_CHECKED) {
  const client = window.odoo.__DEBUG__.services['web.web_client'];
  const viewManager = client.action_manager.inner_widget;
  const controller = viewManager && viewManager.active_view && viewManager.active_view.controller;
  const renderer = controller && controller.renderer;
  const found = [];
  const seen = new Set();
  // a form's field hidden for this record (attrs) is not shown: its widget is marked
  const hiddenInForm = (name) => {
    const widget = renderer.$el && renderer.$el[0].querySelector(`.o_field_widget[name="${name}"]`);
    return !widget || !!widget.closest('.o_invisible_modifier');
  };
  const walk = (state, top) => {
    if (!state || !state.fields || !state.fieldsInfo || seen.has(state.id)) return;
    seen.add(state.id);
    const info = state.fieldsInfo[state.viewType] || {};
    for (const [name, node] of Object.entries(info)) {
      const modifiers = node.modifiers || {};
      if (modifiers.invisible === true || modifiers.column_invisible === true) continue;
      if (top && state.viewType === 'form' && hiddenInForm(name)) continue;
      const field = state.fields[name] || {};
      if (field.type === 'selection' && !CHOICES_NOT_CHECKED.includes(name)) {
        for (const [, label] of field.selection || []) found.push({ kind: 'choice', field: name, text: String(label) });
      }
      const value = state.data && state.data[name];
      if (value && value.fieldsInfo) walk(value, false);  // a one2many's list in a form
    }
  };
  if (renderer && renderer.state) walk(renderer.state, true);
  const archWalk = (node) => {
    if (!node || typeof node !== 'object') return;
    if (node.attrs && node.attrs.placeholder) {
      found.push({ kind: 'placeholder', field: node.attrs.name || node.tag, text: node.attrs.placeholder });
    }
    (node.children || []).forEach(archWalk);
  };
  if (renderer && renderer.arch) archWalk(renderer.arch);
  return found;
}

// The actions under the CRM root the user may open: [{name, path, action}]
async function crmMenus(login) {
  const { result } = await rpc(login, login, 'ir.ui.menu', 'load_menus', [false], { context: { lang: 'zh_CN' } });
  const root = result.children.find((m) => m.xmlid === 'crm.crm_menu_root');
  const found = [];
  const walk = (node, trail) => {
    for (const child of node.children) {
      const here = [...trail, child.name];
      if (child.action) found.push({ name: child.name, path: here.join('/'), action: child.action });
      walk(child, here);
    }
  };
  if (root) walk(root, []);
  return found;
}

// Runs in the page: opens an action in the web client without reloading it (not awaited:
// the promise of some actions settles only when their dialog closes).
function doAction(actionId) {
  document.querySelectorAll('.modal').forEach((m) => m.remove());
  document.querySelectorAll('.o_view_manager_content').forEach((el) => el.setAttribute('data-crawled', '1'));
  const client = window.odoo.__DEBUG__.services['web.web_client'];
  client.action_manager.do_action(actionId, { clear_breadcrumbs: true });
}

// Runs in the page: the type of the view shown ('list', 'form'...).
function activeViewType() {
  const viewManager = window.odoo.__DEBUG__.services['web.web_client'].action_manager.inner_widget;
  return viewManager && viewManager.active_view && viewManager.active_view.type;
}

// a view of the action just opened (doAction marks the previous one)
const VIEW_SELECTOR = ['.o_list_view', '.o_kanban_view', '.o_form_view', '.o_pivot', '.o_graph',
  '.o_calendar_view', '.oe_view_nocontent'].map((v) => `.o_view_manager_content:not([data-crawled]) ${v}`).join(', ');

async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('.o_loading') ||
    getComputedStyle(document.querySelector('.o_loading')).display === 'none', null, { timeout: 15000 });
  await page.waitForTimeout(50);
}

async function check(page, where, problems, shot) {
  await settle(page);
  const dialog = await page.$('.modal .o_dialog_error, .modal .o_error_detail, .o_dialog_warning');
  if (dialog) {
    problems.push(`${where}: error dialog: ${(await page.innerText('.modal')).slice(0, 300)}`);
    await page.keyboard.press('Escape');
    await page.click('.modal .btn-primary').catch(() => {});
  }
  if (await page.evaluate(() => !!document.querySelector('.o_less_error, .o_style_error') ||
      document.body.textContent.includes('Style error'))) problems.push(`${where}: "Style error" box`);
  const found = new Set();
  for (const text of await page.evaluate(uiTexts)) textProblems(text).forEach((p) => found.add(p));
  for (const { kind, field, text } of await page.evaluate(viewChoices, CHOICES_NOT_CHECKED)) {
    textProblems(text).forEach((p) => found.add(`${kind} of ${field}: ${p}`));
  }
  for (const text of await page.evaluate(visibleTexts)) {
    textProblems(text, { english: false }).forEach((p) => found.add(p));
  }
  problems.push(...[...found].map((problem) => `${where} :: ${problem}`));
  // a screenshot of each screen with a problem (of every screen: CRM_CRAWLER_SHOTS=all)
  if (shot && (found.size || dialog || process.env.CRM_CRAWLER_SHOTS === 'all')) {
    await page.screenshot({ path: path.join(SHOTS, shot + '.png') });
  }
}

async function crawlRole(browser, login, seen) {
  const { page, errors } = await openSession(browser, login);
  const problems = [];
  let screens = 0;
  try {
    await page.waitForFunction(() => window.odoo && window.odoo.__DEBUG__.services['web.web_client'] &&
      window.odoo.__DEBUG__.services['web.web_client'].action_manager);
    await page.waitForSelector('.o_main_content');  // the landing screen
    for (const menu of await crmMenus(login)) {
      const [actionType, actionId] = String(menu.action).split(',');
      const where = `${login} ${menu.path}`;
      if (actionType !== 'ir.actions.act_window') continue;  // downloads, URLs, client actions
      await page.evaluate(doAction, Number(actionId)).catch((err) => problems.push(`${where}: ${err}`));
      screens += 1;
      const slug = `${login}-${String(screens).padStart(2, '0')}`;
      await page.waitForSelector(VIEW_SELECTOR, { timeout: 15000 }).catch(async () => {
        problems.push(`${where}: no view rendered (${slug}-missing.png)`);
        await page.screenshot({ path: path.join(SHOTS, `${slug}-missing.png`) }).catch(() => {});
      });
      await check(page, where, problems, slug);
      // other view types and the first record's form: once per action and role kind
      const key = `${actionId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // an action opening a dialog (a settings wizard) leaves the previous screen under
      // it: its views and rows are not this action's
      if (await page.evaluate(() => !!document.querySelector('.modal.in, .modal[aria-hidden="false"]'))) continue;
      for (const type of ['list', 'kanban']) {
        const button = page.locator(`.o_cp_switch_buttons button[data-view-type="${type}"]:not(.active)`);
        if (await button.count()) {
          await button.first().click();
          // a loaded machine (module tests beside) may take long, and a click made while
          // the previous screen still loads can be dropped: click once more, then name
          // the screen if it never comes
          // shown: its switch button active and the view visible (an empty list or kanban
          // with a help text shows only the help, Odoo 11)
          const isShown = (t) => {
            const visible = (el) => el.offsetParent !== null;
            const views = document.querySelectorAll(`.o_view_manager_content .o_${t}_view, ` +
              '.o_view_manager_content .oe_view_nocontent');
            return !!document.querySelector(`.o_cp_switch_buttons button[data-view-type="${t}"].active`) &&
              [...views].some(visible);
          };
          let shown = await page.waitForFunction(isShown, type, { timeout: 30000 })
            .then(() => true, () => false);
          if (!shown && await button.count()) {
            await button.first().click().catch(() => {});
            shown = await page.waitForFunction(isShown, type, { timeout: 60000 })
              .then(() => true, () => false);
          }
          if (!shown) {
            problems.push(`${where}: the ${type} view did not render (${slug}-${type}-missing.png)`);
            await page.screenshot({ path: path.join(SHOTS, `${slug}-${type}-missing.png`) }).catch(() => {});
            continue;
          }
          await check(page, `${where} (${type})`, problems);
        }
      }
      // the first record of a list or kanban shown (not a row of a form's one2many)
      const first = page.locator('.o_list_view tbody tr.o_data_row:visible, ' +
        '.o_kanban_view .o_kanban_record:not(.o_kanban_ghost):visible').first();
      if (await page.evaluate(activeViewType) !== 'form' && await first.count()) {
        await first.click();
        const opened = await page.waitForSelector('.o_view_manager_content .o_form_view', { timeout: 8000 })
          .then(() => true).catch(() => false);
        if (opened) {
          await page.waitForSelector('.o_chatter .o_thread_message, .o_chatter .o_mail_no_content', { timeout: 3000 }).catch(() => {});
          screens += 1;
          await check(page, `${where} (form)`, problems, `${slug}-form`);
        }
      }
    }
  } finally {
    await page.context().close();
  }
  return { problems: [...problems, ...errors.map((e) => `${login}: JavaScript error: ${e}`)], screens };
}

// One line per problem ("where :: what"), with how many screens show it and the first few.
function grouped(problems) {
  const byWhat = new Map();
  for (const line of problems) {
    const [where, what] = line.includes(' :: ') ? line.split(' :: ') : [line, ''];
    if (!what) { byWhat.set(line, []); continue; }
    if (!byWhat.has(what)) byWhat.set(what, []);
    byWhat.get(what).push(where);
  }
  return [...byWhat].map(([what, wheres]) => (wheres.length
    ? `${what} -- on ${wheres.length} screen(s): ${wheres.slice(0, 3).join(' | ')}` : what)).sort();
}

// One subtest per role, three at a time (the test server has four workers), each with its
// own time bound (7 min; the slowest role took 200 s here): the screens grow with every
// module, and a slow role is then named. `seen`
// is shared, so each action's other views and first form are opened once in all.
const ROLE_TIMEOUT = 420000;

test('every CRM screen renders in Chinese for every role, without errors',
  { concurrency: 3, timeout: Math.ceil(ROLES.length / 3) * ROLE_TIMEOUT }, async (t) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const started = Date.now();
    const browser = await launch();
    let screens = 0;
    try {
      const seen = new Set();
      await Promise.all(ROLES.map((login) => t.test(login, { timeout: ROLE_TIMEOUT }, async () => {
        const result = await crawlRole(browser, login, seen);
        screens += result.screens;
        const report = grouped(result.problems);
        if (report.length) console.log(`crawler ${login}: ${report.length} problems:\n${report.join('\n')}`);
        assert.deepStrictEqual(report, []);
      })));
    } finally {
      await browser.close();
    }
    console.log(`crawler: ${screens} screens for ${ROLES.length} roles in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    assert.ok(screens > 100, `only ${screens} screens visited`);
  });
