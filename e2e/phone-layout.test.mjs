// The phone layout at 360 x 740 (issue 17), measured with bounding boxes: after a search
// the first result is on the first screen; signed in, the header is one line plus the
// account row; file and button targets are at least 44 px tall; a Change link on Check
// answers shows the question's label, not only its input. Screenshots of the first screen
// go to target/e2e-phone-*-360.png for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { signInAtProvider } from './identity.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const SCREEN = { width: 360, height: 740 };
const TARGET = 44;
// One line of the header (the brand beside the 44 px language button) plus one row for
// the account (My dossiers, the name, the 44 px sign-out button: a signed-in person's
// menu), with 32 px for the padding, the gap between the rows and the accent border:
// 44 + 44 + 32 = 120. A third row of 44 px targets could not fit. Before the fix the
// header was four rows, 226 px (with the sandbox banner, 388 px: 52% of the screen).
const HEADER_MAX = 120;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/// The element's box relative to the document (not to the current scroll position).
async function pageBox(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, height: r.height };
  });
}

/// Visible buttons, file inputs and button-like links on the page shorter than 44 px.
async function smallTargets(page) {
  return page.evaluate((min) => [...document.querySelectorAll('button, input[type=file], .button, .chip')]
    .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => ({ what: `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || el.id).trim()}"`, height: el.getBoundingClientRect().height }))
    .filter((t) => t.height < min), TARGET);
}

test('360 px: the first result after a search is on the first screen', async () => {
  const s = await newSession({ viewport: SCREEN });
  try {
    const { page } = s;
    await page.goto(server.url + '/');
    await appReady(page);
    await page.waitForSelector('.service-item');
    await page.getByLabel('Tìm dịch vụ công').fill('dang ky khai sinh');
    await page.waitForURL(/\?q=dang\+ky\+khai\+sinh$/);
    await page.waitForFunction(() => document.querySelector('.service-list .service-item__name')?.textContent === 'Đăng ký khai sinh');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'target/e2e-phone-search-360.png' });
    const first = await pageBox(page.locator('.service-list .service-item__name').first());
    console.log(`first result's name: top ${first.top} px, bottom ${first.bottom} px`);
    assert.ok(first.bottom <= SCREEN.height, `the first result's name ends at ${first.bottom} px, below the first screen (${SCREEN.height} px)`);
    assert.deepEqual(await smallTargets(page), []);
    // The chips and filters folded, not gone: opened, they stay open while the query changes.
    assert.equal(await page.locator('.life-events').isVisible(), false);
    await page.locator('summary', { hasText: 'Lọc kết quả' }).click();
    await page.getByLabel('Cấp thực hiện').waitFor();
    await page.getByLabel('Tìm dịch vụ công').fill('dang ky khai tu');
    await page.waitForURL(/\?q=dang\+ky\+khai\+tu$/);
    assert.equal(await page.getByLabel('Cấp thực hiện').isVisible(), true);
    await expectAccessible(page, 'catalogue with a query at 360 px');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('360 px: a compact signed-in header, 44 px targets, and Change shows the question', async () => {
  const s = await newSession({ viewport: SCREEN });
  try {
    const { page } = s;
    await page.goto(server.url + '/services/old-id-number-confirmation/apply');
    await appReady(page);
    await page.waitForURL('**/apply/applicant');
    await page.getByRole('link', { name: 'Đăng nhập' }).first().click();
    await signInAtProvider(page, 'Nguyễn Văn An', server.url);
    await page.waitForURL('**/apply/applicant');
    await appReady(page);
    await page.waitForSelector('.header__account form');
    await page.screenshot({ path: 'target/e2e-phone-header-360.png' });
    const header = await pageBox(page.locator('.header'));
    const banner = await pageBox(page.locator('#sandbox-banner'));
    console.log(`signed-in header: ${header.height} px; sandbox banner: ${banner.height} px`);
    assert.ok(header.height <= HEADER_MAX, `the signed-in header is ${header.height} px tall (at most ${HEADER_MAX})`);
    assert.deepEqual(await smallTargets(page), []);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // The file step: the file input and every button, before and after an upload.
    await page.waitForURL('**/apply/old_card');
    await page.getByLabel('Có').check();
    const file = page.locator('input[type=file]');
    console.log(`file input: ${(await pageBox(file)).height} px`);
    assert.deepEqual(await smallTargets(page), []);
    await file.setInputFiles({ name: 'cmnd-cu.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.waitForSelector('.file-list__item:has-text("cmnd-cu.pdf") .tag');
    await file.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'target/e2e-phone-file-360.png' });
    assert.deepEqual(await smallTargets(page), []);
    await expectAccessible(page, 'file step at 360 px');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.waitForURL('**/apply/result');
    await page.selectOption('#f-agency_commune-province', '01');
    await page.waitForSelector('#f-agency_commune-commune option[value="00004"]', { state: 'attached' });
    await page.selectOption('#f-agency_commune-commune', '00004');
    await page.locator('.radios__input').first().check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForURL('**/apply/declaration');
    await page.locator('#f-declaration').check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForURL('**/apply/check');
    await page.waitForSelector('.submit button');
    assert.deepEqual(await smallTargets(page), []);

    // Change a question whose input is well down its step: the label stays on the screen.
    await page.locator('a[href*="/apply/result"]').last().click();
    await page.waitForURL('**/apply/result?**');
    await page.waitForFunction(() => document.activeElement?.closest('.question-form'));
    const question = page.locator('.question-group > *:has(:focus)');
    const label = question.locator('legend, label').first();
    const labelText = (await label.textContent()).trim();
    const inView = await label.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    await page.screenshot({ path: 'target/e2e-phone-change-360.png' });
    console.log(`after Change, "${labelText}": top ${inView.top} px, bottom ${inView.bottom} px of the screen`);
    assert.ok(inView.top >= 0 && inView.bottom <= SCREEN.height, `the label "${labelText}" is off the screen (${inView.top}..${inView.bottom})`);
    await expectAccessible(page, 'changed question at 360 px');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});
