// Going on from one page to the next, as a signed-in citizen does (issue 16): the
// catalogue, a service's page, its form's first step, the next steps, Check answers, the
// confirmation after Send, and the dossier's tracking, in one tab on Lighthouse's mobile
// throttling (slow 4G, 4x CPU) with the browser's cache, starting cold at the catalogue.
// Each page is read for a few seconds before the next link is followed (what a page
// prefetches for the next one while it is read counts for that next step). For each step:
// the bytes that came over the network since the last page was usable (code: html, css,
// js, wasm; data: the API's answers), and the time from the click to the next page usable
// (the `portal-ready` mark of a page the server sent; for a step the same page draws,
// the frame that first shows what it shows first: a form's steps, Check answers, and
// after Send the confirmation and My dossiers, reached from its link).
// Returns the steps and the code of the dossier filed.
// Alone: node bench/journey.mjs <portal-url> (a server with --sandbox-sign-in)
import { launch } from '../e2e/browser.mjs';
import { SLOW_4G } from './ready.mjs';
import { recordResponses, signInCold } from './wire.mjs';
const SERVICE = 'old-id-number-confirmation';
const READING_MS = 3000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function kind(path, type) {
  if (path.startsWith('/api/')) return 'data';
  if (path.endsWith('.wasm') || /javascript|css|html/.test(type)) return 'code';
  return 'other';
}

export async function measureJourney(portal) {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();

    // Signed in first, then the cache emptied: the journey starts as a first visit.
    const cdp = await signInCold(context, page, portal);

    let bytes = { code: 0, data: 0, other: 0 };
    const flush = recordResponses(page, ({ res, path, sizes }) => {
      bytes[kind(path, res.headers()['content-type'] || '')] += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

    const steps = [];
    const settle = async () => {
      await flush();
      const b = bytes;
      bytes = { code: 0, data: 0, other: 0 };
      return b;
    };
    // A page the server sent: from the click to its `portal-ready` mark.
    const loaded = async (name, click, url) => {
      const t0 = Date.now();
      await Promise.all([page.waitForURL(url, { timeout: 60_000 }), click()]);
      await page.waitForFunction(() => performance.getEntriesByName('portal-ready').length > 0, null, { timeout: 60_000 });
      const at = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('portal-ready')[0].startTime);
      steps.push({ name, ms: at - t0, kind: 'page', ...(await settle()) });
    };
    // A step the same page draws: from the click (its event's time) to the first frame
    // in which, at the step's new address, an element `css` (with `text` in it, if given)
    // is in the page, both timed by the page itself (Playwright's own wait looks again
    // only every so often: up to half a second late).
    const drawn = async (name, click, url, css, text = '') => {
      await page.evaluate(([css, text]) => {
        window.__step = new Promise((resolve, reject) => {
          setTimeout(() => reject(new Error(`${css} ${text} not drawn in 60 s`)), 60_000);
          const from = location.href;
          let clickedAt;
          addEventListener('click', (ev) => { clickedAt = ev.timeStamp; }, { capture: true, once: true });
          const there = () => [...document.querySelectorAll(css)].some((el) => el.textContent.includes(text));
          const watch = new MutationObserver(() => {
            if (clickedAt !== undefined && location.href !== from && there()) {
              watch.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - clickedAt));
            }
          });
          watch.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        });
      }, [css, text]);
      await Promise.all([page.waitForURL(url, { timeout: 60_000 }), click()]);
      const ms = await page.evaluate(() => window.__step);
      steps.push({ name, ms, kind: 'in page', ...(await settle()) });
    };
    const read = async () => {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(READING_MS);
    };
    const cont = () => page.getByRole('button', { name: 'Tiếp tục' }).click();

    await loaded('catalogue (first visit)', () => page.goto(`${portal}/`), `${portal}/`);
    await read();
    await loaded('service page', () => page.locator(`a[href="/services/${SERVICE}"]`).first().click(),
      `${portal}/services/${SERVICE}`);
    await read();
    await loaded('form: first step', () => page.locator(`a[href="/services/${SERVICE}/apply"]`).first().click(),
      `${portal}/services/${SERVICE}/apply**`);
    await page.waitForFunction(() => document.querySelector('[id="f-applicant-full_name"]')?.value);
    await read();
    await drawn('form: second step', cont, '**/apply/old_card', 'label', 'Có');
    await page.getByLabel('Có').check();
    await page.locator('input[type=file]').setInputFiles({ name: 'cmnd-cu.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.waitForSelector('.file-list__item:has-text("cmnd-cu.pdf") .tag', { timeout: 60_000 });
    await settle();
    await drawn('form: third step', cont, '**/apply/result', '#f-agency_commune-province');
    await page.selectOption('#f-agency_commune-province', '01');
    await page.waitForSelector('#f-agency_commune-commune option[value="00004"]', { state: 'attached', timeout: 60_000 });
    await page.selectOption('#f-agency_commune-commune', '00004');
    await page.locator('.radios__input').first().check();
    await drawn('form: last step', cont, '**/apply/declaration', '#f-declaration');
    await page.locator('#f-declaration').check();
    await read();
    await drawn('Check answers', cont, '**/apply/check', '.submit button');
    await read();
    // The confirmation and My dossiers (the form's page draws both after Send): usable
    // once the dossier's code is on the screen.
    await drawn('submitted (confirmation)', () => page.locator('.submit button').click(), '**/dossiers/**', '.panel__code');
    await read();
    const code = (await page.locator('.panel__code').textContent()).trim();
    await drawn('tracking (My dossiers)', () => page.locator('main').getByRole('link', { name: 'Hồ sơ của tôi' }).click(),
      `${portal}/dossiers`, '.service-item__name', code);
    return { steps, code };
  } finally {
    await browser.close();
  }
}

export function printJourney(steps) {
  const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
  console.log('| step | how it is shown | code downloaded | data downloaded | click to usable |');
  console.log('|---|---|---:|---:|---:|');
  for (const s of steps) {
    console.log(`| ${s.name} | ${s.kind} | ${kib(s.code)} | ${kib(s.data + s.other)} | ${(s.ms / 1000).toFixed(2)} s |`);
  }
  const after = steps.slice(1);
  const code = after.reduce((a, s) => a + s.code, 0);
  const all = after.reduce((a, s) => a + s.code + s.data + s.other, 0);
  console.log(`\nAfter the first page: code ${kib(code)}, everything ${kib(all)} (target: at most 120 KiB more in all; each step shown within 300 ms once its code is there).`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printJourney((await measureJourney(process.argv[2])).steps);
}
