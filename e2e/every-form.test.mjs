// Every published service, filled in through the page and sent, as the person it is for
// (the sandbox citizen, or the business representative for services open only to
// businesses): the answers are the shared generator's default journey
// (`catalog-tool cases`, the generator the server's HTTP tests file on every branch),
// typed, chosen, ticked and uploaded the way a person does, step by step with Continue,
// to Check answers, where the fee shown is checked and "Gửi hồ sơ" must end on the
// confirmation with a dossier code. A refusal anywhere fails with what the page said.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cases } from './cases.mjs';
import { startServer } from './server.mjs';
import { signInAtProvider } from './identity.mjs';
import { newSession, appReady, expectStylesComplete } from './checks.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
// A 1x1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex');


async function signIn(page, name) {
  await page.goto(`${server.url}/auth/sign-in?return_to=/`);
  await signInAtProvider(page, name, server.url);
  await page.waitForURL(server.url + '/');
}

// Disabled counts the control's own attribute and a disabled fieldset around it (an address
// the person's record locks).
const editable = (loc) => loc.evaluate((el) => !el.readOnly && !el.matches(':disabled'));

/// Fills one answer into the inputs whose ids start with `id` (the answer's dom id).
/// Returns false when the question is not on this page (yet).
async function fill(page, id, answer) {
  const el = page.locator(`[id="${id}"]`);
  const { type, value } = answer;
  switch (type) {
    case 'text': {
      if (!(await el.count())) return false;
      if (!(await editable(el))) return true;
      const tag = await el.evaluate((e) => e.tagName);
      if (tag === 'SELECT') await el.selectOption(value);
      else await el.fill(value);
      return true;
    }
    case 'choice': {
      if (!(await el.count())) return false;
      if (await el.evaluate((e) => e.tagName === 'SELECT')) {
        await el.selectOption(value);
      } else {
        const radio = page.locator(`input[type=radio][name="${id}"][value="${value}"]`);
        if (await editable(radio)) await radio.check();
      }
      return true;
    }
    case 'choices': {
      const boxes = page.locator(`input[type=checkbox][id^="${id}"]`);
      if (!(await boxes.count())) return false;
      for (const v of value) await page.locator(`input[type=checkbox][id^="${id}"][value="${v}"]`).check();
      return true;
    }
    case 'yes-no': {
      if (!(await el.count())) return false;
      if (await el.evaluate((e) => e.type === 'checkbox')) {
        if (value) await el.check();
      } else {
        await page.locator(`input[type=radio][name="${id}"][value="${value ? 'yes' : 'no'}"]`).check();
      }
      return true;
    }
    case 'address': {
      const province = page.locator(`[id="${id}-province"]`);
      if (!(await province.count())) return false;
      if (await editable(province)) {
        // The picker redraws as its lists load: choose until both choices hold.
        const commune = page.locator(`[id="${id}-commune"]`);
        for (let attempt = 0; ; attempt++) {
          await province.selectOption(value.province);
          await page.waitForSelector(`[id="${id}-commune"] option[value="${value.commune}"]`, { state: 'attached' });
          await commune.selectOption(value.commune);
          const held = (await province.inputValue()) === value.province
            && (await commune.inputValue()) === value.commune;
          if (held) break;
          assert.ok(attempt < 3, `${id}: the address picker did not keep ${value.province}/${value.commune}`);
        }
      }
      const street = page.locator(`[id="${id}-street"]`);
      if ((await street.count()) && (await editable(street)) && value.street) await street.fill(value.street);
      return true;
    }
    case 'person': {
      const name = page.locator(`[id="${id}-full_name"]`);
      if (!(await name.count())) return false;
      if (!(await editable(name))) return true;
      await name.fill(value.full_name ?? '');
      const birth = page.locator(`[id="${id}-birth_date"]`);
      if ((await birth.count()) && value.birth_date) await birth.fill(value.birth_date);
      if (value.sex) {
        await page.locator(`[id="${id}-sex${value.sex === 'female' ? '-f' : ''}"]`).check();
      }
      const number = page.locator(`[id="${id}-id_number"]`);
      if ((await number.count()) && value.id_number) await number.fill(value.id_number);
      return true;
    }
    case 'files': {
      if (!(await el.count())) return false;
      for (const f of value) {
        const image = f.mime.startsWith('image/');
        const name = image ? 'anh-chan-dung.png' : 'giay-to.pdf';
        const before = await page.locator(`[id="${id}"]`).locator('xpath=ancestor::*[contains(@class,"field")][1]')
          .locator('.file-list__item .tag').count();
        await page.locator(`[id="${id}"]`).setInputFiles({
          name, mimeType: image ? 'image/png' : 'application/pdf', buffer: image ? PNG : PDF,
        });
        await page.waitForFunction(([i, n]) => {
          const input = document.getElementById(i);
          const field = input?.closest('.field') ?? document;
          return field.querySelectorAll('.file-list__item .tag').length > n || !input;
        }, [id, before]);
      }
      return true;
    }
    case 'group': {
      const first = page.locator(`[id^="${id}-0-"]`);
      const add = page.locator(`[id="${id}-add"]`);
      if (!(await first.count()) && !(await add.count())) return false;
      for (let i = 0; i < value.length; i++) {
        if (!(await page.locator(`[id^="${id}-${i}-"]`).count())) await add.click();
        await page.waitForSelector(`[id^="${id}-${i}-"]`);
        await fillAll(page, value[i], `${id}-${i}-`);
      }
      return true;
    }
    default:
      throw new Error(`no way to fill an answer of type ${type}`);
  }
}

