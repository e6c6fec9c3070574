// crm_custom_field (issue #22, 自定义字段): the CRM administrator (zhoutao) adds a choice
// field "客户规模" to customers in CRM > 配置 > 自定义字段, with its options typed one per
// line; without any reload by a developer, the salesperson (lina) opens one of her
// customers, finds the field on the "自定义字段" tab, picks an option and saves; the
// customer list shows the column. Nothing but Chinese on these screens.
const test = require('node:test');
const assert = require('node:assert');
const { URL, launch, openSession, assertCleanScreen, screenshot, openAction, openRecord, rpc,
  openTabOf, saveForm, ARTIFACTS } = require('./helpers');

const admin = (model, method, args, kwargs) => rpc('admin', 'admin', model, method, args, kwargs)
  .then((r) => r.result);

test('zhoutao adds a choice field to customers; lina sets it on her customer', async () => {
  const browser = await launch();
  const label = `客户规模${String(Date.now()).slice(-5)}`;
  let fieldId;
  try {
    // 1. zhoutao: 自定义字段 -> create
    let { page, errors } = await openSession(browser, 'zhoutao');
    // (the list may be empty: Odoo shows its help instead of a table)
    await page.goto(`${URL}/web#action=crm_custom_field.crm_custom_field_action`);
    // the list (or its help) first: a click on 创建 while the view still loads is dropped
    // on a busy machine
    await page.waitForSelector('.o_view_manager_content .o_list_view, .o_view_manager_content .oe_view_nocontent');
    await page.click('.o_list_button_add');
    if (!await page.waitForSelector('.o_form_view.o_form_editable', { timeout: 15000 }).then(() => true, () => false)) {
      await page.click('.o_list_button_add');
      await page.waitForSelector('.o_form_view.o_form_editable');
    }
    await page.fill('.o_form_view input.o_field_widget[name="name"]', label);
    await page.selectOption('.o_form_view select.o_field_widget[name="target"]', { label: '客户' });
    await page.selectOption('.o_form_view select.o_field_widget[name="field_type"]', { label: '选项' });
    await page.fill('.o_form_view textarea.o_field_widget[name="options"]', '大型\n中型\n小型');
    await assertCleanScreen(page, 'custom field form (new)');
    await saveForm(page);
    const technical = (await page.innerText('.o_form_view .o_field_widget[name="field_name"]')).trim();
    assert.match(technical, /^x_crm_\d+$/);
    await assertCleanScreen(page, 'custom field form (saved)');
    await screenshot(page, 'custom-field-admin-form');
    assert.deepStrictEqual(errors, []);
    await page.context().close();
    fieldId = (await admin('crm.custom.field', 'search', [[['name', '=', label]]]))[0];

    // 2. lina: one of her customers, the 自定义字段 tab, pick 中型, save
    const lina = (await admin('ir.model.data', 'xmlid_to_res_id', ['crm_sales.user_sales_east_1', true]));
    const [customer] = await admin('res.partner', 'search',
      [[['user_id', '=', lina], ['is_company', '=', true]]], { limit: 1, order: 'id' });
    ({ page, errors } = await openSession(browser, 'lina'));
    await openRecord(page, 'crm_sales.action_my_customers', 'res.partner', customer);
    await page.click('.o_form_button_edit');
    await page.waitForSelector('.o_form_view.o_form_editable');
    await openTabOf(page, technical);
    const tabs = await page.innerText('.o_form_view .nav-tabs');
    assert.ok(tabs.includes('自定义字段'), `the form has a 自定义字段 tab: ${tabs}`);
    const form = await page.innerText('.o_form_view .tab-pane.active');
    assert.ok(form.includes(label), `the tab shows the label ${label}: ${form}`);
    await page.selectOption(`.o_form_view select.o_field_widget[name="${technical}"]`, { label: '中型' });
    await assertCleanScreen(page, 'customer form, custom field tab');
    await saveForm(page);
    await screenshot(page, 'custom-field-customer-form');
    const saved = await rpc('lina', 'lina', 'res.partner', 'read', [[customer], [technical]]);
    assert.strictEqual(saved.result[0][technical], 'o2');
    // the list has the column, in Chinese
    await openAction(page, 'crm_sales.action_my_customers');
    const header = await page.innerText('.o_list_view thead');
    assert.ok(header.includes(label), `the list has the column ${label}: ${header}`);
    assert.deepStrictEqual(errors, []);
    await page.context().close();
  } catch (err) {
    for (const ctx of browser.contexts()) {
      for (const [i, p] of ctx.pages().entries()) await p.screenshot({ path: `${ARTIFACTS}/failure-custom-field-${i}.png` }).catch(() => {});
    }
    throw err;
  } finally {
    // hidden again for the journeys that follow (the value is kept)
    if (fieldId) await rpc('zhoutao', 'zhoutao', 'crm.custom.field', 'write', [[fieldId], { active: false }]);
    await browser.close();
  }
});
