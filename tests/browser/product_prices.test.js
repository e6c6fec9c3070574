// Products and price lists (产品、价目表): lina reads the catalogue (CRM > 产品: codes, floor
// prices, the ERP's stock; no create button), then puts the gateway HW-IG800 on an
// opportunity of her A-level customer: the line shows the list price, the A-level price
// list's price (价目表价) as the offered price, and a quantity above the stock the ERP
// pushed warns (库存不足) and flags the line once saved.
const test = require('node:test');
const assert = require('node:assert');
const { launch, asUser, openAction, openRecord, rpc, screenshot, assertCleanScreen,
  fillField, pickMany2one, openTabOf, saveForm } = require('./helpers');

test('lina prices an A-level customer\'s opportunity from the price list', async () => {
  const as = async (login, model, method, args, kwargs) =>
    (await rpc(login, login, model, method, args, kwargs)).result;
  const customer = (await rpc('admin', 'admin', 'ir.model.data', 'xmlid_to_res_id',
    ['crm_sales.demo_customer_01'])).result;
  await as('zhoutao', 'product.product', 'crm_push_stock', [{ 'HW-IG800': 120 }]);
  const name = `浏览器价目表商机 ${Date.now() % 100000}`;
  const leadId = await as('lina', 'crm.lead', 'create', [{ name, type: 'opportunity', partner_id: customer }]);
  const browser = await launch();
  try {
    await asUser(browser, 'lina', async (page) => {
      await openAction(page, 'crm_product.product_template_action_crm');
      const row = page.locator('.o_list_view tbody tr.o_data_row', { hasText: 'HW-IG800' }).first();
      await row.waitFor();
      const text = await row.innerText();
      for (const value of ['工业物联网网关 IG-800', '18,800.00', '15,000.00', '120.00']) {
        assert.ok(text.includes(value), `${value} in ${text}`);
      }
      const headers = await page.locator('.o_list_view thead th').allInnerTexts();
      for (const label of ['产品编码', '类别', '单位', '标准价', '最低价', 'ERP 库存', '在售']) {
        assert.ok(headers.some((h) => h.includes(label)), `${label} in ${headers}`);
      }
      assert.strictEqual(await page.locator('.o_list_button_add:visible').count(), 0,
        'a salesperson does not create products');
      await assertCleanScreen(page, 'lina: products');
      await screenshot(page, 'product-list');

      await openRecord(page, 'crm.crm_lead_opportunities_tree_view', 'crm.lead', leadId);
      await page.click('.o_form_button_edit');
      await openTabOf(page, 'product_line_ids');
      await page.click('.o_form_view .o_field_widget[name="product_line_ids"] .o_field_x2many_list_row_add a');
      const line = '.o_form_view .o_field_widget[name="product_line_ids"] tr.o_selected_row';
      await page.waitForSelector(line);
      await pickMany2one(page, 'product_id', 'IG-800', line);
      await page.waitForFunction((sel) => {
        const cell = document.querySelector(`${sel} [name="pricelist_price"]`);
        return cell && cell.textContent.includes('17,000.00');
      }, line);
      await fillField(page, 'quantity', 200, line);
      const warning = page.locator('.modal', { hasText: '库存不足' });
      await warning.waitFor();
      assert.ok((await warning.innerText()).includes('120'), 'the stock in the warning');
      await screenshot(page, 'product-stock-warning');
      await warning.locator('.modal-footer button').first().click();
      await page.waitForSelector('.modal', { state: 'detached' });
      await saveForm(page);
      const saved = page.locator('.o_form_view .o_field_widget[name="product_line_ids"] tr.o_data_row').first();
      const savedText = await saved.innerText();
      for (const value of ['18,800.00', '16,000.00', '200.00']) {
        assert.ok(savedText.includes(value), `${value} in ${savedText}`);
      }
      assert.ok(await saved.evaluate((tr) => tr.classList.contains('text-warning')), 'the line is flagged');
      await assertCleanScreen(page, 'lina: opportunity priced from the price list');
      await screenshot(page, 'product-opportunity-lines');
    });
    const [lineRow] = await as('lina', 'crm.lead.product.line', 'search_read', [[['lead_id', '=', leadId]]],
      { fields: ['list_price', 'pricelist_price', 'offer_price', 'quantity', 'stock_short'] });
    assert.deepStrictEqual([lineRow.list_price, lineRow.pricelist_price, lineRow.offer_price,
      lineRow.quantity, lineRow.stock_short], [18800, 16000, 16000, 200, true],
      'saved with the price of the quantity break (10 and more: 16,000)');
  } finally {
    await browser.close();
  }
});
