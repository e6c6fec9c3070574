// Tasks on a phone (390×844): 张伟 gives 李娜 a task with two checklist items (one
// required) over RPC; 李娜 opens 我的任务 on her phone, finds the card, starts the task from
// the card, opens it, is told the required item is not ticked, ticks it, marks the task
// done; the server says done. Every screen is Chinese and nothing overflows the width.
const test = require('node:test');
const assert = require('node:assert');
const { launch, openSession, URL, rpc, assertCleanScreen, screenshot, readmeShot,
  headerButton, ARTIFACTS } = require('./helpers');

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function phoneSession(browser, login) {
  const { page, errors } = await openSession(browser, login, login, PHONE);
  return { page, errors };
}

async function assertFitsWidth(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 392, `${where}: the page is ${width}px wide on a 390px screen`);
}

test('lina works a task to done on her phone', async () => {
  const tag = Math.random().toString(36).slice(2, 8);
  const name = `手机任务 ${tag}`;
  const { result: ids } = await rpc('zhangwei', null, 'res.users', 'search', [[['login', '=', 'lina']]]);
  const { result: taskId } = await rpc('zhangwei', null, 'crm.task', 'create', [{
    name, assignee_id: ids[0], priority: '2',
    checklist_ids: [[0, 0, { name: '确认采购量', required: true }], [0, 0, { name: '整理历史报价' }]],
  }]);
  const browser = await launch();
  try {
    const { page, errors } = await phoneSession(browser, 'lina');
    await page.goto(`${URL}/web#action=crm_task.crm_task_action_my`);
    const card = page.locator('.o_kanban_record', { hasText: name });
    await card.waitFor();
    await assertCleanScreen(page, '我的任务');
    await assertFitsWidth(page, '我的任务');
    await readmeShot(page, 'phone-tasks');
    await card.locator('[data-name="action_start"]').click();
    await page.locator('.o_kanban_record', { hasText: name }).locator('[data-name="action_start"]')
      .waitFor({ state: 'detached' });
    // started, the card moved to the 进行中 column (one column at a time on a phone)
    await page.goto(`${URL}/web#action=crm_task.crm_task_action_my&model=crm.task&id=${taskId}&view_type=form`);
    await page.waitForSelector('.o_form_view.o_form_readonly');
    assert.match(await page.innerText('.o_form_statusbar'), /进行中/);
    await screenshot(page, 'tasks-phone-2-form');
    await assertCleanScreen(page, '任务表单');
    await assertFitsWidth(page, '任务表单');
    const done = await headerButton(page, 'action_done');
    await done.click();
    await page.waitForSelector('.modal .modal-body');
    assert.match(await page.innerText('.modal .modal-body'), /确认采购量/);
    await page.click('.modal .modal-footer .btn-primary');
    // on a phone the checklist is a list of cards, each with its 勾选 button
    const item = page.locator('.o_field_one2many .o_kanban_record', { hasText: '确认采购量' });
    await item.locator('[data-name="action_toggle"]').click();
    await page.locator('.o_field_one2many .o_kanban_record', { hasText: '确认采购量' })
      .locator('.fa-check-square-o').waitFor();
    await assertCleanScreen(page, '已勾选');
    await (await headerButton(page, 'action_done')).click();
    await page.waitForFunction(() => {
      const bar = document.querySelector('.o_form_statusbar .o_statusbar_status .btn-primary, .o_form_statusbar .o_arrow_button.btn-primary');
      return bar && /已完成/.test(bar.innerText);
    });
    await screenshot(page, 'tasks-phone-3-done');
    const { result: rows } = await rpc('lina', null, 'crm.task', 'read', [[taskId], ['state', 'checklist_progress']]);
    assert.strictEqual(rows[0].state, 'done');
    assert.strictEqual(rows[0].checklist_progress, '1/2');
    assert.deepStrictEqual(errors, []);
  } catch (err) {
    for (const ctx of browser.contexts()) {
      for (const [i, p] of ctx.pages().entries()) await p.screenshot({ path: `${ARTIFACTS}/failure-tasks-phone-${i}.png` }).catch(() => {});
    }
    throw err;
  } finally {
    await browser.close();
  }
});
