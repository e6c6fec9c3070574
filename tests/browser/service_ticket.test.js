// crm_service: a customer's ticket goes round the whole flow in three people's screens.
// The service manager (gaokai) lands on his tickets, finds the new one under "Unassigned
// Tickets" and picks the handler in the form, then hands another agent's ticket over
// (分配/转派) from the list with a reason; the agent (hejun) opens it from "My Tickets",
// starts it, marks it processed and gives the solution in the dialog that asks for it;
// the customer's portal user (zhaoqiang) rates the service 5/5 and opens a new ticket with
// a screenshot. No error dialog and no English on any screen; each step is checked over
// JSON-RPC too.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const { URL, DB, launch, openSession, assertNoOdooError, assertCleanScreen, screenshot, openAction,
  rpc, headerButton, waitHeaderButtonGone, pickMany2one, currentAction, visibleTexts,
  textProblems } = require('./helpers');

const admin = (model, method, args, kwargs) => rpc('admin', 'admin', model, method, args, kwargs)
  .then((r) => r.result);
const xmlid = (ref) => admin('ir.model.data', 'xmlid_to_res_id', [ref, true]);
const readTicket = async (id) => (await admin('crm.service.ticket', 'read', [[id],
  ['number', 'state', 'user_id', 'solution', 'satisfaction', 'feedback_comment', 'feedback_by']]))[0];

