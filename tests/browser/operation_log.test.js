// crm_sales' operation log (操作日志): a leader transfers 李娜's customer to 王芳; 王芳 opens
// the customer, its "操作记录" button shows one line "李娜 → 王芳"; the sales manager finds
// it on CRM > 配置 > 操作日志, grouped by operation. Every screen is Chinese and clean.
const test = require('node:test');
const assert = require('node:assert');
const { launch, asUser, openAction, openRecord, rpc, screenshot,
        assertCleanScreen } = require('./helpers');

test('who moved this customer to whom: the customer button and the log screen', async () => {
  const name = `浏览器操作日志客户 ${Date.now() % 1e9}`;
  const lina = await rpc('lina', 'lina', 'res.partner', 'create',
    [{ name, is_company: true, customer: true }]);
  const partnerId = lina.result;
  const wangfang = (await rpc('wangfang', 'wangfang', 'res.users', 'context_get', [])).uid;
  await rpc('zhangwei', 'zhangwei', 'res.partner', 'action_transfer', [[partnerId], wangfang]);

  const browser = await launch();
  try {
    await asUser(browser, 'wangfang', async (page) => {
      await openRecord(page, 'crm_sales.action_my_customers', 'res.partner', partnerId);
      // Odoo 11 renders the button box's buttons without their name: find the button by
      // its counter field
      const button = page.locator('.o_form_view button.oe_stat_button',
        { has: page.locator('[name="operation_log_count"]') });
      // a customer's many buttons (opportunities, quotes, contracts, tickets...) fold the
      // last ones under "More", as on a narrow screen
      if (!(await button.isVisible())) {
        await page.locator('.o_form_view .oe_button_box .o_button_more').click();
      }
      const count = await button.locator('.o_stat_value').innerText();
      assert.strictEqual(Number(count.replace(/[^\d.-]/g, '')), 1);
      assert.ok((await button.innerText()).includes('操作记录'));
      await button.click();
      const row = page.locator('.o_list_view tbody tr.o_data_row', { hasText: '李娜 → 王芳' });
      await row.waitFor();
      assert.strictEqual(await page.locator('.o_list_view tbody tr.o_data_row').count(), 1);
      assert.ok((await row.innerText()).includes('转移'));
      await assertCleanScreen(page, 'operations of a customer');
      await row.click();   // the line's form, read-only, with "open the record"
      await page.waitForSelector('.o_form_view.o_form_readonly');
      await assertCleanScreen(page, 'an operation line');
      await screenshot(page, 'operation-log-line');
    });
    await asUser(browser, 'sunqiang', async (page) => {
      await openAction(page, 'crm_sales.crm_operation_log_action');
      await page.fill('.o_searchview_input', name);
      await page.keyboard.press('Enter');
      await page.locator('.o_list_view tbody tr.o_data_row', { hasText: name }).first().waitFor();
      await assertCleanScreen(page, 'operation log');
      await screenshot(page, 'operation-log');
      // no create / delete on the screen
      assert.strictEqual(await page.locator('.o_list_button_add:visible').count(), 0);
    });
  } finally {
    await browser.close();
  }
});
