// Catalogue search and filters in the browser: typing without diacritics, URL state,
// back button, empty results with the closest services, filters, keyboard only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const names = (page) => page.locator('.service-list .service-item__name').allTextContents();

test('search matches without diacritics, keeps the query in the URL, and back undoes it', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(server.url + '/');
    await appReady(page);
    await page.waitForSelector('.service-item');
    const all = (await names(page)).length;
    const box = page.getByLabel('Tìm dịch vụ công');
    await box.fill('dang ky khai sinh');
    await page.waitForURL(/\?q=dang\+ky\+khai\+sinh$/);
    assert.equal((await names(page))[0], 'Đăng ký khai sinh');
    await box.fill('ĐĂNG KÝ THƯỜNG TRÚ');
    // The results follow the key's own paint.
    await page.waitForFunction(() => document.querySelector('.service-list .service-item__name')?.textContent === 'Đăng ký thường trú');
    await expectAccessible(page, 'catalogue with a query');

    // A shared link restores the search.
    await page.goto(server.url + '/?q=ho+chieu');
    await appReady(page);
    await page.waitForSelector('.service-item');
    assert.equal(await box.inputValue(), 'ho chieu');
    assert.equal((await names(page))[0], 'Cấp, cấp lại, sửa đổi, bổ sung hộ chiếu phổ thông');

    // Open a result, come back: the search is still there.
    await page.getByRole('link', { name: 'Cấp, cấp lại, sửa đổi, bổ sung hộ chiếu phổ thông' }).click();
    await page.waitForURL('**/services/ordinary-passport');
    await page.goBack();
    await page.waitForURL(/\?q=ho\+chieu$/);
    await page.waitForSelector('.service-item');
    assert.equal(await box.inputValue(), 'ho chieu');
    assert.ok((await names(page)).length < all);
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('an empty result explains itself and offers the closest services', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(server.url + '/?q=khai+sinh+nuoc+ngoai+xyz');
    await appReady(page);
    await page.waitForSelector('.no-results');
    const panel = await page.locator('.no-results').textContent();
    assert.match(panel, /Không tìm thấy dịch vụ nào phù hợp với “khai sinh nuoc ngoai xyz”/);
    assert.match(panel, /Có thể bạn đang tìm/);
    assert.ok((await page.locator('.no-results .service-item__name').allTextContents()).includes('Đăng ký khai sinh'));
    await expectAccessible(page, 'empty result');
    await page.getByRole('button', { name: 'Xóa tìm kiếm và bộ lọc' }).click();
    await page.waitForURL(server.url + '/');
    assert.equal(await page.locator('.no-results').count(), 0);
  } finally { await s.close(); }
});

test('filters narrow the list, live in the URL and are undone by back', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(server.url + '/');
    await appReady(page);
    await page.waitForSelector('.service-item');
    const all = (await names(page)).length;
    await page.getByLabel('Cấp thực hiện').selectOption('province');
    await page.waitForURL(/level=province/);
    const province = await names(page);
    assert.ok(province.length >= 1 && province.length < all);
    assert.ok(province.includes('Cấp, cấp lại, sửa đổi, bổ sung hộ chiếu phổ thông'));
    await page.goBack();
    await page.waitForURL(server.url + '/');
    await page.waitForFunction((n) => document.querySelectorAll('.service-list .service-item').length === n, all);
    assert.equal(await page.getByLabel('Cấp thực hiện').inputValue(), '');
  } finally { await s.close(); }
});

test('keyboard only: search, reach a result and open it', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(server.url + '/');
    await appReady(page);
    await page.waitForSelector('.service-item');
    await page.getByLabel('Tìm dịch vụ công').focus();
    await page.keyboard.type('tam tru');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'results-count');
    // Tab from the count lands on the first result.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Đăng ký tạm trú');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/services/temporary-residence-registration');
  } finally { await s.close(); }
});

test('thirteen services found by how people type them, without diacritics or around their need', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    const expected = {
      'dang ky khai sinh': 'birth-registration', 'ho chieu': 'ordinary-passport',
      'tam tru': 'temporary-residence-registration', 'thuong tru': 'permanent-residence-registration',
      'khai tu': 'death-registration', 'ket hon': 'marriage-registration',
      'cap lai can cuoc': 'id-card-reissue', 'bang lai xe': 'driving-licence-renewal',
      'ly lich tu phap': 'judicial-record-certificate', 'tro cap that nghiep': 'unemployment-benefit',
      'dang ky thue': 'household-individual-tax-registration', 'phat nguoi': 'camera-traffic-fine-payment',
      // The words around the need ("làm", "cho con") are not required to match.
      'lam ho chieu cho con': 'ordinary-passport',
    };
    for (const [query, id] of Object.entries(expected)) {
      await page.goto(`${server.url}/?q=${encodeURIComponent(query)}`);
      await appReady(page);
      await page.waitForSelector('.service-list .service-item__link');
      const href = await page.locator('.service-list .service-item__link').first().getAttribute('href');
      assert.equal(href, `/services/${id}`, `"${query}" should find ${id} first`);
    }
    await expectAccessible(page, 'search results');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});
