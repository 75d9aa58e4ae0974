// The whole loop with the agency, in Chromium: a citizen files a birth registration; the
// agency sandbox's officer (its own web page, a real process beside the portal) sees it
// once, asks for a document; the citizen sees the request and its deadline on the
// tracking page and uploads it there; the officer sees the document arrive, approves
// with a result document; the citizen sees the result and downloads it. Every page,
// the officer's included, is scanned by axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cases } from './cases.mjs';
import { startServer } from './server.mjs';
import { signInAtProvider } from './identity.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const PDF = (text) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);


/// Waits for `check` to hold, reloading `page` between looks (the officer's page is
/// server-rendered, the portal's tracking page reads the API when it opens).
async function eventually(page, what, check, seconds = 20) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`${what}: not within ${seconds} s\n${server.log().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 300));
    await page.reload();
  }
}

test('file a birth registration; the agency asks for a document, gets it, decides; the citizen downloads the result', async () => {
  const s = await newSession();
  const officer = await newSession();
  try {
    const { page } = s;
    await page.goto(`${server.url}/auth/sign-in?return_to=/`);
    await signInAtProvider(page, 'Nguyễn Văn An', server.url);
    await page.waitForURL(server.url + '/');
    const headers = { 'X-Portal-Request': '1', Origin: server.url };

    // Filed with the shared generator's answers, its birth notice uploaded for real.
    const session = await (await page.request.get(`${server.url}/api/v1/session`)).json();
    const c = cases(session.prefill, 'citizen').find((x) => x.service_id === 'birth-registration');
    let answers = JSON.stringify(c.answers);
    const attachments = [];
    for (const placeholder of new Set(answers.match(/"file-\d+"/g) ?? [])) {
      const up = await page.request.post(`${server.url}/api/v1/attachments?name=giay-chung-sinh.pdf`, {
        headers: { ...headers, 'Content-Type': 'application/octet-stream' }, data: PDF('giay chung sinh'),
      });
      assert.equal(up.status(), 201, await up.text());
      const id = (await up.json()).id;
      attachments.push(id);
      answers = answers.replaceAll(placeholder, JSON.stringify(id));
    }
    const r = await page.request.post(`${server.url}/api/v1/dossiers`, {
      headers: { ...headers, 'Idempotency-Key': 'agency-loop-1' },
      data: { service_id: 'birth-registration', applicant: 'citizen', answers: JSON.parse(answers), attachments },
    });
    assert.equal(r.status(), 201, await r.text());
    const code = (await r.json()).code;

    // The tracking page names the commune's centre it went to, and that it was delivered.
    await page.goto(`${server.url}/dossiers/${encodeURIComponent(code)}`);
    await appReady(page);
    // The extract copies' fee is paid first (the sandbox payment provider).
    await page.getByRole('button', { name: 'Thanh toán lệ phí' }).click();
    await page.waitForURL('**/sandbox/pay/**');
    await page.getByRole('button', { name: /Thanh toán thành công/ }).click();
    await page.waitForURL('**/dossiers/**payment=success');
    await appReady(page);
    await page.waitForSelector('.receipt__agency');
    assert.match(await page.locator('.receipt__agency').textContent(),
      /Nơi tiếp nhận: Trung tâm Phục vụ hành chính công phường Ba Đình, thành phố Hà Nội/);
    await eventually(page, 'the agency acknowledges', async () => {
      await appReady(page);
      return /Cơ quan tiếp nhận đã nhận hồ sơ/.test(await page.locator('.timeline').textContent());
    });
    assert.match(await page.locator('.timeline').textContent(), /Đã chuyển đến hệ thống của cơ quan tiếp nhận/);

    // The officer sees it once, in the inbox, with the file.
    const o = officer.page;
    await o.setViewportSize({ width: 1100, height: 900 });
    await o.goto(server.agencyUrl + '/');
    const row = o.locator('tbody tr', { hasText: code });
    assert.equal(await row.count(), 1);
    assert.match(await row.textContent(), /Trung tâm Phục vụ hành chính công phường Ba Đình/);
    await expectAccessible(o, 'agency inbox');
    await row.getByRole('link', { name: code }).click();
    await o.waitForSelector('h1');
    assert.match(await o.locator('main').textContent(), /giay-chung-sinh\.pdf/);
    await expectAccessible(o, 'agency dossier');

    // It asks for a document, with a deadline.
    const due = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
    await o.getByLabel('Giấy tờ cần bổ sung').fill('Bản chụp giấy chứng sinh rõ nét, đủ bốn góc');
    await o.getByLabel('Hạn bổ sung').fill(due);
    await o.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await o.waitForSelector('text=Cổng đã áp dụng');

    // The citizen sees the request first, with its deadline, and uploads there.
    await eventually(page, 'the request reaches the tracking page', async () => {
      await appReady(page);
      return (await page.locator('#documents-requested-title').count()) === 1;
    });
    const notice = page.locator('.notice--action').first();
    assert.match(await notice.textContent(), /giấy chứng sinh rõ nét/);
    const [y, m, d] = due.split('-');
    assert.match(await page.locator('.notice__deadline').textContent(), new RegExp(`${d}/${m}/${y}`));
    await expectAccessible(page, 'documents requested by the agency');
    await page.locator('input[type=file]').setInputFiles({ name: 'giay-chung-sinh-ro.pdf', mimeType: 'application/pdf', buffer: PDF('ro net') });
    await page.waitForSelector('.file-list__item:has-text("giay-chung-sinh-ro.pdf") .tag');
    await page.getByRole('button', { name: /Gửi giấy tờ bổ sung/ }).click();
    await page.waitForSelector('#documents-requested-title', { state: 'detached' });

    // The officer sees the document arrive, then approves with a result document.
    await eventually(o, 'the added document reaches the agency', async () =>
      /giay-chung-sinh-ro\.pdf/.test(await o.locator('main').textContent()));
    await o.locator('#result').setInputFiles({ name: 'trich-luc-khai-sinh.pdf', mimeType: 'application/pdf', buffer: PDF('trich luc khai sinh') });
    await o.getByLabel('Ghi chú nhận kết quả (không bắt buộc)').fill('Bản giấy nhận tại Trung tâm từ ngày mai');
    await o.getByRole('button', { name: 'Duyệt và trả kết quả' }).click();
    await o.waitForSelector('text=Cổng đã áp dụng');
    await expectAccessible(o, 'agency after deciding');

    // The citizen sees the result and downloads it.
    await eventually(page, 'the result reaches the tracking page', async () => {
      await appReady(page);
      return (await page.locator('#result-title').count()) === 1;
    });
    assert.equal((await page.locator('.panel__title').textContent()).trim(), 'Hồ sơ đã có kết quả');
    assert.match(await page.locator('.result').textContent(), /Bản giấy nhận tại Trung tâm từ ngày mai/);
    await expectAccessible(page, 'result ready');
    await page.screenshot({ path: 'target/e2e-agency-result.png', fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a.result__download').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'trich-luc-khai-sinh.pdf');
    const bytes = await (await import('node:fs/promises')).readFile(await download.path());
    assert.match(bytes.toString(), /trich luc khai sinh/);

    // Asked once how satisfied they are: nothing chosen is said, a choice is kept, and
    // the page then thanks them (also after a reload).
    const rating = page.locator('form.rating');
    await rating.waitFor();
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await rating.getByText('Chọn mức độ hài lòng của bạn').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'rating-satisfied');
    await expectAccessible(page, 'rating with nothing chosen');
    await page.keyboard.press('Space');
    await page.locator('#rating-comment').fill('Cán bộ hướng dẫn rõ ràng.');
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn bạn đã đánh giá. Bạn đã chọn: Hài lòng').waitFor();
    await page.reload();
    await appReady(page);
    await page.getByText('Cảm ơn bạn đã đánh giá. Bạn đã chọn: Hài lòng').waitFor();
    assert.equal(await page.locator('form.rating').count(), 0);

    // Received once; the officer's read-out shows the dossier and the documents delivery.
    const readout = await (await fetch(server.agencyUrl + '/api/dossiers')).json();
    const mine = (readout.dossiers ?? readout).filter((x) => x.code === code);
    assert.equal(mine.length, 1);
    assert.equal(new Set(mine[0].delivery_ids).size, 2, JSON.stringify(mine[0]));
  } finally {
    await s.close();
    await officer.close();
  }
});

test('a dossier officer has the page of deliveries given up; a citizen is refused it', async () => {
  const s = await newSession({ viewport: { width: 360, height: 740 } });
  try {
    const { page } = s;
    await page.goto(`${server.url}/auth/sign-in?return_to=/staff/deliveries`);
    await signInAtProvider(page, 'Đỗ Thu Hà', server.url);
    await page.waitForURL('**/staff/deliveries');
    await appReady(page);
    await page.waitForSelector('.staff-current');
    assert.equal((await page.locator('h1').textContent()).trim(), 'Chuyển hồ sơ đến cơ quan');
    assert.match(await page.locator('.staff-current').textContent(), /Đã ngừng chuyển, cần gửi lại: 0/);
    await page.getByText('Không có hồ sơ nào phải gửi lại.').waitFor();
    await expectAccessible(page, 'staff deliveries');
  } finally { await s.close(); }
  const c = await newSession();
  try {
    const { page } = c;
    await page.goto(`${server.url}/auth/sign-in?return_to=/staff/deliveries`);
    await signInAtProvider(page, 'Nguyễn Văn An', server.url);
    await page.waitForURL('**/staff/deliveries');
    await appReady(page);
    await page.waitForSelector('.staff-refused');
  } finally { await c.close(); }
});
