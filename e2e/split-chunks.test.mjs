// The bundles cut into chunks (scripts/split-bundle.mjs, src/split.rs): a form step does
// not wait for Check answers' chunk or the drafts' but fetches them while the person
// reads (a draft kept on the device waits for its chunk before the step); a chunk that
// cannot be fetched (a dropped connection) shows a page that says so and a retry that
// works once the network is back, never a dead app; the citizen's seldom-entered pages
// come in chunks of their own, and so do the parts of a dossier's page and of My dossiers
// that only some people see.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

/// The names of the chunks of `bin`'s bundle the page requests from now on, in order;
/// code several pages share comes in `shared-<n>` chunks, with the first page needing it.
function chunksFetched(page, bin) {
  const names = [];
  const file = new RegExp(`^/${bin}-([a-z0-9-]+)-[0-9a-f]{16}\\.wasm$`);
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(file);
    if (m && !m[1].startsWith('shared-')) names.push(m[1]);
  });
  return names;
}

const CHECK_CHUNK = /\/portal-form-check-answers-[0-9a-f]{16}\.wasm$/;
const SERVICE = '/services/old-id-number-confirmation/apply';

/// Waits until the form's chunk `name` has come, and checks it was requested only once
/// the page was usable (its `portal-ready` mark), as a prefetch while the person reads.
async function fetchedAfterReady(page, name) {
  const file = new RegExp(`/portal-form-${name}-[0-9a-f]{16}\\.wasm$`);
  await page.waitForFunction((src) => performance.getEntriesByType('resource')
    .some((e) => new RegExp(src).test(e.name) && e.responseEnd > 0), file.source);
  const { ready, fetched } = await page.evaluate((src) => ({
    ready: performance.getEntriesByName('portal-ready')[0]?.startTime,
    fetched: performance.getEntriesByType('resource').find((e) => new RegExp(src).test(e.name)).startTime,
  }), file.source);
  assert.ok(ready !== undefined, 'the step marks when it is usable');
  assert.ok(fetched >= ready, `${name}: chunk requested at ${fetched} ms, step usable at ${ready} ms`);
}

test("a form step is usable before Check answers' chunk, which then comes while the person reads", async () => {
  const s = await newSession();
  try {
    const { page, errors } = s;
    let chunkRequests = 0;
    page.on('request', (r) => { if (CHECK_CHUNK.test(new URL(r.url()).pathname)) chunkRequests += 1; });
    await page.goto(server.url + SERVICE);
    await appReady(page);
    await page.waitForURL('**/apply/applicant');
    // Fetched once the step is drawn and usable (the `portal-ready` mark), not before.
    await fetchedAfterReady(page, 'check-answers');
    assert.equal(chunkRequests, 1, 'the chunk is fetched once');
    // Check answers then draws, its chunk now in the browser's cache.
    await page.goto(server.url + SERVICE + '/check');
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra thông tin trước khi nộp' }).waitFor();
    assert.deepEqual(errors, []);
  } finally { await s.close(); }
});

