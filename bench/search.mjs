// Catalogue search keystroke latency in Chromium, measured in the page, for each server
// URL given (e.g. the real catalogue and a generated 10,000-service one).
// Usage: node bench/search.mjs <label>=<url> ...
import { launch } from '../e2e/browser.mjs';
import { stats, fmt, typeAndTime } from './lib.mjs';

const QUERIES = ['dang ky khai sinh', 'Đăng ký thường trú', 'ho chieu pho thong', 'cap lai giay phep xay dung', 'thuogn tru', 'passport', 'CCCD'];

export async function measureSearch(url) {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(url + '/');
    await page.waitForSelector('.service-item', { timeout: 60_000 });
    const services = await page.evaluate(async () => (await (await fetch('/api/v1/catalog')).json()).services.length);
    await typeAndTime(page, 'catalogue-search', ['warm up']);
    const samples = await typeAndTime(page, 'catalogue-search', QUERIES);
    return { services, ...stats(samples) };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('| catalogue | services | keystrokes | median | p95 | max |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const arg of process.argv.slice(2)) {
    const [label, url] = arg.split('=');
    const r = await measureSearch(url);
    console.log(`| ${label} | ${r.services} | ${r.n} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.max)} |`);
  }
}
