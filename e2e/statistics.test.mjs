// The public figures (/statistics), as a journalist would use them: a citizen files
// dossiers over the API (the shared generator's answers, `catalog-tool cases`) and a
// dossier officer decides them; then, signed out, the page counts them, its chart switches
// to a table, a province and a ranking are chosen by keyboard, the address carries the
// filters, and the downloaded CSV has the page's numbers. At 360 px; axe on every view;
// console errors fail the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cases } from './cases.mjs';
import { startServer } from './server.mjs';
import { signInAtProvider } from './identity.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const HEADERS = () => ({ 'X-Portal-Request': '1', Origin: server.url });

async function signIn(context, name) {
  const page = await context.newPage();
  await page.goto(`${server.url}/auth/sign-in?return_to=/`);
  await signInAtProvider(page, name, server.url);
  await page.waitForURL(server.url + '/');
  return page;
}

/// The headline figure labelled `label`, as shown.
async function figure(page, label) {
  const item = page.locator('.stat-figure', { has: page.getByText(label, { exact: true }) });
  return (await item.locator('dd').textContent()).trim();
}

test('filed and decided dossiers are counted on the public page and in its CSV', async () => {
  const s = await newSession();
  try {
    const { browser, page } = s;
    // A citizen files seven dossiers of one service; an officer decides five of them.
    const citizenCtx = await browser.newContext();
    const citizen = await signIn(citizenCtx, 'Nguyễn Văn An');
    const session = await (await citizen.request.get(`${server.url}/api/v1/session`)).json();
    const c = cases(session.prefill, 'citizen')
      .find((c) => !JSON.stringify(c.answers).includes('"type":"files"'));
    assert.ok(c, 'a service without uploads');
    const codes = [];
    for (let n = 0; n < 7; n++) {
      const r = await citizen.request.post(`${server.url}/api/v1/dossiers`, {
        headers: { ...HEADERS(), 'Idempotency-Key': `statistics-${n}-${Math.random()}` },
        data: { service_id: c.service_id, applicant: 'citizen', answers: c.answers, attachments: [] },
      });
      assert.ok(r.ok(), `${r.status()} ${await r.text()}`);
      codes.push((await r.json()).code);
    }
    const staffCtx = await browser.newContext();
    const staff = await signIn(staffCtx, 'Đỗ Thu Hà');
    for (const code of codes.slice(0, 5)) {
      for (const status of ['in_processing', 'approved']) {
        const r = await staff.request.post(
          `${server.url}/api/v1/staff/dossiers/${encodeURIComponent(code)}/status`,
          { headers: HEADERS(), data: { status } },
        );
        assert.equal(r.status(), 200, await r.text());
      }
    }
    // Where they were filed, as the server recorded it (the answers' place).
    const report = await (await page.request.get(`${server.url}/api/v1/statistics`)).json();
    const province = report.provinces.find((p) => p.counts.received_online === 7);
    assert.ok(province, 'one province counts the seven');

    // Signed out, from the footer of the home page.
    await page.goto(server.url + '/');
    await appReady(page);
    await page.getByRole('link', { name: 'Số liệu thống kê' }).click();
    await page.waitForURL('**/statistics');
    await page.getByRole('heading', { level: 1, name: 'Số liệu thống kê dịch vụ công' }).waitFor();
    await page.locator('.stat-figures').waitFor();
    assert.equal(await figure(page, 'Hồ sơ nộp trực tuyến'), '7');
    assert.equal(await figure(page, 'Hồ sơ đã giải quyết'), '5');
    assert.equal(await figure(page, 'Hồ sơ đang giải quyết'), '< 5');
    assert.match(await page.locator('.stat-as-of').textContent(), /\d/);
    assert.equal(await page.locator('.stat-generated').count(), 0, 'nothing generated here');
    await expectAccessible(page, 'statistics, chart view');
    await page.screenshot({ path: 'target/e2e-statistics-360.png', fullPage: true });

    // The month chart as a table: this month's row has the same numbers.
    const months = page.locator('section[aria-labelledby="stat-months"]');
    const asTable = months.getByRole('button', { name: 'Bảng' }).first();
    await asTable.click();
    assert.equal(await asTable.getAttribute('aria-pressed'), 'true');
    const lastRow = months.locator('table tbody tr').last();
    await lastRow.waitFor();
    const cells = await lastRow.locator('td, th').allTextContents();
    assert.ok(cells.includes('7') && cells.includes('5'), `this month's row: ${cells.join(' | ')}`);
    await expectAccessible(page, 'statistics, table view');

    // By keyboard: the province is chosen in the area select; the address carries it.
    await page.locator('#stat-province').focus();
    await page.keyboard.press('Home');
    await page.locator('#stat-province').selectOption(province.code);
    await page.waitForURL(`**/statistics?*province=${province.code}*`);
    await page.locator('.stat-selection', { hasText: province.name }).waitFor();
    assert.equal(await figure(page, 'Hồ sơ nộp trực tuyến'), '7');

    // The ranking sorted on received online by its column heading, with Enter.
    const sortLink = page.locator('section[aria-labelledby="stat-provinces"] a.table__sort', { hasText: 'Hồ sơ nộp trực tuyến' });
    await sortLink.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**sort=received-online*');
    const firstProvince = page.locator('section[aria-labelledby="stat-provinces"] table tbody tr').first();
    await firstProvince.filter({ hasText: province.name }).waitFor();
    await expectAccessible(page, 'statistics, a province, ranked');

    // The CSV the page links to: the same filters, the same numbers.
    const link = page.locator('section[aria-labelledby="stat-provinces"] a[download$=".csv"]');
    const href = await link.getAttribute('href');
    assert.match(href, new RegExp(`^/api/v1/statistics/provinces\\.csv\\?.*province=${province.code}.*sort=received-online`));
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const csv = await (async () => {
      const stream = await download.createReadStream();
      let text = '';
      for await (const chunk of stream) text += chunk;
      return text;
    })();
    const [header, first] = csv.trim().split('\n');
    const columns = header.split(',');
    const row = first.split(',');
    const col = (name) => row[columns.indexOf(name)];
    assert.equal(col('code'), province.code);
    assert.equal(col('place'), '1');
    assert.equal(col('received_online'), '7');
    assert.equal(col('decided'), '5');
    assert.equal(col('still_open'), '< 5');

    // In English, the same figures.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Public service statistics' }).waitFor();
    assert.equal(await figure(page, 'Received online'), '7');
    await expectAccessible(page, 'statistics in English');

    assert.deepEqual(s.errors, []);
    await citizenCtx.close();
    await staffCtx.close();
  } finally {
    await s.close();
  }
});
