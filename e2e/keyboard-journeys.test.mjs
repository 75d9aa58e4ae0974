// Three services filled in from the service page to check-your-answers with the keyboard
// only (Tab, typing, Space, Enter, arrow keys: no clicks, no fill, no selectOption): birth
// registration (signed in, address pickers, person blocks, a conditional question, an
// upload), a traffic fine paid for an organisation (its tax code, conditional questions
// three deep) and temporary residence (a conditional step, a repeating group with "add
// another"). Each journey triggers and fixes errors through the error summary, reloads
// mid-way and finds every answer still there, checks that focus is visible, changes an
// answer from the check page, and runs axe on every page and error state it reaches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { account, PASSWORD } from './identity.mjs';
import { newSession, expectAccessible, appReady } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const PHONE = { viewport: { width: 360, height: 740 } };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const CONTINUE = 'form.question-form > button[type=submit]';

// --- keyboard ------------------------------------------------------------------------

async function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : '';
    return `${el.tagName.toLowerCase()}${id}${cls} "${(el.textContent || el.value || '').trim().slice(0, 40)}"`;
  });
}

/// Whether the focused element matches `selector` (a CSS selector, optionally followed by
/// `|text` that its text must contain).
const focusMatches = (page, selector) => page.evaluate((sel) => {
  const [css, text] = sel.split('|');
  const el = document.activeElement;
  return !!el?.matches(css) && (!text || el.textContent.includes(text));
}, selector);

/// Presses Tab until the focused element matches `selector`; fails naming where focus
/// went if it is not reached within `max` presses. Every element reached this way must
/// show where the focus is.
async function tabTo(page, selector, max = 30) {
  const path = [];
  for (let i = 0; i <= max; i++) {
    if (await focusMatches(page, selector)) {
      await expectFocusVisible(page, selector);
      return;
    }
    await page.keyboard.press('Tab');
    if (path.length < 200) path.push(await describeFocus(page));
  }
  assert.fail(`Tab did not reach ${selector} in ${max} presses; focus went:\n  ${path.join('\n  ')}`);
}

