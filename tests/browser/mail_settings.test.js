// The CRM administrator's mail settings (CRM > 配置 > CRM 设置 > 邮件设置, issue #28): where
// mail goes, who it is from, where links lead, all in Chinese; "发送测试邮件" sends a mail
// that really arrives (the local SMTP sink of scripts/test.sh, CRM_MAILSINK_DIR) and says
// so in a notification.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { loginAs, openAction, assertCleanScreen, screenshot } = require('./helpers');

function sinkMails() {
  const dir = process.env.CRM_MAILSINK_DIR;
  assert.ok(dir && fs.existsSync(dir), 'CRM_MAILSINK_DIR: the SMTP sink scripts/test.sh starts');
  return fs.readdirSync(dir).filter((n) => n.endsWith('.eml')).sort()
    .map((n) => fs.readFileSync(path.join(dir, n), 'utf8'));
}

test('周涛 reads the mail settings and sends a test mail', async () => {
  const { browser, page, errors } = await loginAs('zhoutao');
  try {
    await openAction(page, 'crm_sales.action_crm_mail_settings');
    await page.waitForSelector('.o_form_view .o_field_widget[name=sender_preview]');
    const form = await page.innerText('.o_form_view');
    for (const label of ['发信服务器', '发件域名', '回复收件地址', 'CRM 的访问地址', '发送测试邮件']) {
      assert.ok(form.includes(label), `the form shows ${label}`);
    }
    assert.match(await page.innerText('.o_field_widget[name=sender_preview]'), /<notifications@yunfan-tech\.cn>/);
    await assertCleanScreen(page, 'mail settings');
    await screenshot(page, 'mail-settings');
    const before = sinkMails().length;
    const address = `browser-${Date.now()}@example.com`;
    const input = page.locator('.o_field_widget[name=test_address]');
    await input.fill(address);
    await page.click('button[name=action_send_test]');
    await page.waitForSelector(`.o_notification:has-text("测试邮件已发送到 ${address}")`);
    let arrived = [];
    for (let i = 0; i < 50 && !arrived.length; i += 1) {
      arrived = sinkMails().slice(before).filter((m) => m.includes(address));
      if (!arrived.length) await new Promise((r) => setTimeout(r, 200));
    }
    assert.strictEqual(arrived.length, 1, 'the test mail reached the SMTP server');
    assert.match(arrived[0], /^From: .*<notifications@yunfan-tech\.cn>/m);
    await assertCleanScreen(page, 'after the test mail');
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
