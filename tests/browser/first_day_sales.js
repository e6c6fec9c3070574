// The first day of the sales roles (run by first_day.test.js): the salesperson lina, her
// team leader zhangwei and the sales manager sunqiang. Each journey clicks through the
// screens as the user would, checks every screen it visits for error dialogs and anything
// but Chinese, and checks the outcome both on screen and over JSON-RPC.
const assert = require('node:assert');
const { asUser, openAction, openRecord, rpc, headerButton, waitHeaderButtonGone,
  assertCleanScreen, softFail, fillField, pickMany2one, fillDate, saveForm, openTabOf, currentAction,
  statValue, readmeShot, findInList } = require('./helpers');

const admin = (model, method, args, kwargs) => rpc('admin', 'admin', model, method, args, kwargs)
  .then((r) => r.result);
const as = (login, model, method, args, kwargs) => rpc(login, login, model, method, args, kwargs)
  .then((r) => r.result);
const xmlid = (ref) => admin('ir.model.data', 'xmlid_to_res_id', [ref, true]);
const dateFormat = async () => (await admin('res.lang', 'search_read', [[['code', '=', 'zh_CN']]],
  { fields: ['date_format'] }))[0].date_format;
const isoDate = (d) => d.toISOString().slice(0, 10);
const inDays = (n) => new Date(Date.now() + n * 86400000);
const stamp = () => `${Date.now() % 1e8}`;

// A customer of lina's (team east) with a contract of `amount` and one plan per amount in
// `plans`, submitted by lina; returns {partnerId, contractId, number}. With `byName`, lina
// creates the customer over RPC with only its name, as her form would.
async function submittedContract(label, amount, plans, byName) {
  const [linaId, teamId] = await Promise.all([xmlid('crm_sales.user_sales_east_1'),
    xmlid('crm_sales.team_east')]);
  const customer = { name: `${label}客户${stamp()}`, is_company: true, customer: true };
  const partnerId = byName ? await as('lina', 'res.partner', 'create', [customer])
    : await admin('res.partner', 'create', [{ ...customer, user_id: linaId, team_id: teamId }]);
  const contractId = await admin('crm.contract', 'create', [{
    name: `${label}合同${stamp()}`, partner_id: partnerId, user_id: linaId, team_id: teamId,
    amount_total: amount, date_start: isoDate(new Date()), date_end: isoDate(inDays(365)),
    sign_date: isoDate(new Date()),
    plan_ids: plans.map((a, i) => [0, 0, { date_planned: isoDate(inDays(30 * (i + 1))), amount: a }]) }]);
  await as('lina', 'crm.contract', 'action_submit', [[contractId]]);
  const [{ number }] = await admin('crm.contract', 'read', [[contractId], ['number']]);
  return { partnerId, contractId, number };
}

async function assertLandsOn(page, model, who, home) {
  await page.waitForFunction(() => {
    const client = window.odoo && window.odoo.__DEBUG__.services['web.web_client'];
    return client && client.action_manager && client.action_manager.get_inner_action() &&
      document.querySelector('.o_main_content .o_content > *');
  });
  await page.waitForTimeout(300);
  const action = await currentAction(page);
  if (action.res_model !== model) {
    softFail(`${who} lands on ${JSON.stringify(action)}, not on ${model}`);
    await openAction(page, home);  // CRM_SOFT_CHECKS: the rest of the journey as if it had
  }
}

