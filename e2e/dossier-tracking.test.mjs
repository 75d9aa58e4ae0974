// The tracking page in each state, at 360 px: it leads with what the person must do now
// (pay, pay again, add documents before the deadline) or where the dossier stands
// (waiting, rejected with the reason, approved, result ready), in that state's colour,
// with the timeline below. Dossiers are filed over the API with the shared generator's
// answers (`catalog-tool cases`) and moved by a dossier officer, as the agency would.
// Every page is scanned by axe; console errors fail the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cases } from './cases.mjs';
import { startServer } from './server.mjs';
import { signInAtProvider } from './identity.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });


async function signIn(page, name) {
  await page.goto(`${server.url}/auth/sign-in?return_to=/`);
  await signInAtProvider(page, name, server.url);
  await page.waitForURL(server.url + '/');
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const HEADERS = () => ({ 'X-Portal-Request': '1', Origin: server.url });

/// Files a generated case (one without uploads) as the signed-in citizen; the dossier.
async function file(page, c) {
  const r = await page.request.post(`${server.url}/api/v1/dossiers`, {
    headers: { ...HEADERS(), 'Idempotency-Key': `tracking-${c.service_id}-${Math.random()}` },
    data: { service_id: c.service_id, applicant: 'citizen', answers: c.answers, attachments: [] },
  });
  assert.ok(r.ok(), `${c.service_id}: ${r.status()} ${await r.text()}`);
  const receipt = await r.json();
  return (await page.request.get(`${server.url}/api/v1/dossiers/${encodeURIComponent(receipt.code)}`)).json();
}

async function staffMove(browser, code, status, reason) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, 'Đỗ Thu Hà');
  const r = await ctx.request.post(`${server.url}/api/v1/staff/dossiers/${encodeURIComponent(code)}/status`, {
    headers: HEADERS(),
    data: reason ? { status, reason } : { status },
  });
  assert.equal(r.status(), 200, await r.text());
  await ctx.close();
}

/// Opens the tracking page; the panel's tone and title, and the page's text.
async function track(page, code, query = '') {
  await page.goto(`${server.url}/dossiers/${encodeURIComponent(code)}${query}`);
  await appReady(page);
  await page.waitForSelector('.panel__title');
  const tone = await page.locator('.panel').getAttribute('class');
  const title = (await page.locator('.panel__title').textContent()).trim();
  return { tone, title, main: await page.locator('main').textContent() };
}

/// The first thing in the page below the panel and the service's name: what to do now.
async function firstNotice(page) {
  return page.locator('.receipt > .notice').first();
}

const WILL_CHECK = /sẽ kiểm tra hồ sơ/;

