// Each role's first day (issue #29), in a real browser: no error dialog and nothing but
// Chinese on any screen visited. The journeys run in two lanes at once (the test server
// has four workers): the sales roles one after the other (the leader's to-do count must
// not move under him), the service roles, the executive and the portal in the other.
// Their key screens are the README's screenshots (scripts/screenshots.js --from-journeys).
const test = require('node:test');
const { launch } = require('./helpers');
const { salespersonDay, leaderDay, managerDay } = require('./first_day_sales');
const { serviceManagerDay, executiveDay, portalCustomerDay } = require('./first_day_others');

const LANES = [
  [['salesperson lina', salespersonDay], ['leader zhangwei', leaderDay], ['sales manager sunqiang', managerDay]],
  [['service manager gaokai', serviceManagerDay], ['executive wugang', executiveDay],
    ['portal customer', portalCustomerDay]],
];

test('first day of each role', { concurrency: LANES.length }, async (t) => {
  const browser = await launch();
  try {
    await Promise.all(LANES.map(async (lane) => {
      for (const [name, journey] of lane) {
        await t.test(name, () => journey(browser));
      }
    }));
  } finally {
    await browser.close();
  }
});
