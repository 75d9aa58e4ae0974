// A citizen's whole journey in the browser: fill a form anonymously, sign in at the
// sandbox identity provider (the draft survives, the applicant block is prefilled and
// locked), upload a file, submit (a double click files one dossier), read the
// confirmation, then follow the dossier as staff ask for more documents, add them from
// the tracking page, and look it up publicly. Every page is scanned by axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { signInAtProvider } from './identity.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

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

test('fill, sign in, upload, submit once, confirm, add requested documents, look up', async () => {
  const s = await newSession();
  try {
    const { page, browser } = s;
    // Anonymous: the form can be started and answered; signing in is asked before submit.
    await page.goto(server.url + '/services/old-id-number-confirmation/apply');
    await appReady(page);
    await page.waitForURL('**/apply/applicant');
    await page.getByRole('link', { name: 'Đăng nhập' }).first().click();
    await signIn(page, 'Nguyễn Văn An');
    await page.waitForURL('**/apply/applicant');
    await appReady(page);
    // Prefilled from the identity and locked.
    await page.waitForFunction(() => document.querySelector('#f-applicant-full_name')?.value === 'Nguyễn Văn An');
    assert.equal(await page.locator('#f-applicant-full_name').getAttribute('readonly'), '');
    await expectAccessible(page, 'prefilled step');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.waitForURL('**/apply/old_card');
    await page.getByLabel('Có').check();
    await page.locator('input[type=file]').setInputFiles({ name: 'cmnd-cu.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.waitForSelector('.file-list__item:has-text("cmnd-cu.pdf") .tag');
    await expectAccessible(page, 'uploaded file');
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
    await expectAccessible(page, 'check answers');
    // The code of the confirmation and My dossiers, a chunk of the form's bundle, comes
    // while the person checks; after Send the page draws them at once, with nothing
    // more to fetch.
    await page.waitForFunction(() => performance.getEntriesByType('resource')
      .some((e) => /\/portal-form-after-send-[0-9a-f]{16}\.wasm$/.test(e.name) && e.responseEnd > 0));
    const wasmAfterSend = [];
    page.on('request', (r) => {
      const file = new URL(r.url()).pathname;
      if (file.endsWith('.wasm')) wasmAfterSend.push(file.replace(/-[0-9a-f]{16}\.wasm$/, ''));
    });
    const loads = [];
    page.on('load', () => loads.push(page.url()));
    // Double click: one dossier.
    await page.locator('.submit button').dblclick();
    await page.waitForURL('**/dossiers/**');
    await page.waitForSelector('.panel__code');
    const code = (await page.locator('.panel__code').textContent()).trim();
    assert.match(code, /^[0-9.]+H99-\d{6}-\d{4}$/);
    assert.match(await page.title(), /^Hồ sơ đã được gửi/);
    // A new page to the person: focus is on its content, not on the gone Send button.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
    await expectAccessible(page, 'confirmation');
    assert.deepEqual(loads, [], 'the confirmation is drawn by the page, not loaded');
    assert.deepEqual(wasmAfterSend, [], 'no code to fetch after Send');
    const mine = await page.evaluate(async () => (await (await fetch('/api/v1/dossiers')).json()).dossiers.length);
    assert.equal(mine, 1, 'exactly one dossier');
    assert.equal(await page.evaluate(() => localStorage.getItem('portal.draft.old-id-number-confirmation')), null);

    // The receipt to keep: a PDF from the confirmation page, for this dossier.
    const receipt = page.locator('a.receipt__download');
    const href = await receipt.getAttribute('href');
    assert.equal(href, `/api/v1/dossiers/${encodeURIComponent(code)}/receipt`);
    const pdf = await page.request.get(server.url + href);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-');

    // My dossiers, from the confirmation, is drawn by the page too; its dossier links
    // and back stay in the page.
    await page.locator('main').getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.waitForURL(server.url + '/dossiers');
    await page.waitForSelector(`.service-item__name:has-text("${code}")`);
    // It names the service, not its id.
    assert.equal(
      (await page.locator('.service-item__service').first().textContent()).trim(),
      'Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân',
    );
    await page.locator('.service-item__name a', { hasText: code }).click();
    await page.waitForURL(`**/dossiers/${encodeURIComponent(code)}`);
    await page.waitForSelector('.panel__code');
    await page.goBack();
    await page.waitForSelector(`.service-item__name:has-text("${code}")`);
    assert.deepEqual(loads, []);
    assert.deepEqual(wasmAfterSend, []);
    // The dossier's page as the server sends it (a tracking link), in the citizen's bundle.
    await page.goto(`${server.url}/dossiers/${encodeURIComponent(code)}`);
    await appReady(page);
    await page.waitForSelector('.panel__code');

    // Staff ask for more documents; the reason is at the top of the tracking page.
    await staffMove(browser, code, 'in_processing');
    await staffMove(browser, code, 'additional_documents_requested', 'Ảnh chụp CMND cũ bị mờ, hãy chụp lại');
    await page.reload();
    await appReady(page);
    await page.waitForSelector('.notice--action');
    assert.match(await page.locator('.notice--action').textContent(), /bị mờ/);
    // The deadline shown is the one the server fixed with the request.
    const due = await page.evaluate(async (c) =>
      (await (await fetch(`/api/v1/dossiers/${encodeURIComponent(c)}`)).json()).documents_requested.due, code);
    const [y, m, d] = due.split('-');
    assert.match(await page.locator('.notice__deadline').textContent(), new RegExp(`Hạn bổ sung: ${d}/${m}/${y} \\(7 ngày làm việc`));
    await expectAccessible(page, 'documents requested');
    await page.locator('.notice--action input[type=file]').setInputFiles({ name: 'cmnd-ro.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.waitForSelector('.notice--action .file-list__item:has-text("cmnd-ro.pdf") .tag');
    await page.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
    await page.waitForFunction(() => !document.querySelector('.notice--action'));
    assert.match(await page.locator('.tag--status').textContent(), /Đang xử lý/);

    // Public lookup: wrong, then right credentials.
    const anon = await newSession();
    try {
      const p2 = anon.page;
      await p2.goto(server.url + '/lookup');
      await appReady(p2);
      await p2.getByLabel('Mã hồ sơ').fill(code);
      await p2.getByLabel(/Số định danh cá nhân của người nộp/).fill('001085099999');
      await p2.getByRole('button', { name: 'Tra cứu' }).click();
      await p2.waitForSelector('.error-summary:has-text("Không tìm thấy hồ sơ")');
      await p2.getByLabel(/Số định danh cá nhân của người nộp/).fill('001085012345');
      await p2.getByRole('button', { name: 'Tra cứu' }).click();
      await p2.waitForSelector('.tag--status');
      await expectAccessible(p2, 'public lookup');
    } finally { await anon.close(); }
  } finally { await s.close(); }
});