// lina: lands on her to-do; creates a customer with only a name (owner and team hers),
// logs a follow-up, opens an opportunity for it, and a contract with two instalments
// that she submits for approval.
async function salespersonDay(browser) {
  const linaId = await xmlid('crm_sales.user_sales_east_1');
  const teamId = await xmlid('crm_sales.team_east');
  const format = await dateFormat();
  const name = `首日客户${stamp()}`;
  await asUser(browser, 'lina', async (page) => {
    await assertLandsOn(page, 'crm.todo', 'lina', 'crm_sales.action_crm_todo');
    await assertCleanScreen(page, 'lina: to-do');
    await readmeShot(page, 'todo');

    // 1. a customer with only a name
    await openAction(page, 'crm_sales.action_my_customers');
    await page.locator('.o_list_button_add:visible').click();
    await page.waitForSelector('.o_form_view.o_form_editable');
    await assertCleanScreen(page, 'lina: new customer form');
    await fillField(page, 'name', name);
    await saveForm(page);
    await assertCleanScreen(page, 'lina: customer saved');
    const [partner] = await as('lina', 'res.partner', 'search_read', [[['name', '=', name]]],
      { fields: ['user_id', 'team_id'], context: { lang: 'zh_CN' } });
    assert.ok(partner, 'the customer is saved');
    assert.deepStrictEqual([partner.user_id[0], partner.team_id && partner.team_id[0]], [linaId, teamId],
      'owner and team are lina\'s');
    for (const field of ['user_id', 'team_id']) {
      const shown = await page.innerText(`.o_form_view .o_field_widget[name="${field}"]`);
      assert.ok(shown.includes(partner[field][1]), `the form shows ${partner[field][1]} as ${field}: ${shown}`);
    }

    // 2. a follow-up
    await page.click('.o_form_view button.o_crm_log_follow_up');
    const content = page.locator('.modal .o_field_widget[name=content]:visible');
    await content.waitFor();
    await assertCleanScreen(page, 'lina: follow-up dialog');
    await content.fill('首次电话沟通，客户关注排产效率');
    await page.locator('.modal-footer button.o_crm_follow_up_save:visible').click();
    await page.waitForSelector('.modal .o_field_widget[name=content]', { state: 'detached' });
    await page.waitForFunction(() => document.querySelector('.o_chatter') &&
      document.querySelector('.o_chatter').innerText.includes('首次电话沟通'));
    await assertCleanScreen(page, 'lina: follow-up logged');

    // 3. an opportunity, from the pipeline's create dialog
    await openAction(page, 'crm.crm_lead_opportunities_tree_view');
    await page.click('.o_cp_switch_buttons button[data-view-type="kanban"]');
    await page.waitForSelector('.o_view_manager_content .o_kanban_view .o_kanban_group');
    await assertCleanScreen(page, 'lina: pipeline');
    await readmeShot(page, 'pipeline');
    await page.locator('.o-kanban-button-new:visible').click();
    await page.waitForSelector('.modal .o_form_view .o_field_widget[name="partner_id"]');
    const oppName = `${name}排产系统`;
    await fillField(page, 'name', oppName, '.modal');
    await pickMany2one(page, 'partner_id', name, '.modal');
    await fillField(page, 'planned_revenue', 150000, '.modal');
    await assertCleanScreen(page, 'lina: new opportunity dialog');
    await page.locator('.modal button[name="close_dialog"]').click();
    await page.waitForSelector('.modal', { state: 'detached' });
    await page.locator('.o_kanban_view .o_kanban_record', { hasText: oppName }).waitFor();
    await assertCleanScreen(page, 'lina: opportunity in the pipeline');
    const [opp] = await as('lina', 'crm.lead', 'search_read', [[['name', '=', oppName]]],
      { fields: ['partner_id', 'user_id', 'type'] });
    assert.deepStrictEqual([opp.type, opp.partner_id[0], opp.user_id[0]], ['opportunity', partner.id, linaId]);

    // 4. a contract with two instalments, from the customer, submitted for approval
    await openRecord(page, 'crm_sales.action_my_customers', 'res.partner', partner.id);
    await openTabOf(page, 'action_create_contract');
    await page.click('.o_form_view button[name="action_create_contract"]');
    await page.waitForSelector('.o_form_view.o_form_editable .o_field_widget[name="plan_ids"]', { state: 'attached' });
    await fillField(page, 'name', `${name}排产系统合同`);
    await fillField(page, 'amount_total', 150000);
    await fillDate(page, 'sign_date', new Date(), format);
    await fillDate(page, 'date_start', new Date(), format);
    await fillDate(page, 'date_end', inDays(365), format);
    await openTabOf(page, 'plan_ids');
    for (const [days, amount] of [[30, 90000], [90, 60000]]) {
      await page.click('.o_form_view .o_field_widget[name="plan_ids"] .o_field_x2many_list_row_add a');
      const row = '.o_form_view .o_field_widget[name="plan_ids"] tr.o_selected_row';
      await page.waitForSelector(row);
      await fillDate(page, 'date_planned', inDays(days), format, row);
      await fillField(page, 'amount', amount, row);
    }
    await assertCleanScreen(page, 'lina: new contract form');
    await saveForm(page);
    await assertCleanScreen(page, 'lina: contract saved');
    await (await headerButton(page, 'action_submit')).click();
    await page.waitForSelector('.o_form_statusbar .o_statusbar_status button.btn-primary[data-value="waiting"]');
    await waitHeaderButtonGone(page, 'action_submit');
    const banner = await page.locator('.o_form_view .alert-info:visible').innerText();
    const [leader] = await admin('res.users', 'read', [[await xmlid('crm_sales.user_leader_east')], ['name']]);
    assert.ok(banner.includes(leader.name), 'waiting for the team leader: ' + banner);
    await assertCleanScreen(page, 'lina: contract submitted');
    const [contract] = await as('lina', 'crm.contract', 'search_read', [[['partner_id', '=', partner.id]]],
      { fields: ['state', 'plan_ids', 'user_id', 'team_id'] });
    assert.strictEqual(contract.state, 'waiting');
    const plans = await as('lina', 'crm.receivable.plan', 'read', [contract.plan_ids, ['sequence', 'amount']]);
    assert.deepStrictEqual(plans.map((p) => [p.sequence, p.amount]).sort(), [[1, 90000], [2, 60000]],
      'the instalments number themselves');

    // the public pool, where customers nobody follows up go
    await openAction(page, 'crm_pool.res_partner_action_pool');
    await assertCleanScreen(page, 'lina: public pool');
    await readmeShot(page, 'public-pool');
    await openAction(page, 'crm_sales.action_my_customers');
    await findInList(page, name);
    await assertCleanScreen(page, 'lina: my customers');
    await readmeShot(page, 'my-customers');
  });
}

