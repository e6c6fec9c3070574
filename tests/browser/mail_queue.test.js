// crm_mail_queue: an e-mail the mail server refused is listed for the CRM administrator
// (CRM > 配置 > 发送失败的邮件) with its recipient, reason and retries; he presses 重试
// and sees the retry counted; the retry settings open as a Chinese dialog.
const test = require('node:test');
const assert = require('node:assert');
const net = require('net');
const { launch, openSession, openAction, rpc, assertCleanScreen, screenshot } = require('./helpers');

function closedPort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

test('CRM administrator sees a failed e-mail with its reason and retries it', async () => {
  const tag = `${Date.now() % 1e8}`;
  const admin = (model, method, args, kwargs) => rpc('admin', 'admin', model, method, args, kwargs);
  // a mail server nobody listens on (inactive: never the default), an e-mail through it
  const server = (await admin('ir.mail_server', 'create', [{
    name: `浏览器测试 ${tag}`, smtp_host: '127.0.0.1', smtp_port: await closedPort(), active: false }]))
    .result;
  const mail = (await admin('mail.mail', 'create', [{
    subject: `合同已审批通过 ${tag}`, body_html: '<p>您好</p>', email_to: `buyer-${tag}@customer.example.cn`,
    email_from: 'sales@yunfan.example.cn', mail_server_id: server }])).result;
  const browser = await launch();
  try {
    assert.strictEqual((await rpc('zhoutao', 'zhoutao', 'mail.mail', 'process_email_queue', [[mail]])).result, true);
    const cron = (await admin('ir.model.data', 'xmlid_to_res_id', ['crm_mail_queue.ir_cron_crm_mail_retry'])).result;
    await admin('ir.cron', 'method_direct_trigger', [[cron]]);

    const { page, errors } = await openSession(browser, 'zhoutao');
    await openAction(page, 'crm_mail_queue.crm_mail_failure_action');
    const row = page.locator('.o_list_view tbody tr.o_data_row', { hasText: tag }).first();
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, new RegExp(`buyer-${tag}@customer.example.cn`));
    assert.match(text, /refused/i);
    assert.match(text, /重试中/);
    await assertCleanScreen(page, 'zhoutao: 发送失败的邮件');
    await screenshot(page, 'mail-queue-failed');
    // 重试: the server still refuses, the retry is counted and the reason kept
    await row.locator('td.o_list_button button').click();
    await page.waitForFunction((t) => [...document.querySelectorAll('.o_list_view tr.o_data_row')]
      .some((r) => r.innerText.includes(t) && /\s1\s/.test(` ${r.innerText} `)), tag);
    const retried = (await rpc('zhoutao', 'zhoutao', 'crm.mail.failure', 'search_read',
      [[['mail_id', '=', mail]], ['retry_count', 'state', 'reason']])).result;
    assert.strictEqual(retried[0].retry_count, 1);
    assert.strictEqual(retried[0].state, 'retrying');
    await assertCleanScreen(page, 'zhoutao: 重试之后');
    // the retry settings: a dialog in Chinese, 48 hours by default
    await page.click('.o_sub_menu a[data-menu-xmlid="crm_mail_queue.crm_mail_retry_settings_menu"]');
    await page.waitForSelector('.modal .o_form_view');
    assert.strictEqual(await page.locator('.modal .o_field_widget[name="retry_hours"]').first().inputValue(), '48');
    await assertCleanScreen(page, 'zhoutao: 邮件重试设置');
    await screenshot(page, 'mail-queue-settings');
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
    await admin('mail.mail', 'unlink', [[mail]]).catch(() => {});
    await admin('ir.mail_server', 'unlink', [[server]]).catch(() => {});
  }
});
