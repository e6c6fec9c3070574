// crm_contract (issue #29, items 4 and 5): the CRM administrator (zhoutao) opens
// 审批级别 and a tier: pickers only (document type, amount above, reviewer kind), all in
// Chinese, no Python. Then a team leader (zhangwei) hands over (转办) a contract waiting for
// him to a colleague from the contract's form: the wizard asks for the colleague, the page
// reloads, and the contract leaves his "waiting for my approval" list for chenjing's.
const test = require('node:test');
const assert = require('node:assert');
const { launch, openSession, assertNoOdooError, screenshot, openAction, openRecord, rpc,
  headerButton, textProblems } = require('./helpers');

const admin = (model, method, args, kwargs) => rpc('admin', 'admin', model, method, args, kwargs)
  .then((r) => r.result);
const xmlid = (ref) => admin('ir.model.data', 'xmlid_to_res_id', [ref, true]);
// No error dialog and nothing but Chinese in what this journey shows: the view or dialog
// (the menus belong to other modules' journeys; `roots` narrows it, e.g. to a list's
// header when other suites left records named in English).
async function assertCleanScreen(page, where, roots = '.o_main_content, .modal') {
  await assertNoOdooError(page);
  const texts = await page.evaluate((sel) => [...document.querySelectorAll(sel)]
    .filter((el) => el.offsetParent).flatMap((el) => el.innerText.split('\n'))
    .map((t) => t.trim()).filter(Boolean), roots);
  const problems = texts.flatMap((text) => textProblems(text));
  assert.deepStrictEqual(problems, [], where);
}
const myTurn = async (login, id) => (await rpc(login, login, 'crm.contract', 'search_count',
  [[['crm_my_turn', '=', true], ['id', '=', id]]])).result;

test('tiers are configured with Chinese pickers; a reviewer hands over from the form', async () => {
  const browser = await launch();
  try {
    // 1. zhoutao: 审批级别 -> the leader's tier
    let { page, errors } = await openSession(browser, 'zhoutao');
    await openAction(page, 'crm_approval.tier_definition_action_crm');
    await assertCleanScreen(page, 'approval tiers list', '.o_control_panel, .o_list_view thead');
    const tierId = await xmlid('crm_contract.tier_contract_leader');
    await openRecord(page, 'crm_approval.tier_definition_action_crm', 'tier.definition', tierId);
    const form = await page.innerText('.o_form_view');
    for (const text of ['单据类型', '金额超过', '负责人所在团队的负责人']) {
      assert.ok(form.includes(text), `the tier form shows ${text}: ${form}`);
    }
    assert.ok(!/Python|rec\./.test(form), 'no Python for a CRM administrator: ' + form);
    await assertCleanScreen(page, 'approval tier form');
    await screenshot(page, 'approval-tier-pickers');
    assert.deepStrictEqual(errors, []);
    await page.context().close();

    // 2. zhangwei hands over a contract waiting for him to chenjing
    const lina = await xmlid('crm_sales.user_sales_east_1');
    const team = await xmlid('crm_sales.team_east');
    const stamp = String(Date.now());
    const partner = await admin('res.partner', 'create', [{ name: `转办测试客户 ${stamp}`,
      is_company: true, customer: true, user_id: lina, team_id: team }]);
    const contractId = await admin('crm.contract', 'create', [{ name: `转办测试合同 ${stamp}`,
      partner_id: partner, user_id: lina, team_id: team, amount_total: 300000,
      sign_date: '2026-06-01', date_start: '2026-06-01', date_end: '2027-05-31' }]);
    await rpc('lina', 'lina', 'crm.contract', 'action_submit', [[contractId]]);
    assert.strictEqual(await myTurn('zhangwei', contractId), 1);

    ({ page, errors } = await openSession(browser, 'zhangwei'));
    await openRecord(page, 'crm_contract.crm_contract_action_my_turn', 'crm.contract', contractId);
    await (await headerButton(page, 'action_open_review_wizard', '[data-context*="handover"]')).click();
    const user = page.locator('.modal .o_field_widget[name="user_id"] input');
    await user.waitFor();
    await user.fill('陈静');
    await page.locator('.ui-autocomplete li a', { hasText: '陈静' }).first().click();
    await page.locator('.modal .o_field_widget[name="comment"]').fill('我出差，请陈静审批');
    await assertCleanScreen(page, 'hand-over wizard');
    await screenshot(page, 'approval-hand-over-wizard');
    await page.locator('.modal button[name="action_confirm"]:visible').click();
    await page.waitForSelector('.modal', { state: 'detached' });
    await page.waitForFunction(() => document.querySelector('.o_chatter') &&
      document.querySelector('.o_chatter').innerText.includes('我出差'));
    await assertNoOdooError(page);
    assert.deepStrictEqual(errors, []);
    await page.context().close();
    assert.strictEqual(await myTurn('zhangwei', contractId), 0);
    assert.strictEqual(await myTurn('chenjing', contractId), 1);
  } finally {
    await browser.close();
  }
});