/// Fills every answer whose question is on the page; later questions appear as earlier
/// ones are answered (conditions), so it goes round until nothing new is filled.
async function fillAll(page, answers, prefix, done = new Set()) {
  for (let pass = 0; pass < 10; pass++) {
    let progress = false;
    for (const [key, answer] of Object.entries(answers)) {
      if (done.has(key)) continue;
      if (await fill(page, `${prefix}${key}`, answer)) {
        done.add(key);
        progress = true;
      }
    }
    // A question shown by an answer just given is drawn a moment later: let the page
    // settle (two frames and a short pause) before deciding nothing more is there.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(150);
    if (!progress && pass > 0) break;
  }
  return done;
}

/// `atCheck(page)`, when given, runs on Check answers before Send.
async function fileThrough(page, c, atCheck) {
  await page.goto(`${server.url}/services/${c.service_id}`);
  await appReady(page);
  await page.getByRole('button', { name: /Bắt đầu/ }).click();
  const done = new Set();
  for (let step = 0; step < 40; step++) {
    await page.waitForURL(/\/apply\/[^/?#]+$/);
    if (page.url().endsWith('/apply/check')) break;
    await page.waitForSelector('form.question-form > button[type=submit]');
    await fillAll(page, c.answers, 'f-', done);
    const before = page.url();
    await expectStylesComplete(page, `${c.service_id} ${before}`);
    await page.locator('form.question-form > button[type=submit]').click();
    await page.waitForFunction((u) => location.href !== u || document.querySelector('.error-summary'), before);
    if (await page.locator('.error-summary').count()) {
      assert.fail(`${c.service_id} (${c.label}): refused on ${before}: ${await page.locator('.error-summary').innerText()}`);
    }
  }
  assert.ok(page.url().endsWith('/apply/check'), `${c.service_id}: never reached Check answers`);
  // The fee as Check answers states it: the paragraph after the "Phí, lệ phí" heading.
  const quoted = await page.locator('h2:has-text("Phí, lệ phí") + p').innerText();
  await expectStylesComplete(page, `${c.service_id} Check answers`);
  if (atCheck) await atCheck(page);
  await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  await page.waitForFunction(() => /\/dossiers\//.test(location.pathname) || document.querySelector('#submit-problems-title'));
  if (!/\/dossiers\//.test(new URL(page.url()).pathname)) {
    assert.fail(`${c.service_id} (${c.label}): refused at Send: ${await page.locator('section').last().innerText()}`);
  }
  const code = (await page.locator('.panel__code').innerText()).trim();
  assert.match(code, /\S/, `${c.service_id}: no dossier code on the confirmation`);
  await expectStylesComplete(page, `${c.service_id} confirmation`);
  // The dossier is charged what Check answers said.
  const dossier = await (await page.request.get(`${server.url}/api/v1/dossiers/${encodeURIComponent(code)}`)).json();
  const { status, amount } = dossier.payment;
  const expected = {
    not_required: /Không phải nộp phí/,
    awaiting_assessment: /chờ cơ quan xác định lệ phí/,
    unpaid: new RegExp(String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')),
  }[status];
  assert.ok(expected, `${c.service_id}: payment status ${status}`);
  assert.match(quoted, expected, `${c.service_id}: Check answers said "${quoted}", the dossier is ${status} ${amount ?? ''}`);
  return `${code} (${status}${amount ? ' ' + amount : ''})`;
}

// Services are filed side by side, each in a browser of its own signed in as the person
// (a lane), so the suite's longest test is not one person filing 29 forms in a row.
const LANES = 3;

for (const [applicant, who] of [['citizen', 'Nguyễn Văn An'], ['business', 'Phạm Quốc Dũng']]) {
  test(`every service open to a ${applicant} is filled in and sent through the page`, { concurrency: LANES }, async (t) => {
    const free = [];
    const all = [];
    const lane = async () => {
      if (free.length) return free.pop();
      const s = await newSession({ viewport: { width: 1280, height: 900 } });
      all.push(s);
      await signIn(s.page, who);
      return s;
    };
    try {
      const first = await lane();
      const session = await (await first.page.request.get(`${server.url}/api/v1/session`)).json();
      free.push(first);
      let list = cases(session.prefill, applicant);
      // The citizen files every citizen service; the representative files what only a
      // business may (the services open to both are filed by the citizen).
      if (applicant === 'business') {
        const citizenServices = new Set(cases(session.prefill, 'citizen').map((c) => c.service_id));
        list = list.filter((c) => !citizenServices.has(c.service_id));
      }
      assert.ok(list.length > 0);
      const filed = [];
      await Promise.all(list.map((c) => t.test(c.service_id, async () => {
        const s = await lane();
        try {
          filed.push(`${c.service_id} ${await fileThrough(s.page, c)}`);
        } finally { free.push(s); }
      })));
      assert.equal(filed.length, list.length, 'a service was not filed');
      console.log(`filed through the page as a ${applicant} (${filed.length}):\n  ${filed.sort().join('\n  ')}`);
      assert.deepEqual(all.flatMap((s) => s.errors), []);
    } finally { await Promise.all(all.map((s) => s.close())); }
  });
}

// Circular 16/2025/TT-BTC, Art. 5: older people pay no criminal record fee. Nobody asks
// the applicant's age: the date of birth VNeID gives decides, and Check answers says why.
test('an older citizen files a criminal record certificate free, and is told why', async () => {
  const s = await newSession({ viewport: { width: 360, height: 800 } });
  try {
    const { page } = s;
    await signIn(page, 'Đỗ Văn Giang');
    const session = await (await page.request.get(`${server.url}/api/v1/session`)).json();
    const c = cases(session.prefill, 'citizen').find((x) => x.service_id === 'judicial-record-certificate');
    assert.ok(c, 'the criminal record has a default journey');
    // No group chosen from the list: only the age can waive the fee.
    c.answers.fee_category = { type: 'choice', value: 'standard' };
    delete c.answers.reduced_fee_proof;
    const filed = await fileThrough(page, c, async (p) => {
      const waiver = await p.locator('.fee-waiver').allInnerTexts();
      assert.ok(waiver.some((w) => /Người cao tuổi \(từ đủ 60 tuổi, theo ngày sinh của bạn\)/.test(w)), `waivers: ${waiver}`);
      assert.match(await p.locator('h2:has-text("Phí, lệ phí") + p').innerText(), /Không phải nộp phí/);
      await p.screenshot({ path: 'target/e2e-fee-waiver-360.png', fullPage: true });
    });
    assert.match(filed, /not_required/);
    assert.deepEqual(s.errors, []);
  } finally { await s.close(); }
});