test('tracking leads with what to do now, in the colour of each state', async () => {
  const s = await newSession();
  try {
    const { page, browser } = s;
    await signIn(page, 'Nguyễn Văn An');
    const session = await (await page.request.get(`${server.url}/api/v1/session`)).json();
    const noUploads = cases(session.prefill, 'citizen')
      .filter((c) => !JSON.stringify(c.answers).includes('"type":"files"'));
    const unpaid = [];
    const free = [];
    for (const c of noUploads) {
      if (unpaid.length >= 1 && free.length >= 3) break;
      const d = await file(page, c);
      (d.payment.status === 'unpaid' ? unpaid : free).push(d);
    }
    assert.ok(unpaid.length >= 1 && free.length >= 3, `filed ${unpaid.length} unpaid, ${free.length} free`);

    // A fee due: the amount and the pay button first, in the colour of something to do.
    const fee = unpaid[0];
    let t = await track(page, fee.code);
    assert.match(t.tone, /panel--action/);
    assert.equal(t.title, 'Chưa thanh toán');
    assert.equal(await page.locator('#pay-title').textContent(), 'Bạn cần nộp lệ phí');
    const pay = await firstNotice(page);
    assert.match(await pay.textContent(), /Số tiền cần nộp: [\d.]+ ₫/);
    await pay.getByRole('button', { name: 'Thanh toán lệ phí' }).waitFor();
    await expectAccessible(page, 'fee due');
    await page.screenshot({ path: 'target/e2e-tracking-pay-360.png', fullPage: true });

    // The payment fails: "pay again" leads, with the amount.
    await pay.getByRole('button', { name: 'Thanh toán lệ phí' }).click();
    await page.waitForURL('**/sandbox/pay/**');
    await page.getByRole('button', { name: /Thanh toán thất bại/ }).click();
    await page.waitForURL('**/dossiers/**payment=failure');
    await appReady(page);
    await page.waitForSelector('.panel--action');
    assert.equal((await page.locator('.panel__title').textContent()).trim(), 'Thanh toán chưa thành công');
    const again = await firstNotice(page);
    await again.locator('[role=alert]').waitFor();
    assert.match(await again.textContent(), /Số tiền cần nộp: [\d.]+ ₫/);
    await again.getByRole('button', { name: 'Thanh toán lại' }).waitFor();
    await expectAccessible(page, 'payment failed');
    await page.screenshot({ path: 'target/e2e-tracking-pay-again-360.png', fullPage: true });

    // Received: waiting, in the neutral colour, and what the agency does next.
    const [docs, refused, decided] = free;
    t = await track(page, docs.code);
    assert.match(t.tone, /panel--status/);
    assert.equal(t.title, 'Đã tiếp nhận');
    assert.match(t.main, WILL_CHECK);
    await expectAccessible(page, 'received');

    // Documents requested: the reason and the deadline first, the upload right there.
    await staffMove(browser, docs.code, 'in_processing');
    await staffMove(browser, docs.code, 'additional_documents_requested', 'Ảnh giấy tờ bị mờ, hãy chụp lại');
    t = await track(page, docs.code);
    assert.match(t.tone, /panel--action/);
    assert.equal(t.title, 'Cần bổ sung giấy tờ');
    const request = await firstNotice(page);
    assert.match(await request.locator('.notice__reason').textContent(), /bị mờ/);
    assert.match(await request.locator('.notice__deadline').textContent(), /Hạn bổ sung: \d\d\/\d\d\/\d{4}/);
    // (The upload's code is a chunk of its own, fetched when a request shows it.)
    await request.locator('input[type=file]').waitFor({ state: 'attached' });
    assert.equal(await request.locator('input[type=file]').count(), 1);
    // The notice's edge in the state's colour too (#944500, the action colour).
    assert.equal(await request.evaluate((n) => getComputedStyle(n).borderLeftColor), 'rgb(148, 69, 0)');
    await expectAccessible(page, 'documents requested');
    await page.screenshot({ path: 'target/e2e-tracking-documents-360.png', fullPage: true });

    // Rejected: the reason first, in red; nothing is said to come next.
    await staffMove(browser, refused.code, 'rejected', 'Người nộp không thuộc diện được giải quyết');
    t = await track(page, refused.code);
    assert.match(t.tone, /panel--bad/);
    assert.equal(t.title, 'Hồ sơ bị từ chối');
    assert.match(await (await firstNotice(page)).textContent(), /Lý do: Người nộp không thuộc diện/);
    assert.doesNotMatch(t.main, WILL_CHECK);
    await expectAccessible(page, 'rejected');
    await page.screenshot({ path: 'target/e2e-tracking-rejected-360.png', fullPage: true });

    // Approved: green, the result being prepared; the agency no longer "will check" it.
    await staffMove(browser, decided.code, 'in_processing');
    await staffMove(browser, decided.code, 'approved');
    t = await track(page, decided.code);
    assert.match(t.tone, /panel--good/);
    assert.equal(t.title, 'Hồ sơ đã được giải quyết');
    assert.doesNotMatch(t.main, WILL_CHECK, 'an approved dossier is not said to be checked');
    assert.match(await (await firstNotice(page)).textContent(), /đang chuẩn bị kết quả/);
    await expectAccessible(page, 'approved');

    // Result ready: green, how to get it; the whole timeline below, newest first.
    await staffMove(browser, decided.code, 'result_ready');
    t = await track(page, decided.code);
    assert.match(t.tone, /panel--good/);
    assert.equal(t.title, 'Hồ sơ đã có kết quả');
    assert.match(await (await firstNotice(page)).textContent(), /nhận kết quả/);
    assert.doesNotMatch(t.main, WILL_CHECK);
    const timeline = await page.locator('.timeline__what').allTextContents();
    // The hand-off to the agency sandbox runs beside the staff's moves, so its two
    // entries may come anywhere after the submission; the moves keep their order.
    const handOff = ['Đã chuyển đến hệ thống của cơ quan tiếp nhận', 'Cơ quan tiếp nhận đã nhận hồ sơ'];
    assert.deepEqual(timeline.filter((e) => !handOff.includes(e)),
      ['Đã có kết quả', 'Đã được giải quyết', 'Đang xử lý', 'Đã nộp hồ sơ trực tuyến']);
    assert.equal(timeline.at(-1), 'Đã nộp hồ sơ trực tuyến');
    await expectAccessible(page, 'result ready');
    await page.screenshot({ path: 'target/e2e-tracking-result-360.png', fullPage: true });

    // In English, the amount is grouped the English way.
    await track(page, fee.code);
    await page.locator('button.header__lang[lang]').click();
    await page.waitForSelector('.panel__title:has-text("payment did not go through")');
    assert.match(await page.locator('.notice__amount').textContent(), /^\d{1,3}(,\d{3})* ₫$/);
    assert.doesNotMatch(await page.locator('.phase-banner').textContent(), /Beta\s+Beta/);
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('my dossiers name whom each is for, so two of one service are told apart', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await signIn(page, 'Trần Thị Bình');
    const session = await (await page.request.get(`${server.url}/api/v1/session`)).json();
    const card = cases(session.prefill, 'citizen').find((c) => c.service_id === 'child-health-insurance-card');
    assert.ok(card, 'the generator files a child health insurance card');
    for (const name of ['Lê Bảo An', 'Lê Bảo Ngọc']) {
      const c = structuredClone(card);
      c.answers.child.value.full_name = name;
      await file(page, c);
    }
    await page.goto(`${server.url}/dossiers`);
    await appReady(page);
    await page.waitForSelector('.service-item__subject');
    const rows = await page.locator('.service-item').allTextContents();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /Hồ sơ cho: Lê Bảo Ngọc/);
    assert.match(rows[1], /Hồ sơ cho: Lê Bảo An/);
    await expectAccessible(page, 'my dossiers');
    await page.screenshot({ path: 'target/e2e-my-dossiers-360.png', fullPage: true });
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('"Tra cứu hồ sơ" is reached from the home page and from the footer of every page', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(server.url + '/');
    // In the page before the app has loaded, and after.
    assert.equal(await page.locator('main .lookup-link a[href="/lookup"]').count(), 1);
    await appReady(page);
    await page.waitForSelector('main .lookup-link a[href="/lookup"]');
    await expectAccessible(page, 'home');
    await page.screenshot({ path: 'target/e2e-home-lookup-360.png' });
    await page.locator('main .lookup-link a').click();
    await page.waitForURL('**/lookup');
    await appReady(page);
    await page.waitForSelector('h1:has-text("Tra cứu hồ sơ")');
    // The footer, on a service page of the portal's bundle.
    await page.goto(server.url + '/services/birth-registration');
    await appReady(page);
    await page.locator('footer').getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
    await page.waitForURL('**/lookup');
    await page.waitForSelector('h1:has-text("Tra cứu hồ sơ")');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('a refused file\'s error goes once a good file is uploaded', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await signIn(page, 'Lê Minh Châu');
    await page.goto(server.url + '/services/old-id-number-confirmation/apply');
    await appReady(page);
    await page.waitForURL('**/apply/applicant');
    await page.waitForFunction(() => document.querySelector('#f-applicant-full_name')?.value === 'Lê Minh Châu');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForURL('**/apply/old_card');
    await page.getByLabel('Có').check();
    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: 'khong-phai-pdf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await page.waitForSelector('.file-list__item--error [role=alert]');
    await input.setInputFiles({ name: 'cmnd-cu.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.waitForSelector('.file-list__item:has-text("cmnd-cu.pdf") .tag');
    assert.equal(await page.locator('.file-list__item--error').count(), 0, 'the refusal is gone');
    await expectAccessible(page, 'uploaded after a refusal');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('the same person twice in a group is refused at the repeat, with a message', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await signIn(page, 'Nguyễn Văn An');
    const session = await (await page.request.get(`${server.url}/api/v1/session`)).json();
    const c = cases(session.prefill, 'citizen').find((x) => x.service_id === 'household-health-insurance-renewal');
    assert.ok(c, 'the generator files a household health insurance renewal');
    const members = c.answers.members.value;
    members.push(structuredClone(members[0]));
    const r = await page.request.post(`${server.url}/api/v1/dossiers`, {
      headers: { ...HEADERS(), 'Idempotency-Key': `duplicate-${Math.random()}` },
      data: { service_id: c.service_id, applicant: 'citizen', answers: c.answers, attachments: [] },
    });
    assert.equal(r.status(), 422);
    const problems = (await r.json()).error.details.problems;
    const dup = problems.find((p) => p.code === 'duplicate-person');
    assert.ok(dup, JSON.stringify(problems));
    assert.equal(dup.path, `answers.members[${members.length - 1}].member`);
    assert.match(dup.message, /Người này đã có ở mục 1/);
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});
