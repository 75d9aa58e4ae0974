// The 25 integrated online services of Directive 24/CT-TTg: the catalogue's "25" filter
// (?list=25), the page listing them in the directive's order with their item numbers, and
// the four procedures done only inside the two linked groups.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const names = (page) => page.locator('.service-list .service-item__name').allTextContents();

test('the "25" filter keeps the 25 services, lives in the URL and leads to the list in order', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(server.url + '/');
    await appReady(page);
    await page.waitForSelector('.service-item');
    const all = (await names(page)).length;
    await page.getByLabel('Chỉ 25 dịch vụ công trực tuyến tích hợp').check();
    await page.waitForURL(/\?list=25$/);
    await page.waitForFunction(() => document.querySelector('#results-count')?.textContent.trim() === '25 dịch vụ');
    const listed = await names(page);
    assert.equal(listed.length, 25);
    assert.ok(all > 25, `the whole catalogue has ${all} services`);
    // The bundle-only procedures are not among the 25.
    for (const part of ['Giải quyết mai táng phí', 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi']) {
      assert.ok(!listed.includes(part), part);
    }
    assert.match(await page.locator('#filter-directive24-hint').textContent(), /Chỉ thị 24\/CT-TTg/);
    await expectAccessible(page, 'catalogue, the 25 only');

    // A shared link restores the filter.
    await page.goto(server.url + '/?list=25');
    await appReady(page);
    await page.waitForSelector('.service-item');
    assert.equal(await page.getByLabel('Chỉ 25 dịch vụ công trực tuyến tích hợp').isChecked(), true);
    assert.equal((await names(page)).length, 25);

    // The list in the directive's order.
    await page.getByRole('link', { name: 'Xem 25 dịch vụ theo thứ tự trong Chỉ thị' }).click();
    await page.waitForURL('**/integrated-services');
    await page.waitForSelector('#integrated-services li');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '25 dịch vụ công trực tuyến tích hợp');
    assert.match(await page.locator('.lead').textContent(), /Chỉ thị 24\/CT-TTg/);
    const items = page.locator('#integrated-services > li');
    assert.equal(await items.count(), 25);
    const numbers = await items.evaluateAll((lis) => lis.map((li) => li.value));
    assert.deepEqual(numbers, Array.from({ length: 25 }, (_, i) => i + 1));
    assert.match(await items.nth(8).textContent(), /hộ chiếu phổ thông/);
    assert.match(await items.nth(9).textContent(), /lý lịch tư pháp/);
    assert.match(await items.nth(16).textContent(), /Liên thông/);

    // The four procedures done inside a linked group, each with its group.
    const parts = page.locator('[aria-labelledby="bundle-parts-title"] > li');
    assert.equal(await parts.count(), 4);
    const partTexts = await parts.allTextContents();
    assert.ok(partTexts.some((t) => /mai táng phí/.test(t) && /khai tử/i.test(t)), partTexts.join(' | '));
    assert.ok(partTexts.some((t) => /dưới 6 tuổi/.test(t) && /khai sinh/i.test(t)), partTexts.join(' | '));
    await expectAccessible(page, 'the 25 integrated services');

    // A service page names its item and links back to the list.
    await items.nth(8).getByRole('link').click();
    await page.waitForURL('**/services/ordinary-passport');
    const item = page.getByRole('link', { name: /Mục 9 trong 25 dịch vụ công trực tuyến tích hợp/ });
    await item.waitFor();
    await item.click();
    await page.waitForURL('**/integrated-services');
    await page.waitForSelector('#integrated-services li');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});