/// The focused element draws a visible indicator (an outline or a box shadow).
async function expectFocusVisible(page, what) {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    return { outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`, shadow: cs.boxShadow };
  });
  assert.ok(style, `nothing has focus at ${what}`);
  const outlined = !style.outline.startsWith('none') && !style.outline.includes(' 0px')
    && !style.outline.includes('rgba(0, 0, 0, 0)');
  assert.ok(outlined || (style.shadow && style.shadow !== 'none'),
    `focus is not visible on ${await describeFocus(page)} (${what}): ${JSON.stringify(style)}`);
}

async function pressOn(page, selector, key = 'Enter') {
  await tabTo(page, selector);
  await page.keyboard.press(key);
}

/// Replaces the text of a text box: select all, then type.
async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/// Moves through a radio group with the arrow keys to `target` and makes sure it is
/// checked (Space when the group is entered on it with nothing chosen).
async function chooseRadio(page, group, target) {
  await tabTo(page, group);
  const size = await page.locator(group).count();
  for (let i = 0; i <= size; i++) {
    if (await focusMatches(page, target)) {
      if (!(await page.evaluate(() => document.activeElement.checked))) await page.keyboard.press('Space');
      assert.equal(await page.locator(target).isChecked(), true, `${target} is not checked`);
      await expectFocusVisible(page, target);
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  assert.fail(`arrow keys did not reach ${target} in ${group}`);
}

/// Chooses an option of a native select with the arrow keys (as a closed select does).
async function chooseOption(page, selector, value) {
  await tabTo(page, selector);
  const options = await page.locator(`${selector} option`).evaluateAll((os) => os.map((o) => o.value));
  const want = options.indexOf(value);
  assert.ok(want >= 0, `${selector} has no option ${value}: ${options.slice(0, 10).join(', ')}…`);
  for (let i = 0; i <= options.length; i++) {
    const now = await page.locator(selector).inputValue();
    if (now === value) return;
    await page.keyboard.press(options.indexOf(now) < want ? 'ArrowDown' : 'ArrowUp');
  }
  assert.fail(`arrow keys did not choose ${value} in ${selector}`);
}

/// Space on the focused file input opens the file chooser; the file goes up at once.
async function uploadFile(page, selector, name) {
  await tabTo(page, selector);
  // Chromium now and then drops the first activation of a file input (seen in 1 of about
  // 15 full runs): press Space again, still by keyboard, rather than fail the journey.
  let chooser;
  for (let attempt = 0; !chooser; attempt++) {
    [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 5_000 }).catch((e) => {
        if (attempt >= 2) throw e;
        return undefined;
      }),
      page.keyboard.press('Space'),
    ]);
  }
  await chooser.setFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  await page.locator(`.file-list__item:has-text("${name}") .tag`).waitFor();
}

// --- a journey -----------------------------------------------------------------------

/// One application filled in by keyboard. It remembers what was typed on this page and on
/// earlier ones, to check after a reload, and runs axe on every page it reaches.
class Journey {
  constructor(session, service) {
    this.s = session;
    this.page = session.page;
    this.service = service;
    this.here = [];
    this.earlier = [];
  }

  async openService() {
    await this.page.goto(`${server.url}/services/${this.service}`);
    await appReady(this.page);
    await this.page.locator('a.button--start').waitFor();
    await expectAccessible(this.page, `${this.service}: service page`);
  }

  /// Arrives on a step (or the check page) and scans it.
  async at(step, title) {
    const re = new RegExp(`/services/${this.service}/apply/${step}([?#]|$)`);
    await this.page.waitForURL(re);
    await this.page.locator('h1', { hasText: title }).waitFor();
    // The new page starts at its heading, as a page load would (not on the reused
    // Continue button at the bottom); the next Tab goes to its first question.
    await this.page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 5_000 })
      .catch(async () => assert.fail(`focus is not on the heading of ${step}: ${await describeFocus(this.page)}`));
    this.earlier.push(...this.here);
    this.here = [];
    await expectAccessible(this.page, `${this.service}/${step}`);
  }

  async type(field, selector, text) {
    await typeInto(this.page, selector, text);
    this.here.push({ field, selector, value: text, stored: text });
  }

  async radio(field, group, target, stored) {
    await chooseRadio(this.page, group, target);
    this.here.push({ field, selector: target, checked: true, stored });
  }

  async option(field, selector, value) {
    await chooseOption(this.page, selector, value);
    this.here.push({ field, selector, value, stored: value });
  }

  /// Province and commune (narrowed by typing without diacritics), then the street.
  async address(field, { province, filter, commune, street }, prefix = `#f-${field}`) {
    await this.option(field, `${prefix}-province`, province);
    await this.page.locator(`${prefix}-filter`).waitFor();
    await typeInto(this.page, `${prefix}-filter`, filter);
    await this.page.locator(`${prefix}-count`, { hasText: 'phù hợp' }).waitFor();
    await this.option(field, `${prefix}-commune`, commune);
    if (street) await this.type(field, `${prefix}-street`, street);
  }

  async continue() {
    await pressOn(this.page, CONTINUE);
  }

  /// Continue with something wrong: the summary takes focus, the title says "Lỗi:",
  /// the page passes axe; then the summary's link to `target` moves focus there.
  async expectErrorsAndFollow(target, message, focusId = target) {
    const page = this.page;
    await page.locator('.error-summary').waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    await expectFocusVisible(page, 'error summary');
    assert.match(await page.title(), /^Lỗi: /);
    if (message) assert.match(await page.locator('.error-summary').textContent(), message);
    await expectAccessible(page, `${this.service}: errors on ${page.url()}`);
    await pressOn(page, `.error-summary a[href="#${target}"]`);
    await page.waitForFunction((id) => document.activeElement?.id === id, focusId, { timeout: 5_000 })
      .catch(async () => assert.fail(`the error link to #${target} did not move focus to #${focusId}: ${await describeFocus(page)}`));
    await expectFocusVisible(page, `#${focusId} from the error summary`);
  }

  /// Reloads: the answers on this page are back in their controls and the earlier ones
  /// are in the saved draft.
  async reloadAndCheck(title) {
    const page = this.page;
    await page.reload();
    await appReady(page);
    await page.locator('h1', { hasText: title }).waitFor();
    for (const a of this.here) {
      const ok = await page.waitForFunction(({ selector, value, checked }) => {
        const el = document.querySelector(selector);
        return el && (checked ? el.checked : el.value === value);
      }, a, { timeout: 5_000 }).then(() => true, () => false);
      assert.ok(ok, `after a reload ${a.selector} lost ${a.checked ? 'its tick' : JSON.stringify(a.value)}`);
    }
    const draft = await page.evaluate((id) => JSON.parse(localStorage.getItem(`portal.draft.${id}`) || 'null'), this.service);
    assert.ok(draft, 'no draft saved');
    for (const a of this.earlier) {
      const saved = JSON.stringify(draft.answers[a.field] ?? null);
      assert.ok(saved.includes(JSON.stringify(a.stored).slice(1, -1)) || saved.includes(String(a.stored)),
        `after a reload the draft lost ${a.field} = ${a.stored}: ${saved}`);
    }
    await expectAccessible(page, `${this.service}: reloaded`);
  }

  /// Every text appears in the summary list (addresses get their names from the API).
  async expectSummary(texts) {
    const summary = () => [...document.querySelectorAll('.summary-list__row')].map((r) => r.textContent).join('\n');
    const found = await this.page.waitForFunction((ts) => {
      const all = [...document.querySelectorAll('.summary-list__row')].map((r) => r.textContent).join('\n');
      return ts.every((t) => all.includes(t));
    }, texts, { timeout: 5_000 }).then(() => true, () => false);
    if (!found) {
      const all = await this.page.evaluate(summary);
      assert.fail(`check page lacks ${JSON.stringify(texts.filter((t) => !all.includes(t)))}:\n${all}`);
    }
    // Every section heading has answers under it (a declaration-only step has none).
    const empty = await this.page.evaluate(() => [...document.querySelectorAll('h2.check__section')]
      .filter((h) => !h.nextElementSibling?.querySelector('.summary-list__row'))
      .map((h) => h.textContent));
    assert.deepEqual(empty, [], 'check page sections without answers');
  }

  /// Follows a Change link by keyboard: focus lands on `focusId` on the question's page.
  async change(field, step, focusId) {
    const page = this.page;
    await pressOn(page, `.summary-list a[href$="/apply/${step}?return=check#f-${field}"]`);
    await page.waitForURL(new RegExp(`/apply/${step}\\?return=check`));
    await page.waitForFunction((id) => document.activeElement?.id === id, focusId, { timeout: 5_000 })
      .catch(async () => assert.fail(`Change did not move focus to #${focusId}: ${await describeFocus(page)}`));
    await expectFocusVisible(page, `#${focusId} from a Change link`);
    await expectAccessible(page, `${this.service}: changing ${field}`);
  }

  async saveAndReturn() {
    await tabTo(this.page, CONTINUE);
    assert.match(await this.page.locator(CONTINUE).textContent(), /Lưu và quay lại/);
    await this.page.keyboard.press('Enter');
    await this.page.waitForURL(/\/apply\/check$/);
    await this.page.locator('h1', { hasText: 'Kiểm tra' }).waitFor();
  }
}

