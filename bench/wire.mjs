// Bytes on the wire for a first visit of a page (cold cache), per asset, as Chromium
// received them (encoded, i.e. after brotli) and decoded.
import { launch } from '../e2e/browser.mjs';

export async function measureWire(url, readySelector) {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const rows = [];
    const pending = [];
    page.on('requestfinished', (req) => {
      pending.push((async () => {
        const res = await req.response();
        if (!res) return;
        const sizes = await req.sizes();
        let raw = 0;
        try { raw = (await res.body()).length; } catch { /* redirects have no body */ }
        const path = new URL(req.url()).pathname;
        // What a page prefetches for the next one (<link rel="prefetch">, fetched at idle
        // priority) is counted apart: it is not what this page needs to be used.
        const purpose = (await req.allHeaders())['sec-purpose'] || '';
        const type = purpose.startsWith('prefetch') ? 'prefetch' : kind(path, res.headers()['content-type'] || '');
        rows.push({ path, type, wire: sizes.responseBodySize, raw });
      })());
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    if (readySelector) await page.waitForSelector(readySelector);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    return rows;
  } finally {
    await browser.close();
  }
}

function kind(path, type) {
  if (path.endsWith('.wasm')) return 'wasm';
  if (type.includes('javascript')) return 'js';
  if (type.includes('css')) return 'css';
  if (type.includes('html')) return 'html';
  if (path.startsWith('/api/')) return 'data';
  return 'other';
}

export function summarise(rows) {
  const by = {};
  for (const r of rows) {
    by[r.type] ??= { wire: 0, raw: 0 };
    by[r.type].wire += r.wire;
    by[r.type].raw += r.raw;
  }
  const total = rows
    .filter((r) => r.type !== 'prefetch')
    .reduce((a, r) => ({ wire: a.wire + r.wire, raw: a.raw + r.raw }), { wire: 0, raw: 0 });
  return { by, total };
}
