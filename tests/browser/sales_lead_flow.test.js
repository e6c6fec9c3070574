// A salesperson (lina) creates a lead in the UI, converts it into a customer, logs a
// follow-up on the customer, and finds the new customer under "My Customers".
const test = require('node:test');
const assert = require('node:assert');
const { URL, loginAs, assertNoOdooError, screenshot, openAction, findInList } = require('./helpers');

test('lina: lead -> convert -> follow-up -> my customers', async () => {
  const { browser, page, errors } = await loginAs('lina');
  const company = `浏览器测试科技有限公司${Date.now() % 1000000}`;
  try {
    // 1. new lead
    await openAction(page, 'crm_sales.action_crm_sales_leads');
    await page.click('.o_list_button_add, .o-kanban-button-new');
    await page.waitForSelector('.o_form_view.o_form_editable');
    await page.fill('.o_form_view .o_field_widget[name=name]', '浏览器线索');
    await page.fill('.o_form_view .o_field_widget[name=partner_name]', company);
    await page.fill('.o_form_view .o_field_widget[name=contact_name]', '浏览器联系人');
    await page.fill('.o_form_view .o_field_widget[name=mobile]', `137${String(Date.now()).slice(-8)}`);
    await page.click('.o_form_button_save');
    await page.waitForSelector('.o_form_view.o_form_readonly');
    await assertNoOdooError(page);

    // 2. convert (wizard)
    await page.click('.o_form_statusbar button.o_crm_convert');
    await page.waitForSelector('.modal .o_form_view');
    await page.click('.modal button.o_crm_convert_apply');
    // lands on the new customer's form
    await page.waitForSelector('.o_form_view button.o_crm_log_follow_up');
    await page.waitForFunction((name) => document.querySelector('.o_form_view h1') &&
      document.querySelector('.o_form_view h1').innerText.includes(name), company);
    await assertNoOdooError(page);

    // 3. follow-up on the customer
    await page.click('.o_form_view button.o_crm_log_follow_up');
    const content = page.locator('.modal .o_field_widget[name=content]:visible');
    await content.waitFor();
    await content.fill('电话沟通需求，客户有兴趣');
    await page.locator('.modal-footer button.o_crm_follow_up_save:visible').click();
    await page.waitForSelector('.modal .o_field_widget[name=content]', { state: 'detached' });
    await page.waitForFunction(() => document.querySelector('.o_chatter') &&
      document.querySelector('.o_chatter').innerText.includes('电话沟通需求'));
    await assertNoOdooError(page);

    // 4. my customers
    await openAction(page, 'crm_sales.action_my_customers');
    // (other tests give lina many customers: found by name, under the default filter)
    const row = await findInList(page, company);
    assert.ok((await row.innerText()).includes(company), 'new customer listed under my customers');
    await assertNoOdooError(page);
    const shot = await screenshot(page, 'sales-lead-flow-lina');
    assert.ok(require('fs').statSync(shot).size > 10000, 'screenshot written');
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
