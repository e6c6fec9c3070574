// crm_reports: ratio measures in the web client's pivot. As the executive (wugang), the
// performance pivot gets "合同完成率（%）" and the sales funnel "赢单/商机转化率（%）" from
// the Measures menu; the grand total cell of each is the ratio of the totals, checked
// against the same read_group over JSON-RPC (not a sum of the rows' ratios).
const test = require('node:test');
const assert = require('node:assert');
const { launch, openSession, assertNoOdooError, screenshot, openAction, rpc } = require('./helpers');

// '1,234.50' -> 1234.5 (the zh_CN number format: ',' thousands, '.' decimals)
const num = (text) => Number(String(text).replace(/[^0-9.-]/g, '') || 0);

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

const expected = (value) => (value === false ? '' : (Math.round(value * 100) / 100).toFixed(2));

test('ratio measures in the pivot: the total is the ratio of the totals', async () => {
  const browser = await launch();
  try {
    const { page, errors } = await openSession(browser, 'wugang');
    // the actions' "This Year" filter is the browser's year (context_today())
    const year = await page.evaluate(() => new Date().getFullYear());
    const thisYear = [['date', '>=', `${year}-01-01`], ['date', '<=', `${year}-12-31`]];

    await openAction(page, 'crm_reports.crm_report_performance_action');
    await page.waitForSelector('.o_pivot table');
    const completion = await addMeasure(page, 'contract_completion', '合同完成率（%）');
    const perf = (await rpc('wugang', null, 'crm.report.performance', 'read_group',
      [['|', ['target_level', '=', false], ['target_level', '=', 'user'], ...thisYear],
        ['contract_amount', 'target_contract_amount', 'contract_completion'], []],
      { lazy: false })).result[0];
    assert.strictEqual(completion === '' ? '' : num(completion).toFixed(2),
      expected(perf.contract_completion));
    if (perf.target_contract_amount) {
      assert.ok(Math.abs(perf.contract_completion
        - 100 * perf.contract_amount / perf.target_contract_amount) < 1e-6);
    }
    await screenshot(page, 'reports-performance-completion');

    await openAction(page, 'crm_reports.crm_report_funnel_action');
    await page.waitForSelector('.o_pivot table');
    const won = await addMeasure(page, 'won_rate', '赢单/商机转化率（%）');
    const funnel = (await rpc('wugang', null, 'crm.report.funnel', 'read_group',
      [thisYear, ['won_count', 'opportunity_count', 'won_rate'], []], { lazy: false })).result[0];
    assert.strictEqual(won === '' ? '' : num(won).toFixed(2), expected(funnel.won_rate));
    if (funnel.opportunity_count) {
      assert.ok(Math.abs(funnel.won_rate - 100 * funnel.won_count / funnel.opportunity_count) < 1e-6);
    }
    await screenshot(page, 'reports-funnel-won-rate');
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
