// The field journey on a phone (390×844; crm_visit.css hides Odoo's left menu there): lina opens her to-do, finds her
// customer in 我的客户, opens its card and its visit planned for today, presses 签到 (the
// browser gives the phone's position: granted geolocation), then 签退 with her notes. The
// visit is done with the position recorded, and the customer has a follow-up of type 面访
// (visit) with her notes. Every screen is Chinese and free of errors.
const test = require('node:test');
const assert = require('node:assert');
const { launch, openSession, assertNoOdooError, assertCleanScreen, screenshot, readmeShot, rpc,
  clickMenu, findInList, headerButton } = require('./helpers');

const admin = (model, method, args, kwargs) => rpc('admin', 'admin', model, method, args, kwargs)
  .then((r) => r.result);
const xmlid = (ref) => admin('ir.model.data', 'xmlid_to_res_id', [ref, true]);

// a 1×1 PNG: the photo of the customer's door
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4DwABAQEABRjYTgAAAABJRU5ErkJggg==', 'base64');

const PHONE = {
  viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
  timezoneId: 'Asia/Shanghai',
  permissions: ['geolocation'],
  geolocation: { latitude: 31.2304, longitude: 121.4737, accuracy: 15 },
};

test('lina checks in at her customer and checks out with her notes, on a phone', async () => {
  const stamp = Date.now() % 1e9;
  const [linaId, teamId] = await Promise.all([
    xmlid('crm_sales.user_sales_east_1'), xmlid('crm_sales.team_east')]);
  const name = `外勤拜访客户${stamp}`;
  const partnerId = await admin('res.partner', 'create', [{
    name, is_company: true, customer: true, user_id: linaId, team_id: teamId,
    city: '上海', street: '浦东新区世纪大道 100 号' }]);
  // (in 3 hours: the default reminder, 1 hour before, is not due during the test)
  const start = new Date(Date.now() + 180 * 60000).toISOString().slice(0, 19).replace('T', ' ');
  const visitId = (await rpc('lina', 'lina', 'crm.visit', 'create', [{
    customer_id: partnerId, start, duration: 1, name: `拜访：${name}` }])).result;
  assert.ok(visitId, 'lina plans her visit');

  const browser = await launch();
  try {
    const { page, errors } = await openSession(browser, 'lina', null, PHONE);
    // 1. her to-do (the CRM's home)
    await page.waitForSelector('.o_form_view .o_crm_todo, .o_view_manager_content .o_form_view');
    await assertCleanScreen(page, 'phone: 我的待办');
    await screenshot(page, 'phone-todo');
    // 2. 客户 > 我的客户: search the customer, open its card
    await clickMenu(page, 'crm_sales.menu_crm_my_customers');
    const row = await findInList(page, name);
    await assertCleanScreen(page, 'phone: 我的客户');
    await screenshot(page, 'phone-customers');
    await row.click();
    await page.waitForSelector('.o_form_view.o_form_readonly');
    await page.waitForFunction((n) => document.querySelector('.o_form_view h1')
      && document.querySelector('.o_form_view h1').innerText.includes(n), name);
    await assertCleanScreen(page, 'phone: 客户卡片');
    await screenshot(page, 'phone-customer');
    // 3. the card's 拜访 button -> the visit
    const visits = page.locator('.o_form_view button.o_crm_visits');
    if (!(await visits.isVisible())) {  // (a narrow screen puts stat buttons under 更多)
      await page.locator('.oe_button_box .o_dropdown_more .dropdown-toggle, .oe_button_box button:has-text("更多")').first().click();
    }
    await visits.click();
    const visitRow = page.locator('.o_view_manager_content .o_kanban_record, .o_view_manager_content tr.o_data_row',
      { hasText: name }).first();
    await visitRow.waitFor();
    await visitRow.click();
    const checkIn = page.locator('.o_crm_visit_check_in_button');
    await checkIn.waitFor();
    await assertCleanScreen(page, 'phone: 拜访');
    await readmeShot(page, 'phone-visit-check-in');
    // 4. 签到: the phone's position goes with the address typed
    await page.fill('.o_crm_visit_address', '世纪大道 100 号 前台');
    await page.setInputFiles('.o_crm_visit_photo', { name: 'door.png', mimeType: 'image/png', buffer: PNG });
    await page.waitForSelector('.o_crm_visit_photo_name:has-text("door.png")');
    await checkIn.click();
    await page.waitForSelector('.o_form_view .o_statusbar_status button.btn-primary:has-text("已签到")');
    // the server's words: "已在 … 签到。"
    await page.locator('.o_notification', { hasText: '签到' }).first().waitFor();
    await assertCleanScreen(page, 'phone: 已签到');
    let [visit] = (await rpc('lina', 'lina', 'crm.visit', 'read', [[visitId],
      ['visit_state', 'checkin_located', 'checkin_latitude', 'checkin_longitude', 'checkin_address',
        'checkin_photo']])).result;
    assert.strictEqual(visit.visit_state, 'checked_in');
    assert.strictEqual(visit.checkin_located, true);
    assert.ok(Math.abs(visit.checkin_latitude - 31.2304) < 1e-4, `latitude ${visit.checkin_latitude}`);
    assert.ok(Math.abs(visit.checkin_longitude - 121.4737) < 1e-4);
    assert.strictEqual(visit.checkin_address, '世纪大道 100 号 前台');
    assert.strictEqual(visit.checkin_photo, PNG.toString('base64'), 'the photo taken at the door');
    // 5. 签退: the notes
    await (await headerButton(page, 'action_open_check_out')).click();
    await page.waitForSelector('.modal .o_form_view');
    const notes = '现场演示了新版方案，客户希望下周拿到正式报价。';
    await page.fill('.modal .o_field_widget[name="note"]', notes);
    await assertCleanScreen(page, 'phone: 签退');
    await screenshot(page, 'phone-check-out');
    await page.locator('.modal .modal-footer button.btn-primary').click();
    await page.waitForSelector('.modal .o_form_view', { state: 'detached' });
    await page.waitForSelector('.o_form_view .o_statusbar_status button.btn-primary:has-text("已完成")');
    await assertNoOdooError(page);
    await assertCleanScreen(page, 'phone: 已完成');
    await screenshot(page, 'phone-visit-done');

    [visit] = (await rpc('lina', 'lina', 'crm.visit', 'read', [[visitId],
      ['visit_state', 'follow_up_id', 'checkout_at']])).result;
    assert.strictEqual(visit.visit_state, 'done');
    const followUps = (await rpc('lina', 'lina', 'crm.follow.up', 'search_read',
      [[['partner_id', '=', partnerId]], ['follow_up_type', 'content', 'user_id']])).result;
    assert.strictEqual(followUps.length, 1);
    assert.strictEqual(followUps[0].follow_up_type, 'visit');
    assert.strictEqual(followUps[0].content, notes);
    assert.strictEqual(followUps[0].id, visit.follow_up_id[0]);
    assert.strictEqual(followUps[0].user_id[0], linaId);
    const [partner] = await admin('res.partner', 'read', [[partnerId], ['last_follow_up_at']]);
    assert.strictEqual(partner.last_follow_up_at, visit.checkout_at);
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
