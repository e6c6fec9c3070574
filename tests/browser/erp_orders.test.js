// Order history (订单历史): the ERP pushes an order of lina's customer 杭州海纳机械 (XML-RPC,
// crm_push_orders); lina opens her customer, the 订单历史 tab lists its signed contracts and
// its ERP orders with when the ERP last pushed one; a click opens the order with its lines.
const test = require('node:test');
const assert = require('node:assert');
const { launch, asUser, openRecord, rpc, screenshot, assertCleanScreen, openTabOf } = require('./helpers');

test('lina reads her customer\'s order history', async () => {
  const customer = (await rpc('admin', 'admin', 'ir.model.data', 'xmlid_to_res_id',
    ['crm_sales.demo_customer_01'])).result;
  const number = `SO-浏览器-${Date.now() % 1000000}`;
  const pushed = (await rpc('zhoutao', 'zhoutao', 'crm.erp.order', 'crm_push_orders', [[{
    number, customer_id: customer, date: '2026-06-08', state: '已发货',
    lines: [{ code: 'HW-IG800', qty: 3, price: 17000 }, { code: 'YF-02', name: '运费', qty: 1, price: 500 }],
  }]])).result;
  assert.strictEqual(pushed.created, 1, JSON.stringify(pushed));
  const browser = await launch();
  try {
    await asUser(browser, 'lina', async (page) => {
      await openRecord(page, 'crm_sales.action_my_customers', 'res.partner', customer);
      await openTabOf(page, 'crm_erp_order_ids');
      const tab = page.locator('.o_form_view .nav-tabs a', { hasText: '订单历史' });
      assert.strictEqual(await tab.count(), 1, 'the tab is named 订单历史');
      const pane = page.locator('.o_form_view .tab-pane.active');
      const paneText = await pane.innerText();
      for (const label of ['已签合同', 'ERP 订单', '订单最后同步']) {
        assert.ok(paneText.includes(label), `${label} on the tab`);
      }
      const row = pane.locator('.o_field_widget[name="crm_erp_order_ids"] tr.o_data_row', { hasText: number });
      await row.waitFor();
      const rowText = await row.innerText();
      for (const value of ['2026', '51,500.00', '已发货']) {
        assert.ok(rowText.includes(value), `${value} in ${rowText}`);
      }
      await assertCleanScreen(page, 'lina: order history');
      await screenshot(page, 'erp-order-history');
      await row.click();
      const dialog = page.locator('.modal', { hasText: number });
      await dialog.waitFor();
      const dialogText = await dialog.innerText();
      for (const value of ['HW-IG800', '工业物联网网关 IG-800', 'YF-02', '运费', '51,000.00']) {
        assert.ok(dialogText.includes(value), `${value} in the order`);
      }
      await assertCleanScreen(page, 'lina: an ERP order');
      await screenshot(page, 'erp-order');
    });
  } finally {
    await browser.close();
  }
});
