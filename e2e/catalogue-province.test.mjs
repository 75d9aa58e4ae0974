// The catalogue's province filter: a deployment connected to one province's system (Hồ
// Chí Minh City's) and no ministry's: its people see the services that system receives,
// other provinces' people none; the choice is kept in the URL; a failed load says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

const KEY = 'ab'.repeat(32);
let server;
before(async () => {
  server = await startServer({
    agencies: '[systems."province-79"]\nendpoint = "https://tthc-79.example.invalid/portal"\nkey_env = "PORTAL_E2E_AGENCY_KEY_79"\n',
    env: { PORTAL_E2E_AGENCY_KEY_79: KEY },
  });
});
after(async () => { await server?.stop(); });

const names = (page) => page.locator('.service-list .service-item__name').allTextContents();
const EXAM = 'Đăng ký dự thi tốt nghiệp THPT quốc gia và xét tuyển đại học, cao đẳng';

test('choosing a province lists the services its people can file online here', async () => {
  const s = await newSession({ viewport: { width: 360, height: 740 } });
  try {
    const { page } = s;
    await page.goto(server.url + '/');
    await appReady(page);
    await page.waitForSelector('.service-item');
    const all = await names(page);
    assert.ok(all.includes(EXAM));
    const select = page.getByLabel('Nộp trực tuyến được ở');
    await select.selectOption({ label: 'Thành phố Hồ Chí Minh' });
    await page.waitForURL(/\?province=79$/);
    const hcm = await names(page);
    assert.ok(hcm.includes('Đăng ký khai sinh'), hcm.join(' | '));
    // The exam is the ministry's, whose system this deployment is not connected to.
    assert.ok(!hcm.includes(EXAM));
    assert.ok(hcm.length < all.length);
    assert.match(await page.locator('#results-count').textContent(), new RegExp(`${hcm.length}`));
    await expectAccessible(page, 'catalogue filtered by province');
    await page.locator('details.filters').screenshot({ path: 'target/e2e-province-filter-360.png' });

    // Typed without diacritics, within the province.
    await page.getByLabel('Tìm dịch vụ công').fill('khai sinh');
    await page.waitForURL(/q=khai\+sinh&province=79$/);
    assert.equal((await names(page))[0], 'Đăng ký khai sinh');

    // A shared link keeps the province; one whose system is not connected has nothing.
    await page.goto(server.url + '/?province=01');
    await appReady(page);
    await page.locator('.no-results').waitFor();
    assert.match(await page.locator('.no-results').textContent(), /Không có dịch vụ nào phù hợp với bộ lọc đã chọn/);
    assert.equal(await page.getByLabel('Nộp trực tuyến được ở').inputValue(), '01');
    // "Tất cả" lists everything again.
    await page.getByLabel('Nộp trực tuyến được ở').selectOption({ label: 'Tất cả' });
    await page.waitForURL(server.url + '/');
    await page.waitForSelector('.service-item');
    assert.equal((await names(page)).length, all.length);
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('when the province list cannot be loaded the page says so and retry recovers', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.route('**/api/v1/catalog/availability', (route) => route.abort('internetdisconnected'));
    await page.goto(server.url + '/?province=79');
    await appReady(page);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /Không tải được danh sách dịch vụ của tỉnh, thành phố này/);
    assert.equal(await page.locator('.service-list .service-item').count(), 0);
    await expectAccessible(page, 'province list failed');
    await page.unroute('**/api/v1/catalog/availability');
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.waitForSelector('.service-item');
    assert.ok((await names(page)).includes('Đăng ký khai sinh'));
    assert.equal(await page.getByRole('alert').count(), 0);
  } finally { await s.close(); }
});
