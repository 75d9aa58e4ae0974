// Shared checks for every page the end-to-end tests reach: axe with the WCAG 2.2 AA tags
// (any violation fails), the page's own stylesheet styling it as the whole one would, and
// no console errors or uncaught exceptions.
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from './browser.mjs';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectAccessible(page, label) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const problems = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.equal(problems.length, 0, `axe found problems on ${label}:\n  ${problems.join('\n  ')}`);
  await expectStylesComplete(page, label);
}

// The whole stylesheet: the one the staff's bundle (index.html) links, which
// scripts/purge-css.mjs leaves whole because that bundle holds every view.
const WHOLE_STYLESHEET = (() => {
  const html = readFileSync(resolve(import.meta.dirname, '../dist/index.html'), 'utf8');
  return html.match(/<link rel="stylesheet" href="(\/[^"]+\.css)"/)[1];
})();

/// Each page links a stylesheet cut to the rules its bundle's elements can match
/// (scripts/purge-css.mjs). Adding the whole stylesheet after it must change no computed
/// style of any element (or of its ::before and ::after) on the page as it is now: if it
/// does, the cut dropped a rule this page uses.
export async function expectStylesComplete(page, label) {
  const own = await page.evaluate(() =>
    document.querySelector('link[rel=stylesheet][href^="/style-"]')?.getAttribute('href') ?? null);
  if (!own || own === WHOLE_STYLESHEET) return;
  const snapshot = () => page.evaluate(() => {
    const out = [];
    const describe = (cs) => Array.from(cs, (p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    for (const el of document.body.querySelectorAll('*')) {
      const parts = [describe(getComputedStyle(el))];
      for (const pseudo of ['::before', '::after']) {
        const cs = getComputedStyle(el, pseudo);
        if (cs.content !== 'none' && cs.content !== 'normal') parts.push(describe(cs));
      }
      const id = el.id ? `#${el.id}` : '';
      out.push([`${el.tagName.toLowerCase()}${id}.${[...el.classList].join('.')}`, parts.join('|')]);
    }
    return out;
  });
  // Fetched here, not by the page, which may be offline on purpose; adopted as a
  // constructed stylesheet, which comes after the page's own in the cascade.
  const whole = await (await fetch(new URL(WHOLE_STYLESHEET, page.url()))).text();
  const adopt = (css) => page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
  const unadopt = () => page.evaluate(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.slice(0, -1);
  });
  // The page may still be drawing (an address's commune names arrive after the rest):
  // a style counts as lost only when the whole stylesheet's differs from the page's own
  // both before and after it; a page that keeps changing is compared again.
  let lost = [];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const before = await snapshot();
    await adopt(whole);
    const withWhole = await snapshot();
    await unadopt();
    const afterwards = await snapshot();
    if (before.length !== withWhole.length || before.length !== afterwards.length) continue;
    lost = [];
    for (let i = 0; i < before.length; i += 1) {
      const b = withWhole[i][1];
      if (b !== before[i][1] && b !== afterwards[i][1]) {
        const a = before[i][1].split(/[;|]/);
        const changed = b.split(/[;|]/).filter((d, j) => d !== a[j]).slice(0, 4);
        lost.push(`${before[i][0]}: ${changed.join('; ')}`);
      }
    }
    if (lost.length === 0) return;
  }
  assert.fail(lost.length
    ? `${label}: ${own} lacks rules the whole stylesheet applies here:\n  ${lost.slice(0, 10).join('\n  ')}`
    : `${label}: the page kept changing while its styles were compared`);
}

/// A browser context whose pages record console errors and page errors.
export async function newSession(options = {}) {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, ...options });
  const errors = [];
  // Any Content-Security-Policy violation is reported as an error.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text().split('\n')[0]} @ ${page.url()}`); });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message} @ ${page.url()}`));
  return {
    browser, context, page, errors,
    async close() { await browser.close(); },
  };
}

/// Waits until the wasm app has mounted. The first paint (index.html) has the language
/// switch too, but disabled: only the app enables it. Waiting for the first paint's copy let
/// a test press keys while the app was replacing the page, which lost the focus (CI, stop 22).
export async function appReady(page) {
  await page.waitForSelector('.header__lang:not([disabled])', { timeout: 15_000 });
}
