// The staff area: staff sign in through the local OpenID provider and are staff by the
// staff directory's roles. An editor uploads a changed catalogue folder, sees the error
// and the diff, uploads the fixed version, previews the changed service and its form
// under the preview banner, makes a test submission that creates no dossier, and cannot
// publish; a publisher (another person: four-eyes) publishes, and a citizen then sees
// the new fee; rollback restores it. Citizens, a dossier officer and the signed-out are
// refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from './server.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';
import { signInAtProvider } from './identity.mjs';

const ROOT = resolve(import.meta.dirname, '..');
let server;
let dir;
before(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'portal-draft-'));
  for (const part of ['topics.toml', 'services', 'forms']) {
    cpSync(join(ROOT, 'catalog', part), join(dir, 'catalog', part), { recursive: true });
  }
});
after(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function edit(path, from, to) {
  const p = join(dir, 'catalog', path);
  const text = readFileSync(p, 'utf8');
  assert.ok(text.includes(from), `${path} has no ${from}`);
  writeFileSync(p, text.replace(from, to));
}

/// At the local OpenID provider, where the portal sent the browser.
async function signIn(page, who) {
  await signInAtProvider(page, who, server.url);
}

const EDITOR = 'Đỗ Thu Hà'; // catalogue editor and dossier officer
const PUBLISHER = 'Vũ Đình Khánh'; // catalogue publisher
const OFFICER = 'Hoàng Văn Long'; // dossier officer only

async function dossierCount(page) {
  const r = await page.request.get(server.url + '/api/v1/staff/dossiers');
  assert.equal(r.status(), 200);
  return (await r.json()).dossiers.length;
}

async function upload(page) {
  await page.goto(server.url + '/staff');
  await appReady(page);
  await page.locator('#draft-folder').setInputFiles(join(dir, 'catalog'));
  await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
  await page.waitForURL(/\/staff\/drafts\/[A-Za-z0-9]+$/);
  await page.waitForSelector('h2:has-text("Kết quả kiểm tra")');
  return page.url().split('/').pop();
}

test('staff check, preview, test-submit, publish and roll back a draft; citizens see the result', async () => {
  const staff = await newSession();
  const citizen = await newSession();
  const publisher = await newSession();
  try {
    const { page } = staff;
    // Signed out: an explanation and a sign-in link that comes back here.
    await page.goto(server.url + '/staff');
    await appReady(page);
    await page.waitForSelector('text=Hãy đăng nhập bằng tài khoản cán bộ');
    await expectAccessible(page, 'staff, signed out');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await signIn(page, EDITOR);
    await page.waitForURL('**/staff');
    await page.waitForSelector('h2:has-text("Tải lên bản nháp danh mục")');
    await page.waitForSelector('text=Phiên bản hiện hành');
    await expectAccessible(page, 'staff home');
    const dossiersBefore = await dossierCount(page);

    // A changed fee and a broken file: the error blocks publishing.
    edit('services/ordinary-passport.toml', 'online = 100000', 'online = 90000');
    edit('forms/ordinary-passport.toml', 'online = 100000', 'online = 90000');
    const good = readFileSync(join(dir, 'catalog/services/birth-registration.toml'), 'utf8');
    appendFileSync(join(dir, 'catalog/services/birth-registration.toml'), '\nthis is = = not toml\n');
    const broken = await upload(page);
    await page.waitForSelector('.finding--error');
    const findingVi = (await page.locator('.finding--error').allTextContents()).join('\n');
    assert.match(findingVi, /services\/birth-registration\.toml:\d+/);
    // Said in the page's language: Vietnamese here, English after the switch.
    assert.match(findingVi, /không có dịch vụ "birth-registration" cho biểu mẫu này/, findingVi);
    assert.match(findingVi, /cần `\.`, `=`/, findingVi);
    assert.doesNotMatch(findingVi, /expected|invalid|no service/, findingVi);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => {
      const all = [...document.querySelectorAll('.finding--error')].map((e) => e.textContent).join('\n');
      return /expected `/.test(all) && /no service/.test(all) && !/không có dịch vụ/.test(all);
    });
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.waitForSelector('.finding--error:has-text("không có dịch vụ")');
    assert.match(await page.locator('#publish-reason').textContent(), /còn \d+ lỗi/);
    await expectAccessible(page, 'draft with errors');

    // Fixed: no errors, the fee change in the diff, publishable.
    writeFileSync(join(dir, 'catalog/services/birth-registration.toml'), good);
    const id = await upload(page);
    assert.equal(await page.locator('.finding--error').count(), 0);
    const diff = await page.locator('.diff').textContent();
    assert.match(diff, /ordinary-passport/);
    assert.match(diff, /Lệ phí thấp nhất \(trực tuyến\): 100[.,]000.*→ 90[.,]000/);
    // An editor cannot publish: the page says who can, and the server refuses too.
    assert.equal(await page.getByRole('button', { name: 'Công bố bản nháp' }).count(), 0);
    await page.waitForSelector('.staff-blocked:has-text("cán bộ công bố khác")');
    const refused = await page.request.post(`${server.url}/api/v1/staff/drafts/${id}/publish`, {
      headers: { 'X-Portal-Request': '1', Origin: server.url },
    });
    assert.equal(refused.status(), 403);
    assert.equal((await refused.json()).error.code, 'staff_role_required');
    assert.match(await page.locator('.staff-share').textContent(), new RegExp(`/staff/preview/${id}$`));
    await expectAccessible(page, 'clean draft');

    // Preview: the same pages, the draft's data, the banner everywhere.
    await page.getByRole('button', { name: 'Xem trước bản nháp' }).click();
    await page.waitForURL(`**/staff/preview/${id}`);
    await page.waitForSelector('.service-item');
    await page.waitForSelector('.preview-banner:has-text("Bản xem trước")');
    await expectAccessible(page, 'preview catalogue');
    await page.fill('#catalogue-search', 'ho chieu');
    await page.locator('.service-item__link', { hasText: 'hộ chiếu' }).first().click();
    await page.waitForURL(`**/staff/preview/${id}/services/ordinary-passport`);
    await page.waitForSelector('.table');
    assert.match(await page.locator('.table').textContent(), /90[.,]000/);
    assert.ok(await page.locator('.preview-banner').isVisible());
    await expectAccessible(page, 'preview service');
    await page.getByRole('button', { name: /Bắt đầu/ }).click();
    await page.waitForURL(new RegExp(`/staff/preview/${id}/services/ordinary-passport/apply/[a-z_-]+$`));
    await page.waitForSelector('.question-form');
    assert.ok(await page.locator('.preview-banner').isVisible());
    await expectAccessible(page, 'preview form step');

    // Check answers in preview: a test submission, refused with reasons, nothing stored.
    await page.goto(`${server.url}/staff/preview/${id}/services/ordinary-passport/apply/check`);
    await page.waitForSelector('h2:has-text("Nộp thử")');
    assert.ok(await page.locator('.preview-banner').isVisible());
    await page.getByRole('button', { name: /Nộp thử/ }).click();
    await page.waitForSelector('.preview-outcome--refused li');
    await expectAccessible(page, 'preview test submission');
    assert.equal(await dossierCount(page), dossiersBefore);

    // Before publishing, citizens still see the old fee.
    await citizen.page.goto(server.url + '/services/ordinary-passport');
    await appReady(citizen.page);
    await citizen.page.waitForSelector('.table');
    // The online amount of the first case ("Cấp mới", half rate until the end of 2026);
    // the in-person one stays 100,000.
    const onlineFee = () => citizen.page.locator('.table tbody tr').first().locator('td').first().textContent();
    assert.match(await onlineFee(), /100[.,]000/);

    // A publisher, another person, opens the shared link and publishes; a citizen then
    // sees the new fee.
    const pub = publisher.page;
    await pub.goto(`${server.url}/staff/drafts/${id}`);
    await appReady(pub);
    await pub.getByRole('button', { name: 'Đăng nhập' }).click();
    await signIn(pub, PUBLISHER);
    await pub.waitForURL(`**/staff/drafts/${id}`);
    // A draft with errors: the publish button is disabled and looks it.
    await pub.goto(`${server.url}/staff/drafts/${broken}`);
    await appReady(pub);
    const blocked = pub.getByRole('button', { name: 'Công bố bản nháp' });
    await blocked.waitFor();
    assert.equal(await blocked.isDisabled(), true);
    assert.equal(await blocked.evaluate((b) => getComputedStyle(b).opacity), '0.5');
    assert.equal(await blocked.evaluate((b) => getComputedStyle(b).cursor), 'not-allowed');
    await pub.goto(`${server.url}/staff/drafts/${id}`);
    await appReady(pub);
    // Publishing asks first (no browser dialog); cancelling publishes nothing.
    const versionCount = async () => (await (await pub.request.get(`${server.url}/api/v1/staff/catalog/versions`)).json()).versions.length;
    const before = await versionCount();
    await pub.getByRole('button', { name: 'Công bố bản nháp' }).click();
    await pub.waitForSelector('.confirm:has-text("Công bố bản nháp này?")');
    // Focus moves to the question in the frame after it is drawn.
    await pub.waitForFunction(() => document.activeElement?.classList.contains('confirm'), null, { timeout: 5_000 })
      .catch(() => assert.fail('focus on the question'));
    await expectAccessible(pub, 'publish confirmation');
    await pub.screenshot({ path: 'target/e2e-staff-publish-confirm-360.png', fullPage: true });
    await pub.getByRole('button', { name: 'Hủy' }).click();
    await pub.getByRole('button', { name: 'Công bố bản nháp' }).waitFor();
    assert.equal(await versionCount(), before, 'cancel publishes nothing');
    await pub.getByRole('button', { name: 'Công bố bản nháp' }).click();
    await pub.getByRole('button', { name: 'Có, công bố' }).click();
    await pub.waitForSelector('.staff-confirmation:has-text("Đã công bố")');
    await expectAccessible(pub, 'published');
    await citizen.page.reload();
    await citizen.page.waitForSelector('.table');
    assert.match(await onlineFee(), /(^|[^\d.])90[.,]000/);

    // The history names both people.
    const history = await (await pub.request.get(`${server.url}/api/v1/staff/catalog/versions`)).json();
    assert.equal(history.versions[0].published_by, 'sandbox-staff-khanh');
    assert.equal(history.versions[0].drafted_by, 'sandbox-staff-ha');

    // Roll back (a publisher's job too): the old fee is back.
    await pub.goto(server.url + '/staff');
    // Versions by date, time and who, not raw hashes and nanosecond times.
    await pub.waitForSelector('.staff-versions li');
    const whens = await pub.locator('.staff-versions__when').allTextContents();
    assert.ok(whens.length >= 2 && whens.every((w) => /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/.test(w)), whens.join(' | '));
    assert.match(await pub.locator('.staff-versions li').first().textContent(), /Công bố · sandbox-staff-khanh/);
    assert.doesNotMatch(await pub.locator('main').textContent(), /\d{2}:\d{2}:\d{2}\.\d+|[0-9a-f]{16}/);
    // Rolling back asks first too.
    await pub.getByRole('button', { name: 'Quay lại phiên bản trước' }).click();
    await pub.waitForSelector('.confirm:has-text("Quay lại phiên bản trước?")');
    await expectAccessible(pub, 'rollback confirmation');
    await pub.screenshot({ path: 'target/e2e-staff-rollback-confirm-360.png', fullPage: true });
    await pub.getByRole('button', { name: 'Có, quay lại' }).click();
    await pub.waitForSelector('text=Đã quay lại phiên bản trước');
    await citizen.page.reload();
    await citizen.page.waitForSelector('.table');
    assert.match(await onlineFee(), /100[.,]000/);

    assert.deepEqual(staff.errors, []);
    assert.deepEqual(citizen.errors, []);
    assert.deepEqual(publisher.errors, []);
  } finally {
    await staff.close();
    await citizen.close();
    await publisher.close();
  }
});

test('a citizen opening the staff area or a preview link is refused and no draft data is fetched', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    const staffCalls = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/staff/')) staffCalls.push(r.url()); });
    await page.goto(server.url + '/staff');
    await appReady(page);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await signIn(page, 'Nguyễn Văn An');
    await page.waitForURL('**/staff');
    await page.waitForSelector('h1:has-text("Bạn không có quyền vào khu vực này")');
    await expectAccessible(page, 'staff refused');
    await page.goto(server.url + '/staff/preview/abc123');
    await page.waitForSelector('h1:has-text("Bạn không có quyền vào khu vực này")');
    assert.equal(await page.locator('.preview-banner').count(), 0);
    assert.deepEqual(staffCalls, []);
    // The server refuses too.
    const r = await page.request.get(server.url + '/api/v1/staff/catalog/versions');
    assert.equal(r.status(), 403);
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('a dossier officer is staff, but the catalogue pages are not theirs', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(server.url + '/staff');
    await appReady(page);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await signIn(page, OFFICER);
    await page.waitForURL('**/staff');
    await page.waitForSelector('.staff-refused:has-text("biên tập")');
    await expectAccessible(page, 'staff area, officer');
    const r = await page.request.get(server.url + '/api/v1/staff/catalog/versions');
    assert.equal(r.status(), 403);
    assert.equal((await r.json()).error.code, 'staff_role_required');
    // Their own work is open to them.
    const d = await page.request.get(server.url + '/api/v1/staff/dossiers');
    assert.equal(d.status(), 200);
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});
