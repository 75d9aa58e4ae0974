// Shared checks for every page the end-to-end tests reach: axe with the WCAG 2.2 AA tags
// (any violation fails), and no console errors or uncaught exceptions.
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectAccessible(page, label) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const problems = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.equal(problems.length, 0, `axe found problems on ${label}:\n  ${problems.join('\n  ')}`);
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