test('a chunk that cannot be fetched shows the page could not be loaded, and Try again brings it', async () => {
  const s = await newSession();
  try {
    const { page, context } = s;
    // The connection drops for this file only: the step itself loads.
    let blocked = true;
    await context.route(CHECK_CHUNK, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(server.url + SERVICE + '/check');
    await appReady(page);
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Không tải được trang này' }).waitFor();
    await expectAccessible(page, 'chunk failed');
    // The rest of the app still works: the language switch answers.
    await page.locator('.header__lang').click();
    await page.getByRole('heading', { name: 'This page could not be loaded' }).waitFor();
    await page.locator('.header__lang').click();
    blocked = false;
    await alert.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra thông tin trước khi nộp' }).waitFor();
    await expectAccessible(page, 'chunk loaded on retry');
  } finally { await s.close(); }
});

test('drafts are read and written by a chunk: fetched once a step is usable; a kept draft is taken in before its step is drawn, also after a failed fetch and Try again', async () => {
  const s = await newSession();
  try {
    const { page, context } = s;
    const DRAFTS_CHUNK = /\/portal-form-drafts-[0-9a-f]{16}\.wasm$/;
    await page.goto(server.url + SERVICE + '/applicant');
    await appReady(page);
    // A first visit (nothing kept): the step is usable before the chunk comes.
    await fetchedAfterReady(page, 'drafts');
    await page.locator('#f-phone').fill('0912345678');
    await page.waitForSelector('.draft-status:has-text("trên thiết bị này lúc")');
    // The next visit finds the draft while the connection drops for the chunk: no step
    // is drawn without its answers, the page says so, and Try again brings them in.
    let blocked = true;
    await context.route(DRAFTS_CHUNK, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Không tải được trang này' }).waitFor();
    assert.equal(await page.locator('#f-phone').count(), 0, 'no step drawn before its draft');
    await expectAccessible(page, 'drafts chunk failed');
    blocked = false;
    await alert.getByRole('button', { name: 'Thử lại' }).click();
    await page.waitForFunction(() => document.querySelector('#f-phone')?.value === '0912345678');
    // And the draft goes on being written.
    await page.locator('#f-phone').fill('0987654321');
    await page.waitForFunction(() =>
      (localStorage.getItem('portal.draft.old-id-number-confirmation') || '').includes('0987654321'));
  } finally { await s.close(); }
});

test("a repeating group's code comes once the first step of a form with one is usable; a form without one never fetches it", async () => {
  const s = await newSession();
  try {
    const { page } = s;
    const chunks = chunksFetched(page, 'portal-form');
    await page.goto(server.url + '/services/ordinary-passport/apply');
    await appReady(page);
    // Its step's prefetches have run (Check answers'), the group's is not among them.
    await page.waitForFunction(() => performance.getEntriesByType('resource')
      .some((e) => /portal-form-check-answers-/.test(e.name) && e.responseEnd > 0));
    assert.ok(!chunks.includes('groups'), chunks.join());
    await page.goto(server.url + '/services/temporary-residence-registration/apply');
    await appReady(page);
    await fetchedAfterReady(page, 'groups');
  } finally { await s.close(); }
});

test("the citizen's seldom-entered pages are chunks: feedback and legal sources load theirs", async () => {
  const s = await newSession();
  try {
    const { page, errors } = s;
    const chunks = chunksFetched(page, 'portal-citizen');
    await page.goto(server.url + '/feedback');
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: 'Góp ý về Cổng Dịch vụ công' }).waitFor();
    await page.goto(server.url + '/sources');
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: 'Văn bản pháp lý của danh mục' }).waitFor();
    assert.deepEqual(chunks, ['feedback', 'sources']);
    // A dossier's page, the bundle's usual entry, needs no chunk.
    chunks.length = 0;
    await page.goto(server.url + '/lookup');
    await appReady(page);
    // Drawn from its chunk, whose download starts a task after the page asks for it.
    await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
    assert.deepEqual(chunks, ['lookup']);
    assert.deepEqual(errors, []);
  } finally { await s.close(); }
});

test("a form's old-address helper fetches its code only when someone opens it", async () => {
  const s = await newSession();
  try {
    const { page, errors } = s;
    const chunks = chunksFetched(page, 'portal-form');
    await page.goto(server.url + '/services/birth-registration/apply');
    await appReady(page);
    await page.waitForURL('**/apply/agency');
    // The step's prefetches have run: Check answers' chunk, not the helper's.
    await page.waitForFunction(() => performance.getEntriesByType('resource')
      .some((e) => /portal-form-check-answers-/.test(e.name) && e.responseEnd > 0));
    assert.ok(!chunks.includes('legacy-address'), chunks.join());
    await page.getByText('Bạn chỉ có địa chỉ cũ (trước ngày 1/7/2025)?').click();
    await page.getByLabel('Phường, xã, thị trấn cũ').fill('Phường Trúc Bạch');
    assert.ok(chunks.includes('legacy-address'), chunks.join());
    await expectAccessible(page, 'old-address helper opened in a form');
    assert.deepEqual(errors, []);
  } finally { await s.close(); }
});

test("My dossiers fetches the unfinished applications' code only when the device keeps a draft", async () => {
  const s = await newSession();
  try {
    const { page } = s;
    const chunks = chunksFetched(page, 'portal-citizen');
    // Signed out with no draft (a first visit): nothing to list, nothing fetched.
    await page.goto(server.url + '/dossiers');
    await appReady(page);
    await page.getByText('Hãy đăng nhập để xem các hồ sơ bạn đã gửi.').waitFor();
    assert.deepEqual(chunks, []);
    assert.equal(await page.locator('.unfinished').count(), 0);
    // A draft typed on this device: the chunk comes and the draft is listed.
    await page.goto(server.url + SERVICE + '/applicant');
    await appReady(page);
    await page.locator('#f-phone').fill('0912345678');
    await page.waitForSelector('.draft-status:has-text("trên thiết bị này lúc")');
    await page.goto(server.url + '/dossiers');
    await appReady(page);
    await page.locator('.unfinished .service-item', { hasText: 'Xác nhận số Chứng minh nhân dân' }).waitFor();
    assert.deepEqual(chunks, ['unfinished']);
    // (Signed out, My dossiers' list answers 401, which the browser logs.)
    assert.deepEqual(s.errors.filter((e) => !e.includes('401')), []);
  } finally { await s.close(); }
});
