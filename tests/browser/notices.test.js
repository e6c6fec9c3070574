// 通知设置: 周涛 (CRM administrator) opens CRM > 配置 > CRM 设置 > 通知设置, reads each kind
// of e-mail notice in Chinese (who receives it, 发送邮件 ticked) and switches one off;
// the change is what the server then applies (read back over RPC), and it is switched on
// again at the end.
const test = require('node:test');
const assert = require('node:assert');
const { loginAs, rpc, assertCleanScreen, screenshot } = require('./helpers');

test('the CRM administrator switches an e-mail notice off', async () => {
  const { browser, page, errors } = await loginAs('zhoutao');
  let kindId = null;
  try {
    await page.click('#oe_main_menu_navbar a[data-menu-xmlid="crm.crm_menu_root"]');
    await page.waitForSelector('.o_sub_menu');
    await page.click('.o_sub_menu a[data-menu-xmlid="crm_sales.menu_crm_sales_config"]');
    await page.click('.o_sub_menu a[data-menu-xmlid="crm_sales.menu_crm_notify_kind"]');
    await page.waitForSelector('.o_list_view td:has-text("跟进提醒")');
    assert.match(await page.innerText('.o_control_panel .breadcrumb'), /通知设置/);
    const list = await page.innerText('.o_list_view');
    for (const word of ['分派给你', '跟进提醒', '审批请求', '审批结果', '工单受理确认', '发送邮件']) {
      assert.match(list, new RegExp(word));
    }
    await assertCleanScreen(page, '通知设置');
    await screenshot(page, 'notices');
    const row = page.locator('.o_list_view tr.o_data_row', { hasText: '跟进提醒' });
    await row.locator('td.o_data_cell').nth(1).click();   // edit the row (editable list)
    await page.locator('.o_list_view tr.o_selected_row .o_field_boolean input[type=checkbox]')
      .click({ force: true });
    await page.click('.o_list_button_save');
    await page.waitForSelector('.o_list_button_save', { state: 'hidden' });
    const { result: kinds } = await rpc('zhoutao', null, 'crm.notify.kind', 'search_read',
      [[['code', '=', 'follow_up_due']]], { fields: ['mail_enabled'] });
    kindId = kinds[0].id;
    assert.strictEqual(kinds[0].mail_enabled, false);
    assert.deepStrictEqual(errors, []);
  } finally {
    if (kindId) await rpc('zhoutao', null, 'crm.notify.kind', 'write', [[kindId], { mail_enabled: true }]);
    await browser.close();
  }
});
