// Audit trail: 周涛 (CRM administrator) opens CRM > 配置 > 日志管理 (数据变更日志, 登录日志)
// and a customer's 变更记录 after 李娜 changed its level: who, when, 客户等级 old → new,
// all in Chinese.
const test = require('node:test');
const assert = require('node:assert');
const { loginAs, openAction, openRecord, rpc, assertCleanScreen, screenshot } = require('./helpers');

test('the CRM administrator reads the change log and the login log', async () => {
  const { result: levels } = await rpc('lina', null, 'crm.customer.level', 'search_read', [[]],
                                       { fields: ['name'], limit: 2 });
  const name = `审计浏览器客户 ${Date.now() % 100000}`;
  const { result: pid } = await rpc('lina', null, 'res.partner', 'create',
    [{ name, is_company: true, customer: true, customer_level_id: levels[0].id }]);
  await rpc('lina', null, 'res.partner', 'write', [[pid], { customer_level_id: levels[1].id }]);

  const { browser, page, errors } = await loginAs('zhoutao');
  try {
    await page.click('#oe_main_menu_navbar a[data-menu-xmlid="crm.crm_menu_root"]');
    await page.waitForSelector('.o_sub_menu');
    assert.match(await page.innerText('.o_sub_menu'), /日志管理/);
    // CRM > 配置 > 日志管理 > 数据变更日志, as a user clicks it
    await page.click('.o_sub_menu a[data-menu-xmlid="crm_audit.menu_crm_audit_root"]');
    await page.click('.o_sub_menu a[data-menu-xmlid="crm_audit.menu_crm_audit_log"]');
    await page.waitForSelector(`.o_list_view td:has-text("${name}")`);
    const menu = await page.innerText('.o_sub_menu');
    assert.match(menu, /数据变更日志/);
    assert.match(menu, /登录日志/);
    assert.match(await page.innerText('.o_control_panel .breadcrumb'), /数据变更日志/);
    const list = await page.innerText('.o_list_view');
    assert.match(list, /李娜/);
    assert.match(list, /修改/);
    assert.match(list, /客户等级: .* → /);
    await assertCleanScreen(page, '数据变更日志');
    await screenshot(page, 'audit-data-changes');

    await openRecord(page, 'crm_sales.action_crm_customers_all', 'res.partner', pid);
    const button = page.locator('.o_form_view button.o_crm_audit_log');
    if (!(await button.isVisible())) await page.click('.o_form_view .o_button_more');  // 更多
    await button.click();
    await page.waitForSelector('.o_list_view td:has-text("新建")');
    const own = await page.innerText('.o_view_manager_content');
    assert.match(own, /客户等级: .* → /);
    assert.match(own, /李娜/);
    assert.match(await page.innerText('.o_control_panel .breadcrumb'), /变更记录/);
    const rows = await page.locator('.o_list_view tbody tr.o_data_row').count();
    assert.strictEqual(rows, 2);
    await assertCleanScreen(page, '变更记录');
    await screenshot(page, 'audit-record-log');

    await openAction(page, 'crm_audit.action_crm_login_log');
    await page.waitForSelector('.o_list_view td:has-text("成功")');
    await assertCleanScreen(page, '登录日志');
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
