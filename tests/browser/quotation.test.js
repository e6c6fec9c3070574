// crm_quotation: a salesperson (lina) opens her opportunity and clicks "New Quotation":
// the quote shows the opportunity's products at their prices; she submits it. Its total
// discount is above 15 %, so her team leader (zhangwei) finds it under "Quotations
// Waiting for My Approval" and approves it in the review wizard. lina marks it sent, then
// accepted by the customer, and makes the contract in one click: the contract's form opens
// with the quote's customer and amount. Every screen is Chinese and free of errors.
const test = require('node:test');
const assert = require('node:assert');
const { launch, openSession, assertNoOdooError, assertCleanScreen, screenshot, openAction,
  openRecord, rpc, headerButton, waitHeaderButtonGone } = require('./helpers');

const admin = (model, method, args, kwargs) => rpc('admin', 'admin', model, method, args, kwargs)
  .then((r) => r.result);
const xmlid = (ref) => admin('ir.model.data', 'xmlid_to_res_id', [ref, true]);

async function clickHeader(page, name, extra) {
  await (await headerButton(page, name, extra)).click();
  await waitHeaderButtonGone(page, name, extra);
  await assertNoOdooError(page);
}

test('lina quotes an opportunity, zhangwei approves, the accepted quote becomes a contract', async () => {
  const stamp = Date.now() % 1e9;
  const [linaId, teamId, productId] = await Promise.all([
    xmlid('crm_sales.user_sales_east_1'), xmlid('crm_sales.team_east'),
    xmlid('crm_sales.demo_product_mes')]);
  const partnerId = await admin('res.partner', 'create', [{
    name: `浏览器报价客户${stamp}`, is_company: true, customer: true, user_id: linaId,
    team_id: teamId }]);
  const oppName = `浏览器报价商机${stamp}`;
  const leadId = await admin('crm.lead', 'create', [{
    name: oppName, type: 'opportunity', partner_id: partnerId, user_id: linaId, team_id: teamId,
    product_line_ids: [[0, 0, { product_id: productId, offer_price: 150000, quantity: 2 }]] }]);

  const browser = await launch();
  try {
    // 1. lina: opportunity -> New Quotation -> submit
    let { page } = await openSession(browser, 'lina');
    await openRecord(page, 'crm.crm_lead_opportunities_tree_view', 'crm.lead', leadId);
    await (await headerButton(page, 'action_create_quotation')).click();
    await page.waitForFunction((name) => {
      const h2 = document.querySelector('.o_form_view h2 .o_field_widget[name="title"]');
      return h2 && h2.innerText.includes(name);
    }, oppName);
    const [quoteId] = (await rpc('lina', 'lina', 'crm.quotation', 'search',
      [[['lead_id', '=', leadId]]])).result;
    const [quote] = await admin('crm.quotation', 'read', [[quoteId],
      ['reference', 'amount_total', 'discount_total', 'line_ids']]);
    assert.strictEqual(quote.amount_total, 300000);
    assert.ok(quote.discount_total > 15, 'total discount above 15 %');
    assert.ok((await page.innerText('.o_form_view h1')).includes(quote.reference));
    await assertCleanScreen(page, 'quotation form (lina)');
    await screenshot(page, 'quotation-draft');
    await clickHeader(page, 'action_submit');
    await page.close();

    // 2. zhangwei: waiting for my approval -> approve
    ({ page } = await openSession(browser, 'zhangwei'));
    await openAction(page, 'crm_quotation.crm_quotation_action_my_turn');
    const row = page.locator('.o_list_view tbody tr.o_data_row', { hasText: quote.reference });
    await row.waitFor();
    await assertCleanScreen(page, 'quotations waiting for my approval (zhangwei)');
    await row.click();
    await page.waitForSelector('.o_form_view.o_form_readonly');
    await (await headerButton(page, 'action_open_review_wizard', '.oe_highlight')).click();
    const textarea = page.locator('.modal .o_field_widget[name="comment"]:visible');
    await textarea.waitFor();
    await textarea.fill('同意此折扣');
    await page.locator('.modal button[name="action_confirm"]:visible').click();
    await page.waitForSelector('.modal', { state: 'detached' });
    await waitHeaderButtonGone(page, 'action_open_review_wizard');
    await assertNoOdooError(page);
    await page.close();
    let [data] = await admin('crm.quotation', 'read', [[quoteId], ['state']]);
    assert.strictEqual(data.state, 'approved');

    // 3. lina: sent -> customer accepted -> contract
    ({ page } = await openSession(browser, 'lina'));
    await openRecord(page, 'crm_quotation.crm_quotation_action', 'crm.quotation', quoteId);
    await clickHeader(page, 'action_send');
    await clickHeader(page, 'action_customer_accepted');
    await assertCleanScreen(page, 'accepted quotation (lina)');
    await (await headerButton(page, 'action_create_contract')).click();
    await page.waitForFunction(() => window.location.hash.includes('model=crm.contract'));
    await page.waitForSelector('.o_form_view');
    await assertNoOdooError(page);
    await screenshot(page, 'quotation-contract');
    [data] = await admin('crm.quotation', 'read', [[quoteId], ['state', 'contract_id']]);
    assert.strictEqual(data.state, 'accepted');
    assert.ok(data.contract_id, 'the quote links to its contract');
    const [contract] = await admin('crm.contract', 'read', [[data.contract_id[0]],
      ['partner_id', 'amount_total', 'lead_id']]);
    assert.strictEqual(contract.partner_id[0], partnerId);
    assert.strictEqual(contract.lead_id[0], leadId);
    assert.strictEqual(contract.amount_total, 300000);
  } finally {
    await browser.close();
  }
});
