// Filling in a form in the browser: GOV.UK validation on continue (error summary that
// takes focus, "Lỗi:" in the title, links to the fields), steps, back link, drafts that
// survive a reload and can be deleted, and the question gallery with every type and
// error state passing axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('the question gallery shows every type and error state and passes axe', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(server.url + '/gallery');
    await appReady(page);
    await page.waitForSelector('.gallery__example');
    const types = await page.locator('.gallery__type').count();
    assert.ok(types >= 16, `only ${types} question types`);
    assert.ok(await page.locator('.gallery__example .error-message').count() >= 20);
    await expectAccessible(page, 'gallery');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `gallery scrolls sideways by ${overflow}px`);
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('a form validates on continue, moves on, keeps a draft across reloads and deletes it', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(server.url + '/services/birth-registration');
    await appReady(page);
    await page.getByRole('button', { name: /Bắt đầu/ }).click();
    await page.waitForURL('**/apply/agency');
    await page.waitForSelector('h1:has-text("Nơi đăng ký khai sinh")');
    await expectAccessible(page, 'first step');

    // Continue with nothing: the summary takes focus, the title says "Lỗi:".
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForSelector('.error-summary');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
    assert.match(await page.title(), /^Lỗi: Nơi đăng ký khai sinh/);
    await expectAccessible(page, 'first step with errors');
    // The summary's link moves focus to the question.
    await page.locator('.error-summary a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-agency_commune-province');

    // Answer by keyboard: the province select has focus; choose with the keyboard.
    await page.selectOption('#f-agency_commune-province', '01');
    await page.waitForSelector('#f-agency_commune-commune option[value="00004"]', { state: 'attached' });
    await page.getByLabel('Lọc theo tên').fill('ba dinh').catch(() => {});
    await page.selectOption('#f-agency_commune-commune', '00004');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForURL('**/apply/applicant');
    assert.match(await page.locator('.caption').textContent(), /Bước 2\//);
    await expectAccessible(page, 'second step');

    // Type something, reload: the draft is restored.
    await page.getByLabel('Họ, chữ đệm và tên').fill('Nguyễn Thị Hoa');
    await page.waitForSelector('.draft-status p:has-text("đã được lưu")');
    await page.reload();
    await appReady(page);
    await page.waitForSelector('h1:has-text("Người đi đăng ký")');
    assert.equal(await page.getByLabel('Họ, chữ đệm và tên').inputValue(), 'Nguyễn Thị Hoa');

    // Back returns to the first step with its answer kept.
    await page.getByRole('link', { name: 'Quay lại' }).click();
    await page.waitForURL('**/apply/agency');
    await page.waitForFunction(() => document.querySelector('#f-agency_commune-commune')?.value === '00004');

    // Deleting the draft starts again.
    await page.getByRole('button', { name: 'Xóa bản nháp và làm lại từ đầu' }).click();
    await page.waitForURL('**/apply/agency');
    await page.waitForFunction(() => document.querySelector('#f-agency_commune-province')?.value === '');
    assert.equal(await page.evaluate(() => localStorage.getItem('portal.draft.birth-registration')), null);
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('English form text and errors, at 320 px without sideways scrolling', async () => {
  const s = await newSession({ viewport: { width: 320, height: 640 } });
  try {
    const { page } = s;
    await page.goto(server.url + '/services/birth-registration/apply/child');
    await appReady(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForSelector('h1');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('.error-summary');
    assert.match(await page.locator('.error-summary__title').textContent(), /There is a problem/);
    assert.match(await page.title(), /^Error: /);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `step scrolls sideways by ${overflow}px`);
    await expectAccessible(page, 'step with errors in English');
  } finally { await s.close(); }
});

test('the service page says how long the form takes and what to have ready; each step lists the steps and the helpline', async () => {
  const s = await newSession({ viewport: { width: 360, height: 740 } });
  try {
    const { page } = s;
    await page.goto(server.url + '/services/birth-registration');
    await appReady(page);
    const before = page.locator('.before-start');
    await before.waitFor();
    assert.match(await before.textContent(), /Điền tờ khai mất khoảng \d+ phút \(\d+ câu hỏi\)/);
    const files = await before.locator('li').allTextContents();
    assert.ok(files.includes('Giấy chứng sinh'), `documents listed: ${files}`);
    assert.ok(files.some((f) => f.endsWith('(nếu được hỏi)')), 'documents asked only in some cases say so');
    await expectAccessible(page, 'before you start');

    await page.getByRole('button', { name: /Bắt đầu/ }).click();
    await page.waitForURL('**/apply/agency');
    await page.waitForSelector('.form-help');
    assert.match(await page.locator('.form-help').textContent(), /18001096/);
    // The step list is folded; opened, it marks this step and names the later ones.
    await page.locator('.step-list summary').click();
    const current = page.locator('.step-list__item[aria-current="step"]');
    assert.equal((await current.textContent()).trim(), 'Nơi đăng ký khai sinh');
    assert.equal(await page.locator('.step-list__item a').count(), 0, 'nothing done yet');
    assert.match(await page.locator('.step-list').textContent(), /Kiểm tra câu trả lời và nộp/);
    await expectAccessible(page, 'step list open');

    await page.selectOption('#f-agency_commune-province', '01');
    await page.waitForSelector('#f-agency_commune-commune option[value="00004"]', { state: 'attached' });
    await page.selectOption('#f-agency_commune-commune', '00004');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForURL('**/apply/applicant');
    await page.locator('h1:has-text("Người đi đăng ký")').waitFor();
    // Opened once, the list stays open on the next step.
    await page.locator('.step-list').evaluate((d) => { d.open = true; });
    // The step done is a link back.
    const done = page.locator('.step-list__item a', { hasText: 'Nơi đăng ký khai sinh' });
    await done.click();
    await page.waitForURL('**/apply/agency');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});