// A screen listing records other tests may have created (the e2e suites type English
// names): no error dialog, no Odoo leftover, wrong word or traditional character.
async function assertCleanList(page, where) {
  await assertNoOdooError(page);
  const texts = await page.evaluate(visibleTexts);
  const problems = [...new Set(texts.flatMap((text) => textProblems(text, { english: false })))];
  assert.deepStrictEqual(problems, [], where);
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
  // another ticket, handled by xuli, that gaokai hands over to hejun
  const xuliId = await xmlid('crm_service.user_service_agent_1');
  const otherId = await admin('crm.service.ticket', 'create', [{
    name: `浏览器测试转派 ${stamp}：扫码枪无法识别`, partner_id: customerId, contact_id: contactId,
    team_id: teamId, type_id: typeId, channel: 'phone' }]);
  await admin('crm.service.ticket', 'action_assign', [[otherId], xuliId]);
  const other = await readTicket(otherId);
  // a subject without spaces (a pasted serial number) must not stretch the lists
  await admin('crm.service.ticket', 'create', [{
    name: `序列号 ${stamp} ${'SN0123456789'.repeat(25)}`, partner_id: customerId, contact_id: contactId,
    team_id: teamId, type_id: typeId, channel: 'portal' }]);

  const browser = await launch();
  try {
    // 1. the service manager lands on his tickets and assigns the new one to hejun from
    //    "Unassigned Tickets"
    let { page, errors } = await openSession(browser, 'gaokai');
    await page.waitForSelector('.o_view_manager_content .o_kanban_view, .o_view_manager_content .o_list_view');
    assert.strictEqual((await currentAction(page)).res_model, 'crm.service.ticket', 'gaokai lands on his tickets');
    await assertCleanList(page, 'gaokai: my tickets');
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
    await assertCleanScreen(page, 'gaokai: ticket form');

    // 1b. he hands xuli's ticket over to hejun (分配/转派) from the list, with a reason
    // the ticket list showing this test's tickets (other tests' tickets may have any name)
    await page.evaluate((text) => window.odoo.__DEBUG__.services['web.web_client'].action_manager.do_action({
      type: 'ir.actions.act_window', name: '服务工单', res_model: 'crm.service.ticket',
      views: [[false, 'list'], [false, 'form']], domain: [['name', 'ilike', text]] }), String(stamp));
    await page.waitForFunction(() => document.querySelectorAll('.o_list_view tbody tr.o_data_row').length === 3);
    const otherRow = page.locator('.o_list_view tbody tr.o_data_row', { hasText: other.number });
    await otherRow.waitFor();
    await assertCleanScreen(page, 'gaokai: ticket list (this test\'s tickets)');
    const listWidth = await page.evaluate(() => document.querySelector('.o_content').scrollWidth);
    assert.ok(listWidth <= 1440, `the ticket list fits the screen (${listWidth}px)`);
    await otherRow.locator('button.o_icon_button, td.o_list_button button').first().click();
    await page.waitForSelector('.modal .o_form_view');
    await pickMany2one(page, 'user_id', hejun.name, '.modal');
    const reason = '徐丽本周出差，由何军接手。';
    await page.fill('.modal textarea.o_field_widget[name="reason"]', reason);
    await assertCleanScreen(page, 'gaokai: assign dialog');
    await screenshot(page, 'service-reassign-dialog');
    await page.locator('.modal-footer button.btn-primary').click();
    await page.waitForSelector('.modal .o_form_view', { state: 'detached' });
    await page.waitForSelector('.o_notification');
    await assertCleanScreen(page, 'gaokai: after reassigning');
    const reassigned = await readTicket(otherId);
    assert.strictEqual(reassigned.user_id[0], hejunId, 'reassigned to hejun');
    const [note] = await admin('mail.message', 'search_read', [[['model', '=', 'crm.service.ticket'],
      ['res_id', '=', otherId]], ['body', 'author_id']], { limit: 1, order: 'id desc' });
    assert.ok(note.body.includes(reason), note.body);
    assert.ok(note.author_id[1].includes('高凯'), 'the note is signed by gaokai');
    assert.deepStrictEqual(errors, []);
    await page.context().close();

    // 2. hejun starts it, writes the solution and marks it processed
    ({ page, errors } = await openSession(browser, 'hejun'));
    await openAction(page, 'crm_service.crm_service_ticket_action_mine');
    await page.locator('.o_kanban_record', { hasText: number }).first().click();
    await page.waitForSelector('.o_form_view.o_form_readonly');
    await (await headerButton(page, 'action_start')).click();
    await waitHeaderButtonGone(page, 'action_start');
    // "Mark as Processed" without a solution asks for it (no error dialog)
    await (await headerButton(page, 'action_mark_processed')).click();
    await page.waitForSelector('.modal textarea.o_field_widget[name="solution"]');
    await assertCleanScreen(page, 'hejun: solution dialog');
    const solution = '上门检查后更换了电源模块，设备恢复正常。';
    await page.fill('.modal textarea.o_field_widget[name="solution"]', solution);
    await screenshot(page, 'service-process-dialog');
    await page.locator('.modal-footer button.btn-primary').click();
    await waitHeaderButtonGone(page, 'action_mark_processed');
    await page.waitForFunction((text) => document.querySelector('.o_chatter') &&
      document.querySelector('.o_chatter').innerText.includes(text), solution);
    await assertCleanScreen(page, 'hejun: processed ticket');
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
    await assertCleanScreen(page, 'portal: ticket');
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

    // 4. his portal home (修改 his details, not 找零), then a new ticket with a screenshot
    await page.goto(`${URL}/my`);
    await page.waitForSelector('a[href="/my/account"]');
    assert.strictEqual((await page.innerText('a[href="/my/account"].btn')).trim(), '修改');
    await assertCleanScreen(page, 'portal: home');
    await page.goto(`${URL}/my/tickets/new`);
    await assertCleanScreen(page, 'portal: new ticket form');
    const portalSubject = `门户截图工单 ${stamp}`;
    await page.fill('input[name=subject]', portalSubject);
    await page.fill('textarea[name=description]', '打印预览报错，截图见附件。');
    const png = fs.readFileSync(shot);
    await page.setInputFiles('input[name=attachments]', { name: '报错截图.png', mimeType: 'image/png', buffer: png });
    await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
    await page.waitForSelector('text=报错截图.png');
    await assertCleanScreen(page, 'portal: new ticket with its screenshot');
    await screenshot(page, 'service-portal-attachment');
    const [created] = await admin('crm.service.ticket', 'search_read', [[['name', '=', portalSubject]],
      ['attachment_ids']]);
    const files = await admin('ir.attachment', 'read', [created.attachment_ids, ['name', 'mimetype']]);
    assert.deepStrictEqual(files.map((f) => [f.name, f.mimetype]), [['报错截图.png', 'image/png']]);
    await page.goto(`${URL}/my/tickets`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 1300, `the portal list fits the window (${width}px)`);
    await assertCleanList(page, 'portal: ticket list');
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
