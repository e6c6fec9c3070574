// crm_import: lina opens 数据导入导出 > 导入数据, uploads a small Excel file with one bad
// row, sees that row's error in Chinese in the preview, imports the rest and finds the
// import done (progress refreshed by itself) and the customers hers.
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { execFileSync } = require('child_process');
const { loginAs, assertCleanScreen, screenshot, openAction, rpc, headerButton } = require('./helpers');

const PYTHON = path.join(__dirname, '..', '..', '.venv', 'bin', 'python');

// an .xlsx made with xlsxwriter (the server's own writer), rows as JSON
function xlsx(header, rows) {
  const script = `
import io, json, sys, xlsxwriter
header, rows = json.loads(sys.argv[1])
out = io.BytesIO(); book = xlsxwriter.Workbook(out, {'in_memory': True}); sheet = book.add_worksheet()
sheet.write_row(0, 0, header)
for r, row in enumerate(rows, start=1):
    for c, v in enumerate(row):
        if v is not None: sheet.write(r, c, v)
book.close(); sys.stdout.buffer.write(out.getvalue())`;
  return execFileSync(PYTHON, ['-c', script, JSON.stringify([header, rows])]);
}

test('salesperson imports customers from Excel, one bad row reported in Chinese', async () => {
  const tag = String(Date.now() % 1e8);
  const names = [`浏览器导入甲${tag}`, `浏览器导入乙${tag}`];
  const file = xlsx(['客户名称*', '客户等级', '员工人数', '联系人姓名', '联系人手机'], [
    [names[0], 'A', 20, '陈经理', '1351234' + tag.slice(-4)],
    [`浏览器导入坏行${tag}`, '超级VIP', null, null, null],
    [names[1], null, null, null, null],
  ]);
  const { browser, page, errors } = await loginAs('lina');
  try {
    await openAction(page, 'crm_import.crm_import_wizard_action');
    await assertCleanScreen(page, 'import wizard');
    await page.setInputFiles('.o_form_view input.o_input_file', {
      name: '客户导入.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.o_form_view .o_field_binary_file input'))
      .some((i) => i.value.includes('客户导入')));
    await page.click('.o_form_view button[name=action_preview]');
    // the preview: the bad row (line 3 of the file) with its error in Chinese
    const bad = page.locator('.o_form_view .o_field_one2many tr.o_data_row', { hasText: '超级VIP' });
    await bad.waitFor();
    const text = await bad.innerText();
    assert.ok(text.includes('3') && text.includes('客户等级') && text.includes('未知'), text);
    await assertCleanScreen(page, 'import preview');
    await screenshot(page, 'import-preview');
    await (await headerButton(page, 'action_run')).click();
    // the form refreshes itself while the rows are imported in the background
    await page.waitForFunction(() => {
      const active = document.querySelector('.o_form_view .o_statusbar_status .btn-primary, .o_form_view .o_statusbar_status .o_arrow_button.btn-primary');
      return active && active.innerText.includes('已完成');
    }, null, { timeout: 120000 });
    await assertCleanScreen(page, 'import done');
    await screenshot(page, 'import-done');
    const found = await rpc('lina', 'lina', 'res.partner', 'search_read',
      [[['name', 'in', names.concat([`浏览器导入坏行${tag}`])]]], { fields: ['name', 'user_id'] });
    assert.deepStrictEqual(found.result.map((p) => p.name).sort(), names.slice().sort());
    assert.ok(found.result.every((p) => p.user_id[0] === found.uid));
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
