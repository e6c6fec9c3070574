// crm_member: the CRM administrator adds a salesperson in 成员管理 (CRM > 配置), and the
// new salesperson logs in with the initial password and lands on her to-do.
const test = require('node:test');
const assert = require('node:assert');
const { launch, openSession, openAction, rpc, assertCleanScreen, screenshot, fillField,
  pickMany2one, currentAction } = require('./helpers');

test('CRM administrator adds a salesperson who then logs in', async () => {
  const login = `bm${Date.now() % 1e8}`;
  const password = 'Yunfan#2026';
  const browser = await launch();
  try {
    const { page, errors } = await openSession(browser, 'zhoutao');
    await openAction(page, 'crm_member.crm_member_action');
    await page.locator('.o_list_view tbody tr.o_data_row', { hasText: '李娜' }).first().waitFor();
    assert.match(await page.innerText('.o_list_view'), /销售员/);
    await assertCleanScreen(page, 'zhoutao: 成员管理');
    // 配置 > 新增成员: one form
    await page.click('.o_sub_menu a[data-menu-xmlid="crm_member.crm_member_add_menu"]');
    await page.waitForSelector('.modal .o_form_view');
    await fillField(page, 'name', '林小雨', '.modal');
    await fillField(page, 'login', login, '.modal');
    await fillField(page, 'password', password, '.modal');
    await fillField(page, 'email', `${login}@yunfan-tech.cn`, '.modal');
    await fillField(page, 'phone', '13912345678', '.modal');
    await pickMany2one(page, 'team_id', '上海组', '.modal');
    assert.strictEqual(await page.locator('.modal .o_field_widget[name="role_id"] input').inputValue(), '销售员');
    await assertCleanScreen(page, 'zhoutao: 新增成员');
    await screenshot(page, 'member-add');
    await page.click('.modal-footer button.btn-primary');
    // the new member's form in 成员管理
    await page.waitForSelector('.o_view_manager_content .o_form_view.o_form_readonly');
    await page.locator('.o_form_view', { hasText: login }).waitFor();
    const form = await page.innerText('.o_form_view');
    assert.match(form, /林小雨/);
    assert.match(form, /上海组/);
    assert.match(form, /销售员/);
    await assertCleanScreen(page, 'zhoutao: 成员');
    await screenshot(page, 'member-added');
    assert.deepStrictEqual(errors, []);

    // she logs in with the initial password and lands on her to-do
    const her = await openSession(browser, login, password);
    await her.page.waitForFunction(() => {
      const client = window.odoo && window.odoo.__DEBUG__.services['web.web_client'];
      return client && client.action_manager && client.action_manager.get_inner_action() &&
        document.querySelector('.o_main_content .o_content > *');
    });
    const action = await currentAction(her.page);
    assert.strictEqual(action.res_model, 'crm.todo');
    await assertCleanScreen(her.page, `${login}: 待办事项`);
    await screenshot(her.page, 'member-first-login');
    assert.deepStrictEqual(her.errors, []);
    // over JSON-RPC too: her team, a salesperson's rights
    const me = await rpc(login, password, 'res.users', 'search_read',
      [[['login', '=', login]], ['sale_team_id']]);
    assert.strictEqual(me.result[0].sale_team_id[1], '上海组');
    const canCreate = await rpc(login, password, 'res.partner', 'check_access_rights', ['create', false]);
    assert.strictEqual(canCreate.result, true);
  } finally {
    await browser.close();
  }
});
