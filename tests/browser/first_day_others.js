// The first day of the other roles (run by first_day.test.js): the service manager gaokai,
// the executive wugang (read-only) and a customer's portal user. Same rules as
// first_day_sales.js: every screen visited is checked for error dialogs and for anything
// but Chinese, and the outcome on screen and over JSON-RPC.
const assert = require('node:assert');
const { URL, DB, asUser, openAction, openRecord, headerButton, assertCleanScreen,
  assertNoEnglish, pickMany2one, fillField, readmeShot, screenshot } = require('./helpers');
const { admin, xmlid, assertLandsOn, stamp } = require('./first_day_sales');

// a 1x1 PNG: the "screenshot" a customer attaches to a ticket
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const zhName = async (model, ref) => (await admin(model, 'read', [[await xmlid(ref)], ['name']],
  { context: { lang: 'zh_CN' } }))[0].name;

// gaokai: lands on his tickets; reassigns a ticket of his team to another agent.
async function serviceManagerDay(browser) {
  const [customerId, typeId, xuliId, hejunId] = await Promise.all([
    xmlid('crm_sales.demo_customer_01'), xmlid('crm_service.service_type_technical'),
    xmlid('crm_service.user_service_agent_1'), xmlid('crm_service.user_service_agent_2')]);
  const ticketId = await admin('crm.service.ticket', 'create', [{
    name: `首日工单${stamp()}：报表导出失败`, partner_id: customerId, type_id: typeId, channel: 'phone',
    description: '客户反馈月度报表导出时报错。' }]);
  const [ticket] = await admin('crm.service.ticket', 'read', [[ticketId], ['number', 'user_id']]);
  const targetId = ticket.user_id && ticket.user_id[0] === hejunId ? xuliId : hejunId;
  const [target] = await admin('res.users', 'read', [[targetId], ['name']]);
  await asUser(browser, 'gaokai', async (page) => {
    await assertLandsOn(page, 'crm.service.ticket', 'gaokai', 'crm_service.crm_service_ticket_action_mine');
    const breadcrumb = await page.innerText('.o_control_panel .breadcrumb');
    assert.strictEqual(breadcrumb.trim(), await zhName('ir.actions.act_window',
      'crm_service.crm_service_ticket_action_mine'), 'gaokai lands on his tickets');
    await assertCleanScreen(page, 'gaokai: my tickets');
    await readmeShot(page, 'my-tickets');

    await openRecord(page, 'crm_service.crm_service_ticket_action', 'crm.service.ticket', ticketId);
    await assertCleanScreen(page, 'gaokai: ticket');
    const wizard = await xmlid('crm_service.crm_service_assign_wizard_action');
    await (await headerButton(page, String(wizard))).click();
    await page.waitForSelector('.modal .o_form_view .o_field_widget[name="user_id"]');
    await pickMany2one(page, 'user_id', target.name, '.modal');
    await fillField(page, 'reason', '按产品线调整处理人', '.modal');
    await assertCleanScreen(page, 'gaokai: reassign dialog');
    await page.locator('.modal button[name="action_confirm"]:visible').click();
    await page.waitForSelector('.modal', { state: 'detached' });
    await page.waitForFunction((name) => {
      const field = document.querySelector('.o_form_view.o_form_readonly .o_field_widget[name="user_id"]');
      return field && field.innerText.includes(name);
    }, target.name);
    await assertCleanScreen(page, 'gaokai: ticket reassigned');
    const [after] = await admin('crm.service.ticket', 'read', [[ticketId], ['user_id']]);
    assert.strictEqual(after.user_id[0], targetId, 'the ticket changed hands');
  });
}

// wugang: lands on the dashboard; reads customers and contracts but is offered no way to
// change them.
async function executiveDay(browser) {
  await asUser(browser, 'wugang', async (page) => {
    await assertLandsOn(page, 'crm.report.dashboard', 'wugang', 'crm_reports.crm_report_dashboard_action');
    await assertCleanScreen(page, 'wugang: dashboard');
    await readmeShot(page, 'dashboard');
    for (const action of ['crm_sales.action_crm_customers_all', 'crm_contract.crm_contract_action']) {
      await openAction(page, action);
      await assertCleanScreen(page, `wugang: ${action}`);
      assert.strictEqual(await page.locator('.o_list_button_add:visible, .o-kanban-button-new:visible').count(), 0,
        `no create button in ${action}`);
      await page.locator('.o_list_view tbody tr.o_data_row, .o_kanban_view .o_kanban_record:not(.o_kanban_ghost)')
        .first().click();
      await page.waitForSelector('.o_view_manager_content .o_form_view.o_form_readonly');
      await assertCleanScreen(page, `wugang: a record of ${action}`);
      assert.strictEqual(await page.locator('.o_form_button_edit:visible').count(), 0, `no edit button in ${action}`);
    }
  });
}

// the customer's portal user: opens a new ticket with a screenshot from the portal.
async function portalCustomerDay(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  try {
    await page.goto(`${URL}/web/login?db=${DB}`);
    await assertNoEnglish(page, 'portal: login page');
    await page.fill('input[name=login]', 'zhaoqiang');
    await page.fill('input[name=password]', 'zhaoqiang');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await assertNoEnglish(page, 'portal: home');
    await page.goto(`${URL}/my/tickets/new`);
    await assertNoEnglish(page, 'portal: new ticket');
    const subject = `首日门户工单${stamp()}：扫码枪无法识别`;
    await page.fill('input[name=subject]', subject);
    await page.selectOption('select[name=type_id]', { index: 0 });
    await page.fill('textarea[name=description]', '仓库的扫码枪今天上午开始无法识别条码。');
    await page.setInputFiles('input[type=file][name=attachments]',
      { name: '扫码枪.png', mimeType: 'image/png', buffer: PNG });
    await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
    assert.match(page.url(), /\/my\/tickets\/\d+/, 'the new ticket is shown');
    await page.waitForSelector(`text=${subject}`);
    await assertNoEnglish(page, 'portal: ticket opened');
    const [ticket] = await admin('crm.service.ticket', 'search_read', [[['name', '=', subject]]],
      { fields: ['partner_id', 'channel', 'state'] });
    assert.ok(ticket, 'the ticket is created');
    assert.strictEqual(ticket.partner_id[0], await xmlid('crm_sales.demo_customer_01'));
    const attachments = await admin('ir.attachment', 'search_count', [[['res_model', '=', 'crm.service.ticket'],
      ['res_id', '=', ticket.id]]]);
    assert.strictEqual(attachments, 1, 'the screenshot is attached to the ticket');
    await page.goto(`${URL}/my/tickets`);
    await assertNoEnglish(page, 'portal: my tickets');
    assert.deepStrictEqual(errors, []);
  } catch (err) {
    await screenshot(page, 'failure-portal').catch(() => {});
    throw err;
  } finally {
    await context.close();
  }
}

module.exports = { serviceManagerDay, executiveDay, portalCustomerDay };
