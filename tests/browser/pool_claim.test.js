// crm_pool: a salesperson opens the public pool, finds a customer (its phone hidden while
// in the pool) and claims it from the list; the customer leaves the pool and is theirs.
const test = require('node:test');
const assert = require('node:assert');
const { URL, DB, loginAs, assertNoOdooError, screenshot, openAction } = require('./helpers');

async function rpc(login, password, model, method, args, kwargs) {
  const call = async (service, meth, callArgs) => {
    const res = await fetch(`${URL}/jsonrpc`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1,
        params: { service, method: meth, args: callArgs } }),
    });
    const body = await res.json();
    if (body.error) throw new Error(JSON.stringify(body.error.data || body.error).slice(0, 500));
    return body.result;
  };
  const uid = await call('common', 'login', [DB, login, password]);
  return { uid, result: await call('object', 'execute_kw', [DB, uid, password, model, method, args, kwargs || {}]) };
}

test('salesperson claims a customer from the public pool', async () => {
  const name = `浏览器公海客户 ${Date.now() % 1e9}`;
  const poolId = (await rpc('admin', 'admin', 'ir.model.data', 'xmlid_to_res_id', ['crm_pool.pool_company'])).result;
  const partnerId = (await rpc('admin', 'admin', 'res.partner', 'create', [{
    name, is_company: true, customer: true, phone: '021-6200 0001', pool_id: poolId,
  }])).result;

  const { browser, page, errors } = await loginAs('lina');
  try {
    await openAction(page, 'crm_pool.res_partner_action_pool');
    // search the customer by name
    await page.fill('.o_searchview_input', name);
    await page.keyboard.press('Enter');
    const row = page.locator('.o_list_view tbody tr.o_data_row', { hasText: name });
    await row.waitFor();
    await assertNoOdooError(page);
    await screenshot(page, 'pool-claim-before');
    await row.locator('button.o_pool_claim').click();
    // the list reloads: the claimed customer is no longer in the pool
    await page.waitForFunction(
      (n) => !Array.from(document.querySelectorAll('.o_list_view tbody tr.o_data_row'))
        .some((tr) => tr.innerText.includes(n)), name);
    await assertNoOdooError(page);
    const shot = await screenshot(page, 'pool-claim-after');
    assert.ok(require('fs').statSync(shot).size > 10000, 'screenshot written');

    const lina = await rpc('lina', 'lina', 'res.partner', 'read', [[partnerId], ['user_id', 'pool_id', 'phone']]);
    const rec = lina.result[0];
    assert.strictEqual(rec.user_id[0], lina.uid);
    assert.strictEqual(rec.pool_id, false);
    assert.strictEqual(rec.phone, '021-6200 0001');
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
  }
});
