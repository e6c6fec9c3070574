// crm_reports: the sales funnel graph and the reports dashboard as a salesperson (lina)
// and as the executive (wugang), each figure checked against the same read over JSON-RPC
// as that user (record rules); then the executive exports the sales funnel to Excel from
// CRM > Reports > Export to Excel in the browser (OCA report_xlsx download), and the
// downloaded workbook's counts and amounts per step are checked against the pivot's totals.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { URL, ARTIFACTS, launch, openSession, assertNoOdooError, screenshot, openAction,
  rpc } = require('./helpers');

const ROOT = path.join(__dirname, '..', '..');
const PYTHON = process.env.CRM_PYTHON || path.join(ROOT, '.venv', 'bin', 'python');

// '1,234.50' -> 1234.5 (the zh_CN number format: ',' thousands, '.' decimals)
const num = (text) => Number(String(text).replace(/[^0-9.-]/g, '') || 0);

// The funnel as `login` sees it this year, over JSON-RPC: {step: [count, amount]}
async function funnelRpc(login, year) {
  const { result } = await rpc(login, null, 'crm.report.funnel', 'read_group',
    [[['date', '>=', `${year}-01-01`]], ['step', 'nbr', 'amount'], ['step']], { lazy: false });
  return Object.fromEntries(result.map((g) => [g.step, [g.nbr, Math.round(g.amount * 100) / 100]]));
}

// Opens the sales funnel (pivot, "This Year") and switches to its graph.
async function openFunnelGraph(page) {
  await openAction(page, 'crm_reports.crm_report_funnel_action');
  await page.waitForSelector('.o_pivot table');
  await page.click('.o_cp_switch_buttons button[data-view-type="graph"]');
  await page.waitForFunction(() => document.querySelectorAll('.o_graph svg .nv-bar').length > 0);
  await assertNoOdooError(page);
}

// The pivot's rows (step label -> [count, amount] from the Total columns at the right).
async function pivotTotals(page) {
  return page.evaluate(() => {
    const out = {};
    for (const tr of document.querySelectorAll('.o_pivot table tbody tr')) {
      const head = tr.querySelector('.o_pivot_header_cell_closed');  // a step (not the total)
      const cells = Array.from(tr.querySelectorAll('td.o_pivot_cell_value'));
      if (!head || cells.length < 2) continue;
      out[head.innerText.trim()] = cells.slice(-2).map((c) => c.innerText.trim());
    }
    return out;
  });
}

// Opens the dashboard (CRM > Reports > Reports Dashboard) and reads its funnel figures.
async function openDashboard(page) {
  await page.goto(`${URL}/web#action=crm_reports.crm_report_dashboard_action`);
  await page.waitForSelector('.o_form_view .o_field_widget[name="funnel_lead"]');
  await assertNoOdooError(page);
  return page.evaluate(() => {
    const get = (name) => document.querySelector(`.o_form_view .o_field_widget[name="${name}"]`).innerText.trim();
    return { scope: get('scope'), period: get('period'), lead: get('funnel_lead'),
      contract: get('funnel_contract'), payment: get('funnel_payment'),
      contract_amount: get('contract_amount') };
  });
}

async function dashboardRpc(login) {
  const context = { lang: 'zh_CN' };   // the users' language, as in the browser
  const { result: id } = await rpc(login, null, 'crm.report.dashboard', 'create', [{}], { context });
  const { result } = await rpc(login, null, 'crm.report.dashboard', 'read', [[id],
    ['scope', 'period', 'funnel_lead', 'funnel_contract', 'funnel_payment', 'contract_amount']],
  { context });
  return result[0];
}

// Reads the funnel sheet of a workbook: {label: [count, amount]} (rows under the header).
function readWorkbook(file) {
  const script = `
import json, sys, xlrd
book = xlrd.open_workbook(sys.argv[1])
sheet = book.sheet_by_index(0)
rows = {}
for r in range(4, 10):
    rows[sheet.cell_value(r, 0)] = [sheet.cell_value(r, 1), sheet.cell_value(r, 2)]
print(json.dumps({'title': sheet.cell_value(0, 0), 'sheets': book.sheet_names(), 'rows': rows}))
`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }));
}

