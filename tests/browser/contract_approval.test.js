// crm_contract: a salesperson (lina) opens her won opportunity and clicks "Create Contract";
// on the new contract she enters the start and end dates, saves and submits it for approval.
// The contract is above 1,000,000, so two tiers apply: the team leader (zhangwei) finds it
// under "Waiting for My Approval", opens it and approves it with a comment in the review
// wizard; then the sales manager (sunqiang) approves the second tier the same way. The
// contract shows "approved", and lina sees the customer as a deal with the contracted amount.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const { launch, openSession, assertNoOdooError, screenshot, openAction, openRecord, rpc,
  headerButton, waitHeaderButtonGone } = require('./helpers');

const admin = (model, method, args, kwargs) => rpc('admin', 'admin', model, method, args, kwargs)
  .then((r) => r.result);
const xmlid = (ref) => admin('ir.model.data', 'xmlid_to_res_id', [ref, true]);

// Formats a JS date with an Odoo (strftime) date format such as '%Y-%m-%d'.
function odooDate(date, format) {
  const pad = (n) => String(n).padStart(2, '0');
  return format.replace('%Y', date.getFullYear()).replace('%m', pad(date.getMonth() + 1))
    .replace('%d', pad(date.getDate()));
}
const isoDate = (date) => odooDate(date, '%Y-%m-%d');

// Opens the contract from "Waiting for My Approval" and approves the current tier with
// `comment` in the review wizard; `shots` names the screenshots to take on the way.
async function approveFromMyTurn(page, contract, comment, shots) {
  await openAction(page, 'crm_contract.crm_contract_action_my_turn');
  const row = page.locator('.o_list_view tbody tr.o_data_row', { hasText: contract.number });
  await row.waitFor();
  await assertNoOdooError(page);
  if (shots.list) await screenshot(page, shots.list);
  await row.click();
  await page.waitForSelector('.o_form_view.o_form_readonly');
  await page.waitForFunction((n) => document.querySelector('.o_form_view h1') &&
    document.querySelector('.o_form_view h1').innerText.includes(n), contract.number);
  // the Approve button (highlighted) and the Reject button are both offered
  await headerButton(page, 'action_open_review_wizard', '[data-context*="reject"]');
  await (await headerButton(page, 'action_open_review_wizard', '.oe_highlight')).click();
  const textarea = page.locator('.modal .o_field_widget[name="comment"]:visible');
  await textarea.waitFor();
  await textarea.fill(comment);
  const modalText = await page.innerText('.modal .o_form_view');
  assert.ok(modalText.includes(contract.number), 'the wizard names the contract: ' + modalText);
  await assertNoOdooError(page);
  if (shots.wizard) await screenshot(page, shots.wizard);
  await page.locator('.modal button[name="action_confirm"]:visible').click();
  await page.waitForSelector('.modal', { state: 'detached' });
  // the form reloads: this tier is done, so the approve/reject buttons are gone
  await waitHeaderButtonGone(page, 'action_open_review_wizard');
  await page.waitForFunction((c) => document.querySelector('.o_chatter') &&
    document.querySelector('.o_chatter').innerText.includes(c), comment);
  await assertNoOdooError(page);
}

async function reviews(contractId) {
  return admin('tier.review', 'search_read', [[['model', '=', 'crm.contract'],
    ['res_id', '=', contractId]]], { fields: ['sequence', 'status', 'done_by', 'comment', 'crm_turn'],
    order: 'sequence' });
}

const myTurn = async (login, contractId) => (await rpc(login, login, 'crm.contract', 'search_count',
  [[['crm_my_turn', '=', true], ['id', '=', contractId]]])).result;

