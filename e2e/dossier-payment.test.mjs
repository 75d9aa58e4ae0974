// A service with a fee, end to end at 360 px: start anonymously, sign in at the sandbox
// (the draft survives), submit (a double click files one dossier), read the
// confirmation, pay (failure, then retry, then success), staff ask for documents, the
// citizen adds one from the tracking page, staff approve; public lookup with wrong then
// right credentials; and a submission made offline is sent once when back online.
// Every page is scanned by axe; console errors fail the test (expected refusals aside).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { signInAtProvider } from './identity.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const SERVICE = 'temporary-residence-registration';

/// Console errors other than the ones a test provokes on purpose (a refused lookup is a
/// 404 the browser logs; an offline fetch logs a network error).
function unexpected(errors, allowed = []) {
  return errors.filter((e) => !allowed.some((re) => re.test(e)));
}

/// At the local OpenID provider, where the portal sent the browser.
async function signIn(page, name) {
  await signInAtProvider(page, name, server.url);
}

async function staffMove(browser, code, status, reason) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${server.url}/auth/sign-in?return_to=/`);
  await signIn(page, 'Đỗ Thu Hà');
  await page.waitForURL(server.url + '/');
  const r = await ctx.request.post(`${server.url}/api/v1/staff/dossiers/${encodeURIComponent(code)}/status`, {
    headers: { 'X-Portal-Request': '1', Origin: server.url },
    data: reason ? { status, reason } : { status },
  });
  assert.equal(r.status(), 200, await r.text());
  await ctx.close();
}

async function myDossierCount(page) {
  return page.evaluate(async () => (await (await fetch('/api/v1/dossiers')).json()).dossiers.length);
}

async function next(page) {
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
}

/// Answers every step of the temporary residence form after the (prefilled) applicant.
async function fillTemporaryResidence(page) {
  await page.waitForURL('**/apply/request');
  await page.getByLabel('Đăng ký tạm trú', { exact: true }).check();
  await page.getByLabel(/Cho tôi, có thể cùng người trong gia đình/).check();
  await next(page);

  await page.waitForURL('**/apply/address');
  await page.selectOption('#f-temporary_address-province', '01');
  await page.waitForSelector('#f-temporary_address-commune option[value="00004"]', { state: 'attached' });
  await page.selectOption('#f-temporary_address-commune', '00004');
  await page.locator('#f-temporary_address-street').fill('Số 5 ngõ 12 Quán Thánh');
  await page.locator('#f-stay_until').fill('31/12/2099');
  await page.getByLabel('Nhà của tôi').check();
  await next(page);

  await page.waitForURL('**/apply/household');
  await page.getByLabel('Lập hộ mới, tôi là chủ hộ').check();
  await next(page);

  await page.waitForURL('**/apply/family');
  await page.locator('#f-family_registering-1').check();
  await next(page);

  await page.waitForURL('**/apply/documents');
  await page.locator('#f-proof_in_database-1').check();
  await page.locator('input[type=file]').setInputFiles({ name: 'hop-dong.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.waitForSelector('.file-list__item:has-text("hop-dong.pdf") .tag');
  await next(page);

  // Not in an exempt group: the fee is due.
  await page.waitForURL('**/apply/fee');
  await page.getByLabel('Không thuộc các trường hợp trên').check();
  await next(page);

  await page.waitForURL('**/apply/declaration');
  await page.locator('#f-declaration').check();
  await next(page);
  await page.waitForURL('**/apply/check');
  await page.waitForSelector('.submit button');
}

test('temporary residence: sign in mid-draft, submit once, pay after a failure, add documents, approval, lookup', async () => {
  const s = await newSession();
  try {
    const { page, browser } = s;
    await page.goto(`${server.url}/services/${SERVICE}/apply`);
    await appReady(page);
    await page.waitForURL('**/apply/applicant');
    // Something typed before signing in survives the round trip to the identity provider.
    await page.locator('#f-phone').fill('0912345678');
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes('0912345678'), `portal.draft.${SERVICE}`);
    await expectAccessible(page, 'applicant step, signed out');
    await page.locator('.header__account').getByRole('link', { name: 'Đăng nhập' }).click();
    await signIn(page, 'Nguyễn Văn An');
    await page.waitForURL('**/apply/applicant');
    await appReady(page);
    await page.waitForSelector('.header__account:has-text("Nguyễn Văn An")');
    assert.equal(await page.locator('#f-phone').inputValue(), '0912345678', 'the draft survived sign-in');
    await page.waitForFunction(() => document.querySelector('#f-applicant-full_name')?.value === 'Nguyễn Văn An');
    await expectAccessible(page, 'applicant step, prefilled');
    await next(page);
    await fillTemporaryResidence(page);
    assert.match(await page.locator('main').textContent(), /7\.000 ₫/);
    await expectAccessible(page, 'check answers');
    await page.screenshot({ path: 'target/e2e-check-answers-360.png', fullPage: true });

    // A double click files exactly one dossier.
    await page.locator('.submit button').dblclick();
    await page.waitForURL('**/dossiers/**');
    await page.waitForSelector('.panel__code');
    const code = (await page.locator('.panel__code').textContent()).trim();
    assert.match(code, /H99-\d{6}-\d{4}$/);
    assert.equal(await page.locator('.panel__title').textContent(), 'Hồ sơ đã được gửi');
    assert.equal(await myDossierCount(page), 1, 'exactly one dossier');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), `portal.draft.${SERVICE}`), null, 'draft removed');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), `portal.submit.${SERVICE}`), null, 'nothing pending');
    const main = await page.locator('main').textContent();
    assert.match(main, /Tối đa 3 ngày làm việc/);
    assert.match(main, /Công an cấp xã/);
    assert.match(main, /18001096/);
    const secret = (await page.locator('.code').textContent()).trim();
    await page.getByRole('button', { name: 'In biên nhận' }).waitFor();
    await expectAccessible(page, 'confirmation');
    await page.screenshot({ path: 'target/e2e-confirmation-360.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.header__account').isVisible(), false, 'print hides the header account');
    assert.equal(await page.locator('.receipt__printed').isVisible(), true, 'print shows the receipt heading');
    await page.emulateMedia({ media: 'screen' });

    // Pay: the provider fails, the citizen tries again, then it succeeds.
    await page.getByRole('button', { name: 'Thanh toán lệ phí' }).click();
    await page.waitForURL('**/sandbox/pay/**');
    await page.getByRole('button', { name: /Thanh toán thất bại/ }).click();
    await page.waitForURL('**/dossiers/**payment=failure');
    await appReady(page);
    await page.waitForSelector('.notice--action [role=alert]');
    await page.getByRole('button', { name: 'Thanh toán lại' }).waitFor();
    await expectAccessible(page, 'payment failed');
    await page.getByRole('button', { name: 'Thanh toán lại' }).click();
    await page.waitForURL('**/sandbox/pay/**');
    await page.getByRole('button', { name: /Thanh toán thành công/ }).click();
    await page.waitForURL('**/dossiers/**payment=success');
    await appReady(page);
    await page.waitForSelector('.payment-status:has-text("Đã thanh toán")');
    assert.equal(await page.getByRole('button', { name: /Thanh toán/ }).count(), 0, 'nothing left to pay');
    assert.match(await page.locator('.timeline').textContent(), /Thanh toán không thành công/);

    // Staff ask for more documents: reason and deadline at the top, upload right there.
    await staffMove(browser, code, 'in_processing');
    await staffMove(browser, code, 'additional_documents_requested', 'Hợp đồng thuê nhà bị mờ, hãy chụp lại');
    await page.goto(`${server.url}/dossiers/${encodeURIComponent(code)}`);
    await appReady(page);
    await page.waitForSelector('.notice--action');
    assert.match(await page.locator('.notice__reason').textContent(), /bị mờ/);
    assert.match(await page.locator('.notice__deadline').textContent(), /Hạn bổ sung: \d\d\/\d\d\/\d{4}/);
    assert.equal(await page.locator('.panel--action .panel__title').textContent(), 'Cần bổ sung giấy tờ');
    await expectAccessible(page, 'documents requested');
    await page.screenshot({ path: 'target/e2e-documents-requested-360.png', fullPage: true });
    await page.locator('.notice--action input[type=file]').setInputFiles({ name: 'hop-dong-ro.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.waitForSelector('.notice--action .file-list__item:has-text("hop-dong-ro.pdf") .tag');
    await page.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
    await page.waitForFunction(() => !document.querySelector('.notice--action'));
    assert.match(await page.locator('.status .tag').textContent(), /Đang xử lý/);

    await staffMove(browser, code, 'approved');
    await page.reload();
    await appReady(page);
    await page.waitForSelector('.status .tag--good');
    assert.match(await page.locator('.status').textContent(), /Đã được giải quyết/);

    // My dossiers lists it.
    await page.locator('.header__account').getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.waitForSelector(`.service-item__name:has-text("${code}")`);
    await expectAccessible(page, 'my dossiers');
    assert.deepEqual(unexpected(s.errors), []);

    // Public lookup: a wrong ID number, then the lookup secret.
    const anon = await newSession();
    try {
      const p2 = anon.page;
      await p2.goto(server.url + '/lookup');
      await appReady(p2);
      await p2.getByRole('button', { name: 'Tra cứu' }).click();
      await p2.waitForSelector('.error-summary');
      assert.match(await p2.title(), /^Lỗi: /);
      await p2.getByLabel('Mã hồ sơ').fill(code);
      await p2.getByLabel(/Số định danh cá nhân của người nộp/).fill('001085099999');
      await p2.getByRole('button', { name: 'Tra cứu' }).click();
      await p2.waitForSelector('.error-summary:has-text("Không tìm thấy hồ sơ")');
      await expectAccessible(p2, 'lookup refused');
      await p2.getByLabel(/Số định danh cá nhân của người nộp/).fill(secret.toLowerCase());
      await p2.getByRole('button', { name: 'Tra cứu' }).click();
      await p2.waitForSelector('.status .tag--good');
      assert.equal(await p2.locator('.code').count(), 0, 'the secret is not shown to the public');
      assert.equal(await p2.locator('input[type=file]').count(), 0);
      await expectAccessible(p2, 'public lookup');
      await p2.screenshot({ path: 'target/e2e-lookup-360.png', fullPage: true });
      assert.deepEqual(unexpected(anon.errors, [/status of 404/]), []);
    } finally { await anon.close(); }
  } finally { await s.close(); }
});

test('offline: the submission waits on the device and is sent once when back online', async () => {
  const s = await newSession();
  try {
    const { page, context } = s;
    await page.goto(`${server.url}/auth/sign-in?return_to=${encodeURIComponent(`/services/${SERVICE}/apply`)}`);
    await signIn(page, 'Trần Thị Bình');
    await page.waitForURL('**/apply/applicant');
    await appReady(page);
    await page.waitForFunction(() => document.querySelector('#f-applicant-full_name')?.value === 'Trần Thị Bình');
    await page.locator('#f-phone').fill('0987654321');
    await next(page);
    await fillTemporaryResidence(page);
    const before = await myDossierCount(page);

    await context.setOffline(true);
    await page.locator('.submit button').click();
    await page.waitForSelector('.submit .notice[role=status]:has-text("Chưa có kết nối mạng")');
    assert.ok(await page.evaluate((k) => localStorage.getItem(k), `portal.submit.${SERVICE}`), 'kept on the device');
    await expectAccessible(page, 'waiting offline');
    await page.screenshot({ path: 'target/e2e-offline-360.png', fullPage: true });

    await context.setOffline(false);
    await page.waitForURL('**/dossiers/**');
    await page.waitForSelector('.panel__code');
    assert.equal(await myDossierCount(page), before + 1, 'sent exactly once');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), `portal.submit.${SERVICE}`), null);
    assert.deepEqual(unexpected(s.errors, [/ERR_INTERNET_DISCONNECTED/]), []);
  } finally { await s.close(); }
});