test('funnel graph and dashboard per role; the xlsx export matches the pivot', async () => {
  const year = new Date().getFullYear();
  const browser = await launch();
  try {
    const seen = {};
    for (const login of ['lina', 'wugang']) {
      const { page, errors } = await openSession(browser, login);
      // 1. the funnel graph (action's default filter: this year)
      await openFunnelGraph(page);
      await screenshot(page, `reports-funnel-graph-${login}`);
      const bars = await page.$$eval('.o_graph svg .nv-bar', (els) => els.length);
      const expected = await funnelRpc(login, year);
      assert.ok(bars > 0 && bars <= Object.keys(expected).length,
        `${login}: ${bars} bars for ${Object.keys(expected).length} steps`);
      // 2. the dashboard, against the same computation over JSON-RPC as the user
      const board = await openDashboard(page);
      await screenshot(page, `reports-dashboard-${login}`);
      const want = await dashboardRpc(login);
      assert.strictEqual(board.scope, want.scope);
      assert.strictEqual(num(board.lead), want.funnel_lead);
      assert.strictEqual(num(board.contract), want.funnel_contract);
      assert.strictEqual(num(board.payment), want.funnel_payment);
      assert.strictEqual(num(board.contract_amount), Math.round(want.contract_amount * 100) / 100);
      seen[login] = { funnel: expected, scope: board.scope };
      assert.deepStrictEqual(errors, []);
      await page.context().close();
    }
    // the salesperson sees part of what the executive sees
    const count = (f) => Object.values(f).reduce((a, [n]) => a + n, 0);
    assert.ok(count(seen.lina.funnel) < count(seen.wugang.funnel),
      `lina ${count(seen.lina.funnel)} < wugang ${count(seen.wugang.funnel)}`);
    assert.notStrictEqual(seen.lina.scope, seen.wugang.scope);

    // 3. the executive's pivot totals, then the Excel export of the same period
    const { page, errors } = await openSession(browser, 'wugang');
    await openAction(page, 'crm_reports.crm_report_funnel_action');
    await page.waitForSelector('.o_pivot table tbody td.o_pivot_cell_value');
    const pivot = await pivotTotals(page);
    await screenshot(page, 'reports-funnel-pivot-wugang');
    assert.ok(Object.keys(pivot).length > 0, 'pivot rows');

    await page.goto(`${URL}/web#action=crm_reports.crm_report_export_action`);
    const dialog = page.locator('.modal .o_form_view');
    await dialog.waitFor();
    const from = await page.inputValue('.modal .o_field_widget[name="date_from"] input');
    assert.strictEqual(from, `${year}-01-01`);
    // the pivot's "This Year": January 1 to December 31 (records dated next year, e.g. by
    // suites that move the clock, are in neither)
    const to = page.locator('.modal .o_field_widget[name="date_to"] input');
    await to.fill(`${year}-12-31`);
    await to.press('Enter');
    await screenshot(page, 'reports-export-wizard');
    // record when the web client sees the download finish (session.get_file's success:
    // the server's fileToken cookie; OCA report_xlsx 11.0 never set it, #178 / #414)
    await page.evaluate(() => {
      const session = window.odoo.__DEBUG__.services['web.session'];
      const getFile = session.get_file;
      window.crmDownloads = [];
      session.get_file = function (options) {
        const success = options.success;
        options.success = function () {
          window.crmDownloads.push(options.url);
          return success && success.apply(this, arguments);
        };
        return getFile.call(this, options);
      };
    });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      page.locator('.modal-footer button.btn-primary').first().click(),
    ]);
    assert.strictEqual(await download.failure(), null);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'reports-funnel.xlsx');
    await download.saveAs(file);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    // the client sees the download complete and the UI is not left blocked; the wizard
    // stays open for another export and closes on Cancel
    await page.waitForFunction(() => window.crmDownloads.some((u) => u.includes('report/xlsx/')),
      null, { timeout: 15000 });
    await page.waitForFunction(() => !document.querySelector('.blockUI, .o_blockUI'));
    await screenshot(page, 'reports-export-done');
    await page.locator('.modal-footer button.btn-default').first().click();
    await page.waitForSelector('.modal .o_form_view', { state: 'detached' });
    await assertNoOdooError(page);

    const book = readWorkbook(file);
    assert.ok(book.sheets.length >= 1);
    // every step of the pivot in the workbook with the same totals; the workbook's other
    // steps (the pivot shows no empty group) are zero
    for (const label of Object.keys(pivot)) assert.ok(label in book.rows, `${label} exported`);
    for (const [label, [count, amount]] of Object.entries(book.rows)) {
      const [pCount, pAmount] = (pivot[label] || [0, 0]).map(num);
      assert.strictEqual(count, pCount, `${label}: count`);
      assert.strictEqual(Math.round(amount * 100) / 100, pAmount, `${label}: amount`);
    }
    assert.deepStrictEqual(errors, []);
  } catch (err) {
    for (const context of browser.contexts()) {
      for (const p of context.pages()) await screenshot(p, 'reports-failure').catch(() => {});
    }
    throw err;
  } finally {
    await browser.close();
  }
});
