// crm_reports: ratio measures in the web client's pivot. As the executive (wugang), the
// performance pivot gets "新增客户完成率（%）" and the sales funnel "赢单/商机转化率（%）"
// from the Measures menu; the grand total cell of each is the ratio of the totals (shown
// as a percentage, "33.2%"), checked against the same read_group over JSON-RPC (not a sum
// of the rows' ratios; the funnel's rate is a cohort rate: of the opportunities created
// in the period, the share won).
const test = require('node:test');
const assert = require('node:assert');
const { launch, openSession, assertNoOdooError, screenshot, openAction, rpc } = require('./helpers');


// Adds `field` from the pivot's Measures menu and returns the grand total cell of it (the
// root row's last cell: the measure added last, in the "Total" column).
async function addMeasure(page, field, label) {
  await page.click('.o_cp_buttons .dropdown-toggle:has-text("测量")');
  await page.click(`.o_pivot_measures_list li[data-field="${field}"] a`);
  await page.waitForFunction((text) => Array.from(document.querySelectorAll('.o_pivot table thead th'))
    .some((th) => th.innerText.trim() === text), label);
  await assertNoOdooError(page);
  return page.evaluate(() => {
    const row = document.querySelector('.o_pivot table tbody tr');
    const cells = row.querySelectorAll('td.o_pivot_cell_value');
    return cells[cells.length - 1].innerText.trim();
  });
}

// the pivot shows a rate with one decimal and "%"
const expected = (value) => (value === false ? '' : `${value.toFixed(1)}%`);

test('ratio measures in the pivot: the total is the ratio of the totals', async () => {
  const browser = await launch();
  try {
    const { page, errors } = await openSession(browser, 'wugang');
    // the actions' "This Year" filter is the browser's year (context_today())
    const year = await page.evaluate(() => new Date().getFullYear());
    const thisYear = [['date', '>=', `${year}-01-01`], ['date', '<=', `${year}-12-31`]];

    await openAction(page, 'crm_reports.crm_report_performance_action');
    await page.waitForSelector('.o_pivot table');
    const completion = await addMeasure(page, 'new_customer_completion', '新增客户完成率（%）');
    const perf = (await rpc('wugang', null, 'crm.report.performance', 'read_group',
      [['|', ['target_level', '=', false], ['target_level', '=', 'user'], ...thisYear],
        ['new_customer_count', 'target_new_customer_count', 'new_customer_completion'], []],
      { lazy: false })).result[0];
    assert.strictEqual(completion, expected(perf.new_customer_completion));
    if (perf.target_new_customer_count) {
      assert.ok(Math.abs(perf.new_customer_completion
        - 100 * perf.new_customer_count / perf.target_new_customer_count) < 1e-6);
    }
    await screenshot(page, 'reports-performance-completion');

    await openAction(page, 'crm_reports.crm_report_funnel_action');
    await page.waitForSelector('.o_pivot table');
    const won = await addMeasure(page, 'won_rate', '赢单/商机转化率（%）');
    const funnel = (await rpc('wugang', null, 'crm.report.funnel', 'read_group',
      [thisYear, ['opportunity_won_count', 'opportunity_count', 'won_rate'], []],
      { lazy: false })).result[0];
    assert.strictEqual(won, expected(funnel.won_rate));
    if (funnel.opportunity_count) {
      assert.ok(Math.abs(funnel.won_rate
        - 100 * funnel.opportunity_won_count / funnel.opportunity_count) < 1e-6);
      assert.ok(funnel.won_rate <= 100);
    }
    await screenshot(page, 'reports-funnel-won-rate');
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
