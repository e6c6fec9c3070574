// crm_approval: approval requests on a phone (390 × 844). lina files an expense claim
// (报销): she picks the template, writes a title, adds one expense line, saves and submits
// it; the form fits the screen (no sideways scrolling). Her team leader zhangwei, also on
// a phone, finds it under 待我审批 and approves it in the review wizard; the request
// shows approved.
const test = require('node:test');
const assert = require('node:assert');
const { launch, openSession, assertNoOdooError, assertCleanScreen, readmeShot, openAction, rpc,
  headerButton, waitHeaderButtonGone, fieldInput, fillField, ARTIFACTS } = require('./helpers');

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function phoneSession(browser, login) {
  const { page, errors } = await openSession(browser, login, login, PHONE);
  return { page, errors };
}

// how far the page scrolls sideways (0: it fits the phone's width)
const overflow = (page) => page.evaluate(() =>
  document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('an expense claim filed and approved on a phone', async () => {
  const browser = await launch();
  const title = `手机报销${Date.now() % 1e9}`;
  try {
    const lina = await phoneSession(browser, 'lina');
    let page = lina.page;
    await openAction(page, 'crm_approval.crm_approval_request_action_mine');
    await page.click('.o_list_button_add, .o-kanban-button-new');
    await page.waitForSelector('.o_form_view.o_form_editable');
    const template = fieldInput(page, 'template_id');
    await template.fill('报销');
    await page.locator('.ui-autocomplete:visible .ui-menu-item', { hasText: '报销' }).first().click();
    await fieldInput(page, 'title').fill(title);
    // the expense lines appear for an expense template
    // on a phone the expenses are cards; 添加 opens the expense's form
    await page.locator('.o_field_widget[name="line_ids"] .o-kanban-button-new').click();
    await page.waitForSelector('.modal .o_form_view');
    await fillField(page, 'amount', '86', '.modal');
    await fillField(page, 'name', '客户拜访打车', '.modal');
    assert.strictEqual(await fieldInput(page, 'name', '.modal').inputValue(), '客户拜访打车');
    await page.locator('.modal .modal-footer .btn-primary').first().click();
    await page.locator('.o_field_widget[name="line_ids"] .o_kanban_record', { hasText: '客户拜访打车' })
      .waitFor();
    await page.click('.o_form_button_save');
    await page.waitForSelector('.o_view_manager_content .o_form_view.o_form_readonly');
    await assertCleanScreen(page, 'the saved expense claim');
    assert.ok(await overflow(page) <= 2, 'the form fits a 390 px screen');
    await readmeShot(page, 'phone-approval');
    await (await headerButton(page, 'action_submit')).click();
    await waitHeaderButtonGone(page, 'action_submit');
    await assertNoOdooError(page);
    const [req] = (await rpc('lina', 'lina', 'crm.approval.request', 'search_read',
      [[['title', '=', title]]], { fields: ['state', 'reference'] })).result;
    assert.strictEqual(req.state, 'waiting');
    if (lina.errors.length) throw new Error(lina.errors.join('; '));

    const zhangwei = await phoneSession(browser, 'zhangwei');
    page = zhangwei.page;
    await openAction(page, 'crm_approval.crm_approval_request_action_my_turn');
    const row = page.locator('.o_list_view tbody tr.o_data_row', { hasText: req.reference });
    await row.click();
    await page.waitForSelector('.o_form_view.o_form_readonly');
    await assertCleanScreen(page, 'the request waiting for zhangwei');
    assert.ok(await overflow(page) <= 2, 'the form fits a 390 px screen');
    await (await headerButton(page, 'action_open_review_wizard', '.oe_highlight')).click();
    const comment = page.locator('.modal .o_field_widget[name="comment"]:visible');
    await comment.waitFor();
    await comment.fill('同意报销');
    await page.locator('.modal button[name="action_confirm"]:visible').click();
    await page.waitForSelector('.modal', { state: 'detached' });
    await waitHeaderButtonGone(page, 'action_open_review_wizard');
    await assertNoOdooError(page);
    const [done] = (await rpc('lina', 'lina', 'crm.approval.request', 'read',
      [[req.id], ['state']])).result;
    assert.strictEqual(done.state, 'approved');
    if (zhangwei.errors.length) throw new Error(zhangwei.errors.join('; '));
  } catch (err) {
    for (const ctx of browser.contexts()) {
      for (const [i, p] of ctx.pages().entries()) await p.screenshot({ path: `${ARTIFACTS}/failure-approval-phone-${i}.png` }).catch(() => {});
    }
    throw err;
  } finally {
    await browser.close();
  }
});
