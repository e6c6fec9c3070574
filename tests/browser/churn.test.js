// Churn handling (客户流失管理): lina's customer who last ordered nine months ago is in her
// churn warnings (流失预警); she defers it (暂缓流失) with what she did, keeping the proposed
// check date; it leaves the list; the CRM clock moves past the date and the warning is
// back; the sales manager sunqiang confirms the churn (确认流失) with a reason and finds
// the customer in the lost-customer analysis (客户流失分析) with its reason and last order.
const test = require('node:test');
const assert = require('node:assert');
const { launch, asUser, openAction, findInList, rpc, screenshot, assertCleanScreen, fieldInput,
  pickMany2one } = require('./helpers');

const NOW = '2026-12-01 04:00:00';
const LIST = '.o_view_manager_content .o_list_view';

// The list, still searched for `text` (the reload after an action keeps the search),
// shows no row with it: the rows without it, or the action's help when none is left.
async function assertNotListed(page, text) {
  await page.waitForFunction((args) => {
    const facet = document.querySelector('.o_searchview_facet');
    const content = document.querySelector('.o_view_manager_content');
    const rows = Array.from(document.querySelectorAll(`${args.list} tr.o_data_row`));
    return facet && facet.innerText.includes(args.text) && content &&
      (content.querySelector('.o_list_view') || content.querySelector('.oe_view_nocontent')) &&
      !rows.some((r) => r.innerText.includes(args.text));
  }, { list: LIST, text });
}

test('a churn warning is deferred, comes back after the date and is confirmed', async () => {
  const name = `浏览器流失客户${Date.now() % 1000000}`;
  const admin = (model, method, args) => rpc('admin', 'admin', model, method, args);
  const lina = (await rpc('lina', 'lina', 'res.users', 'search', [[['login', '=', 'lina']]])).result[0];
  const team = (await admin('ir.model.data', 'xmlid_to_res_id', ['crm_sales.team_east'])).result;
  const product = (await admin('ir.model.data', 'xmlid_to_res_id', ['crm_sales.demo_product_plc'])).result;
  await admin('crm.clock', 'set_now', [NOW]);
  const browser = await launch();
  try {
    const customer = (await admin('res.partner', 'create', [{ name, is_company: true, customer: true,
      user_id: lina, team_id: team }])).result;
    const contract = (await rpc('lina', 'lina', 'crm.contract', 'create', [{
      name: `${name} 采购合同`, partner_id: customer, user_id: lina, team_id: team,
      sign_date: '2026-03-01', date_start: '2026-03-01', date_end: '2027-02-28',
      line_ids: [[0, 0, { product_id: product, list_price: 8600, price_unit: 8600, quantity: 3 }]] }])).result;
    await rpc('lina', 'lina', 'crm.contract', 'action_submit', [[contract]]);

    await asUser(browser, 'lina', async (page) => {
      await openAction(page, 'crm_lifecycle.crm_churn_warning_action');
      const row = await findInList(page, name);
      assert.ok((await row.innerText()).includes('未下单'), await row.innerText());
      await assertCleanScreen(page, 'lina: churn warnings');
      await screenshot(page, 'churn-warnings');
      await row.locator('button.o_crm_churn_defer').click();
      await page.waitForSelector('.modal .o_form_view');
      await fieldInput(page, 'measures', '.modal').fill('上门拜访采购经理，提供续约优惠');
      await assertCleanScreen(page, 'lina: defer churn');
      await page.click('.modal button.o_crm_churn_defer_save');
      await page.waitForSelector('.modal', { state: 'detached' });
      await assertNotListed(page, name);
    });
    const deferred = (await admin('res.partner', 'read', [[customer], ['churn_deferred_until']])).result[0];
    assert.strictEqual(deferred.churn_deferred_until, '2026-12-31', 'the proposed date: 30 days on');

    await admin('crm.clock', 'set_now', ['2027-01-02 04:00:00']);
    await asUser(browser, 'sunqiang', async (page) => {
      await openAction(page, 'crm_lifecycle.crm_churn_warning_action');
      const row = await findInList(page, name);
      await row.locator('button.o_crm_churn_confirm').click();
      await page.waitForSelector('.modal .o_form_view');
      await pickMany2one(page, 'reason_id', '价格过高', '.modal');
      await assertCleanScreen(page, 'sunqiang: confirm churn');
      await page.click('.modal button.o_crm_churn_confirm_save');
      await page.waitForSelector('.modal', { state: 'detached' });
      await assertNotListed(page, name);

      await openAction(page, 'crm_reports_lifecycle.crm_report_churn_action');
      const lost = await findInList(page, name);
      const text = await lost.innerText();
      for (const value of ['价格过高', '2026', '03', '01']) {
        assert.ok(text.includes(value), `${value} in ${text}`);
      }
      await assertCleanScreen(page, 'sunqiang: lost customers');
      await screenshot(page, 'churn-lost-customers');
    });
  } finally {
    await admin('crm.clock', 'set_now', [false]);
    await browser.close();
  }
});