/// dd/mm/yyyy, `days` from now (input data only: nothing is asserted about the clock).
function dayFromNow(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

// --- the journeys --------------------------------------------------------------------

test('birth registration by keyboard: sign in, addresses, people, an upload, check answers', async () => {
  const s = await newSession(PHONE);
  const { page } = s;
  try {
    const j = new Journey(s, 'birth-registration');
    await j.openService();

    // Sign in first (uploads need it): at the local OpenID provider, by keyboard.
    await pressOn(page, 'a.header__link[href="/auth/sign-in"]');
    await page.waitForURL('**/interaction/**');
    await expectAccessible(page, 'sign-in page');
    await typeInto(page, '#id_number', account('sandbox-citizen-binh').id_number);
    await typeInto(page, '#password', PASSWORD);
    await pressOn(page, 'button[type=submit]');
    await page.waitForURL(`**/services/${j.service}`);
    await appReady(page);
    await page.locator('.header__name-user', { hasText: 'Trần Thị Bình' }).waitFor();

    // The start button is a link drawn as a button: Space starts, as on a button.
    await pressOn(page, 'a.button--start', 'Space');
    await j.at('agency', 'Nơi đăng ký khai sinh');
    await j.address('agency_commune', { province: '01', filter: 'ba dinh', commune: '00004' });
    await j.continue();

    await j.at('applicant', 'Người đi đăng ký');
    await page.waitForFunction(() => document.querySelector('#f-applicant-full_name')?.value === 'Trần Thị Bình');
    await j.radio('relationship', 'input[name="f-relationship"]', 'input[name="f-relationship"][value="mother"]', 'mother');
    await j.continue();

    // Nothing typed: every question is listed; the first link leads to the name.
    await j.at('child', 'Thông tin của trẻ');
    await j.continue();
    await j.expectErrorsAndFollow('f-child_name', /Nhập họ, chữ đệm và tên của trẻ|họ, chữ đệm và tên/i);
    await page.keyboard.type('Nguyễn Minh Khang');
    j.here.push({ field: 'child_name', selector: '#f-child_name', value: 'Nguyễn Minh Khang', stored: 'Nguyễn Minh Khang' });
    await j.type('child_birth_date', '#f-child_birth_date', '15/03/2026');
    await j.radio('child_sex', 'input[name="f-child_sex"]', 'input[name="f-child_sex"][value="male"]', 'male');
    await j.type('child_ethnicity', '#f-child_ethnicity', 'Kinh');
    await j.type('child_nationality', '#f-child_nationality', 'Việt Nam');
    await j.radio('birth_place_kind', 'input[name="f-birth_place_kind"]', 'input[name="f-birth_place_kind"][value="health_facility"]', 'health_facility');
    // The facility's name is asked only for a birth in a health facility.
    await page.locator('#f-birth_facility').waitFor();
    await j.type('birth_facility', '#f-birth_facility', 'Bệnh viện Phụ sản Hà Nội');
    await j.address('birth_place', { province: '01', filter: 'cua nam', commune: '00082' });
    // Reload before continuing: everything typed on this page and before is kept.
    await j.reloadAndCheck('Thông tin của trẻ');
    await j.continue();

    await j.at('mother', 'Thông tin người mẹ');
    // She said she is the mother: her details are already there (WCAG 2.2, 3.3.7), still
    // editable; nothing is typed twice.
    for (const [selector, value] of [
      ['#f-mother-full_name', 'Trần Thị Bình'], ['#f-mother-birth_date', '02/11/1992'], ['#f-mother-id_number', '079192004321'],
    ]) {
      assert.equal(await page.locator(selector).inputValue(), value, selector);
      assert.equal(await page.locator(selector).getAttribute('readonly'), null, `${selector} stays editable`);
      j.here.push({ field: 'mother', selector, value, stored: value });
    }
    await j.type('mother_ethnicity', '#f-mother_ethnicity', 'Kinh');
    await j.type('mother_nationality', '#f-mother_nationality', 'Việt Nam');
    await j.address('mother_residence', { province: '79', filter: 'sai gon', commune: '26740', street: 'Số 5 đường Mẫu' });
    await j.continue();

    await j.at('father', 'Thông tin người cha');
    await j.radio('father_declared', 'input[name="f-father_declared"]', 'input[name="f-father_declared"][value="no"]', false);
    await j.continue();

    await j.at('documents', 'Giấy tờ kèm theo');
    await uploadFile(page, '#f-birth_notice', 'giay-chung-sinh.pdf');
    await expectAccessible(page, 'birth notice uploaded');
    await j.continue();

    await j.at('result', 'Nhận kết quả');
    await j.radio('paper_delivery', 'input[name="f-paper_delivery"]', 'input[name="f-paper_delivery"][value="none"]', 'none');
    await j.type('extract_copies', '#f-extract_copies', '2');
    await j.continue();

    await j.at('declaration', 'Cam đoan');
    await pressOn(page, '#f-declaration', 'Space');
    assert.equal(await page.locator('#f-declaration').isChecked(), true);
    await j.continue();

    await j.at('check', 'Kiểm tra');
    await j.expectSummary(['Phường Ba Đình, Thành phố Hà Nội', 'Mẹ', 'Nguyễn Minh Khang', '15/03/2026', 'Nam',
      'Bệnh viện Phụ sản Hà Nội', 'Phường Cửa Nam, Thành phố Hà Nội', 'Trần Thị Bình, 02/11/1992, 079192004321',
      'Số 5 đường Mẫu, Phường Sài Gòn, Thành phố Hồ Chí Minh', 'giay-chung-sinh.pdf', 'Không cần bản giấy']);
    assert.match(await page.locator('main').textContent(), /16\.000/);

    // Change the child's name from the check page and come back.
    await j.change('child_name', 'child', 'f-child_name');
    assert.equal(await page.locator('#f-child_name').inputValue(), 'Nguyễn Minh Khang');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Nguyễn Minh Khôi');
    await j.saveAndReturn();
    await j.expectSummary(['Nguyễn Minh Khôi']);
    await expectAccessible(page, 'birth registration: check page after a change');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('a fine paid for an organisation by keyboard: tax code error fixed, reload, change', async () => {
  const s = await newSession(PHONE);
  const { page } = s;
  try {
    const j = new Journey(s, 'camera-traffic-fine-payment');
    await j.openService();
    await pressOn(page, 'a.button--start');

    await j.at('lookup', 'Tra cứu quyết định xử phạt');
    await j.type('plate_number', '#f-plate_number', '30A-123.45');
    await j.type('decision_number', '#f-decision_number', '1234/QĐ-XPHC');
    await j.option('agency_province', '#f-agency_province', 'p01');
    await j.continue();

    // Paying for an organisation asks for its tax code and name.
    await j.at('payer', 'Người nộp phạt');
    await j.radio('payer_kind', 'input[name="f-payer_kind"]', 'input[name="f-payer_kind"][value="organisation"]', 'organisation');
    await page.locator('#f-organisation_tax_code').waitFor();
    // A wrong check digit (the right one is 7).
    await j.type('organisation_tax_code', '#f-organisation_tax_code', '0100112430');
    await j.type('organisation_name', '#f-organisation_name', 'Công ty Cổ phần Vận tải Mẫu');
    await j.continue();
    await j.expectErrorsAndFollow('f-organisation_tax_code', /[Mm]ã số thuế/);
    assert.equal(await page.locator('#f-organisation_tax_code').getAttribute('aria-invalid'), 'true');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('7');
    j.here.find((a) => a.field === 'organisation_tax_code').value = '0100112437';
    j.here.find((a) => a.field === 'organisation_tax_code').stored = '0100112437';
    await j.reloadAndCheck('Người nộp phạt');
    await j.continue();

    await j.at('applicant', 'Thông tin của bạn');
    await j.type('applicant', '#f-applicant-full_name', 'Lê Văn Cường');
    await j.type('applicant', '#f-applicant-birth_date', '20/05/1988');
    await j.radio('applicant', 'input[name="f-applicant-sex"]', '#f-applicant-sex', 'male');
    await j.type('applicant', '#f-applicant-id_number', '001088012345');
    await j.type('phone', '#f-phone', '0912345678');
    await j.continue();

    // Papers held, returned by post: two conditions deep, then an address.
    await j.at('held_papers', 'Giấy tờ bị tạm giữ');
    await j.radio('papers_held', 'input[name="f-papers_held"]', 'input[name="f-papers_held"][value="yes"]', true);
    await page.locator('input[name="f-papers_return"]').first().waitFor();
    await j.radio('papers_return', 'input[name="f-papers_return"]', 'input[name="f-papers_return"][value="post"]', 'post');
    await page.locator('#f-post_address-province').waitFor();
    await j.address('post_address', { province: '01', filter: 'cua nam', commune: '00082', street: 'Số 1 phố Tràng Thi' });
    await j.continue();

    await j.at('declaration', 'Xác nhận');
    await pressOn(page, '#f-declaration', 'Space');
    await j.continue();

    await j.at('check', 'Kiểm tra');
    await j.expectSummary(['30A-123.45', '1234/QĐ-XPHC', 'Cho cơ quan, tổ chức, doanh nghiệp sở hữu xe', '0100112437',
      'Công ty Cổ phần Vận tải Mẫu', 'Lê Văn Cường, 20/05/1988, Nam, 001088012345', '0912345678', 'Nhận qua bưu điện',
      'Số 1 phố Tràng Thi, Phường Cửa Nam, Thành phố Hà Nội']);

    await j.change('organisation_name', 'payer', 'f-organisation_name');
    await page.keyboard.press('End');
    await page.keyboard.type(' (chi nhánh Hà Nội)');
    await j.saveAndReturn();
    await j.expectSummary(['Công ty Cổ phần Vận tải Mẫu (chi nhánh Hà Nội)']);
    await expectAccessible(page, 'fine: check page after a change');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});

test('temporary residence by keyboard: a conditional step, a repeating group, errors in an item', async () => {
  const s = await newSession(PHONE);
  const { page } = s;
  try {
    const j = new Journey(s, 'temporary-residence-registration');
    await j.openService();
    await pressOn(page, 'a.button--start');

    await j.at('applicant', 'Thông tin của bạn');
    await j.type('applicant', '#f-applicant-full_name', 'Phạm Thu Trang');
    await j.type('applicant', '#f-applicant-birth_date', '08/09/1995');
    await j.radio('applicant', 'input[name="f-applicant-sex"]', '#f-applicant-sex-f', 'female');
    await j.type('applicant', '#f-applicant-id_number', '001195001234');
    await j.address('permanent_residence', { province: '01', filter: 'ba dinh', commune: '00004', street: 'Số 3 phố Đội Cấn' });
    await j.type('phone', '#f-phone', '0987654321');
    await j.continue();

    await j.at('request', 'Bạn cần làm gì?');
    await j.radio('request_kind', 'input[name="f-request_kind"]', 'input[name="f-request_kind"][value="new"]', 'new');
    await j.radio('filing_for', 'input[name="f-filing_for"]', 'input[name="f-filing_for"][value="household"]', 'household');
    await j.continue();

    const until = dayFromNow(300);
    await j.at('address', 'Nơi tạm trú');
    await j.address('temporary_address', { province: '79', filter: 'sai gon', commune: '26740', street: 'Số 10 đường Lê Lợi' });
    await j.type('stay_until', '#f-stay_until', until);
    // Renting: the owner's consent step comes next.
    await j.radio('residence_basis', 'input[name="f-residence_basis"]', 'input[name="f-residence_basis"][value="rented"]', 'rented');
    await j.continue();

    // CT01's household boxes: a new household, so the head's questions stay hidden.
    await j.at('household', 'Hộ gia đình');
    await j.radio('household_choice', 'input[name="f-household_choice"]', 'input[name="f-household_choice"][value="new"]', 'new');
    assert.equal(await page.locator('#f-household_head_name').count(), 0);
    await j.continue();

    await j.at('consent', 'Ý kiến đồng ý của chủ nhà');
    await j.type('owner_name', '#f-owner_name', 'Hoàng Văn Minh');
    await j.type('owner_id', '#f-owner_id', '079070001122');
    await j.radio('consent_method', 'input[name="f-consent_method"]', 'input[name="f-consent_method"][value="vneid"]', 'vneid');
    await j.continue();

    // Family registering with me, but nobody added yet: the error leads into the group.
    await j.at('family', 'Người đăng ký cùng bạn');
    await j.radio('family_registering', 'input[name="f-family_registering"]', 'input[name="f-family_registering"][value="yes"]', true);
    await page.locator('#f-family_members-0-family_member-full_name').waitFor();
    await j.continue();
    const m0 = '#f-family_members-0-family_member';
    await j.expectErrorsAndFollow('f-family_members', /Thêm ít nhất 1 người đăng ký cùng/, m0.slice(1) + '-full_name');
    await page.keyboard.type('Nguyễn Văn Nam');
    j.here.push({ field: 'family_members', selector: `${m0}-full_name`, value: 'Nguyễn Văn Nam', stored: 'Nguyễn Văn Nam' });
    await j.type('family_members', `${m0}-birth_date`, '01/01/1993');
    await j.radio('family_members', `input[name="f-family_members-0-family_member-sex"]`, `${m0}-sex`, 'male');
    // A woman's century digit (1) for a man: refused against the sex given.
    await j.type('family_members', `${m0}-id_number`, '001193004567');
    await j.radio('family_members', 'input[name="f-family_members-0-family_relationship"]',
      'input[name="f-family_members-0-family_relationship"][value="spouse"]', 'spouse');
    await j.continue();
    await j.expectErrorsAndFollow('f-family_members-0-family_member-id_number');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('001093004567');
    j.here.find((a) => a.selector === `${m0}-id_number`).value = '001093004567';

    // Add another person by keyboard: focus goes to the new item. Type part of it and
    // reload: both are kept.
    const add = '.question-form button[type=button]|Thêm người đăng ký cùng';
    await pressOn(page, add);
    const m1 = '#f-family_members-1-family_member';
    await page.waitForFunction((id) => document.activeElement?.id === id, m1.slice(1) + '-full_name');
    await j.type('family_members', `${m1}-full_name`, 'Nguyễn Minh An');
    await j.type('family_members', `${m1}-birth_date`, '10/10/2020');
    await j.reloadAndCheck('Người đăng ký cùng bạn');
    // A third, added and removed again: focus goes back to the second.
    await pressOn(page, add);
    await page.waitForFunction(() => document.activeElement?.id === 'f-family_members-2-family_member-full_name');
    await pressOn(page, '.group-item button|Xóa người đăng ký cùng 3');
    await page.waitForFunction(() => !document.querySelector('#f-family_members-2-family_member-full_name'));
    await page.waitForFunction((id) => document.activeElement?.id === id, m1.slice(1) + '-full_name');
    await expectFocusVisible(page, 'after removing an item');
    await j.radio('family_members', `input[name="f-family_members-1-family_member-sex"]`, `${m1}-sex`, 'male');
    await j.type('family_members', `${m1}-id_number`, '001220123456');
    await j.radio('family_members', 'input[name="f-family_members-1-family_relationship"]',
      'input[name="f-family_members-1-family_relationship"][value="child"]', 'child');
    await j.continue();

    await j.at('documents', 'Giấy tờ kèm theo');
    await j.radio('proof_in_database', 'input[name="f-proof_in_database"]', 'input[name="f-proof_in_database"][value="yes"]', true);
    await j.continue();

    await j.at('fee', 'Lệ phí');
    await j.radio('fee_category', 'input[name="f-fee_category"]', 'input[name="f-fee_category"][value="none"]', 'none');
    await j.continue();

    await j.at('declaration', 'Cam đoan');
    await pressOn(page, '#f-declaration', 'Space');
    await j.continue();

    await j.at('check', 'Kiểm tra');
    await j.expectSummary(['Phạm Thu Trang, 08/09/1995, Nữ, 001195001234',
      'Số 3 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội', 'Đăng ký tạm trú',
      'Số 10 đường Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh', until, 'Thuê nhà, thuê phòng',
      'Lập hộ mới, tôi là chủ hộ', 'Hoàng Văn Minh',
      '079070001122', 'Xác nhận trên ứng dụng VNeID',
      'Người đăng ký cùng 1: Nguyễn Văn Nam, 01/01/1993, Nam, 001093004567; Vợ hoặc chồng',
      'Người đăng ký cùng 2: Nguyễn Minh An, 10/10/2020, Nam, 001220123456; Con',
      'Không thuộc các trường hợp trên']);
    assert.match(await page.locator('main').textContent(), /7\.000/);

    // Change the family members from the check page: focus lands in the group.
    await j.change('family_members', 'family', 'f-family_members-0-family_member-full_name');
    await tabTo(page, `${m1}-full_name`);
    await page.keyboard.press('End');
    await page.keyboard.type(' Khang');
    await j.saveAndReturn();
    await j.expectSummary(['Người đăng ký cùng 2: Nguyễn Minh An Khang, 10/10/2020']);
    await expectAccessible(page, 'temporary residence: check page after a change');
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});
