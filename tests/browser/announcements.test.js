// crm_notice + crm_work_report on a phone (390×844): lina opens 我的待办, sees the pinned
// notice of the sales manager as a banner, marks it read and the banner goes; she writes
// her daily report (工作报告), whose figures count her follow-up of the day, and submits
// it to her leader.
const test = require('node:test');
const assert = require('node:assert');
const { URL, DB, launch, rpc, assertCleanScreen, screenshot } = require('./helpers');

async function phoneSession(browser, login) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN',
                                             isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${URL}/web/login?db=${DB}`);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', login);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  await page.waitForSelector('#oe_main_menu_navbar, .o_main_navbar');
  return { page, errors };
}

async function noHorizontalScroll(page, where) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= width + 2, `${where}: the page scrolls sideways (${scroll} > ${width})`);
}

test('lina on her phone: pinned notice until read, then her daily report', async () => {
  const tag = `${Date.now() % 1e8}`;
  const call = (login, model, method, args, kwargs) => rpc(login, login, model, method, args, kwargs);
  const notice = (await call('sunqiang', 'crm.notice', 'create', [{
    name: `手机置顶公告 ${tag}`, pinned: true, body: '<p>请阅读</p>' }])).result;
  await call('sunqiang', 'crm.notice', 'action_publish', [[notice]]);
  // her follow-up of today (a visit), for the report's figures
  const customer = (await call('lina', 'res.partner', 'create', [{
    name: `手机日报客户 ${tag}`, is_company: true, customer: true }])).result;
  await call('lina', 'crm.follow.up', 'create', [{ partner_id: customer, content: '上门拜访',
                                                  follow_up_type: 'visit' }]);
  const today = (await call('lina', 'crm.clock', 'today_str', [])).result;
  const old = (await call('lina', 'crm.work.report', 'search', [[['date', '=', today], ['period', '=', 'day']]])).result;
  if (old.length) await call('admin', 'crm.work.report', 'unlink', [old]);

  const browser = await launch();
  try {
    const { page, errors } = await phoneSession(browser, 'lina');
    await page.goto(`${URL}/web#action=crm_sales.action_crm_todo`);
    const banner = page.locator('.o_crm_notice_banner', { hasText: tag });
    await banner.waitFor();
    await assertCleanScreen(page, 'lina: 我的待办（手机）');
    await noHorizontalScroll(page, 'lina: 我的待办');
    await screenshot(page, 'notice-banner-phone');
    // a phone shows the banner as cards, each with its 标为已读 button
    const card = banner.locator('.o_kanban_record', { hasText: tag });
    await card.locator('button:has-text("标为已读")').click();
    await page.waitForFunction((t) => !document.body.innerText.includes(`手机置顶公告 ${t}`), tag);
    const read = (await call('lina', 'crm.notice', 'read', [[notice], ['is_read']])).result;
    assert.strictEqual(read[0].is_read, true);

    await page.goto(`${URL}/web#action=crm_work_report.crm_work_report_action&view_type=form`);
    await page.waitForSelector('.o_form_view.o_form_editable');
    await page.locator('.o_field_widget[name="summary"]').fill('上门拜访一家客户');
    await page.locator('.o_field_widget[name="plan"]').fill('明天出方案');
    await noHorizontalScroll(page, 'lina: 新工作报告');
    await page.click('.o_form_button_save');
    await page.waitForSelector('.o_form_view.o_form_readonly', { state: 'attached' });
    const saved = (await call('lina', 'crm.work.report', 'search_read', [
      [['date', '=', today], ['period', '=', 'day']], ['visit_count', 'summary']])).result;
    assert.strictEqual(saved.length, 1);
    assert.strictEqual(saved[0].summary, '上门拜访一家客户');
    assert.ok(saved[0].visit_count >= 1, `visits counted: ${saved[0].visit_count}`);
    await page.waitForFunction((n) => [...document.querySelectorAll('.o_field_widget[name="visit_count"]')]
      .some((e) => e.innerText.trim() === String(n)), saved[0].visit_count);
    await assertCleanScreen(page, 'lina: 工作报告（手机）');
    await screenshot(page, 'work-report-phone');
    await page.locator('.o_form_statusbar button:has-text("提交")').first().click();
    await page.waitForSelector('.o_statusbar_status button.btn-primary:has-text("已提交")');
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
