// Signing in and out through the local OpenID provider, as a person does: from the
// header's link to the provider's page, back to the same portal page signed in, the
// sandbox banner on every page; signing out ends the provider's session too, so the next
// person at this computer must type an ID number and password again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';
import { account, PASSWORD, signInAtProvider } from './identity.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('sign in at the provider, come back to the same page, sign out of both', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(server.url + '/services/ordinary-passport');
    await appReady(page);
    // The sandbox stand-ins are on (pretend payments): every page says so, first thing.
    const banner = page.locator('#sandbox-banner');
    await banner.waitFor();
    assert.match(await banner.textContent(), /môi trường thử nghiệm/);
    assert.equal(await page.evaluate(() => document.body.firstElementChild.id), 'sandbox-banner');

    await page.getByRole('link', { name: 'Đăng nhập' }).first().click();
    await page.waitForURL((u) => u.toString().startsWith(server.issuer));
    await expectAccessible(page, 'provider sign-in page');
    // A wrong password: the error summary, nobody signed in.
    const me = account('Lê Minh Châu');
    await page.getByLabel(/Số định danh cá nhân/).fill(me.id_number);
    await page.getByLabel(/Mật khẩu/).fill('wrong');
    await page.getByRole('button', { name: 'Đăng nhập / Sign in' }).click();
    await page.waitForSelector('[role=alert]');
    await expectAccessible(page, 'provider sign-in page with an error');
    await page.getByLabel(/Mật khẩu/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập / Sign in' }).click();

    await page.waitForURL(server.url + '/services/ordinary-passport');
    await appReady(page);
    await page.locator('.header__name-user', { hasText: me.full_name }).waitFor();
    await banner.waitFor();
    const session = await (await page.request.get(server.url + '/api/v1/session')).json();
    assert.equal(session.user.id_number, me.id_number);
    assert.equal(session.prefill.personal_id, me.id_number);
    assert.equal(session.assurance_level, 2);

    // Sign out: the provider asks, then sends the browser home.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((u) => u.toString().startsWith(server.issuer));
    await expectAccessible(page, 'provider sign-out page');
    await page.getByRole('button', { name: 'Đăng xuất / Sign out' }).click();
    await page.waitForURL(server.url + '/');
    await appReady(page);
    await page.getByRole('link', { name: 'Đăng nhập' }).first().waitFor();
    // The provider's session has ended too: signing in asks again.
    await page.getByRole('link', { name: 'Đăng nhập' }).first().click();
    await page.waitForURL('**/interaction/**');
    await page.getByLabel(/Số định danh cá nhân/).waitFor();
    // The one error the browser logs is the provider's answer to the wrong password.
    assert.deepEqual(s.errors.filter((e) => !/status of 400 .*\/interaction\/[\w-]+\/login$/.test(e)), []);
  } finally { await s.close(); }
});

// A service's page has its own bundle, which reads only the header's part of the session:
// it still tells an organisation's representative, before Start, that a citizen's
// service is not theirs, and offers Start on the business's own services.
test('a service page says before Start whom the service is for', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(server.url + '/services/birth-registration');
    await appReady(page);
    const start = page.getByRole('button', { name: /^Bắt đầu/ });
    await start.waitFor();
    await page.getByRole('link', { name: 'Đăng nhập' }).first().click();
    await signInAtProvider(page, 'Phạm Quốc Dũng', server.url);
    await appReady(page);
    await page.locator('.header__name-user', { hasText: 'Phạm Quốc Dũng' }).waitFor();
    const notice = page.locator('.notice[role=status]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /chỉ dành cho công dân/);
    assert.equal(await start.count(), 0);
    await expectAccessible(page, 'a citizen service, signed in for an organisation');
    await page.goto(server.url + '/services/new-seal-registration');
    await appReady(page);
    await page.getByRole('button', { name: /^Bắt đầu/ }).waitFor();
    assert.equal(await page.locator('.notice[role=status]').count(), 0);
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

// On a slow network the questions can be drawn before the portal knows who is signed in.
// What the person's record fills and locks (the applicant block) is closed to typing
// until then, so nothing typed there is replaced under the person's fingers; then it is
// filled from the record and locked. A signed-out person's is open once that is known.
test('a slow session: the questions a record locks wait for it, then are filled', async () => {
  const s = await newSession();
  try {
    const { page } = s;
    await page.goto(`${server.url}/auth/sign-in?return_to=/`);
    await signInAtProvider(page, 'Nguyễn Văn An', server.url);
    let answered = false;
    await page.route('**/api/v1/session', async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue().catch(() => {});
      answered = true;
    });
    await page.goto(server.url + '/services/old-id-number-confirmation/apply/applicant');
    const name = page.locator('#f-applicant-full_name');
    await name.waitFor();
    assert.equal(answered, false, 'the questions came before the session');
    assert.equal(await name.getAttribute('readonly'), '');
    // The permanent address, which the record also locks, is closed as well.
    const address = page.locator('.address-picker__fieldset').first();
    assert.equal(await address.getAttribute('disabled'), '');
    await name.focus();
    await page.keyboard.type('Le Van X');
    assert.equal(await name.inputValue(), '', 'nothing typed into it');
    await page.waitForFunction(() => document.querySelector('#f-applicant-full_name')?.value === 'Nguyễn Văn An');
    assert.equal(answered, true);
    assert.equal(await name.getAttribute('readonly'), '');
    await page.locator('.prefilled').first().waitFor();
    // The address is the record's, shown locked and said so (the server refuses any other).
    await page.waitForFunction(() => document.querySelector('[id$="-province"]')?.value === '01');
    assert.equal(await address.getAttribute('disabled'), '');
    assert.equal(await page.locator('.prefilled').count(), 2);
    // Contact details the record fills stay open to change.
    assert.equal(await page.locator('input[type=tel]').first().getAttribute('readonly'), null);
    await expectAccessible(page, 'prefilled after a slow session');

    // Signed out: the same questions open once the (slow) answer says so.
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    answered = false;
    await page.goto(server.url + '/services/old-id-number-confirmation/apply/applicant');
    await name.waitFor();
    assert.equal(await name.getAttribute('readonly'), '');
    await page.waitForFunction(() => !document.querySelector('#f-applicant-full_name')?.hasAttribute('readonly'));
    assert.equal(answered, true);
    assert.equal(await address.getAttribute('disabled'), null);
    await name.fill('Lê Văn X');
    assert.equal(await name.inputValue(), 'Lê Văn X');
    assert.equal(await page.locator('.prefilled').count(), 0);
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});