test('contract from a won opportunity approved by the team leader, then the sales manager', async () => {
  const stamp = Date.now() % 1e9;
  // a fresh customer and won opportunity of lina's: 8 MES licences at 150,000 = 1,200,000
  const [linaId, teamId, productId] = await Promise.all([
    xmlid('crm_sales.user_sales_east_1'), xmlid('crm_sales.team_east'),
    xmlid('crm_sales.demo_product_mes')]);
  const customerName = `浏览器合同客户${stamp}`;
  const partnerId = await admin('res.partner', 'create', [{
    name: customerName, is_company: true, customer: true, user_id: linaId, team_id: teamId }]);
  const oppName = `浏览器合同商机${stamp}`;
  const leadId = await admin('crm.lead', 'create', [{
    name: oppName, type: 'opportunity', partner_id: partnerId, user_id: linaId, team_id: teamId,
    product_line_ids: [[0, 0, { product_id: productId, list_price: 180000, offer_price: 150000,
      quantity: 8 }]] }]);
  await admin('crm.lead', 'action_set_end_status', [[leadId], 'won']);
  const [lead] = await admin('crm.lead', 'read', [[leadId], ['amount_total', 'end_status']]);
  assert.strictEqual(lead.end_status, 'won');
  assert.strictEqual(lead.amount_total, 1200000);
  const [lang] = (await rpc('lina', 'lina', 'res.users', 'read', [[linaId], ['lang']])).result;
  const [{ date_format: dateFormat }] = await admin('res.lang', 'search_read',
    [[['code', '=', lang.lang]]], { fields: ['date_format'] });
  const start = new Date();
  const end = new Date(start.getFullYear() + 1, start.getMonth(), start.getDate() - 1);

  const browser = await launch();
  try {
    // 1. lina: won opportunity -> Create Contract -> dates -> save -> submit
    let { page, errors } = await openSession(browser, 'lina');
    await openRecord(page, 'crm.crm_lead_opportunities_tree_view', 'crm.lead', leadId);
    await (await headerButton(page, 'action_create_contract')).click();
    // the new contract's form, named after the opportunity, offers "Submit for Approval"
    await page.waitForFunction((name) => {
      const h2 = document.querySelector('.o_form_view h2 .o_field_widget[name="name"]');
      return h2 && h2.innerText.includes(name);
    }, oppName);
    await headerButton(page, 'action_submit');
    await assertNoOdooError(page);
    const [contractId] = (await rpc('lina', 'lina', 'crm.contract', 'search',
      [[['lead_id', '=', leadId]]])).result;
    assert.ok(contractId, 'the contract is created from the opportunity');
    const [contract] = await admin('crm.contract', 'read', [[contractId],
      ['number', 'state', 'partner_id', 'user_id', 'amount_total', 'line_ids']]);
    assert.strictEqual(contract.state, 'draft');
    assert.strictEqual(contract.partner_id[0], partnerId);
    assert.strictEqual(contract.user_id[0], linaId);
    assert.strictEqual(contract.amount_total, 1200000);
    assert.strictEqual(contract.line_ids.length, 1);
    assert.ok((await page.innerText('.o_form_view h1')).includes(contract.number));

    await page.click('.o_form_button_edit');
    await page.waitForSelector('.o_form_view.o_form_editable');
    for (const [field, date] of [['date_start', start], ['date_end', end]]) {
      const input = page.locator(`.o_form_view .o_field_widget[name="${field}"] input, ` +
        `.o_form_view input.o_field_widget[name="${field}"]`).first();
      await input.fill(odooDate(date, dateFormat));
      await input.press('Tab');
    }
    await page.keyboard.press('Escape');  // closes a datepicker left open
    await page.click('.o_form_button_save');
    await page.waitForSelector('.o_form_view.o_form_readonly');
    await assertNoOdooError(page);
    const [saved] = await admin('crm.contract', 'read', [[contractId], ['date_start', 'date_end']]);
    assert.strictEqual(saved.date_start, isoDate(start));
    assert.strictEqual(saved.date_end, isoDate(end));
    await screenshot(page, 'contract-approval-1-lina-draft');

    await (await headerButton(page, 'action_submit')).click();
    // the form reloads "waiting": the banner names the team leader whose turn it is
    await page.waitForSelector('.o_form_statusbar .o_statusbar_status button.btn-primary[data-value="waiting"]');
    await waitHeaderButtonGone(page, 'action_submit');
    const banner = page.locator('.o_form_view .alert-info:visible');
    await banner.waitFor();
    assert.ok((await banner.innerText()).includes('张伟'), 'waiting for zhangwei: ' + await banner.innerText());
    await assertNoOdooError(page);
    assert.deepStrictEqual(errors, []);
    await page.context().close();

    let [state] = await admin('crm.contract', 'read', [[contractId], ['state', 'submitted_by_id']]);
    assert.strictEqual(state.state, 'waiting');
    assert.strictEqual(state.submitted_by_id[0], linaId);
    let tiers = await reviews(contractId);
    assert.deepStrictEqual(tiers.map((r) => [r.sequence, r.status, r.crm_turn]),
      [[1, 'pending', true], [2, 'pending', false]]);
    assert.strictEqual(await myTurn('zhangwei', contractId), 1);
    assert.strictEqual(await myTurn('sunqiang', contractId), 0, 'tier 2 waits for tier 1');

    // 2. zhangwei: Waiting for My Approval -> contract -> Approve with a comment
    ({ page, errors } = await openSession(browser, 'zhangwei'));
    const leaderComment = `同意，价格合理 ${stamp}`;
    await approveFromMyTurn(page, contract, leaderComment,
      { list: 'contract-approval-2-zhangwei-waiting', wizard: 'contract-approval-3-zhangwei-wizard' });
    await page.waitForSelector('.o_form_statusbar .o_statusbar_status button.btn-primary[data-value="waiting"]');
    assert.ok((await page.locator('.o_form_view .alert-info:visible').innerText()).includes('孙强'),
      'now waiting for the sales manager');
    assert.deepStrictEqual(errors, []);
    await page.context().close();

    tiers = await reviews(contractId);
    const zhangweiId = await xmlid('crm_sales.user_leader_east');
    assert.deepStrictEqual([tiers[0].status, tiers[0].done_by && tiers[0].done_by[0], tiers[0].comment],
      ['approved', zhangweiId, leaderComment]);
    assert.deepStrictEqual([tiers[1].status, tiers[1].crm_turn], ['pending', true]);
    assert.strictEqual(await myTurn('zhangwei', contractId), 0);
    assert.strictEqual(await myTurn('sunqiang', contractId), 1);

    // 3. sunqiang: the second tier the same way; the contract is approved
    ({ page, errors } = await openSession(browser, 'sunqiang'));
    const managerComment = `同意签约 ${stamp}`;
    await approveFromMyTurn(page, contract, managerComment, { wizard: 'contract-approval-4-sunqiang-wizard' });
    await page.waitForSelector('.o_form_statusbar .o_statusbar_status button.btn-primary[data-value="approved"]');
    await assertNoOdooError(page);
    // the review history is a Chinese timeline: who did what, with the comments
    await page.locator('.o_notebook .nav-tabs a', { hasText: '审批记录' }).click();
    const timeline = page.locator('.crm_approval_timeline');
    await timeline.waitFor();
    const history = await timeline.innerText();
    for (const text of ['提交审批', '审批通过', '张伟', '孙强', leaderComment, managerComment]) {
      assert.ok(history.includes(text), `the timeline shows ${text}: ${history}`);
    }
    await screenshot(page, 'contract-approval-5-approved');
    assert.deepStrictEqual(errors, []);
    await page.context().close();

    [state] = await admin('crm.contract', 'read', [[contractId], ['state', 'approved_at']]);
    assert.strictEqual(state.state, 'approved');
    assert.ok(state.approved_at, 'approval date recorded');
    tiers = await reviews(contractId);
    const sunqiangId = await xmlid('crm_sales.user_sales_manager');
    assert.deepStrictEqual(tiers.map((r) => [r.status, r.done_by && r.done_by[0], r.comment]),
      [['approved', zhangweiId, leaderComment], ['approved', sunqiangId, managerComment]]);
    assert.strictEqual(await myTurn('sunqiang', contractId), 0);

    // 4. lina: the customer is a deal, registered by the approved contract, and counts its amount
    const [partner] = (await rpc('lina', 'lina', 'res.partner', 'read', [[partnerId],
      ['is_deal', 'customer_status', 'first_deal_date', 'contract_count', 'contract_amount']])).result;
    assert.deepStrictEqual([partner.is_deal, partner.customer_status, partner.contract_count,
      partner.contract_amount], [true, 'deal', 1, 1200000]);
    const notes = await admin('mail.message', 'search_count', [[['model', '=', 'res.partner'],
      ['res_id', '=', partnerId], ['body', 'ilike', contract.number]]]);
    assert.strictEqual(notes, 1, 'the approved contract registered the deal on the customer');
    ({ page, errors } = await openSession(browser, 'lina'));
    await openRecord(page, 'crm_sales.action_my_customers', 'res.partner', partnerId);
    await page.waitForSelector('.o_form_statusbar .o_statusbar_status button.btn-primary[data-value="deal"]');
    await page.waitForFunction((n) => document.querySelector('.o_chatter') &&
      document.querySelector('.o_chatter').innerText.includes(n), contract.number);
    await assertNoOdooError(page);
    const shot = await screenshot(page, 'contract-approval-6-customer-deal');
    assert.ok(fs.statSync(shot).size > 10000, 'screenshot written');
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
