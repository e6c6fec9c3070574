// crm_quotation: a salesperson (lina) opens her opportunity and clicks "New Quotation":
// the quote shows the opportunity's products at their prices; she submits it. Its total
// discount is above 15 %, so her team leader (zhangwei) finds it under "Quotations
// Waiting for My Approval" and approves it in the review wizard. lina sends it by e-mail
// (Odoo's composer: the template, the PDF and the contact filled in); the customer opens
// the link of the e-mail without signing in, reads the quote in Chinese and accepts it
// with a name and a comment; lina sees the answer and makes the contract in one click:
// the contract's form opens with the quote's customer and amount. Every screen is
// Chinese and free of errors.
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

test('lina quotes, zhangwei approves, lina e-mails it, the customer accepts through the link, lina makes the contract', async () => {
  const stamp = Date.now() % 1e9;
  const [linaId, teamId, productId] = await Promise.all([
    xmlid('crm_sales.user_sales_east_1'), xmlid('crm_sales.team_east'),
    xmlid('crm_sales.demo_product_mes')]);
  const partnerId = await admin('res.partner', 'create', [{
    name: `浏览器报价客户${stamp}`, is_company: true, customer: true, user_id: linaId,
    team_id: teamId }]);
  const contactName = `钱采购${stamp}`;
  await admin('res.partner', 'create', [{
    name: contactName, parent_id: partnerId, type: 'contact', is_primary_contact: true,
    email: `buyer${stamp}@browser.example.com`, lang: 'zh_CN' }]);
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

    // 3. lina: send by e-mail (the composer, filled in by the template)
    ({ page } = await openSession(browser, 'lina'));
    await openRecord(page, 'crm_quotation.crm_quotation_action', 'crm.quotation', quoteId);
    await (await headerButton(page, 'action_send_by_email')).click();
    // the composer opens once the template is rendered, the PDF included (wkhtmltopdf)
    const send = page.locator('.modal button.o_mail_send:visible');
    await send.waitFor({ timeout: 120000 });
    await page.waitForFunction((ref) => {
      const modal = document.querySelector('.modal');
      return modal && modal.innerText.includes(`${ref}.pdf`) && modal.innerText.includes(ref);
    }, quote.reference, { timeout: 60000 });
    // (Odoo's HTML editor in the composer carries hidden English dialogs of its own:
    // the composer is checked for what it says, the Chinese e-mail to the contact)
    await assertNoOdooError(page);
    const composer = await page.innerText('.modal');
    assert.ok(composer.includes(`${contactName}，您好`), composer);
    assert.ok(composer.includes('查看报价单'), composer);
    await screenshot(page, 'quotation-send-mail');
    await send.click();
    await page.waitForSelector('.modal', { state: 'detached' });
    await waitHeaderButtonGone(page, 'action_send_by_email');
    await assertNoOdooError(page);
    [data] = await admin('crm.quotation', 'read', [[quoteId], ['state']]);
    assert.strictEqual(data.state, 'sent');
    const [{ customer_url: link }] = (await rpc('lina', 'lina', 'crm.quotation', 'read',
      [[quoteId], ['customer_url']])).result;
    assert.ok(link && link.includes(`/crm/quotation/${quoteId}/`), link);

    // 4. the customer opens the link (no login), reads the quote and accepts it
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const customerPage = await visitor.newPage();
    customerPage.setDefaultTimeout(30000);
    const customerErrors = [];
    customerPage.on('pageerror', (err) => customerErrors.push(String(err)));
    await customerPage.goto(link);
    await customerPage.waitForSelector('form.o_quote_answer');
    assert.ok((await customerPage.innerText('.o_quote_reference')).includes(quote.reference));
    await assertCleanScreen(customerPage, 'customer: quotation page');
    await customerPage.fill('input[name=name]', contactName);
    const comment = '价格和条款均可接受，请安排合同。';
    await customerPage.fill('textarea[name=comment]', comment);
    await screenshot(customerPage, 'quotation-customer-page');
    const [response] = await Promise.all([customerPage.waitForNavigation(),
      customerPage.click('button.o_quote_accept')]);
    assert.strictEqual(response.status(), 200);
    await customerPage.waitForSelector('.o_quote_done');
    await assertCleanScreen(customerPage, 'customer: quotation accepted');
    await screenshot(customerPage, 'quotation-customer-accepted');
    assert.deepStrictEqual(customerErrors, []);
    await visitor.close();
    [data] = await admin('crm.quotation', 'read', [[quoteId],
      ['state', 'customer_signer', 'customer_comment']]);
    assert.strictEqual(data.state, 'accepted');
    assert.strictEqual(data.customer_signer, contactName);
    assert.strictEqual(data.customer_comment, comment);

    // 5. lina sees the answer in the chatter and makes the contract
    await page.reload();
    await page.waitForFunction((text) => document.querySelector('.o_chatter') &&
      document.querySelector('.o_chatter').innerText.includes(text), comment);
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