// zhangwei: lands on his to-do, opens a contract waiting for him from it, approves it; the
// to-do's count drops; he opens the customer of the contract he approved.
async function leaderDay(browser) {
  const contract = await submittedContract('首日审批', 150000, [100000, 50000], true);
  await asUser(browser, 'zhangwei', async (page) => {
    await assertLandsOn(page, 'crm.todo', 'zhangwei', 'crm_sales.action_crm_todo');
    await assertCleanScreen(page, 'zhangwei: to-do');
    const before = await statValue(page, 'action_open_contract_review');
    const counts = await as('zhangwei', 'crm.todo', 'get_counts', []);
    assert.strictEqual(before, counts.contract_review_count, 'the to-do shows the count of the queue');
    await openTabOf(page, 'contract_review_ids');
    await page.locator('.o_form_view .o_field_widget[name="contract_review_ids"] tr.o_data_row',
      { hasText: contract.number }).click();
    // the row opens the contract itself, with its actions (not a read-only popup)
    const opened = await page.waitForFunction((n) => {
      if (document.querySelector('.modal .o_form_view')) return 'a popup';
      const h1 = document.querySelector('.o_view_manager_content .o_form_view.o_form_readonly h1');
      return h1 && h1.innerText.includes(n) && 'the contract';
    }, contract.number).then((handle) => handle.jsonValue());
    if (opened !== 'the contract') {
      softFail(`zhangwei: the to-do row opened ${opened}, not the contract's form`);
      await openRecord(page, 'crm_contract.crm_contract_action', 'crm.contract', contract.contractId);
    }
    await assertCleanScreen(page, 'zhangwei: contract from the to-do');
    await (await headerButton(page, 'action_open_review_wizard', '.oe_highlight')).click();
    const comment = page.locator('.modal .o_field_widget[name="comment"]:visible');
    await comment.waitFor();
    await assertCleanScreen(page, 'zhangwei: approval dialog');
    await comment.fill('同意，按计划回款');
    await page.locator('.modal button[name="action_confirm"]:visible').click();
    await page.waitForSelector('.modal', { state: 'detached' });
    await page.waitForSelector('.o_form_statusbar .o_statusbar_status button.btn-primary[data-value="approved"]');
    await openTabOf(page, 'review_ids');
    await assertCleanScreen(page, 'zhangwei: contract approved');
    await readmeShot(page, 'contract-approval');
    const [state] = await admin('crm.contract', 'read', [[contract.contractId], ['state']]);
    assert.strictEqual(state.state, 'approved');

    // the customer of what he approved
    await page.click('.o_form_view .o_field_widget[name="partner_id"]');
    await page.waitForFunction((id) => {
      const h1 = document.querySelector('.o_view_manager_content .o_form_view.o_form_readonly .oe_title h1');
      return h1 && window.location.hash.includes(`id=${id}`) && window.location.hash.includes('res.partner');
    }, contract.partnerId);
    await assertCleanScreen(page, 'zhangwei: customer of the contract');

    // back on the to-do: one fewer, and the contract is gone from the list
    await openAction(page, 'crm_sales.action_crm_todo');
    assert.strictEqual(await statValue(page, 'action_open_contract_review'), before - 1, 'the count drops');
    await openTabOf(page, 'contract_review_ids');
    const rows = await page.locator('.o_form_view .o_field_widget[name="contract_review_ids"]').innerText();
    assert.ok(!rows.includes(contract.number), 'the approved contract left the to-do');
    await assertCleanScreen(page, 'zhangwei: to-do after approving');
  });
}

