// crm_service: a customer's ticket goes round the whole flow in three people's screens.
// The service manager (gaokai) finds it under "Unassigned Tickets" and picks the handler in
// the form; the agent (hejun) opens it from "My Tickets", starts it, writes the solution
// and marks it processed; the customer's portal user (zhaoqiang) opens it under 我的工单 and
// rates the service 5/5 with a comment. Each step is checked over JSON-RPC too.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const { URL, DB, launch, openSession, assertNoOdooError, screenshot, openAction, openRecord,
  rpc, headerButton, waitHeaderButtonGone } = require('./helpers');

const admin = (model, method, args, kwargs) => rpc('admin', 'admin', model, method, args, kwargs)
  .then((r) => r.result);
const xmlid = (ref) => admin('ir.model.data', 'xmlid_to_res_id', [ref, true]);
const readTicket = async (id) => (await admin('crm.service.ticket', 'read', [[id],
  ['number', 'state', 'user_id', 'solution', 'satisfaction', 'feedback_comment', 'feedback_by']]))[0];

// Clicks the notebook tab whose page holds the field `name` (tab titles are translated).
async function openTabOf(page, name) {
  await page.evaluate((field) => {
    const pane = document.querySelector(`.o_form_view .tab-pane .o_field_widget[name="${field}"]`)
      .closest('.tab-pane');
    document.querySelector(`.o_form_view .nav-tabs a[href="#${pane.id}"]`).click();
  }, name);
}

async function saveForm(page) {
  await page.click('.o_form_button_save');
  await page.waitForSelector('.o_form_view.o_form_readonly');
}

test('manager assigns a ticket, the agent processes it, the customer rates it in the portal', async () => {
  const stamp = Date.now() % 1e9;
  const [customerId, contactId, teamId, typeId, hejunId] = await Promise.all([
    xmlid('crm_sales.demo_customer_01'), xmlid('crm_sales.demo_contact_01'),
    xmlid('crm_service.team_customer_service'), xmlid('crm_service.service_type_after_sales'),
    xmlid('crm_service.user_service_agent_2')]);
  const subject = `浏览器测试工单 ${stamp}：设备无法开机`;
  const ticketId = await admin('crm.service.ticket', 'create', [{
    name: subject, partner_id: customerId, contact_id: contactId, team_id: teamId, type_id: typeId,
    channel: 'phone', description: '客户电话反馈：设备通电后无反应。' }]);
  const { number } = await readTicket(ticketId);
  const [hejun] = await admin('res.users', 'read', [[hejunId], ['name']]);

  const browser = await launch();
  try {
    // 1. the service manager assigns it to hejun from "Unassigned Tickets"
    let { page, errors } = await openSession(browser, 'gaokai');
    await openAction(page, 'crm_service.crm_service_ticket_action_unassigned');
    const row = page.locator('.o_list_view tbody tr.o_data_row', { hasText: number });
    await row.waitFor();
    await assertNoOdooError(page);
    await screenshot(page, 'service-unassigned-list');
    await row.click();
    await page.waitForSelector('.o_form_view.o_form_readonly');
    await page.click('.o_form_button_edit');
    const handler = page.locator('.o_form_view .o_field_widget[name="user_id"] input');
    await handler.fill(hejun.name);
    await page.locator('.ui-autocomplete .ui-menu-item', { hasText: hejun.name }).first().click();
    await saveForm(page);
    await assertNoOdooError(page);
    await screenshot(page, 'service-assigned');
    let ticket = await readTicket(ticketId);
    assert.strictEqual(ticket.state, 'assigned');
    assert.strictEqual(ticket.user_id[0], hejunId);
    assert.deepStrictEqual(errors, []);
    await page.context().close();

    // 2. hejun starts it, writes the solution and marks it processed
    ({ page, errors } = await openSession(browser, 'hejun'));
    await openAction(page, 'crm_service.crm_service_ticket_action_mine');
    await page.locator('.o_kanban_record', { hasText: number }).first().click();
    await page.waitForSelector('.o_form_view.o_form_readonly');
    await (await headerButton(page, 'action_start')).click();
    await waitHeaderButtonGone(page, 'action_start');
    await page.click('.o_form_button_edit');
    await openTabOf(page, 'solution');
    const solution = '上门检查后更换了电源模块，设备恢复正常。';
    await page.fill('.o_form_view textarea.o_field_widget[name="solution"]', solution);
    await saveForm(page);
    await (await headerButton(page, 'action_mark_processed')).click();
    await waitHeaderButtonGone(page, 'action_mark_processed');
    await page.waitForFunction((text) => document.querySelector('.o_chatter') &&
      document.querySelector('.o_chatter').innerText.includes(text), solution);
    await assertNoOdooError(page);
    await screenshot(page, 'service-processed');
    ticket = await readTicket(ticketId);
    assert.strictEqual(ticket.state, 'processed');
    assert.strictEqual(ticket.solution, solution);
    assert.deepStrictEqual(errors, []);
    await page.context().close();

    // 3. the customer's portal user rates it 5/5 in the portal
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.setDefaultTimeout(30000);
    const portalErrors = [];
    page.on('pageerror', (err) => portalErrors.push(String(err)));
    await page.goto(`${URL}/web/login?db=${DB}`);
    await page.fill('input[name=login]', 'zhaoqiang');
    await page.fill('input[name=password]', 'zhaoqiang');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await page.goto(`${URL}/my/tickets`);
    await page.locator('a.o_ticket_link', { hasText: number }).click();
    await page.waitForSelector(`text=${solution}`);
    await screenshot(page, 'service-portal-ticket');
    await Promise.all([page.waitForNavigation(), page.click('a.btn-primary[href*="/feedback"]')]);
    await page.check('input[name=satisfaction][value="5"]');
    const comment = '响应很快，问题当天解决，非常满意！';
    await page.fill('textarea[name=comment]', comment);
    await screenshot(page, 'service-portal-feedback');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
    assert.strictEqual(response.status(), 200);
    const shot = await screenshot(page, 'service-portal-feedback-done');
    assert.ok(fs.statSync(shot).size > 10000, 'screenshot written');
    ticket = await readTicket(ticketId);
    assert.strictEqual(ticket.state, 'feedback');
    assert.strictEqual(ticket.satisfaction, 5);
    assert.strictEqual(ticket.feedback_comment, comment);
    assert.strictEqual(ticket.feedback_by, 'customer');
    assert.deepStrictEqual(portalErrors, []);
  } catch (err) {
    for (const context of browser.contexts()) {
      for (const p of context.pages()) await screenshot(p, 'service-failure').catch(() => {});
    }
    throw err;
  } finally {
    await browser.close();
  }
});
