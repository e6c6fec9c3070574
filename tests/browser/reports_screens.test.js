// crm_reports on screen (issue #29): as the sales manager (sunqiang) and the executive
// (wugang) at 1440 x 900. The executive lands on the reports dashboard, which draws its
// three charts (funnel by stage, month trend against target, ranking) as SVG; amounts show
// ¥ and changes %; no English on the dashboard or in the reports' pivots; each report's
// default pivot fits the screen with its totals; the follow-up types are Chinese; the
// public pool graph has bars.
const test = require('node:test');
const assert = require('node:assert');
const { URL, launch, openSession, assertNoOdooError, screenshot, openAction, textProblems } = require('./helpers');

const REPORTS = ['crm_report_funnel_action', 'crm_report_opportunity_action',
  'crm_report_performance_action', 'crm_report_receivable_action',
  'crm_report_customer_action', 'crm_report_product_action',
  'crm_report_follow_up_action', 'crm_report_pool_action'];
// English words, traditional characters or Odoo leftovers in a text (product codes and
// names such as MES are allowed, see helpers.ALLOWED_LATIN)
const problemsOf = (text) => text.split('\n').flatMap((line) => textProblems(line));

// The text of the main content (not the navbar's user menu), without the values that may
// legitimately hold Latin letters.
async function contentText(page) {
  return page.evaluate(() => document.querySelector('.o_content').innerText);
}

async function dashboardCharts(page) {
  await page.waitForSelector('.o_crm_chart svg');
  return page.evaluate(() => Array.from(document.querySelectorAll('.o_crm_chart')).map((c) => ({
    name: c.getAttribute('name'),
    svg: !!c.querySelector('svg'),
    shapes: c.querySelectorAll('svg polygon, svg rect, svg path').length,
    width: c.getBoundingClientRect().width,
  })));
}

test('dashboard charts, units, Chinese and pivots inside 1440 px', async () => {
  const browser = await launch();
  try {
    // 1. the executive lands on the dashboard (no action in the URL)
    {
      const { page, errors } = await openSession(browser, 'wugang');
      await page.waitForSelector('.o_form_view .o_crm_chart');
      const charts = await dashboardCharts(page);
      assert.deepStrictEqual(charts.map((c) => c.name).sort(),
        ['funnel_chart', 'ranking_chart', 'trend_chart']);
      for (const chart of charts) {
        assert.ok(chart.svg && chart.shapes > 0, `${chart.name}: drawn (${chart.shapes} shapes)`);
        assert.ok(chart.width > 200, `${chart.name}: ${chart.width} px wide`);
      }
      const money = await page.innerText('.o_field_widget[name="contract_amount"]');
      assert.match(money, /^¥\s?[\d,]+\.\d\d$/);
      for (const name of ['contract_mom', 'contract_yoy', 'payment_mom', 'payment_yoy']) {
        assert.match(await page.innerText(`.o_field_widget[name="${name}"]`), /^-?[\d,]+\.\d%$/, name);
      }
      const text = await contentText(page);
      assert.deepStrictEqual(problemsOf(text), [], 'the dashboard');
      await assertNoOdooError(page);
      await screenshot(page, 'reports-dashboard-charts-wugang');
      await page.evaluate(() => window.scrollTo(0, 0));
      assert.deepStrictEqual(errors, []);
      await page.context().close();
    }
    // 2. the sales manager: every report's default pivot fits, totals on screen
    const { page, errors } = await openSession(browser, 'sunqiang');
    for (const xmlid of REPORTS) {
      await openAction(page, `crm_reports.${xmlid}`);
      await page.waitForSelector('.o_pivot table');
      await page.waitForTimeout(300);
      const box = await page.evaluate(() => {
        const cells = Array.from(document.querySelectorAll('.o_pivot table td, .o_pivot table th'));
        return { right: Math.max(...cells.map((c) => c.getBoundingClientRect().right)),
          width: window.innerWidth,
          scroll: document.querySelector('.o_content').scrollWidth };
      });
      assert.ok(box.right <= 1440 && box.scroll <= 1440,
        `${xmlid}: pivot reaches ${box.right} px (content ${box.scroll} px)`);
      // the pivot's labels and measures; its row headers are records' names (salespeople,
      // customers other tests created), checked for traditional characters and leftovers
      const { labels, rows } = await page.evaluate(() => ({
        labels: Array.from(document.querySelectorAll('.o_control_panel .breadcrumb, .o_pivot thead'))
          .map((el) => el.innerText).join('\n'),
        rows: Array.from(document.querySelectorAll('.o_pivot tbody th')).map((el) => el.innerText).join('\n'),
      }));
      assert.deepStrictEqual(problemsOf(labels).concat(
        rows.split('\n').flatMap((line) => textProblems(line, { english: false }))), [], xmlid);
      await assertNoOdooError(page);
      await screenshot(page, `reports-pivot-${xmlid.replace('crm_report_', '').replace('_action', '')}`);
    }
    // amounts in ¥ and completion in % in the performance pivot
    await openAction(page, 'crm_reports.crm_report_performance_action');
    await page.waitForSelector('.o_pivot table td.o_pivot_cell_value');
    const cells = await page.$$eval('.o_pivot table td.o_pivot_cell_value', (els) => els.map((e) => e.innerText.trim()));
    assert.ok(cells.some((c) => /^¥\s?[\d,]+\.\d\d$/.test(c)), `¥ in ${cells.slice(0, 8)}`);
    assert.ok(cells.some((c) => /^[\d,]+\.\d%$/.test(c)), `% in ${cells.slice(0, 8)}`);
    // the follow-up types are Chinese (电话, 面访, 微信...)
    await openAction(page, 'crm_reports.crm_report_follow_up_action');
    await page.waitForSelector('.o_pivot table');
    const heads = await page.$$eval('.o_pivot table thead th', (els) => els.map((e) => e.innerText.trim()));
    assert.ok(heads.includes('电话') && heads.includes('面访'), `types: ${heads}`);
    // the public pool graph: bars by month, released and claimed
    await openAction(page, 'crm_reports.crm_report_pool_action');
    await page.click('.o_cp_switch_buttons button[data-view-type="graph"]');
    await page.waitForFunction(() => document.querySelectorAll('.o_graph svg .nv-bar').length > 0);
    await page.waitForTimeout(1000);   // nvd3's transition
    const bars = await page.$$eval('.o_graph svg .nv-bar', (els) => els.length);
    assert.ok(bars > 3, `${bars} bars in the pool graph`);
    // a count axis in whole numbers from 0 up (not an empty -1..1), labels in Chinese
    const ticks = await page.$$eval('.o_graph .nv-y .tick text', (els) => els.map((e) => e.textContent)
      .filter((t) => t !== ''));
    assert.ok(ticks.length > 1 && ticks.every((t) => /^\d[\d,]*$/.test(t)), `y axis: ${ticks}`);
    assert.ok(Math.max(...ticks.map((t) => Number(t.replace(/,/g, '')))) >= 2, `y axis: ${ticks}`);
    const graphText = await page.$eval('.o_graph', (el) => el.textContent);
    assert.deepStrictEqual(problemsOf(graphText), [], 'the pool graph');
    await screenshot(page, 'reports-pool-graph');
    await assertNoOdooError(page);
    assert.deepStrictEqual(errors, []);
  } catch (err) {
    for (const context of browser.contexts()) {
      for (const p of context.pages()) await screenshot(p, 'reports-screens-failure').catch(() => {});
    }
    throw err;
  } finally {
    await browser.close();
  }
});
