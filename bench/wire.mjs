// Bytes on the wire for a first visit of a page (cold cache), per asset, as Chromium
// received them (encoded, i.e. after brotli) and decoded.
import { launch } from '../e2e/browser.mjs';

// The mark a portal page sets once it is usable (src/components/ready.rs).
const READY_MARK = 'portal-ready';

export async function measureWire(url, readySelector, { signIn } = {}) {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    // The page is still a first visit, with the session cookie a signed-in visit sends.
    if (signIn) await signInCold(context, page, signIn);
    const rows = [];
    const flush = recordResponses(page, async ({ req, res, path, sizes }) => {
      let raw = 0;
      try { raw = (await res.body()).length; } catch { /* redirects have no body */ }
      // What a page prefetches for the next one (<link rel="prefetch">, fetched at idle
      // priority) is counted apart: it is not what this page needs to be used.
      const purpose = (await req.allHeaders())['sec-purpose'] || '';
      const type = purpose.startsWith('prefetch')
        ? 'prefetch'
        : isChunk(path) ? 'chunk' : kind(path, res.headers()['content-type'] || '');
      rows.push({ url: req.url(), path, type, wire: sizes.responseBodySize, raw });
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    if (readySelector) await page.waitForSelector(readySelector);
    await page.waitForLoadState('networkidle');
    await flush();
    // A split bundle's chunks (scripts/split-bundle.mjs: `<bin>-<chunk>-<hash>.wasm`, the
    // core being `<bin>-<hash>_bg.wasm`) count apart only when the page asked for them
    // after it was usable (its `portal-ready` mark): Check answers' chunk from a step, for
    // the page after it. A chunk asked for before the mark (a question type the first
    // step draws) is part of what the page needs, with its bundle's wasm.
    const timing = await page.evaluate((mark) => ({
      ready: performance.getEntriesByName(mark)[0]?.startTime ?? null,
      started: Object.fromEntries(performance.getEntriesByType('resource').map((e) => [e.name, e.startTime])),
    }), READY_MARK);
    for (const r of rows) {
      if (r.type !== 'chunk') continue;
      const started = timing.started[r.url];
      if (timing.ready === null || started === undefined || started < timing.ready) r.type = 'wasm';
    }
    return rows;
  } finally {
    await browser.close();
  }
}

/// Signs the sandbox's test citizen in to `portal`, then empties the browser's cache, so
/// that what follows is a first visit with a session. Returns the page's CDP session.
export async function signInCold(context, page, portal) {
  // No bundle loads while signing in (the catalogue after it): the cache cleared below
  // holds them, but the bundles a page loaded or prefetched would stay registered as
  // compression dictionaries (Chromium keeps those apart), and the first visit measured
  // next would download less than a first visit does.
  const bundles = /\.(wasm|js)$/;
  const refuse = (route) => route.abort();
  await page.route(bundles, refuse);
  await page.goto(`${portal}/auth/sign-in?return_to=/`);
  await page.check('#identity-0');
  await Promise.all([page.waitForURL(`${portal}/`), page.click('form button[type=submit]')]);
  await page.unroute(bundles, refuse);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await page.goto('about:blank');
  return cdp;
}

/// Calls `record` with each response `page` receives in full (the request, the response,
/// its path and sizes); the function returned waits until those seen so far are recorded.
export function recordResponses(page, record) {
  const pending = [];
  page.on('requestfinished', (req) => {
    pending.push((async () => {
      const res = await req.response();
      if (!res) return;
      await record({ req, res, path: new URL(req.url()).pathname, sizes: await req.sizes() });
    })());
  });
  return () => Promise.all(pending.splice(0));
}

function isChunk(path) {
  return /-[a-z][a-z0-9-]*-[0-9a-f]{16}\.wasm$/.test(path) && !path.endsWith('_bg.wasm');
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
    .filter((r) => r.type !== 'prefetch' && r.type !== 'chunk')
    .reduce((a, r) => ({ wire: a.wire + r.wire, raw: a.raw + r.raw }), { wire: 0, raw: 0 });
  return { by, total };
}
