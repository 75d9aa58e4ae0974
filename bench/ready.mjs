// Ready to use: from navigation start to the performance mark a page sets when it has
// mounted and its first control answers (the portal's `portal-ready`, see
// components::ready; the GOV.UK peer's `peer-ready`, after its JavaScript initialised),
// on Lighthouse's mobile throttling (slow 4G: 150 ms round trip, 1.6 Mbit/s down,
// 750 kbit/s up; 4x CPU), cold cache, median of `runs` loads per page. Also the first
// contentful paint of the same loads, to tell "shown" from "usable".
import { launch } from '../e2e/browser.mjs';
import { stats } from './lib.mjs';

export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

async function once(browser, url, mark) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    const page = await context.newPage();
    // The page's own largest paint, observed in this throttled load (Lighthouse's LCP is
    // simulated from an unthrottled trace instead).
    await page.addInitScript(() => {
      window.__lcp = NaN;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__lcp = e.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000 });
    return await page.evaluate(async (m) => ({
      ready: performance.getEntriesByName(m)[0].startTime,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      // A page ready as soon as it paints (the GOV.UK peer) can be read before its largest
      // paint was handed to the observer: ask for the buffered entries again, briefly.
      lcp: Number.isNaN(window.__lcp)
        ? await new Promise((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime))
            .observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => resolve(window.__lcp), 2000);
        })
        : window.__lcp,
    }), mark);
  } finally {
    await context.close();
  }
}

/// Median and worst of `runs` cold loads of `url`, waiting for the mark `mark`.
export async function measureReady(url, mark, runs = 5) {
  const browser = await launch();
  try {
    const ready = [];
    const fcp = [];
    const lcp = [];
    for (let i = 0; i < runs; i++) {
      const r = await once(browser, url, mark);
      ready.push(r.ready);
      fcp.push(r.fcp);
      lcp.push(r.lcp);
    }
    const seen = (xs) => xs.filter(Number.isFinite);
    return { ready: stats(ready), fcp: stats(seen(fcp)), lcp: stats(seen(lcp)) };
  } finally {
    await browser.close();
  }
}
