// The legal texts the catalogue relies on (/sources): reached from a service page, each
// text with its date and the services that cite it, built from the catalogue's data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('a service page leads to the legal texts, each with its date and the services citing it', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(server.url + '/services/judicial-record-certificate');
    await appReady(page);
    const link = page.getByRole('link', { name: 'Mọi văn bản pháp lý của danh mục' });
    await link.waitFor();
    await link.click();
    await page.waitForURL('**/sources');
    await page.waitForSelector('.legal-source');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Văn bản pháp lý của danh mục');

    const section = (name) => page.locator('.legal-source').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
    // The directive every one of the 25 cites: its date and a service of the list.
    const directive = section('Chỉ thị 24/CT-TTg');
    assert.equal(await directive.count(), 1);
    assert.match(await directive.textContent(), /13\/09\/2025/);
    assert.ok(await directive.locator('li').count() >= 25);
    // The criminal record fee circular names the criminal record certificate.
    const fee = section('Thông tư 16/2025/TT-BTC');
    assert.equal(await fee.count(), 1);
    assert.ok((await fee.getByRole('link').allTextContents()).includes('Cấp Phiếu lý lịch tư pháp'));
    await expectAccessible(page, 'legal sources');

    // Each cited service links to its page.
    await fee.getByRole('link', { name: 'Cấp Phiếu lý lịch tư pháp' }).click();
    await page.waitForURL('**/services/judicial-record-certificate');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});