// sunqiang: books two payments against the plans of an approved contract, each finding its
// instalment in order; then opens the dashboard and the receivables report.
async function managerDay(browser) {
  const contract = await submittedContract('首日回款', 80000, [45000, 35000]);
  const [approved] = await admin('crm.contract', 'read', [[contract.contractId], ['state', 'plan_ids']]);
  assert.strictEqual(approved.state, 'approved', 'contracts below 100,000 are approved on submit');
  await asUser(browser, 'sunqiang', async (page) => {
    await assertCleanScreen(page, 'sunqiang: landing');
    for (const amount of [45000, 35000]) {
      await openRecord(page, 'crm_contract.crm_contract_action', 'crm.contract', contract.contractId);
      await (await headerButton(page, 'action_new_receivable')).click();
      await page.waitForSelector('.o_form_view.o_form_editable .o_field_widget[name="amount"]');
      await fillField(page, 'amount', amount);
      await assertCleanScreen(page, 'sunqiang: new payment form');
      await saveForm(page);
      await (await headerButton(page, 'action_submit')).click();
      await page.waitForSelector('.o_form_statusbar .o_statusbar_status button.btn-primary[data-value="approved"]');
      await assertCleanScreen(page, 'sunqiang: payment approved');
    }
    const plans = await admin('crm.receivable.plan', 'read', [approved.plan_ids,
      ['sequence', 'amount', 'amount_received', 'state']]);
    assert.deepStrictEqual(plans.map((p) => [p.sequence, p.amount_received, p.state]).sort(),
      [[1, 45000, 'received'], [2, 35000, 'received']], 'each payment paid its instalment');
    const [money] = await admin('crm.contract', 'read', [[contract.contractId],
      ['amount_received', 'amount_outstanding']]);
    assert.deepStrictEqual([money.amount_received, money.amount_outstanding], [80000, 0]);
    await openRecord(page, 'crm_contract.crm_contract_action', 'crm.contract', contract.contractId);
    await openTabOf(page, 'plan_ids');
    await assertCleanScreen(page, 'sunqiang: contract paid');

    await openAction(page, 'crm_reports.crm_report_dashboard_action');
    await assertCleanScreen(page, 'sunqiang: dashboard');
    await openAction(page, 'crm_reports.crm_report_receivable_action');
    await assertCleanScreen(page, 'sunqiang: receivables');
  });
}

module.exports = { salespersonDay, leaderDay, managerDay, admin, as, xmlid, assertLandsOn, stamp };
