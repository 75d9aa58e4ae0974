// Feedback from any form page: the link names the page, the form is checked like every
// form (error summary, focus), the server keeps it, and a dossier officer reads it on
// /staff/feedback. The phase banner links to the same page. Every page is scanned by axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { signInAtProvider } from './identity.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('feedback from a form step reaches the staff page', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    const step = '/services/old-id-number-confirmation/apply/applicant';
    await page.goto(server.url + step);
    await appReady(page);
    // The banner's link and the form's help both lead to feedback about this page.
    const banner = page.locator('.phase-banner a');
    assert.equal(await banner.getAttribute('href'), `/feedback?from=${encodeURIComponent(step)}`);
    await page.getByRole('link', { name: 'Góp ý về trang này' }).click();
    await page.waitForURL('**/feedback?from=*');
    await page.getByRole('heading', { level: 1, name: 'Góp ý về Cổng Dịch vụ công' }).waitFor();
    await expectAccessible(page, 'feedback form');

    // Nothing typed, then a bad email: the error summary, as on every form.
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await page.waitForSelector('.error-summary');
    assert.match(await page.locator('.error-summary').textContent(), /Nhập góp ý của bạn/);
    await page.locator('#f-message').fill('Ô chọn tỉnh quá nhỏ trên điện thoại của tôi.');
    await page.locator('#f-email').fill('not an email');
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await page.waitForSelector('.error-summary a[href="#f-email"]');
    await expectAccessible(page, 'feedback with an error');
    await page.locator('#f-email').fill('an@example.vn');
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn bạn đã góp ý' }).waitFor();
    await expectAccessible(page, 'feedback sent');
    await page.getByRole('link', { name: 'Quay lại trang bạn đang xem' }).click();
    await page.waitForURL('**' + step);

    // A dossier officer reads it.
    const staffCtx = await s.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const staff = await staffCtx.newPage();
    await staff.goto(`${server.url}/auth/sign-in?return_to=/staff/feedback`);
    await signInAtProvider(staff, 'Đỗ Thu Hà', server.url);
    await staff.waitForURL('**/staff/feedback');
    await appReady(staff);
    const item = staff.locator('.service-item', { hasText: 'Ô chọn tỉnh quá nhỏ' });
    await item.waitFor();
    const text = await item.textContent();
    assert.match(text, new RegExp(step.replaceAll('/', '\\/')));
    assert.match(text, /an@example\.vn/);
    assert.match(text, /người gửi chưa đăng nhập/);
    // The staff pages' navigation, by role (this officer also edits the catalogue).
    const nav = staff.getByRole('navigation', { name: 'Khu vực cán bộ' });
    assert.deepEqual(await nav.getByRole('link').allTextContents(),
      ['Danh mục dịch vụ', 'Chuyển hồ sơ đến cơ quan', 'Góp ý của người dùng']);
    assert.equal(await nav.getByRole('link', { name: 'Góp ý của người dùng' }).getAttribute('aria-current'), 'page');
    await expectAccessible(staff, 'staff feedback');
    await staffCtx.close();
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
