// "Where to submit" on a service page, on a 360 px phone screen: choose a province and a
// commune (typing without diacritics to find it), see the office that handles the
// service there, and convert an old (pre-2025) address into the new commune. Axe runs on
// every state reached.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const PHONE = { viewport: { width: 360, height: 740 } };

async function openService(page, id) {
  await page.goto(`${server.url}/services/${id}`);
  await appReady(page);
  await page.getByRole('heading', { name: 'Nơi giải quyết hồ sơ' }).waitFor();
  await page.locator('#where-province').waitFor();
}

async function noSidewaysScroll(page, label) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
}

test('pick a province, then a commune found by typing without diacritics', async () => {
  const s = await newSession(PHONE);
  try {
    const { page } = s;
    const requests = [];
    page.on('request', (r) => { if (r.url().includes('/admin-units/')) requests.push(new URL(r.url()).pathname); });
    await openService(page, 'permanent-residence-registration');
    assert.match(await page.locator('.where-to-submit__result').textContent(), /Chọn xã, phường, đặc khu/);
    assert.deepEqual(requests, ['/api/v1/admin-units/provinces'], 'no commune list is loaded before a province is chosen');
    await expectAccessible(page, 'where to submit, nothing chosen');

    await page.getByLabel('Tỉnh, thành phố', { exact: true }).selectOption({ label: 'Hà Nội' });
    const commune = page.getByLabel('Xã, phường, đặc khu', { exact: true });
    await commune.waitFor();
    assert.equal(await commune.locator('option').count(), 127, 'the placeholder and the 126 communes of Hà Nội');
    assert.deepEqual(requests, ['/api/v1/admin-units/provinces', '/api/v1/admin-units/provinces/01/communes']);

    await page.getByLabel('Tìm xã, phường, đặc khu theo tên').fill('ba dinh');
    await page.locator('#where-count', { hasText: 'phù hợp' }).waitFor();
    const shown = await commune.locator('option').allTextContents();
    assert.equal(shown[1], 'Phường Ba Đình', shown.join(', '));
    assert.ok(shown.length < 10, `filtered to a few: ${shown.join(', ')}`);
    await commune.selectOption({ label: 'Phường Ba Đình' });
    const office = page.locator('.where-to-submit__office');
    await office.waitFor();
    assert.equal(await office.textContent(), 'Công an phường Ba Đình, thành phố Hà Nội');
    await noSidewaysScroll(page, 'service page with a commune chosen');
    await expectAccessible(page, 'where to submit, commune chosen');

    // The same choice in English names the office in English, places as they are written.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Where your application is handled' }).waitFor();
    assert.equal(await office.textContent(), 'Commune police, Phường Ba Đình, Thành phố Hà Nội');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('convert an old (pre-2025) address and use it', async () => {
  const s = await newSession(PHONE);
  try {
    const { page } = s;
    await openService(page, 'permanent-residence-registration');
    await page.getByText('Bạn chỉ có địa chỉ cũ (trước ngày 1/7/2025)?').click();
    const find = page.getByRole('button', { name: 'Tìm địa chỉ mới' });

    // Submitting nothing explains what is missing and moves focus to it.
    await find.click();
    await page.locator('.error-message').first().waitFor();
    assert.deepEqual(await page.locator('.error-message').allTextContents(), [
      'Lỗi: Nhập tên phường, xã hoặc thị trấn cũ',
      'Lỗi: Nhập tên tỉnh, thành phố cũ',
    ]);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'where-old-ward');
    await expectAccessible(page, 'old address with errors');

    await page.getByLabel('Phường, xã, thị trấn cũ').fill('Phường Trúc Bạch');
    await page.getByLabel('Quận, huyện, thị xã cũ (nếu biết)').fill('quan ba dinh');
    await page.getByLabel('Tỉnh, thành phố cũ').fill('Hà Nội');
    // Enter in a field runs the lookup, as a form would.
    await page.getByLabel('Tỉnh, thành phố cũ').press('Enter');
    const use = page.getByRole('button', { name: /Dùng địa chỉ này: Phường Ba Đình, Thành phố Hà Nội/ });
    await use.waitFor();
    assert.equal(await page.locator('.error-message').count(), 0);
    assert.match(await page.locator('.legacy-address__old').textContent(), /Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội nay thuộc/);
    await expectAccessible(page, 'old address converted');

    await use.click();
    await page.locator('.legacy-address__status', { hasText: 'Đã chọn Phường Ba Đình, Thành phố Hà Nội.' }).waitFor();
    const commune = page.locator('#where-commune');
    await page.waitForFunction(() => document.querySelector('#where-commune')?.value === '00004');
    assert.equal(await page.locator('#where-province').inputValue(), '01');
    assert.equal(await commune.inputValue(), '00004');
    assert.equal(await page.locator('.where-to-submit__office').textContent(), 'Công an phường Ba Đình, thành phố Hà Nội');

    // An address that does not exist says so.
    await page.getByLabel('Phường, xã, thị trấn cũ').fill('Phường Không Có Thật');
    await find.click();
    await page.locator('.legacy-address__status', { hasText: 'Không tìm thấy địa chỉ cũ này' }).waitFor();
    await noSidewaysScroll(page, 'old address helper');
    await expectAccessible(page, 'old address not found');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('keyboard only: province, filter and commune', async () => {
  const s = await newSession(PHONE);
  try {
    const { page } = s;
    await openService(page, 'birth-registration');
    await page.locator('#where-province').focus();
    await page.locator('#where-province').selectOption('79');
    await page.locator('#where-filter').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'where-filter');
    await page.keyboard.type('con dao');
    await page.locator('#where-count', { hasText: 'phù hợp' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'where-commune');
    await page.keyboard.press('ArrowDown');
    await page.locator('.where-to-submit__office').waitFor();
    assert.equal(await page.locator('.where-to-submit__office').textContent(),
      'Ủy ban nhân dân đặc khu Côn Đảo, thành phố Hồ Chí Minh');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('a province-level service names the provincial office once a province is chosen', async () => {
  const s = await newSession(PHONE);
  try {
    const { page } = s;
    await openService(page, 'ordinary-passport');
    await page.getByLabel('Tỉnh, thành phố', { exact: true }).selectOption({ label: 'Đà Nẵng' });
    const office = page.locator('.where-to-submit__office');
    await office.waitFor();
    assert.equal(await office.textContent(), 'Phòng Quản lý xuất nhập cảnh, Công an thành phố Đà Nẵng');
    await expectAccessible(page, 'province-level service');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});
