// Scheduled job runs (定时任务运行记录): the operation log purge runs ("Run Manually" by the
// system administrator; it changes no demo data); the CRM administrator 周涛 finds the run on
// CRM > 配置 > 定时任务运行记录 with its counts, opens it, and reads it all in Chinese.
// A salesperson has no such menu.
const test = require('node:test');
const assert = require('node:assert');
const { launch, asUser, openAction, rpc, screenshot, assertCleanScreen } = require('./helpers');

async function runNow(xmlid) {
  const id = (await rpc('admin', 'admin', 'ir.model.data', 'xmlid_to_res_id', [xmlid])).result;
  await rpc('admin', 'admin', 'ir.cron', 'method_direct_trigger', [[id]]);
}

test('the CRM administrator reads the runs of the scheduled jobs', async () => {
  await runNow('crm_sales.ir_cron_crm_operation_log_purge');
  const browser = await launch();
  try {
    await asUser(browser, 'zhoutao', async (page) => {
      await openAction(page, 'crm_sales.crm_cron_run_action');
      const row = page.locator('.o_list_view tbody tr.o_data_row', { hasText: 'CRM：清理过期的操作日志' }).first();
      await row.waitFor();
      assert.ok((await row.innerText()).includes('完成'));
      const headers = await page.locator('.o_list_view thead th').allInnerTexts();
      for (const label of ['任务', '开始时间', '结束时间', '失败', '已跳过']) {
        assert.ok(headers.some((h) => h.includes(label)), `${label} in ${headers}`);
      }
      assert.strictEqual(await page.locator('.o_list_button_add:visible').count(), 0);
      await assertCleanScreen(page, 'scheduled job runs');
      await screenshot(page, 'cron-runs');
      await row.click();
      await page.waitForSelector('.o_form_view.o_form_readonly');
      await assertCleanScreen(page, 'a scheduled job run');
      await screenshot(page, 'cron-run');
    });
    await asUser(browser, 'lina', async (page) => {
      await page.waitForSelector('.o_main_navbar, .o_menu_sections, nav');
      const menus = await rpc('lina', 'lina', 'ir.ui.menu', 'search_read',
        [[['name', '=', '定时任务运行记录']]], { fields: ['id'], context: { lang: 'zh_CN' } });
      assert.deepStrictEqual(menus.result, [], 'a salesperson has no such menu');
    });
  } finally {
    await browser.close();
  }
});
